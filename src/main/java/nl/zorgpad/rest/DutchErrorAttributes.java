package nl.zorgpad.rest;

import java.util.Map;
import nl.zorgpad.refusal.DutchText;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * The answers that Spring Boot's error controller writes itself — a refusal before any
 * Zorgpad handler ran: Spring Security's 403 (CSRF token missing, a role that may not), its
 * firewall's 400 (a {@code //} in the path), a 404/405/415 of Spring MVC, a
 * {@code ResponseStatusException} — carry the same Dutch {@code userMessage} (and stable
 * {@code error} code in {@code code}) as every other refusal (docs/api.md, "Refusals at every
 * door"), so a JSON client never gets only Spring's English reason phrase. The HTML error page
 * ({@code templates/error.html}) is Dutch already and reads the same attributes.
 */
class DutchErrorAttributes extends DefaultErrorAttributes {

  @Override
  public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
    Map<String, Object> attributes = super.getErrorAttributes(request, options);
    Object status = attributes.get("status");
    int code = status instanceof Integer value ? value : 500;
    attributes.putIfAbsent("userMessage", userMessage(code));
    return attributes;
  }

  static String userMessage(int status) {
    return switch (status) {
      case 401, 403 -> DutchText.of("refusal.notAuthorized");
      case 404, 410 -> DutchText.of("refusal.notFound");
      case 405 -> DutchText.of("refusal.notAllowedMethod");
      case 406 -> DutchText.of("refusal.notAcceptable");
      case 409 -> DutchText.of("refusal.concurrentChange");
      case 413 -> DutchText.of("refusal.tooLarge");
      case 415 -> DutchText.of("refusal.unsupportedMediaType");
      default ->
          status >= 500
              ? DutchText.of("refusal.serverErrorUnnumbered")
              : DutchText.of("refusal.badRequest");
    };
  }
}
