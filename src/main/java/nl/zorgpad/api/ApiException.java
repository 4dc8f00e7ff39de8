package nl.zorgpad.api;

import java.util.List;
import nl.zorgpad.casus.Violation;
import org.springframework.http.HttpStatus;

/**
 * A request Zorgpad's API refuses: an HTTP status, a stable error code, an English message for
 * the calling system's developers and a Dutch message for the caregiver who sees it.
 */
class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final String error;
  private final String userMessage;
  private final List<Violation> violations;

  ApiException(
      HttpStatus status,
      String error,
      String message,
      String userMessage,
      List<Violation> violations) {
    super(message);
    this.status = status;
    this.error = error;
    this.userMessage = userMessage;
    this.violations = List.copyOf(violations);
  }

  ApiException(HttpStatus status, String error, String message, String userMessage) {
    this(status, error, message, userMessage, List.of());
  }

  static ApiException invalid(String subject, List<Violation> violations) {
    return new ApiException(
        HttpStatus.BAD_REQUEST,
        "invalid-input",
        "Invalid "
            + subject
            + ": "
            + String.join(
                "; ", violations.stream().map(v -> v.field() + " " + v.problem()).toList()),
        String.join(" ", violations.stream().map(Violation::dutchMessage).toList()),
        violations);
  }

  HttpStatus status() {
    return status;
  }

  String error() {
    return error;
  }

  String userMessage() {
    return userMessage;
  }

  List<Violation> violations() {
    return violations;
  }
}
