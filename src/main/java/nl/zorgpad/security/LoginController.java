package nl.zorgpad.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

  private final LoginThrottle throttle;

  LoginController(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  /**
   * The login page; while the visitor's address must wait ({@link LoginThrottle}) it says for how
   * many minutes, computed here and not taken from the URL.
   */
  @GetMapping("/login")
  String login(HttpServletRequest request, Model model) {
    throttle
        .retryAfter(request.getRemoteAddr())
        .ifPresent(
            wait ->
                model.addAttribute(
                    "throttledMinutes", LoginThrottledException.retryAfterMinutes(wait)));
    return "login";
  }
}
