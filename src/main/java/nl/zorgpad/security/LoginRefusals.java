package nl.zorgpad.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * How a refused login is answered, for each door:
 *
 * <ul>
 *   <li>the login form: back to {@code /login} with the Dutch message — wrong password, or the
 *       address must wait ({@code /login?wachten}; the page asks the throttle how long, so a
 *       crafted link cannot show a wrong time);</li>
 *   <li>HTTP Basic with wrong credentials on <em>any</em> URL, pages included: 401 with a
 *       {@code Basic} challenge, never a redirect to the login page (a client that keeps sending
 *       its wrong header to {@code /login} would otherwise loop forever). The webapps' XHR API
 *       gets no challenge (the browser would pop up its own dialog);</li>
 *   <li>HTTP Basic from an address that must wait: 429 with {@code Retry-After}.</li>
 * </ul>
 *
 * Bodies are RFC 9457 problem details with a Dutch {@code userMessage} (API doors) or the Dutch
 * text alone (pages); never internals.
 */
@Component
class LoginRefusals implements AuthenticationFailureHandler, AuthenticationEntryPoint {

  static final String LOGIN_FAILED = "/login?error";
  static final String LOGIN_THROTTLED = "/login?wachten";

  private final MessageSource messages;
  private final ObjectMapper json;

  LoginRefusals(MessageSource messages, ObjectMapper json) {
    this.messages = messages;
    this.json = json;
  }

  /** Form login failed. */
  @Override
  public void onAuthenticationFailure(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    String target = exception instanceof LoginThrottledException ? LOGIN_THROTTLED : LOGIN_FAILED;
    response.sendRedirect(request.getContextPath() + target);
  }

  /** HTTP Basic credentials were presented and refused. */
  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
      throws IOException {
    if (exception instanceof LoginThrottledException throttled) {
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()));
      write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "login-throttled",
          "Too many failed login attempts from this address; retry after "
              + throttled.retryAfterSeconds()
              + " s",
          throttledMessage(throttled.retryAfterMinutes()));
      return;
    }
    if (!SecurityConfig.WEBAPP_API.matches(request)) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Zorgpad\"");
    }
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "Invalid user name or password",
        text("login.error"));
  }

  String throttledMessage(long minutes) {
    return messages.getMessage(
        "login.throttled", new Object[] {minutes}, Locale.forLanguageTag("nl-NL"));
  }

  private String text(String key) {
    return messages.getMessage(key, null, Locale.forLanguageTag("nl-NL"));
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String code,
      String detail,
      String userMessage)
      throws IOException {
    response.setStatus(status.value());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (SecurityConfig.wantsJson(request)) {
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "about:blank");
      problem.put("title", status.getReasonPhrase());
      problem.put("status", status.value());
      problem.put("detail", detail);
      problem.put("code", code);
      problem.put("userMessage", userMessage);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
    } else {
      response.setContentType(MediaType.TEXT_PLAIN_VALUE);
      response.getWriter().write(userMessage);
    }
  }
}
