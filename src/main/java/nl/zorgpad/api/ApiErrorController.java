package nl.zorgpad.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * Spring Boot's error answer (a refusal before any Zorgpad handler ran: Spring Security's 401
 * without credentials and 403 of a URL rule, Spring MVC's 404, 405, 415), for a request to
 * Zorgpad's API ({@code /api/**}) as the same RFC 9457 problem detail as
 * {@link ApiExceptionHandler}'s, with {@code code} and the Dutch {@code userMessage} of
 * {@code rest.DutchErrorAttributes}. Every other path keeps Spring Boot's answer (the HTML error
 * page, or its JSON with {@code userMessage}). Declared as a bean in
 * {@link ApiErrorConfiguration}, so Spring Boot's own error controller steps back.
 */
class ApiErrorController extends BasicErrorController {

  ApiErrorController(
      ErrorAttributes errorAttributes,
      ServerProperties server,
      List<ErrorViewResolver> errorViewResolvers) {
    super(errorAttributes, server.getError(), errorViewResolvers);
  }

  @Override
  public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
    ResponseEntity<Map<String, Object>> answer = super.error(request);
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(uri instanceof String path)
        || !path.startsWith(request.getContextPath() + "/api/")
        || answer.getBody() == null) {
      return answer;
    }
    HttpStatus status = HttpStatus.resolve(answer.getStatusCode().value());
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    Object userMessage = answer.getBody().get("userMessage");
    ResponseEntity<ProblemDetail> problem =
        ApiError.answer(
            status,
            code(status),
            detail(status),
            userMessage == null ? null : userMessage.toString(),
            List.of());
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    ProblemDetail detail = problem.getBody();
    body.put("type", detail.getType().toString());
    body.put("title", detail.getTitle());
    body.put("status", detail.getStatus());
    body.put("detail", detail.getDetail());
    body.putAll(detail.getProperties());
    return ResponseEntity.status(status).headers(problem.getHeaders()).body(body);
  }

  static String code(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> "unauthenticated";
      case FORBIDDEN -> "forbidden";
      case NOT_FOUND -> "not-found";
      case METHOD_NOT_ALLOWED -> "method-not-allowed";
      case NOT_ACCEPTABLE -> "not-acceptable";
      case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
      case PAYLOAD_TOO_LARGE -> "request-too-large";
      default -> status.is5xxServerError() ? "server-error" : "bad-request";
    };
  }

  private static String detail(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> "Authentication required (HTTP Basic with a Zorgpad account)";
      case FORBIDDEN -> "This account may not use this endpoint";
      case NOT_FOUND -> "No such endpoint";
      case METHOD_NOT_ALLOWED -> "This endpoint does not accept this HTTP method";
      case UNSUPPORTED_MEDIA_TYPE -> "Send the request body as application/json";
      default -> status.getReasonPhrase();
    };
  }
}
