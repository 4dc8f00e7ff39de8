package nl.zorgpad.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.zorgpad.support.TestSession;

/**
 * The REST calls the Camunda Tasklist makes for a logged-in caregiver, against the webapps' own
 * copy of the engine API ({@code /camunda/api/engine/engine/default/…}), with its session and
 * CSRF token (cookie + {@code X-XSRF-TOKEN}) as the AngularJS app sends them — a
 * {@link TestSession} with the Tasklist's calls on top.
 */
final class TasklistSession {

  static final String API = TestSession.ENGINE;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TestSession session;

  TasklistSession(int port, String user) {
    this.session = TestSession.of(port, user).accept("application/json");
  }

  /** {@code POST …/process-definition/key/{key}/submit-form}: the start form's "Start". */
  HttpResponse<String> submitStartForm(String processKey, Map<String, Object> values) {
    return post(API + "/process-definition/key/" + processKey + "/submit-form", body(values));
  }

  /** The tasks the Tasklist lists for her in one case. */
  JsonNode tasksOfCase(String caseNumber) {
    return json(get(API + "/task?processInstanceBusinessKey=" + encode(caseNumber)));
  }

  HttpResponse<String> task(String taskId) {
    return get(API + "/task/" + taskId);
  }

  HttpResponse<String> claim(String taskId, String userId) {
    return post(API + "/task/" + taskId + "/claim", "{\"userId\":\"" + userId + "\"}");
  }

  /** {@code POST …/task/{id}/submit-form}: the task form's "Voltooien". */
  HttpResponse<String> submitTaskForm(String taskId, Map<String, Object> values) {
    return post(API + "/task/" + taskId + "/submit-form", body(values));
  }

  HttpResponse<String> get(String path) {
    return session.get(path);
  }

  /** A write of the Tasklist: JSON with the webapps' CSRF token. */
  HttpResponse<String> post(String path, String json) {
    return session.postApi(path, json);
  }

  /** Form values as the Tasklist submits them: {"variables": {"key": {"value": …}}}. */
  static String body(Map<String, Object> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach(
        (key, value) -> {
          ObjectNode variable = variables.putObject(key);
          if (value instanceof Iterable<?> list) {
            // a checklist: form-js submits it as JSON
            variable.put("value", JSON.valueToTree(list).toString());
            variable.put("type", "Json");
          } else {
            variable.set("value", JSON.valueToTree(value));
          }
        });
    ObjectNode body = JSON.createObjectNode();
    body.set("variables", variables);
    return body.toString();
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.body(), e);
    }
  }

  private static String encode(String value) {
    return TestSession.encode(value);
  }
}
