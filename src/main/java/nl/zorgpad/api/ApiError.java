package nl.zorgpad.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import nl.zorgpad.casus.Violation;

/**
 * The body of every 4xx answer of Zorgpad's API.
 *
 * @param status the HTTP status
 * @param error a stable code: {@code invalid-input}, {@code unreadable-body},
 *     {@code unknown-field}, {@code form-contract}, {@code no-discipline},
 *     {@code not-your-discipline}, {@code not-involved}, {@code unknown-case},
 *     {@code nothing-waiting}, {@code not-authorized}, {@code task-conflict},
 *     {@code server-error}
 * @param message English, for the calling system's developers
 * @param userMessage Dutch, for the caregiver
 * @param errors one entry per refused field (empty when the problem is not about a field)
 */
@Schema(name = "ApiError", description = "Refused request")
record ApiError(int status, String error, String message, String userMessage,
    List<FieldError> errors) {

  /** One refused field: its name in the request, an English problem, a Dutch message. */
  @Schema(name = "FieldError")
  record FieldError(String field, String message, String userMessage) {

    static FieldError of(Violation violation) {
      return new FieldError(violation.field(), violation.problem(), violation.dutchMessage());
    }
  }

  static ApiError of(ApiException refused) {
    return new ApiError(refused.status().value(), refused.error(), refused.getMessage(),
        refused.userMessage(), refused.violations().stream().map(FieldError::of).toList());
  }
}
