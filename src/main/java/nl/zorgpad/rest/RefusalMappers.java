package nl.zorgpad.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zorgpad's exception mappers for Camunda's JAX-RS applications: {@code /engine-rest} (registered
 * by {@link ZorgpadJerseyResourceConfig}) and the webapps' API — {@code /camunda/api/engine},
 * {@code …/cockpit}, {@code …/tasklist}, {@code …/admin} (registered by
 * {@link RefusalMappersDiscoverable}, a Jersey auto-discoverable, because those applications
 * have no configuration hook). Camunda registers its own mappers for exactly these exception
 * types; Jersey picks the closest type and, at equal distance, the higher priority (the lower
 * number): ours carry {@link #PRIORITY}, Camunda's none (5000).
 *
 * <p>The body keeps Camunda's shape so the Tasklist and Cockpit keep working — {@code type},
 * {@code message}, {@code code} — with {@code message} the Dutch text (the Tasklist shows it as
 * it is), plus {@code userMessage} (the same) and {@code error} (a stable code). No class names,
 * stack traces or engine log codes. Expected refusals are logged once, at INFO, without a stack
 * trace; a real failure is a 500 with a Dutch text and an error number, logged once at ERROR
 * with the stack trace under that number.
 */
public final class RefusalMappers {

  /** Higher than Camunda's mappers (no {@code @Priority}: {@code Priorities.USER} = 5000). */
  public static final int PRIORITY = 1000;

  /** Every mapper class, for registration. */
  public static final Class<?>[] ALL = {
    ThrowableMapper.class,
    EngineExceptionMapper.class,
    RestExceptionMapper.class,
    JsonMappingMapper.class,
    JsonParseMapper.class
  };

  private static final Logger LOG = LoggerFactory.getLogger(RefusalMappers.class);

  /** A task action that fails for a task that no longer exists: completed meanwhile? */
  private static final Pattern TASK_ACTION =
      Pattern.compile(
          ".*/task/([^/]+)/(complete|submit-form|resolve|claim|unclaim|assignee|delegate|bpmnError"
              + "|bpmnEscalation)/?");

  private static final Pattern TASK_PATH = Pattern.compile(".*/task/([^/]+)(/.*)?");

  private RefusalMappers() {}

  /** The response for any failure of a request. */
  static Response respond(Throwable failure, HttpServletRequest request) {
    String path = request == null ? "" : request.getRequestURI();
    String method = request == null ? "" : request.getMethod();
    String user = request == null ? null : request.getRemoteUser();
    boolean onTask = path.contains("/task/");
    Optional<EngineRefusals.Refusal> refusal = EngineRefusals.refusal(failure, onTask);
    // a task that is gone explains a failure better than the engine's symptom of the race
    if (onTask
        && (refusal.isEmpty()
            || Set.of("not-found", "bad-request", "concurrent-change")
                .contains(refusal.get().error()))) {
      refusal = taskGone(path, failure).or(() -> EngineRefusals.refusal(failure, true));
    }
    if (refusal.isPresent()) {
      EngineRefusals.Refusal refused = refusal.get();
      LOG.info(
          "Refused {} {} for user {}: {} {} ({})",
          method,
          path,
          user,
          refused.status(),
          refused.error(),
          refused.detail());
      return body(
          refused.status(),
          typeOf(refused.error()),
          refused.userMessage(),
          refused.engineCode(),
          refused.error());
    }
    String incident = UUID.randomUUID().toString().substring(0, 8);
    LOG.error(
        "Request {} {} of user {} failed (error number {})", method, path, user, incident, failure);
    return body(
        500, "ServerError", DutchText.of("refusal.serverError", incident), null, "server-error");
  }

  /**
   * A task request that failed because the task is not (or no longer) open: 409 for an action
   * on a task that was completed meanwhile (the loser of a race), 404 for anything else. Asked
   * as the user, so another coalition's task stays unknown.
   */
  private static Optional<EngineRefusals.Refusal> taskGone(String path, Throwable failure) {
    Matcher task = TASK_PATH.matcher(path);
    if (!task.matches()) {
      return Optional.empty();
    }
    String taskId = task.group(1);
    try {
      ProcessEngine engine = EngineUtil.lookupProcessEngine(null);
      ProcessEngineConfigurationImpl configuration =
          (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
      boolean open =
          configuration
              .getCommandExecutorTxRequired()
              .execute(
                  commandContext ->
                      commandContext.runWithoutAuthorization(
                          () ->
                              engine.getTaskService().createTaskQuery().taskId(taskId).count()
                                  > 0));
      if (open) {
        return Optional.empty();
      }
      boolean completed =
          TASK_ACTION.matcher(path).matches()
              && configuration
                  .getCommandExecutorTxRequired()
                  .execute(
                      commandContext ->
                          commandContext.runWithoutAuthorization(
                              () ->
                                  engine
                                          .getHistoryService()
                                          .createHistoricTaskInstanceQuery()
                                          .taskId(taskId)
                                          .finished()
                                          .count()
                                      > 0));
      String detail = EngineRefusals.detail(failure);
      return Optional.of(
          completed
              ? new EngineRefusals.Refusal(
                  409,
                  "task-conflict",
                  DutchText.of("refusal.taskConflict"),
                  null,
                  "task completed: " + detail)
              : new EngineRefusals.Refusal(
                  404,
                  "not-found",
                  DutchText.of("refusal.notFound"),
                  null,
                  "no open task: " + detail));
    } catch (RuntimeException lookupFailed) {
      LOG.debug("Could not look up task {}", taskId, lookupFailed);
      return Optional.empty();
    }
  }

  /** A {@code type} without class names: the error code in Camunda's PascalCase style. */
  private static String typeOf(String error) {
    StringBuilder type = new StringBuilder();
    for (String part : error.split("-")) {
      if (!part.isEmpty()) {
        type.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return type.toString();
  }

  private static Response body(
      int status, String type, String message, Integer code, String error) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    body.put("code", code);
    body.put("userMessage", message);
    body.put("error", error);
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
        .entity(body)
        .build();
  }

  /** Anything: also JAX-RS' own (unknown path 404, wrong method 405, media types). */
  @Priority(PRIORITY)
  public static class ThrowableMapper implements ExceptionMapper<Throwable> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
      return respond(failure, request);
    }
  }

  @Priority(PRIORITY)
  public static class EngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(ProcessEngineException failure) {
      return respond(failure, request);
    }
  }

  @Priority(PRIORITY)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(RestException failure) {
      return respond(failure, request);
    }
  }

  @Priority(PRIORITY)
  public static class JsonMappingMapper implements ExceptionMapper<JsonMappingException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(JsonMappingException failure) {
      return respond(failure, request);
    }
  }

  @Priority(PRIORITY)
  public static class JsonParseMapper implements ExceptionMapper<JsonParseException> {
    @Context private HttpServletRequest request;

    @Override
    public Response toResponse(JsonParseException failure) {
      return respond(failure, request);
    }
  }
}
