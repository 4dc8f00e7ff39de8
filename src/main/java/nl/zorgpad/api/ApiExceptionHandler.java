package nl.zorgpad.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.stream.Collectors;
import nl.zorgpad.casus.Violation;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the API as {@link ApiError} JSON: broken input 400 (never 500), missing rights
 * 403, unknown case 404, nothing waiting 409. Only for this package's controllers.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException refused) {
    LOG.info("API request refused ({} {}): {}", refused.status().value(), refused.error(),
        refused.getMessage());
    return ResponseEntity.status(refused.status()).body(ApiError.of(refused));
  }

  /** Not JSON, or a field of the wrong type (e.g. text for the number of weeks). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException unreadable) {
    List<Violation> violations = List.of();
    if (unreadable.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(reference -> reference.getFieldName() == null
              ? String.valueOf(reference.getIndex()) : reference.getFieldName())
          .collect(Collectors.joining("."));
      violations = List.of(new Violation(field, "has the wrong type",
          "Het veld '" + field + "' heeft een ongeldige waarde."));
    }
    return refused(new ApiException(HttpStatus.BAD_REQUEST, "unreadable-body",
        "The request body is not valid JSON for this endpoint",
        violations.isEmpty() ? "De gegevens konden niet worden gelezen (geen geldige JSON)."
            : violations.get(0).dutchMessage(),
        violations));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException unsupported) {
    return refused(new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
        "Send the request body as application/json",
        "Stuur de gegevens als JSON (Content-Type: application/json)."));
  }

  /** A rule of the pathway refused the input after all (the engine glue's own check). */
  @ExceptionHandler(FormFieldValidationException.class)
  ResponseEntity<ApiError> pathwayRefused(FormFieldValidationException refused) {
    return refused(new ApiException(HttpStatus.BAD_REQUEST, "invalid-input",
        "The pathway refused the input (code " + refused.getCode() + ")",
        refused.getMessage()));
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ApiError> notAuthorized(AuthorizationException denied) {
    return refused(new ApiException(HttpStatus.FORBIDDEN, "not-authorized",
        "The engine does not authorize this user: " + denied.getMessage(),
        "U heeft geen rechten voor deze handeling."));
  }
}
