package nl.zorgpad.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.zorgpad.support.TestSession;

/**
 * One demo caregiver in her browser: the Tasklist's REST calls ({@code /camunda/api/engine}, with
 * her session and the webapps' CSRF token in {@code X-XSRF-TOKEN}), made as the Tasklist makes
 * them — the task list, the task's deployed form and its form variables, claim, submit-form —
 * and Zorgpad's case pages and page forms in the same session.
 */
final class Caregiver {

  static final String ENGINE = TestSession.ENGINE;
  private static final ObjectMapper JSON = new ObjectMapper();

  final String userId;
  private final TestSession session;

  Caregiver(int port, String userId) {
    this.userId = userId;
    this.session = TestSession.of(port, userId + ":demo");
  }

  /** The task definition keys of the case that she sees in her Tasklist. */
  List<String> taskKeys(String caseNumber) throws IOException {
    List<String> keys = new ArrayList<>();
    tasks(caseNumber, null).forEach(task -> keys.add(task.path("taskDefinitionKey").asText()));
    return keys;
  }

  /** The names of the case's tasks in her Tasklist, by key. */
  Map<String, String> taskNames(String caseNumber) throws IOException {
    Map<String, String> names = new LinkedHashMap<>();
    tasks(caseNumber, null)
        .forEach(
            task -> names.put(task.path("taskDefinitionKey").asText(), task.path("name").asText()));
    return names;
  }

  List<JsonNode> tasks(String caseNumber, String taskKey) throws IOException {
    HttpResponse<String> list =
        session.get(
            ENGINE
                + "/task?processInstanceBusinessKey="
                + caseNumber
                + (taskKey == null ? "" : "&taskDefinitionKey=" + taskKey));
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    return StreamSupport.stream(JSON.readTree(list.body()).spliterator(), false).toList();
  }

  /** Opens her first task of this key in the case, claims it and submits its form. */
  void submit(String caseNumber, String taskKey, String variables) throws IOException {
    HttpResponse<String> done = trySubmit(caseNumber, taskKey, variables);
    assertThat(done.statusCode())
        .as(userId + " submits " + taskKey + ": " + done.body())
        .isIn(200, 204);
  }

  HttpResponse<String> trySubmit(String caseNumber, String taskKey, String variables)
      throws IOException {
    List<JsonNode> tasks = tasks(caseNumber, taskKey);
    assertThat(tasks).as(userId + " sees " + taskKey + " of " + caseNumber).isNotEmpty();
    JsonNode task = tasks.get(0);
    String taskId = task.path("id").asText();
    HttpResponse<String> form = session.get(ENGINE + "/task/" + taskId + "/deployed-form");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(
            session
                .get(ENGINE + "/task/" + taskId + "/form-variables?deserializeValues=false")
                .statusCode())
        .isEqualTo(200);
    if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
      HttpResponse<String> claim =
          session.postApi(
              ENGINE + "/task/" + taskId + "/claim", "{\"userId\": \"" + userId + "\"}");
      assertThat(claim.statusCode()).as(claim.body()).isIn(200, 204);
    }
    return session.postApi(
        ENGINE + "/task/" + taskId + "/submit-form", "{\"variables\": " + variables + "}");
  }

  HttpResponse<String> get(String path) {
    return session.get(path);
  }

  /** A Zorgpad page she opens: must answer 200. */
  String page(String path) {
    HttpResponse<String> response = session.get(path);
    assertThat(response.statusCode()).as(userId + " opens " + path).isEqualTo(200);
    return response.body();
  }

  String casePage(String caseNumber) {
    return page("/casus/" + caseNumber);
  }

  /** Posts a form of Zorgpad's pages (name, value, …) with the page's CSRF token. */
  HttpResponse<String> postForm(String path, String... fields) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      values.put(fields[i], fields[i + 1]);
    }
    return session.postForm(path, "/", values);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
