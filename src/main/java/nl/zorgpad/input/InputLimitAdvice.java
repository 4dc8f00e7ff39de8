package nl.zorgpad.input;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Input refused for its size or content, answered the same way on every page and API of
 * Zorgpad: a 4xx with the Dutch text — on a page Zorgpad's error page, to an API client an RFC
 * 9457 problem detail with {@code code} and {@code userMessage} — and logged once at INFO
 * without a stack trace. Covers {@link InputLimitException} (the general limits), a
 * {@code @Size} on a request parameter (Bean Validation) and an upload over
 * {@code spring.servlet.multipart.max-file-size}.
 */
@ControllerAdvice
class InputLimitAdvice {

  private static final Logger LOG = LoggerFactory.getLogger(InputLimitAdvice.class);

  private final InputRules rules;

  InputLimitAdvice(InputRules rules) {
    this.rules = rules;
  }

  @ExceptionHandler(InputLimitException.class)
  Object refused(
      InputLimitException refused, HttpServletRequest request, HttpServletResponse response) {
    LOG.info(
        "Input refused ({} {}) on {} {}: {}",
        refused.status(),
        refused.code(),
        request.getMethod(),
        InputRules.path(request),
        refused.getMessage());
    if (InputRules.wantsJson(request)) {
      return ResponseEntity.status(refused.status())
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem(refused));
    }
    ModelAndView page = new ModelAndView("error");
    page.setStatus(HttpStatus.valueOf(refused.status()));
    page.addObject("status", refused.status());
    page.addObject("detail", refused.userMessage());
    return page;
  }

  /** A {@code @Size} (or another constraint) on a request parameter refused its value. */
  @ExceptionHandler(HandlerMethodValidationException.class)
  Object invalidParameter(
      HandlerMethodValidationException invalid,
      HttpServletRequest request,
      HttpServletResponse response) {
    InputLimitException refused = null;
    for (ParameterValidationResult result : invalid.getParameterValidationResults()) {
      MethodParameter parameter = result.getMethodParameter();
      Size size = parameter.getParameterAnnotation(Size.class);
      if (size != null) {
        refused = rules.tooLong(name(parameter), size.max());
        break;
      }
    }
    if (refused == null) {
      refused =
          new InputLimitException(
              400, "invalid-input", "Invalid request parameter", rules.invalidParameter());
    }
    return refused(refused, request, response);
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  Object uploadTooLarge(
      MaxUploadSizeExceededException tooLarge,
      HttpServletRequest request,
      HttpServletResponse response) {
    return refused(rules.bodyTooLarge(rules.maxBody(request)), request, response);
  }

  static ProblemDetail problem(InputLimitException refused) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.valueOf(refused.status()), refused.getMessage());
    problem.setProperty("code", refused.code());
    problem.setProperty("userMessage", refused.userMessage());
    return problem;
  }

  private static String name(MethodParameter parameter) {
    parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
    RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
    if (requestParam != null && !requestParam.name().isEmpty()) {
      return requestParam.name();
    }
    return parameter.getParameterName();
  }
}
