package nl.zorgpad.formcontract;

import static nl.zorgpad.support.RefusalAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Only the form's own fields (issue 10, decision 0007), at every door: {@code /engine-rest}, the
 * Tasklist's {@code /camunda/api/engine} and Zorgpad's API. Extra variables with personal data
 * are refused with 400 and a Dutch text, and are found nowhere in the engine's tables; wrong
 * types and options are refused; a submit shaped as the Tasklist sends it passes; the variable
 * and modification endpoints stay closed to caregivers.
 */
@ZorgpadIntegrationTest
class FormContractIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String ADMIN = "admin:demo-admin";
  static final String MAIN = "zorgpad-kwetsbare-zwangerschap";
  static final ObjectMapper JSON = new ObjectMapper();

  /** Personal data that no form asks for (the issue's own examples). */
  static final String PERSONAL_DATA =
      """
      "notitie": {"value": "Moeder drinkt, partner agressief"},
      "naamMoeder": {"value": "Jan Jansen"},
      "adres": {"value": "Kerkstraat 1, 3511 AB Utrecht, BSN 123456782"}""";

  static final List<String> PERSONAL_NAMES = List.of("notitie", "naamMoeder", "adres");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired JdbcTemplate jdbc;

  Http http;
  TestSession tasklist;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    tasklist = TestSession.of(port, MIDWIFE);
  }

  @Test
  void extraVariablesAreRefusedAtEngineRest() {
    for (String action : List.of("complete", "submit-form", "resolve")) {
      Task task = consentTask();
      JsonNode refusal =
          assertRefused(
              http.postJson(
                  "/engine-rest/task/" + task.getId() + "/" + action,
                  MIDWIFE,
                  consent("GIVEN", PERSONAL_DATA)),
              400);

      assertThat(refusal.path("userMessage").asText())
          .as(action)
          .contains("Het veld \"naamMoeder\" hoort niet bij dit formulier.")
          .contains("\"adres\"")
          .contains("\"notitie\"");
      assertThat(open(task)).as("task still open after %s", action).isTrue();
    }
    assertNoPersonalDataStored();
  }

  @Test
  void extraVariablesAreRefusedAtTheTasklistsDoor() {
    for (String action : List.of("complete", "submit-form")) {
      Task task = consentTask();
      JsonNode refusal =
          assertRefused(
              tasklist.postApi(
                  TestSession.ENGINE + "/task/" + task.getId() + "/" + action,
                  consent("GIVEN", PERSONAL_DATA)),
              400);
      assertThat(refusal.path("message").asText()).startsWith("Er is niets opgeslagen.");
      assertThat(open(task)).isTrue();
    }
    assertNoPersonalDataStored();
  }

  @Test
  void wrongTypesAndOptionsAreRefusedAtBothDoors() {
    Task task = consentTask();
    String path = "/task/" + task.getId() + "/submit-form";
    assertThat(
            assertRefused(
                    http.postJson("/engine-rest" + path, MIDWIFE, consent("MISSCHIEN", null)), 400)
                .path("userMessage")
                .asText())
        .contains("een van de mogelijkheden van het formulier");
    assertRefused(
        http.postJson(
            "/engine-rest" + path,
            MIDWIFE,
            "{\"variables\": {\"consentDecision\": {\"value\": true}}}"),
        400);
    assertRefused(
        tasklist.postApi(
            TestSession.ENGINE + path,
            "{\"variables\": {\"consentDecision\": {\"value\": [\"GIVEN\"]}}}"),
        400);
    assertRefused(
        tasklist.postApi(
            TestSession.ENGINE + path,
            "{\"variables\": {\"consentAskAgain\": {\"value\": \"ja\"}}}"),
        400);
    // a serialized Java object or a file is no form value
    assertRefused(
        http.postJson(
            "/engine-rest" + path,
            MIDWIFE,
            """
        {"variables": {"consentDecision": {"value": "rO0ABQ==", "type": "Object", "valueInfo":
          {"objectTypeName": "java.util.ArrayList",
           "serializationDataFormat": "application/x-java-serialized-object"}}}}"""),
        400);
    assertRefused(
        http.postJson(
            "/engine-rest" + path,
            MIDWIFE,
            """
        {"variables": {"consentDecision": {"value": "SmFu", "type": "File",
          "valueInfo": {"filename": "moeder.txt"}}}}"""),
        400);
    assertThat(open(task)).isTrue();
  }

  @Test
  void aTasklistShapedSubmitPasses() {
    Task refused = consentTask();
    HttpResponse<String> response =
        tasklist.postApi(
            TestSession.ENGINE + "/task/" + refused.getId() + "/submit-form",
            """
        {"variables": {"consentDecision": {"value": "REFUSED"},
                       "consentRefusalReason": {"value": "wil-bedenktijd"},
                       "consentAskAgain": {"value": true}}}""");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    assertThat(open(refused)).isFalse();

    Task given = consentTask();
    assertThat(
            http.postJson(
                    "/engine-rest/task/" + given.getId() + "/complete",
                    MIDWIFE,
                    consent("GIVEN", null))
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  void aStartWithExtraVariablesIsRefusedThroughEveryStartEndpoint() {
    String definition =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN)
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    String signal =
        """
        {"variables": {"clientReference": {"value": "VK-FC-0001"},
         "dueDate": {"value": "%s"}, "gestationalAgeWeeks": {"value": 20},
         "riskDomains": {"value": "[\\"stress\\"]", "type": "Json"},
         "signallingDiscipline": {"value": "verloskundige"}, %s}}"""
            .formatted(LocalDate.now().plusWeeks(20), PERSONAL_DATA);
    for (String path :
        List.of(
            "/engine-rest/process-definition/" + definition + "/start",
            "/engine-rest/process-definition/" + definition + "/submit-form",
            "/engine-rest/process-definition/key/" + MAIN + "/start",
            "/engine-rest/process-definition/key/" + MAIN + "/submit-form")) {
      assertRefused(http.postJson(path, MIDWIFE, signal), 400);
    }
    assertRefused(
        tasklist.postApi(
            TestSession.ENGINE + "/process-definition/" + definition + "/submit-form", signal),
        400);
    // the case number is Zorgpad's to give; a chosen business key would reach the history
    assertRefused(
        http.postJson(
            "/engine-rest/process-definition/" + definition + "/submit-form",
            MIDWIFE,
            signal
                .replace("{\"variables\"", "{\"businessKey\": \"Jan Jansen\"," + " \"variables\"")
                .replace(", " + PERSONAL_DATA, "")),
        400);
    // a pathway without a start form takes no variables at all
    assertRefused(
        http.postJson(
            "/engine-rest/process-definition/key/zorgpad-toestemming/start",
            MIDWIFE,
            "{\"variables\": {\"naamMoeder\": {\"value\": \"Jan\"}}}"),
        400);
    // starting somewhere in the middle skips the start form and its checks
    assertRefused(
        http.postJson(
            "/engine-rest/process-definition/key/" + MAIN + "/start",
            MIDWIFE,
            "{\"startInstructions\": [{\"type\": \"startBeforeActivity\","
                + " \"activityId\": \"Call_Consent\"}]}"),
        400);
    assertNoPersonalDataStored();
  }

  @Test
  void zorgpadsApiRefusesFieldsOutsideItsContract() throws IOException {
    HttpResponse<String> signal =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            """
        {"clientReference": "VK-FC-0002", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["stress"], "signallingDiscipline": "verloskundige",
         "naamMoeder": "Jan Jansen"}"""
                .formatted(LocalDate.now().plusWeeks(20)));
    assertThat(signal.statusCode()).isEqualTo(400);
    JsonNode body = JSON.readTree(signal.body());
    assertThat(body.path("code").asText()).isEqualTo("unknown-field");
    assertThat(body.path("userMessage").asText()).contains("\"naamMoeder\"");
    assertThat(body.path("errors").get(0).path("field").asText()).isEqualTo("naamMoeder");

    String caseNumber = newCase();
    HttpResponse<String> end =
        http.postJson(
            "/api/cases/" + caseNumber + "/end",
            MIDWIFE,
            "{\"endReason\": \"verhuisd\", \"adres\": \"Kerkstraat 1\"}");
    assertThat(end.statusCode()).as(end.body()).isEqualTo(400);
    assertNoPersonalDataStored();
  }

  @Test
  void messagesCarryOnlyTheApisContractWhateverTheDoor() {
    String caseNumber = newCase();
    String message =
        """
        {"messageName": "CasusBeeindigen", "businessKey": "%s",
         "processVariables": {"endReason": {"value": "verhuisd"}, %s}}"""
            .formatted(caseNumber, PERSONAL_DATA);
    assertThat(
            assertRefused(http.postJson("/engine-rest/message", ADMIN, message), 400)
                .path("userMessage")
                .asText())
        .contains("hoort niet bij dit bericht");
    assertRefused(
        http.postJson(
            "/engine-rest/message",
            ADMIN,
            """
        {"messageName": "CasusBeeindigen", "businessKey": "%s",
         "processVariables": {"endReason": {"value": "geen-zin"}}}"""
                .formatted(caseNumber)),
        400);
    assertRefused(
        http.postJson(
            "/engine-rest/signal",
            ADMIN,
            "{\"name\": \"Iets\", \"variables\": {\"naamMoeder\": {\"value\": \"Jan\"}}}"),
        400);
    assertNoPersonalDataStored();
  }

  @Test
  void variableAndModificationEndpointsAreClosedToCaregivers() {
    Task task = consentTask();
    String instance = task.getProcessInstanceId();
    String execution = task.getExecutionId();
    String value = "{\"value\": \"GIVEN\"}";
    String modifications = "{\"modifications\": {\"consentDecision\": " + value + "}}";
    List<HttpRequest.Builder> requests =
        List.of(
            put("/engine-rest/task/" + task.getId() + "/variables/consentDecision", value),
            put("/engine-rest/task/" + task.getId() + "/localVariables/consentDecision", value),
            post("/engine-rest/task/" + task.getId() + "/variables", modifications),
            post("/engine-rest/task/" + task.getId() + "/localVariables", modifications),
            delete("/engine-rest/task/" + task.getId() + "/variables/caseNumber"),
            put("/engine-rest/process-instance/" + instance + "/variables/consentDecision", value),
            post("/engine-rest/process-instance/" + instance + "/variables", modifications),
            delete("/engine-rest/process-instance/" + instance + "/variables/caseNumber"),
            put("/engine-rest/execution/" + execution + "/localVariables/consentDecision", value),
            post("/engine-rest/execution/" + execution + "/localVariables", modifications),
            post(
                "/engine-rest/process-instance/" + instance + "/modification",
                "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\":"
                    + " \"Task_AskConsent\", \"variables\": {\"naamMoeder\": {\"value\": \"J\"}}}]}"),
            post(
                "/engine-rest/process-instance/" + instance + "/modification",
                "{\"instructions\": [{\"type\": \"cancel\", \"activityId\": \"Task_AskConsent\"}]}"));
    for (HttpRequest.Builder request : requests) {
      assertRefused(http.send(request.build()), 403);
    }
    assertRefused(
        tasklist.api(
            "PUT",
            TestSession.ENGINE + "/process-instance/" + instance + "/variables/naamMoeder",
            "{\"value\": \"Jan\"}"),
        403);
    assertThat(open(task)).isTrue();
  }

  @Test
  void anAdministratorChangesOnlyFieldsOfThePathwaysForms() {
    Task task = consentTask();
    String instance = task.getProcessInstanceId();
    assertRefused(
        http.send(
            builder("/engine-rest/process-instance/" + instance + "/variables/naamMoeder", ADMIN)
                .PUT(body("{\"value\": \"Jan\"}"))
                .build()),
        400);
    assertRefused(
        http.send(
            builder("/engine-rest/task/" + task.getId() + "/variables/adres", ADMIN)
                .PUT(body("{\"value\": \"Kerkstraat 1\"}"))
                .build()),
        400);
    assertThat(
            http.send(
                    builder(
                            "/engine-rest/process-instance/"
                                + instance
                                + "/variables/consentAskAgain",
                            ADMIN)
                        .PUT(body("{\"value\": true}"))
                        .build())
                .statusCode())
        .isEqualTo(204);
    assertNoPersonalDataStored();
  }

  private void assertNoPersonalDataStored() {
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      Integer count =
          jdbc.queryForObject(
              "select count(*) from "
                  + table
                  + " where NAME_ in ('notitie', 'naamMoeder', 'adres')",
              Integer.class);
      assertThat(count).as("personal data in %s", table).isZero();
    }
    // every earlier value of a variable is kept in the audit trail (ADR 0012)
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_audit_record"
                    + " where variable_key in ('notitie', 'naamMoeder', 'adres')",
                Integer.class))
        .as("personal data in zp_audit_record")
        .isZero();
    assertThat(
            historyService
                .createHistoricVariableInstanceQuery()
                .variableNameIn(PERSONAL_NAMES.toArray(String[]::new))
                .count())
        .isZero();
  }

  private static String consent(String decision, String extra) {
    return "{\"variables\": {\"consentDecision\": {\"value\": \""
        + decision
        + "\"}"
        + (extra == null ? "" : ", " + extra)
        + "}}";
  }

  /** A new case (signal through Zorgpad's API) and its first task, the consent question. */
  private Task consentTask() {
    String caseNumber = newCase();
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_AskConsent")
        .singleResult();
  }

  private String newCase() {
    HttpResponse<String> signal =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            """
        {"clientReference": "VK-FC-%d", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "armoede", "stress"],
         "signallingDiscipline": "verloskundige"}"""
                .formatted(System.nanoTime() % 100000, LocalDate.now().plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    try {
      return JSON.readTree(signal.body()).path("caseNumber").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean open(Task task) {
    return taskService.createTaskQuery().taskId(task.getId()).count() == 1;
  }

  private HttpRequest.Builder builder(String path, String user) {
    return http.builder(path, user).header("Content-Type", "application/json");
  }

  private HttpRequest.Builder put(String path, String json) {
    return builder(path, MIDWIFE).PUT(body(json));
  }

  private HttpRequest.Builder post(String path, String json) {
    return builder(path, MIDWIFE).POST(body(json));
  }

  private HttpRequest.Builder delete(String path) {
    return builder(path, MIDWIFE).DELETE();
  }

  private static HttpRequest.BodyPublisher body(String json) {
    return HttpRequest.BodyPublishers.ofString(json);
  }
}
