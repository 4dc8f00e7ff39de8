package nl.zorgpad.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The REST calls the Camunda Tasklist makes for a logged-in caregiver, against the webapps' own
 * copy of the engine API ({@code /camunda/api/engine/engine/default/…}), with its session and
 * CSRF token (cookie + {@code X-XSRF-TOKEN}) as the AngularJS app sends them.
 */
final class TasklistSession {

  static final String API = "/camunda/api/engine/engine/default";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final String user;
  private String token;

  TasklistSession(int port, String user) {
    this.base = "http://localhost:" + port;
    this.user = user;
  }

  /** {@code POST …/process-definition/key/{key}/submit-form}: the start form's "Start". */
  HttpResponse<String> submitStartForm(String processKey, Map<String, Object> values) {
    return post(API + "/process-definition/key/" + processKey + "/submit-form",
        body(values));
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
    HttpResponse<String> response = send(request(path).GET());
    response.headers().firstValue("X-XSRF-TOKEN").ifPresent(value -> token = value);
    return response;
  }

  HttpResponse<String> post(String path, String json) {
    if (token == null) {
      get(API + "/task/count"); // a first read hands out the CSRF token, as for the Tasklist
    }
    return send(request(path).header("Content-Type", "application/json")
        .header("X-XSRF-TOKEN", token).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Form values as the Tasklist submits them: {"variables": {"key": {"value": …}}}. */
  static String body(Map<String, Object> values) {
    ObjectNode variables = JSON.createObjectNode();
    values.forEach((key, value) -> {
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

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "application/json")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(user.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
