package nl.zorgpad.api;

import com.fasterxml.jackson.databind.JsonMappingException;
import java.util.List;
import java.util.stream.Collectors;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.formcontract.FormContractRefusal;
import nl.zorgpad.refusal.DutchText;
import nl.zorgpad.refusal.RefusalException;
import nl.zorgpad.rest.EngineRefusals;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every refusal of the API as an RFC 9457 problem detail ({@link ApiError},
 * {@code application/problem+json}): broken input 400 (never 500), missing rights 403, unknown
 * case 404, nothing waiting 409. Only for this package's controllers. The English
 * {@code detail} never holds engine internals (exception classes, engine messages): they go to
 * the log.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
@Order(0) // before Zorgpad's general page handler (nl.zorgpad.system.PageRefusals)
class ApiExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> refused(ApiException refused) {
    return refused(refused, refused.getMessage());
  }

  /** Logged once, with {@code logDetail} (which may name engine internals, unlike the answer). */
  private static ResponseEntity<ProblemDetail> refused(ApiException refused, String logDetail) {
    LOG.info(
        "API request refused ({} {}): {}", refused.status().value(), refused.error(), logDetail);
    return ApiError.answer(refused);
  }

  /** Not JSON, or a field of the wrong type (e.g. text for the number of weeks). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException unreadable) {
    for (Throwable cause = unreadable.getCause();
        cause != null && cause != cause.getCause();
        cause = cause.getCause()) {
      // e.g. a body without a declared length that grew beyond the limit (nl.zorgpad.input): 413
      if (cause instanceof nl.zorgpad.refusal.UserRefusal refusal) {
        return refused(
            new ApiException(
                HttpStatus.valueOf(refusal.status()),
                refusal.code(),
                refusal.getMessage(),
                refusal.userMessage()));
      }
    }
    List<Violation> violations = List.of();
    if (unreadable.getCause() instanceof JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  reference ->
                      reference.getFieldName() == null
                          ? String.valueOf(reference.getIndex())
                          : reference.getFieldName())
              .collect(Collectors.joining("."));
      violations =
          List.of(
              new Violation(field, "has the wrong type", "violation.api.field.wrongType", field));
    }
    return refused(
        new ApiException(
            HttpStatus.BAD_REQUEST,
            "unreadable-body",
            "The request body is not valid JSON for this endpoint",
            violations.isEmpty()
                ? DutchText.of("api.unreadableBody")
                : violations.get(0).dutchMessage(),
            violations));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException unsupported) {
    return refused(
        new ApiException(
            HttpStatus.UNSUPPORTED_MEDIA_TYPE,
            "unsupported-media-type",
            "Send the request body as application/json",
            DutchText.of("api.unsupportedMediaType")));
  }

  /** A rule of the pathway refused the input after all (the engine glue's own check). */
  @ExceptionHandler(FormFieldValidationException.class)
  ResponseEntity<ProblemDetail> pathwayRefused(FormFieldValidationException refused) {
    return refused(
        new ApiException(
            HttpStatus.BAD_REQUEST,
            "invalid-input",
            "The pathway refused the input (code " + refused.getCode() + ")",
            refused.getMessage()));
  }

  /**
   * A refusal by Zorgpad's rules inside the engine (e.g. only the form's own fields, decision
   * 0007), or an engine refusal (a race lost, another coalition's case): its status and Dutch
   * text. Any other engine failure stays a 500.
   */
  @ExceptionHandler({RefusalException.class, ProcessEngineException.class})
  ResponseEntity<ProblemDetail> engineRefused(RuntimeException failure) {
    EngineRefusals.Refusal refusal = EngineRefusals.refusal(failure, false).orElse(null);
    if (refusal == null) {
      String incident = java.util.UUID.randomUUID().toString().substring(0, 8);
      LOG.error("API request failed (error number {})", incident, failure);
      return ApiError.answer(
          HttpStatus.INTERNAL_SERVER_ERROR,
          "server-error",
          "Internal error " + incident,
          DutchText.of("refusal.serverError", incident),
          List.of());
    }
    List<Violation> fields =
        failure instanceof FormContractRefusal contract
            ? contract.violations().stream()
                .map(v -> new Violation(v.variable(), v.problem(), v.code(), v.arguments()))
                .toList()
            : List.of();
    return refused(
        new ApiException(
            HttpStatus.valueOf(refusal.status()),
            refusal.error(),
            "The engine refused the request (" + refusal.error() + ")",
            refusal.userMessage(),
            fields),
        refusal.detail());
  }

  @ExceptionHandler(AuthorizationException.class)
  ResponseEntity<ProblemDetail> notAuthorized(AuthorizationException denied) {
    return refused(
        new ApiException(
            HttpStatus.FORBIDDEN,
            "not-authorized",
            "The engine's authorization does not allow this action",
            DutchText.of("api.notAuthorized")),
        denied.getMessage());
  }
}
