package nl.zorgpad.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import nl.zorgpad.refusal.DutchText;
import nl.zorgpad.refusal.RefusalException;
import nl.zorgpad.rest.EngineRefusals;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * Zorgpad's own pages (and the workbench's JSON endpoints) answer a refusal — a
 * {@link nl.zorgpad.refusal.UserRefusal}, or an engine refusal such as an unknown id — with its
 * 4xx status and the Dutch text on the error page (JSON {@code error}, {@code message} for a
 * JSON endpoint), not with Spring's bare 500. A real engine failure is a 500 page with an error
 * number that the log shows with the stack trace. Last in line: a controller's or feature's own
 * handlers (the API's, the case pages') come first.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class PageRefusals {

  private static final Logger LOG = LoggerFactory.getLogger(PageRefusals.class);

  @ExceptionHandler({RefusalException.class, ProcessEngineException.class})
  ModelAndView refused(
      RuntimeException failure, HandlerMethod handler, HttpServletRequest request) {
    EngineRefusals.Refusal refusal = EngineRefusals.refusal(failure, false).orElse(null);
    int status;
    String message;
    String error;
    if (refusal == null) {
      String incident = UUID.randomUUID().toString().substring(0, 8);
      LOG.error(
          "Page {} {} of user {} failed (error number {})",
          request.getMethod(),
          request.getRequestURI(),
          request.getRemoteUser(),
          incident,
          failure);
      status = 500;
      message = DutchText.of("refusal.serverError", incident);
      error = "server-error";
    } else {
      LOG.info(
          "Refused {} {} for user {}: {} {} ({})",
          request.getMethod(),
          request.getRequestURI(),
          request.getRemoteUser(),
          refusal.status(),
          refusal.error(),
          refusal.detail());
      status = refusal.status();
      message = refusal.userMessage();
      error = refusal.error();
    }
    ModelAndView answer =
        isJson(handler)
            ? new ModelAndView(
                new MappingJackson2JsonView(),
                Map.of(
                    "status", status, "error", error, "message", message, "userMessage", message))
            : new ModelAndView("error", Map.of("status", status, "detail", message));
    answer.setStatus(HttpStatus.valueOf(status));
    return answer;
  }

  private static boolean isJson(HandlerMethod handler) {
    return handler != null
        && (handler.hasMethodAnnotation(ResponseBody.class)
            || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), ResponseBody.class));
  }
}
