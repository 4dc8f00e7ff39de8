package nl.zorgpad.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgpad.refusal.DutchText;
import nl.zorgpad.refusal.UserRefusal;
import org.camunda.bpm.dmn.engine.impl.transform.DmnTransformException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.DeploymentResourceNotFoundException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.glassfish.jersey.server.ParamException;

/**
 * What a failure means for the user: an expected refusal (a 4xx with a Dutch text and a stable
 * code) or a real failure (empty). One place for every door — {@code /engine-rest}, the
 * webapps' API, Zorgpad's API and pages — and for the engine's own logging of command
 * failures, so an expected refusal is never logged as an error.
 *
 * <p>Camunda 7.24 marks few refusals by type (BadUserRequest, Authorization, OptimisticLocking);
 * the tenant check, unknown ids ({@code NullValueException}) and Zorgpad's form validation
 * arrive as plain engine exceptions, which the REST API answers with 500. The English texts
 * matched here are the engine's own messages for those cases (engine 7.24: "ENGINE-03005 …",
 * "… belongs to no authenticated tenant", "Cannot find task …").
 */
public final class EngineRefusals {

  /**
   * An expected refusal.
   *
   * @param status the HTTP status (4xx)
   * @param error a stable code, e.g. {@code task-conflict}, {@code not-found}
   * @param userMessage Dutch, without internals
   * @param engineCode the engine's error code (Zorgpad's 22xxx codes), or null
   * @param detail English, for the log only
   */
  public record Refusal(
      int status, String error, String userMessage, Integer engineCode, String detail) {}

  /** Zorgpad's own engine error codes (Camunda's custom range) carry a Dutch message. */
  private static final int CUSTOM_CODES_FROM = 20000;

  private static final int CUSTOM_CODES_TO = 39999;

  private static final Pattern NOT_FOUND =
      Pattern.compile(
          "(?i)(cannot find|not found|no [\\w ]{1,40}found|does ?n[o']t exist|no matching|unknown)");
  private static final String TENANT_REFUSAL = "belongs to no authenticated tenant";

  /** XML that cannot be read (ENGINE-09003, also for a DOCTYPE); history time to live missing. */
  private static final Pattern UNREADABLE_MODEL =
      Pattern.compile("^(ENGINE-09\\d{3} Could not parse|ENGINE-12018)");

  /**
   * Lock timeouts, serialization failures and deadlocks (H2, PostgreSQL), and unique-key
   * violations: two transactions that completed the same task both insert the next task's
   * authorizations, and the second fails on the unique index (measured with 10 concurrent
   * completions on H2).
   */
  private static final Set<String> CONCURRENCY_SQL_STATES =
      Set.of("HYT00", "40001", "40P01", "55P03", "23505");

  private EngineRefusals() {}

  /** Whether a failure is an expected refusal (logged without a stack trace). */
  public static boolean isExpected(Throwable failure) {
    return refusal(failure, false).isPresent();
  }

  /**
   * The refusal a failure stands for, or empty for a real failure.
   *
   * @param onTask whether the request was about a task (a concurrent change then means that the
   *     task was completed or taken by someone else)
   */
  public static Optional<Refusal> refusal(Throwable failure, boolean onTask) {
    if (failure == null) {
      return Optional.empty();
    }
    UserRefusal userRefusal = find(failure, UserRefusal.class);
    if (userRefusal != null) {
      return Optional.of(
          new Refusal(
              userRefusal.status(),
              userRefusal.code(),
              userRefusal.userMessage(),
              codeOf((Throwable) userRefusal),
              userRefusal.logMessage()));
    }
    FormFieldValidationException invalid = find(failure, FormFieldValidationException.class);
    if (invalid != null) {
      int code = invalid.getCode();
      boolean zorgpad = code >= CUSTOM_CODES_FROM && code <= CUSTOM_CODES_TO;
      // Zorgpad's pathway checks refuse input with a Dutch message (nl.zorgpad.pathway)
      return refused(
          400,
          "invalid-input",
          zorgpad ? invalid.getMessage() : DutchText.of("refusal.invalidInput"),
          zorgpad ? code : null,
          invalid);
    }
    if (find(failure, TaskAlreadyClaimedException.class) != null) {
      return refused(409, "task-conflict", DutchText.of("refusal.taskConflict"), null, failure);
    }
    if (find(failure, OptimisticLockingException.class) != null || isConcurrencyFailure(failure)) {
      return onTask
          ? refused(409, "task-conflict", DutchText.of("refusal.taskConflict"), null, failure)
          : refused(
              409, "concurrent-change", DutchText.of("refusal.concurrentChange"), null, failure);
    }
    if (find(failure, AuthorizationException.class) != null) {
      return refused(403, "not-authorized", DutchText.of("refusal.notAuthorized"), null, failure);
    }
    ProcessEngineException engine = find(failure, ProcessEngineException.class);
    if (engine != null) {
      Optional<Refusal> engineRefusal = engineRefusal(engine);
      if (engineRefusal.isPresent()) {
        return engineRefusal;
      }
    }
    if (find(failure, DmnTransformException.class) != null) {
      // a decision table that cannot be read: deployed through a door without the workbench
      return refused(400, "invalid-model", DutchText.of("refusal.model"), null, failure);
    }
    if (find(failure, JsonProcessingException.class) != null) {
      return refused(400, "unreadable-body", DutchText.of("refusal.unreadable"), null, failure);
    }
    if (failure instanceof RestException rest
        && rest.getStatus() != null
        && rest.getStatus().getStatusCode() < 500) {
      return byStatus(rest.getStatus().getStatusCode(), failure);
    }
    if (failure instanceof ParamException) {
      // JAX-RS answers a query parameter of the wrong type with 404; it is a bad request
      return refused(400, "bad-request", DutchText.of("refusal.badRequest"), null, failure);
    }
    if (failure instanceof WebApplicationException web
        && web.getResponse() != null
        && web.getResponse().getStatus() >= 400
        && web.getResponse().getStatus() < 500) {
      return byStatus(web.getResponse().getStatus(), failure);
    }
    return Optional.empty();
  }

