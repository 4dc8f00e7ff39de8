package nl.zorgpad.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The message endpoints over real HTTP: 204 delivered, 404 unknown case, 403 not involved, 400
 * invalid payload, 409 nothing waiting.
 *
 * <p>The delivery itself is proven against a small test process that waits for all five
 * messages in a real case; {@link #mainPathwayAcceptsItsMessages} proves it against the main
 * pathway for the four messages it waits for from the signal on; the birth, right after the
 * signal, is 409 ({@link #birthRightAfterTheSignalIs409TheCaseDoesNotWaitForItYet}).
 */
@ZorgpadIntegrationTest
class CaseMessageApiIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String MATERNITY_CARE = "demo-kraamzorg:demo";
  static final String AUDITOR = "demo-auditor:demo";
  static final String MAIN_PATHWAY = "zorgpad-kwetsbare-zwangerschap";
  static final String WAITING_PROCESS = "it-case-messages";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(WAITING_PROCESS)
            .count()
        == 0) {
      UserTaskBuilder wait =
          Bpmn.createExecutableProcess(WAITING_PROCESS)
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .userTask("Task_Wait")
              .camundaCandidateGroups("verloskundige");
      wait.endEvent();
      for (String message :
          List.of(
              CaseMessages.NEW_SIGNAL,
              CaseMessages.START_MELDCODE,
              CaseMessages.END_CASE,
              CaseMessages.WITHDRAW_CONSENT,
              CaseMessages.BIRTH_REPORTED)) {
        wait.moveToActivity("Task_Wait")
            .boundaryEvent("Boundary_" + message)
            .cancelActivity(false)
            .message(message)
            .endEvent();
      }
      BpmnModelInstance model = wait.done();
      repositoryService
          .createDeployment()
          .addModelInstance(WAITING_PROCESS + ".bpmn", model)
          .deploy();
    }
  }

  static Stream<Arguments> messages() {
    String today = LocalDate.now(ZorgpadTime.ZONE).toString();
    return Stream.of(
        Arguments.of(
            "signals",
            "{\"riskDomains\": [\"schulden\"]," + " \"signallingDiscipline\": \"verloskundige\"}",
            "signallingDiscipline",
            "verloskundige"),
        Arguments.of(
            "meldcode",
            "{\"meldcodeStartedBy\": \"verloskundige\"}",
            "meldcodeStartedBy",
            "verloskundige"),
        Arguments.of("end", "{\"endReason\": \"verhuisd\"}", "endReason", "verhuisd"),
        Arguments.of(
            "consent-withdrawals",
            "{\"recipientDiscipline\": \"jgz\"}",
            "recipientDiscipline",
            "jgz"),
        Arguments.of("birth", "{\"birthDate\": \"" + today + "\"}", "birthDate", today));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messages")
  void messageIsDeliveredToTheWaitingProcessOfTheCase(
      String endpoint, String body, String variable, String value) {
    String caseNumber = newCase();
    ProcessInstance waiting = runtimeService.startProcessInstanceByKey(WAITING_PROCESS, caseNumber);

    HttpResponse<String> response =
        http.postJson("/api/cases/" + caseNumber + "/" + endpoint, MIDWIFE, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    HistoricVariableInstance delivered =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceId(waiting.getId())
            .variableName(variable)
            .singleResult();
    assertThat(delivered).isNotNull();
    Object stored = delivered.getValue();
    assertThat(String.valueOf(stored)).isEqualTo(value);
  }

  /**
   * The messages that the main pathway waits for from the signal on (event subprocesses of the
   * whole case). Not the birth: GeboorteGemeld is a boundary event of Sub_AwaitBirth, which the
   * pathway reaches only after consent, acceptance and the handovers, so right after the signal
   * that combination does not exist — {@link #birthRightAfterTheSignalIs409TheCaseDoesNotWaitForItYet}
   * shows what the API answers then, and the process test
   * KwetsbareZwangerschapProcessTest.birthReportedByMessageFromKraamzorg the delivery once it
   * waits.
   */
  static Stream<Arguments> messagesAtAnyTime() {
    return messages().filter(row -> !"birth".equals(row.get()[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messagesAtAnyTime")
  void mainPathwayAcceptsItsMessages(String endpoint, String body, String variable, String value) {
    String message =
        Map.of(
                "signals",
                CaseMessages.NEW_SIGNAL,
                "meldcode",
                CaseMessages.START_MELDCODE,
                "end",
                CaseMessages.END_CASE,
                "consent-withdrawals",
                CaseMessages.WITHDRAW_CONSENT)
            .get(endpoint);
    ProcessDefinition main =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN_PATHWAY)
            .latestVersion()
            .singleResult();
    assertThat(
            repositoryService
                .getBpmnModelInstance(main.getId())
                .getModelElementsByType(Message.class))
        .extracting(Message::getName)
        .as("the main pathway has the message %s", message)
        .contains(message);
    String caseNumber = newCase();

    HttpResponse<String> response =
        http.postJson("/api/cases/" + caseNumber + "/" + endpoint, MIDWIFE, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
  }

  @Test
  void birthRightAfterTheSignalIs409TheCaseDoesNotWaitForItYet() throws Exception {
    String caseNumber = newCase();

    HttpResponse<String> response =
        http.postJson(
            "/api/cases/" + caseNumber + "/birth",
            MIDWIFE,
            "{\"birthDate\": \"" + LocalDate.now(ZorgpadTime.ZONE) + "\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("code").asText()).isEqualTo("nothing-waiting");
    assertThat(error.path("userMessage").asText()).contains(CaseMessages.BIRTH_REPORTED);
    // nothing was recorded: the case still waits for the consent, without a birth date
    ProcessInstance pathway =
        runtimeService
            .createProcessInstanceQuery()
            .processDefinitionKey(MAIN_PATHWAY)
            .processInstanceBusinessKey(caseNumber)
            .singleResult();
    assertThat(runtimeService.getVariable(pathway.getId(), CaseMessages.BIRTH_DATE)).isNull();
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_AskConsent")
                .count())
        .isOne();
  }

  @Test
  void unknownCaseIs404() throws Exception {
    HttpResponse<String> response =
        http.postJson("/api/cases/ZP-2099-99999/end", MIDWIFE, "{\"endReason\": \"verhuisd\"}");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(response.body()).path("userMessage").asText())
        .contains("Onbekend casusnummer");
    assertThat(
            http.postJson("/api/cases/geen-casus/end", MIDWIFE, "{\"endReason\": \"verhuisd\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void disciplineNotInvolvedInTheCaseIs403() throws Exception {
    String caseNumber = newCase();
    HttpResponse<String> response =
        http.postJson(
            "/api/cases/" + caseNumber + "/end", MATERNITY_CARE, "{\"endReason\": \"verhuisd\"}");
    assertThat(response.statusCode()).isEqualTo(403);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("code").asText()).isEqualTo("not-involved");
    assertThat(error.path("userMessage").asText()).contains("niet betrokken");
    assertThat(
            http.postJson(
                    "/api/cases/" + caseNumber + "/end", AUDITOR, "{\"endReason\": \"verhuisd\"}")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void involvementStaysAfterTheTaskIsDone() {
    // the midwife's consent task is done (refused): the case ended, she was involved → 409
    String caseNumber = newCase();
    refuseConsent(caseNumber);

    HttpResponse<String> response =
        http.postJson(
            "/api/cases/" + caseNumber + "/birth",
            MIDWIFE,
            "{\"birthDate\": \"" + LocalDate.now(ZorgpadTime.ZONE) + "\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
  }

  @Test
  void nothingWaitingIs409WithADutchMessage() throws Exception {
    String caseNumber = newCase();
    refuseConsent(caseNumber);

    HttpResponse<String> response =
        http.postJson(
            "/api/cases/" + caseNumber + "/meldcode",
            MIDWIFE,
            "{\"meldcodeStartedBy\": \"verloskundige\"}");

    assertThat(response.statusCode()).isEqualTo(409);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("code").asText()).isEqualTo("nothing-waiting");
    assertThat(error.path("userMessage").asText()).contains("wacht op dit moment niet");
    // the English detail tells what happened, never the engine's exception or message
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(error.path("detail").asText())
        .isNotBlank()
        .doesNotContain("Exception", "org.camunda", "ENGINE-");
  }

  @Test
  void invalidPayloadIs400WithADutchMessage() throws Exception {
    String caseNumber = newCase();
    for (String[] refused :
        List.of(
            new String[] {"end", "{\"endReason\": \"geen-zin\"}", "endReason"},
            new String[] {
              "signals",
              "{\"riskDomains\": [], \"signallingDiscipline\":" + " \"verloskundige\"}",
              "riskDomains"
            },
            new String[] {"meldcode", "{}", "meldcodeStartedBy"},
            new String[] {
              "consent-withdrawals", "{\"recipientDiscipline\": \"politie\"}", "recipientDiscipline"
            },
            new String[] {"birth", "{\"birthDate\": \"2999-01-01\"}", "birthDate"})) {
      HttpResponse<String> response =
          http.postJson("/api/cases/" + caseNumber + "/" + refused[0], MIDWIFE, refused[1]);
      assertThat(response.statusCode()).as(refused[0] + ": " + response.body()).isEqualTo(400);
      JsonNode error = JSON.readTree(response.body());
      assertThat(error.path("userMessage").asText()).isNotBlank();
      assertThat(error.path("errors").get(0).path("field").asText()).isEqualTo(refused[2]);
    }
  }

  @Test
  void meldcodeIsStartedOnlyForTheCallersOwnDiscipline() {
    String caseNumber = newCase();
    HttpResponse<String> response =
        http.postJson(
            "/api/cases/" + caseNumber + "/meldcode", MIDWIFE, "{\"meldcodeStartedBy\": \"jgz\"}");
    assertThat(response.statusCode()).isEqualTo(403);
  }

  @Test
  void unauthenticatedIs401() {
    assertThat(
            http.postJson("/api/cases/ZP-2026-00001/end", null, "{\"endReason\": \"verhuisd\"}")
                .statusCode())
        .isEqualTo(401);
  }

  private String newCase() {
    HttpResponse<String> response =
        http.postJson("/api/signals", MIDWIFE, SignalApiIT.validSignal("verloskundige"));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    try {
      return JSON.readTree(response.body()).path("caseNumber").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void refuseConsent(String caseNumber) {
    // the first task goes to the signaller's own team (issue 11)
    identityService.setAuthentication(
        "demo-verloskundige", List.of("verloskundige", "verloskundige-utrecht-lombok"));
    try {
      Task consent =
          taskService
              .createTaskQuery()
              .processInstanceBusinessKey(caseNumber)
              .taskDefinitionKey("Task_AskConsent")
              .singleResult();
      taskService.complete(
          consent.getId(),
          Map.of("consentDecision", "REFUSED", "consentRefusalReason", "wil-geen-contact"));
      // no safety concerns: the signaller confirms the case closes (issue 11)
      Task confirm =
          taskService
              .createTaskQuery()
              .processInstanceBusinessKey(caseNumber)
              .taskDefinitionKey("Task_ConfirmClosingWithoutConsent")
              .singleResult();
      taskService.complete(confirm.getId(), Map.of("refusalFollowUp", "casus-sluiten"));
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .count())
        .as("the case has ended")
        .isZero();
  }
}
