package nl.zorgpad.rest;

import static nl.zorgpad.support.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import nl.zorgpad.modelpolicy.HostileModels;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every refusal a 4xx with a Dutch message and no internals (issue 10), at {@code /engine-rest},
 * the Tasklist's {@code /camunda/api/engine} and the workbench's pages: the loser of a race, an
 * unknown or ended id, another coalition's task or case, a refused start, bad input, a model
 * with a DOCTYPE. Expected refusals are logged once without a stack trace.
 */
@ZorgpadIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RefusalDoorsIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String MIDWIFE_DORDRECHT = "demo-verloskundige-dordrecht:demo";
  static final String MIDWIFE_ZEIST = "demo-verloskundige-zeist:demo";
  static final String COORDINATOR = "demo-coordinator:demo";
  static final String MAIN = "zorgpad-kwetsbare-zwangerschap";
  static final String CONSENT = "{\"variables\": {\"consentDecision\": {\"value\": \"GIVEN\"}}}";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void tenConcurrentCompletionsAtEngineRestGiveOneSuccessAndNineConflicts() throws Exception {
    Task task = consentTask(MIDWIFE);
    List<Integer> statuses =
        concurrently(
            10,
            attempt ->
                http.postJson(
                    "/engine-rest/task/" + task.getId() + "/submit-form", MIDWIFE, CONSENT));
    assertOneWinnerNineConflicts(statuses);
  }

  @Test
  void tenConcurrentCompletionsAtTheTasklistsDoorGiveOneSuccessAndNineConflicts() throws Exception {
    Task task = consentTask(MIDWIFE);
    List<TestSession> sessions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      TestSession session = TestSession.of(port, MIDWIFE);
      session.get(TestSession.ENGINE + "/task/" + task.getId());
      sessions.add(session);
    }
    List<Integer> statuses =
        concurrently(
            10,
            attempt ->
                sessions
                    .get(attempt)
                    .postApi(TestSession.ENGINE + "/task/" + task.getId() + "/complete", CONSENT));
    assertOneWinnerNineConflicts(statuses);
  }

  @Test
  void unknownAndEndedIdsAreNotFound() {
    String unknown = UUID.randomUUID().toString();
    TestSession tasklist = TestSession.of(port, MIDWIFE);
    for (String path :
        List.of(
            "/task/" + unknown,
            "/task/" + unknown + "/form",
            "/task/" + unknown + "/deployed-form",
            "/task/" + unknown + "/variables",
            "/process-instance/" + unknown,
            "/process-instance/" + unknown + "/variables",
            "/process-definition/" + unknown + "/deployed-start-form")) {
      assertRefused(http.get("/engine-rest" + path, MIDWIFE), 404);
      assertRefused(tasklist.get(TestSession.ENGINE + path), 404);
    }
    assertRefused(
        http.postJson("/engine-rest/task/" + unknown + "/complete", MIDWIFE, CONSENT), 404);
    assertRefused(
        tasklist.postApi(TestSession.ENGINE + "/task/" + unknown + "/submit-form", CONSENT), 404);

    // the Tasklist asks for the form of the task it has just completed
    Task done = consentTask(MIDWIFE);
    assertThat(
            tasklist
                .postApi(TestSession.ENGINE + "/task/" + done.getId() + "/submit-form", CONSENT)
                .statusCode())
        .isEqualTo(204);
    assertRefused(tasklist.get(TestSession.ENGINE + "/task/" + done.getId() + "/form"), 404);
    assertRefused(
        tasklist.get(TestSession.ENGINE + "/task/" + done.getId() + "/deployed-form"), 404);
    // completing it again: someone (she herself) was first
    assertThat(
            assertRefused(
                    tasklist.postApi(
                        TestSession.ENGINE + "/task/" + done.getId() + "/submit-form", CONSENT),
                    409)
                .path("message")
                .asText())
        .isEqualTo("Deze taak is al afgerond of door iemand anders opgepakt.");
  }

  @Test
  void anotherCoalitionsTaskAndCaseDoNotExistForHer() {
    Task dordrecht = consentTask(MIDWIFE_DORDRECHT);
    String instance = dordrecht.getProcessInstanceId();
    TestSession zeist = TestSession.of(port, MIDWIFE_ZEIST);
    for (String path :
        List.of(
            "/task/" + dordrecht.getId(),
            "/task/" + dordrecht.getId() + "/form",
            "/task/" + dordrecht.getId() + "/deployed-form",
            "/task/" + dordrecht.getId() + "/variables",
            "/process-instance/" + instance,
            "/process-instance/" + instance + "/variables",
            "/process-instance/" + instance + "/activity-instances")) {
      assertRefused(http.get("/engine-rest" + path, MIDWIFE_ZEIST), 404);
      assertRefused(zeist.get(TestSession.ENGINE + path), 404);
    }
    for (String action : List.of("complete", "submit-form", "claim")) {
      assertRefused(
          http.postJson(
              "/engine-rest/task/" + dordrecht.getId() + "/" + action,
              MIDWIFE_ZEIST,
              action.equals("claim") ? "{\"userId\": \"demo-verloskundige-zeist\"}" : CONSENT),
          404);
    }
    assertRefused(
        zeist.postApi(TestSession.ENGINE + "/task/" + dordrecht.getId() + "/submit-form", CONSENT),
        404);
    assertThat(taskService.createTaskQuery().taskId(dordrecht.getId()).count()).isOne();
  }

  @Test
  void aRefusedStartIsA400WithOnlyTheDutchText() throws IOException {
    String definition = sharedMainPathway();
    String invalid =
        """
        {"variables": {"clientReference": {"value": "Jansen-Kerkstraat-1"},
         "dueDate": {"value": "%s"}, "gestationalAgeWeeks": {"value": 20},
         "riskDomains": {"value": "[]", "type": "Json"},
         "signallingDiscipline": {"value": "verloskundige"}}}"""
            .formatted(LocalDate.now().plusWeeks(20));
    for (String path :
        List.of(
            "/engine-rest/process-definition/" + definition + "/start",
            "/engine-rest/process-definition/" + definition + "/submit-form")) {
      String message =
          assertRefused(http.postJson(path, MIDWIFE, invalid), 400).path("message").asText();
      assertThat(message).startsWith("Kies minstens één risicodomein").doesNotContain(definition);
    }
    String tasklist =
        assertRefused(
                TestSession.of(port, MIDWIFE)
                    .postApi(
                        TestSession.ENGINE + "/process-definition/" + definition + "/submit-form",
                        invalid),
                400)
            .path("message")
            .asText();
    assertThat(tasklist).startsWith("Kies minstens één risicodomein");
  }

  @Test
  void badValuesAndMalformedJsonAre400() {
    String definition = sharedMainPathway();
    String start = "/engine-rest/process-definition/" + definition + "/start";
    assertRefused(
        http.postJson(
            start,
            MIDWIFE,
            "{\"variables\": {\"gestationalAgeWeeks\": {\"value\": \"twintig\", \"type\":"
                + " \"Integer\"}}}"),
        400);
    assertRefused(http.postJson(start, MIDWIFE, "{\"variables\": "), 400);
    assertRefused(http.postJson(start, MIDWIFE, "{\"variables\": [1, 2]}"), 400);
    assertRefused(
        http.postJson(
            start,
            MIDWIFE,
            "{\"variables\": {\"dueDate\": {\"value\": \"morgen\", \"type\": \"Date\"}}}"),
        400);
    assertRefused(http.postJson("/engine-rest/task?maxResults=abc", MIDWIFE, "{}"), 400);
    assertRefused(
        http.send(
            http.builder("/engine-rest/message", MIDWIFE)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x"))
                .build()),
        415);
    assertRefused(http.get("/engine-rest/bestaat-niet", MIDWIFE), 404);
    assertRefused(
        TestSession.of(port, MIDWIFE)
            .postApi(
                TestSession.ENGINE + "/task/" + consentTask(MIDWIFE).getId() + "/submit-form",
                "{\"variables\": {"),
        400);
  }

  @Test
  void aModelWithADoctypeIsA400WithoutParserInternals() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            targetNamespace="x"><bpmn:process id="xxe" isExecutable="true">
          <bpmn:startEvent id="s" name="&xxe;"/></bpmn:process></bpmn:definitions>""";
    String boundary = "----zorgpad" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\""
            + "\r\n\r\nxxe\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\";"
            + " filename=\"xxe.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + xxe
            + "\r\n--"
            + boundary
            + "--\r\n";
    HttpResponse<String> response =
        http.send(
            http.builder("/engine-rest/deployment/create", COORDINATOR)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());

    assertThat(assertRefused(response, 400).path("message").asText())
        .contains("DOCTYPE")
        .doesNotContain("feature")
        .doesNotContain("passwd");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("xxe").count())
        .isZero();
  }

  @Test
  void workbenchActionsOnUnknownIdsAreADutchPage() {
    TestSession workbench = TestSession.of(port, COORDINATOR);
    HttpResponse<String> rollback =
        workbench.postForm(
            "/modeling/rollback",
            "/modeling",
            Map.of("name", "processes/" + MAIN + ".bpmn", "deployment", "bestaat-niet"));
    assertThat(rollback.statusCode()).isEqualTo(404);
    assertThat(rollback.body())
        .contains("Deze versie bestaat niet (meer)")
        .doesNotContainPattern("Exception|Whitelabel");

    HttpResponse<String> migration =
        workbench.postForm(
            "/modeling/migration",
            "/modeling",
            Map.of(
                "source",
                "bestaat-niet",
                "target",
                "ook-niet",
                "case",
                consentTask(MIDWIFE).getProcessInstanceId()));
    assertThat(migration.statusCode()).isEqualTo(404);
    assertThat(migration.body()).contains("Niet gevonden").doesNotContain("ENGINE-");

    String definition = sharedMainPathway();
    HttpResponse<String> unknownCase =
        workbench.postForm(
            "/modeling/migration",
            "/modeling",
            Map.of("source", definition, "target", definition, "case", "bestaat-niet"));
    assertThat(unknownCase.statusCode()).isEqualTo(404);
    assertThat(unknownCase.body()).contains("loopt niet (meer)");

    assertThat(workbench.get("/modeling/migration?source=bestaat-niet").statusCode())
        .isEqualTo(404);
  }

  @Test
  void anExpectedRefusalIsLoggedOnceWithoutAStackTrace(CapturedOutput output) {
    Task task = consentTask(MIDWIFE);
    int from = output.getOut().length();

    assertRefused(
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/submit-form",
            MIDWIFE,
            "{\"variables\": {\"consentDecision\": {\"value\": \"REFUSED\"}}}"),
        400);
    assertRefused(
        http.postJson(
            "/engine-rest/task/" + task.getId() + "/submit-form",
            MIDWIFE,
            "{\"variables\": {\"naamMoeder\": {\"value\": \"Jan\"}}}"),
        400);
    assertRefused(
        http.get("/engine-rest/task/" + UUID.randomUUID() + "/deployed-form", MIDWIFE), 404);
    assertRefused(
        http.postJson(
            "/engine-rest/task/" + UUID.randomUUID() + "/claim",
            MIDWIFE,
            "{\"userId\": \"demo-verloskundige\"}"),
        404);
    // a model the policy refuses (decision 0006): one WARN line of the policy, no engine ERROR
    HostileModels.Hostile model =
        HostileModels.all(java.nio.file.Path.of("/nonexistent/rd-log"), "rd-log-").get(0);
    String boundary = "----zorgpad" + UUID.randomUUID();
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"deployment-name\""
            + "\r\n\r\nrd-log\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"data\";"
            + " filename=\"rd-log.bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            + new String(model.content(), StandardCharsets.UTF_8)
            + "\r\n--"
            + boundary
            + "--\r\n";
    assertRefused(
        http.send(
            http.builder("/engine-rest/deployment/create", COORDINATOR)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build()),
        400);

    String logged = output.getOut().substring(from);
    assertThat(logged)
        .doesNotContain("ENGINE-16004")
        .doesNotContain("\tat ")
        .doesNotContain(" ERROR ")
        .doesNotContain("Niet gepubliceerd");
    assertThat(logged).contains("Deployment refused by the model policy");
    assertThat(
            logged
                .lines()
                .filter(line -> line.contains("Refused POST /engine-rest/task/" + task.getId())))
        .hasSize(2);
  }

  private static void assertOneWinnerNineConflicts(List<Integer> statuses) {
    assertThat(statuses.stream().filter(status -> status >= 200 && status < 300)).hasSize(1);
    assertThat(statuses.stream().filter(status -> status == 409)).hasSize(9);
  }

  /** Runs the calls at the same moment; the status of each. */
  private static List<Integer> concurrently(int count, Function<Integer, HttpResponse<String>> call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int attempt = i;
        Callable<HttpResponse<String>> task =
            () -> {
              start.await();
              return call.apply(attempt);
            };
        results.add(pool.submit(task));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<HttpResponse<String>> result : results) {
        HttpResponse<String> response = result.get();
        if (response.statusCode() >= 300) {
          assertRefused(response, response.statusCode());
        }
        statuses.add(response.statusCode());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  private String sharedMainPathway() {
    return repositoryService
        .createProcessDefinitionQuery()
        .processDefinitionKey(MAIN)
        .withoutTenantId()
        .latestVersion()
        .singleResult()
        .getId();
  }

  private Task consentTask(String user) {
    HttpResponse<String> signal =
        http.postJson(
            "/api/signals",
            user,
            """
        {"clientReference": "VK-RD-%d", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "armoede", "stress"],
         "signallingDiscipline": "verloskundige"}"""
                .formatted(System.nanoTime() % 100000, LocalDate.now().plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber;
    try {
      caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_AskConsent")
        .singleResult();
  }
}