  private static Optional<Refusal> engineRefusal(ProcessEngineException engine) {
    String message = engine.getMessage() == null ? "" : engine.getMessage();
    if (message.contains(TENANT_REFUSAL)) {
      // another coalition's task or case: not found, so its existence is not revealed
      return refused(404, "not-found", DutchText.of("refusal.notFound"), null, engine);
    }
    if (engine instanceof NotFoundException
        || engine instanceof DeploymentResourceNotFoundException) {
      return refused(404, "not-found", DutchText.of("refusal.notFound"), null, engine);
    }
    if (engine instanceof NullValueException) {
      return NOT_FOUND.matcher(message).find()
          ? refused(404, "not-found", DutchText.of("refusal.notFound"), null, engine)
          : refused(400, "bad-request", DutchText.of("refusal.badRequest"), null, engine);
    }
    if (engine instanceof ParseException || UNREADABLE_MODEL.matcher(message).find()) {
      return refused(
          400,
          "invalid-model",
          message.toUpperCase().contains("DOCTYPE")
              ? DutchText.of("refusal.modelDoctype")
              : DutchText.of("refusal.model"),
          null,
          engine);
    }
    if (engine instanceof MigrationPlanValidationException
        || engine instanceof MigratingProcessInstanceValidationException) {
      return refused(400, "invalid-migration", DutchText.of("refusal.migration"), null, engine);
    }
    if (engine instanceof MismatchingMessageCorrelationException) {
      return refused(409, "nothing-waiting", DutchText.of("refusal.nothingWaiting"), null, engine);
    }
    if (engine instanceof SuspendedEntityInteractionException) {
      return refused(409, "suspended", DutchText.of("refusal.suspended"), null, engine);
    }
    if (engine instanceof BadUserRequestException) {
      if (message.contains("multiple tenants")) {
        return refused(400, "ambiguous", DutchText.of("refusal.ambiguous"), null, engine);
      }
      return NOT_FOUND.matcher(message).find()
          ? refused(404, "not-found", DutchText.of("refusal.notFound"), null, engine)
          : refused(400, "bad-request", DutchText.of("refusal.badRequest"), null, engine);
    }
    return Optional.empty();
  }

  private static Optional<Refusal> byStatus(int status, Throwable failure) {
    String text =
        switch (status) {
          case 401, 403 -> DutchText.of("refusal.notAuthorized");
          case 404, 410 -> DutchText.of("refusal.notFound");
          case 405 -> DutchText.of("refusal.notAllowedMethod");
          case 406 -> DutchText.of("refusal.notAcceptable");
          case 409 -> DutchText.of("refusal.concurrentChange");
          case 413 -> DutchText.of("refusal.tooLarge");
          case 415 -> DutchText.of("refusal.unsupportedMediaType");
          default -> DutchText.of("refusal.badRequest");
        };
    String error =
        switch (status) {
          case 401, 403 -> "not-authorized";
          case 404, 410 -> "not-found";
          case 409 -> "concurrent-change";
          default -> "bad-request";
        };
    return refused(status, error, text, null, failure);
  }

  private static boolean isConcurrencyFailure(Throwable failure) {
    SQLException sql = find(failure, SQLException.class);
    for (SQLException current = sql; current != null; current = current.getNextException()) {
      if (current.getSQLState() != null && CONCURRENCY_SQL_STATES.contains(current.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static Optional<Refusal> refused(
      int status, String error, String userMessage, Integer engineCode, Throwable failure) {
    return Optional.of(new Refusal(status, error, userMessage, engineCode, detail(failure)));
  }

  private static Integer codeOf(Throwable failure) {
    if (failure instanceof ProcessEngineException engine
        && engine.getCode() >= CUSTOM_CODES_FROM
        && engine.getCode() <= CUSTOM_CODES_TO) {
      return engine.getCode();
    }
    return null;
  }

  /** The English message of the failure and its causes, for one log line. */
  static String detail(Throwable failure) {
    StringBuilder detail = new StringBuilder();
    int depth = 0;
    for (Throwable current = failure;
        current != null && depth < 5;
        current = current.getCause(), depth++) {
      if (current.getMessage() != null && detail.indexOf(current.getMessage()) < 0) {
        if (!detail.isEmpty()) {
          detail.append(" <- ");
        }
        detail.append(current.getClass().getSimpleName()).append(": ").append(current.getMessage());
      }
    }
    String text = detail.toString().replaceAll("\\s+", " ");
    return text.length() <= 500 ? text : text.substring(0, 500) + "…";
  }

  /** The first throwable of that type in the cause chain (bounded: chains may loop). */
  static <T> T find(Throwable failure, Class<T> type) {
    int depth = 0;
    for (Throwable current = failure;
        current != null && depth < 20;
        current = current.getCause(), depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      if (current instanceof SQLException sql
          && sql.getNextException() != null
          && type.isInstance(sql.getNextException())) {
        return type.cast(sql.getNextException());
      }
    }
    return null;
  }
}
