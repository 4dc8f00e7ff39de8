package nl.zorgpad.socialmap;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Conflicts on the sociale kaart pages become a Dutch page with status 409, never a 500: a
 * deletion of something still in use, a concurrent change, or a database constraint that the
 * checks in {@link SocialMapService} did not foresee.
 */
@ControllerAdvice(assignableTypes = {SocialMapController.class, SocialMapAdminController.class})
class SocialMapExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(SocialMapExceptionHandler.class);
  private static final String PAGE = "socialmap/problem";

  private final MessageSource messages;

  SocialMapExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(SocialMapConflictException.class)
  String conflict(
      SocialMapConflictException e, Model model, HttpServletResponse response, Locale locale) {
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    model.addAttribute("problem", messages.getMessage(e, locale));
    return PAGE;
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  String concurrentChange(
      OptimisticLockingFailureException e,
      Model model,
      HttpServletResponse response,
      Locale locale) {
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    model.addAttribute("problem", messages.getMessage("socialmap.error.stale", null, locale));
    return PAGE;
  }

  @ExceptionHandler(DataIntegrityViolationException.class)
  String integrity(
      DataIntegrityViolationException e, Model model, HttpServletResponse response, Locale locale) {
    LOG.warn(
        "Sociale kaart change refused by the database: {}", e.getMostSpecificCause().getMessage());
    response.setStatus(HttpServletResponse.SC_CONFLICT);
    model.addAttribute("problem", messages.getMessage("socialmap.conflict.database", null, locale));
    return PAGE;
  }
}
