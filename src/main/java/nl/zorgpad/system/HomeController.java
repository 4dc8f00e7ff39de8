package nl.zorgpad.system;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page: where each role goes next. */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}
