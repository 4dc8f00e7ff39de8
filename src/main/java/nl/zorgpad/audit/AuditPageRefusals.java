package nl.zorgpad.audit;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit pages answer an unknown case number with 404 and a Dutch page of their own
 * ("Casus niet gevonden", with the search field to try again); the JSON diagram endpoint keeps
 * the general refusal answer.
 */
@ControllerAdvice(assignableTypes = {AuditController.class, AccessLogController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditPageRefusals {

  @ExceptionHandler(AuditCaseNotFoundException.class)
  ModelAndView caseNotFound(
      AuditCaseNotFoundException unknown, org.springframework.web.method.HandlerMethod handler) {
    if (handler != null
        && (handler.hasMethodAnnotation(
            org.springframework.web.bind.annotation.ResponseBody.class))) {
      ModelAndView json =
          new ModelAndView(
              new org.springframework.web.servlet.view.json.MappingJackson2JsonView(),
              java.util.Map.of(
                  "status",
                  404,
                  "error",
                  unknown.code(),
                  "message",
                  unknown.userMessage(),
                  "userMessage",
                  unknown.userMessage()));
      json.setStatus(HttpStatus.NOT_FOUND);
      return json;
    }
    ModelAndView page =
        new ModelAndView(
            "audit/case-not-found",
            java.util.Map.of("caseNumber", unknown.caseNumber(), "message", unknown.userMessage()));
    page.setStatus(HttpStatus.NOT_FOUND);
    return page;
  }
}
