package nl.zorgpad.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import nl.zorgpad.casus.Violation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The body of every refusal of Zorgpad's API: an RFC 9457 problem detail
 * ({@code application/problem+json}) with Zorgpad's members {@code code}, {@code userMessage}
 * and {@code errors}. The record describes it for OpenAPI; {@link #answer} writes it as Spring's
 * {@link ProblemDetail}.
 *
 * @param type always {@code about:blank}: {@code code} tells the problems apart
 * @param title the HTTP status phrase
 * @param status the HTTP status
 * @param detail English, for the calling system's developers (never engine internals)
 * @param code a stable code: {@code invalid-input}, {@code unreadable-body},
 *     {@code unknown-field}, {@code form-contract}, {@code no-discipline},
 *     {@code not-your-discipline}, {@code not-involved}, {@code unknown-case},
 *     {@code nothing-waiting}, {@code not-authorized}, {@code task-conflict},
 *     {@code server-error}, ... (docs/api.md)
 * @param userMessage Dutch, for the caregiver
 * @param errors one entry per refused field (empty when the problem is not about a field)
 */
@Schema(
    name = "Problem",
    description = "Refused request (RFC 9457 problem detail," + " application/problem+json)")
record ApiError(
    @Schema(example = "about:blank") URI type,
    @Schema(example = "Bad Request") String title,
    @Schema(example = "400") int status,
    @Schema(example = "Invalid signal: gestationalAgeWeeks must be between 4 and 42") String detail,
    @Schema(example = "invalid-input") String code,
    @Schema(example = "De zwangerschapsduur moet tussen 4 en 42 weken liggen.") String userMessage,
    List<FieldError> errors) {

  static final String MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

  /** One refused field: its name in the request, an English problem, a Dutch message. */
  @Schema(name = "FieldError")
  record FieldError(String field, String message, String userMessage) {

    static FieldError of(Violation violation) {
      return new FieldError(violation.field(), violation.problem(), violation.dutchMessage());
    }
  }

  static ResponseEntity<ProblemDetail> answer(ApiException refused) {
    return answer(
        refused.status(),
        refused.error(),
        refused.getMessage(),
        refused.userMessage(),
        refused.violations());
  }

  static ResponseEntity<ProblemDetail> answer(
      HttpStatus status,
      String code,
      String detail,
      String userMessage,
      List<Violation> violations) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setProperty("code", code);
    problem.setProperty("userMessage", userMessage);
    problem.setProperty("errors", violations.stream().map(FieldError::of).toList());
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
