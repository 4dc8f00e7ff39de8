package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentRecord;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.consent.RightToReportService;
import nl.zorgpad.support.AuditedVariables;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The meldrecht story of seed 001 in the running application, as the demo users do it: a GP
 * signals a homeless pregnant woman in an unsafe place through the public API; the triage advises
 * the meldcode, which starts for her at once; the woman refuses all help; the case stays open as
 * "Open – meldcode zonder toestemming" (case page and the GP's tasks) instead of closing; the GP
 * works the meldcode's steps in the Tasklist and reports to Veilig Thuis (recorded under the
 * meldrecht, no consent record); the meldcode stays reachable through the API (204, not 409),
 * and the case cannot be closed while a meldcode runs. Every task of the story is for the GP's own
 * discipline, and nothing personal reaches the engine's history.
 *
 * <p>The Tasklist's REST calls are made against the Tasklist's own API
 * ({@code /camunda/api/engine}, with its session and CSRF token) as the Tasklist makes them: the
 * task list, the task's deployed form and form variables, claim, submit-form.
 */
@ZorgpadIntegrationTest
class MeldrechtStoryIT {

  static final String GP = "demo-huisarts";
  static final ObjectMapper JSON = new ObjectMapper();

  /** A call of a Zorgpad bean from a model: {@code ${bean.method(execution…}}. */
  static final Pattern BEAN_CALL = Pattern.compile("\\$\\{(\\w+)\\.\\w+\\(execution");

  static final Pattern DELEGATE = Pattern.compile("delegateExpression=\"\\$\\{(\\w+)}\"");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CaseFileService caseFiles;
  @Autowired ConsentService consents;
  @Autowired RightToReportService rightToReport;
  @Autowired ApplicationContext context;
  @Autowired JdbcTemplate jdbc;

  @Test
  void meldrecht_gpSignalsRefusedConsentCaseStaysOpenAndTheGpReportsToVeiligThuis()
      throws Exception {
    Http api = new Http(port);
    Tasklist tasklist = new Tasklist(port, GP + ":demo");
    String today = LocalDate.now(ZorgpadTime.ZONE).toString();

    // 1. the GP (huisartsenpost) signals: homeless, in an unsafe place
    HttpResponse<String> signal =
        api.postJson(
            "/api/signals",
            GP + ":demo",
            """
        {"clientReference": "HAP-FIETS-01", "dueDate": "%s", "gestationalAgeWeeks": 30,
         "riskDomains": ["huisvesting", "huiselijk-geweld"], "signallingDiscipline": "huisarts"}
        """
                .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(10)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();
    String main =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
            .singleResult()
            .getId();

    // 2. the triage advises the meldcode: it runs at once for the GP, beside the consent
    assertThat(runtimeService.getVariable(main, "meldcodeAdvised")).isEqualTo(true);
    assertThat(tasklist.taskKeys(caseNumber))
        .containsExactlyInAnyOrder("Task_AskConsent", "Task_MapSignals");

    // 3. she wants nothing but her bike back: consent refused
    tasklist.submit(
        caseNumber,
        "Task_AskConsent",
        """
        {"consentDecision": {"value": "REFUSED"},
         "consentRefusalReason": {"value": "wil-geen-contact"},
         "consentAskAgain": {"value": false}}""");

    // 4. the case stays open, with a status that says so, on the case page and in her tasks
    assertThat(caseFiles.find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.MELDCODE_WITHOUT_CONSENT);
    String page = tasklist.page("/casus/" + caseNumber);
    assertThat(page)
        .contains("id=\"case-status\">Open – meldcode zonder toestemming (meldrecht)<")
        .contains("id=\"meldrecht-banner\"");
    assertThat(tasklist.page("/casus"))
        .contains(caseNumber)
        .contains("Open – meldcode zonder toestemming (meldrecht)");
    assertThat(tasklist.taskKeys(caseNumber))
        .containsExactlyInAnyOrder("Task_MapSignals", "Task_FollowUpMeldrecht");

    // 5. the GP continues the meldcode: signals and kindcheck, consultation (talking to her
    //    would endanger her), the afwegingskader says acute unsafety: report to Veilig Thuis
    tasklist.submit(
        caseNumber,
        "Task_MapSignals",
        """
        {"meldcodeSignals": {"value": "[\\"verwaarlozing\\", \\"ander-signaal\\"]", "type": "Json"},
         "meldcodeKindcheck": {"value": "alleen-ongeboren-kind"}}""");
    tasklist.submit(
        caseNumber,
        "Task_Consult",
        """
        {"meldcodeColleagueConsulted": {"value": true},
         "meldcodeVeiligThuisAdvice": {"value": "anoniem"},
         "meldcodeTalkSafe": {"value": "nee"},
         "meldcodeTalkSkippedReason": {"value": "gevaar-client"}}""");
    tasklist.submit(
        caseNumber,
        "Task_WeighRisk",
        """
        {"meldcodeSuspicion": {"value": "ja"}, "meldcodeUnsafety": {"value": "ja"}}""");
    tasklist.submit(
        caseNumber,
        "Task_ReportToVeiligThuis",
        """
        {"meldcodeReportDate": {"value": "%s"},
         "meldcodeClientInformedOfReport": {"value": "niet-geinformeerd-gevaar"},
         "meldcodeHelpAlongside": {"value": "nee"}}"""
            .formatted(today));

    // the report is the meldrecht's record, the one exception to consent; no consent was given
    assertThat(rightToReport.recordsOf(caseNumber))
        .singleElement()
        .satisfies(
            report -> {
              assertThat(report.getReportingDiscipline()).isEqualTo("huisarts");
              assertThat(report.getLegalGround()).isEqualTo("wmo-2015-art-5.2.6");
              assertThat(report.getClientInformed()).isEqualTo("niet-geinformeerd-gevaar");
              assertThat(report.getRecordedBy()).isEqualTo(GP);
            });
    assertThat(consents.recordsOf(caseNumber))
        .extracting(ConsentRecord::getDecision)
        .containsExactly(ConsentDecision.REFUSED);
    tasklist.submit(
        caseNumber,
        "Task_AwaitVeiligThuisContact",
        """
        {"veiligThuisContactDate": {"value": "%s"}}"""
            .formatted(today));
    assertThat(runtimeService.getVariable(main, "meldcodeOutcome"))
        .isEqualTo("gemeld-veilig-thuis");

    // 6. the meldcode stays reachable without consent (before issue 11: 409 nothing-waiting)
    HttpResponse<String> again =
        api.postJson(
            "/api/cases/" + caseNumber + "/meldcode",
            GP + ":demo",
            "{\"meldcodeStartedBy\": \"huisarts\"}");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
    assertThat(tasklist.taskKeys(caseNumber))
        .containsExactlyInAnyOrder("Task_MapSignals", "Task_FollowUpMeldrecht");
    // and the case cannot be closed while that meldcode runs: 400 with a Dutch message
    HttpResponse<String> close =
        tasklist.trySubmit(
            caseNumber,
            "Task_FollowUpMeldrecht",
            """
        {"meldrechtFollowUp": {"value": "casus-sluiten"}}""");
    assertThat(close.statusCode()).isEqualTo(400);
    assertThat(close.body()).contains("De meldcode loopt nog");
    assertThat(caseFiles.find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.MELDCODE_WITHOUT_CONSENT);

    // every task of the story went to the GP's own discipline
    List<String> groups =
        identityService.createGroupQuery().groupMember(GP).list().stream()
            .map(Group::getId)
            .toList();
    assertThat(historyService.createHistoricIdentityLinkLogQuery().type("candidate").list())
        .filteredOn(
            link ->
                link.getRootProcessInstanceId() != null
                    && link.getRootProcessInstanceId().equals(main))
        .isNotEmpty()
        .allSatisfy(
            link ->
                assertThat(groups)
                    .as("candidate group %s", link.getGroupId())
                    .contains(link.getGroupId()));

    // nothing personal in ACT_HI_VARINST (nor in the variable updates)
    assertNoPersonalDataInTheHistoryOf(caseNumber);
  }

  @Test
  void theTasklistOffersEveryDisciplineTheMeldcodeStartForm() throws Exception {
    Tasklist tasklist = new Tasklist(port, GP + ":demo");
    JsonNode startable =
        JSON.readTree(
            tasklist
                .get(
                    "/camunda/api/engine/engine/default/process-definition?latestVersion=true"
                        + "&startableInTasklist=true&startablePermissionCheck=true")
                .body());
    assertThat(
            StreamSupport.stream(startable.spliterator(), false)
                .map(definition -> definition.path("key").asText()))
        .contains("zorgpad-kwetsbare-zwangerschap", "zorgpad-meldcode-starten");
  }

  @Test
  void everyZorgpadBeanTheModelsCallExists() throws IOException {
    Set<String> beans = new java.util.TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
        String xml = Files.readString(file);
        for (Pattern pattern : List.of(BEAN_CALL, DELEGATE)) {
          Matcher matcher = pattern.matcher(xml);
          while (matcher.find()) {
            beans.add(matcher.group(1));
          }
        }
      }
    }
    assertThat(beans)
        .contains(
            "caseTeams",
            "caseClosing",
            "refusalFollowUpCheck",
            "meldrechtFollowUpCheck",
            "meldcodeStartRequest",
            "caseAcceptanceListener");
    beans.forEach(bean -> assertThat(context.containsBean(bean)).as("bean %s", bean).isTrue());
  }

  private void assertNoPersonalDataInTheHistoryOf(String caseNumber) {
    List<String> instances =
        new ArrayList<>(
            historyService
                .createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .list()
                .stream()
                .map(HistoricProcessInstance::getId)
                .toList());
    assertThat(instances).hasSizeGreaterThanOrEqualTo(4);
    List<HistoricVariableInstance> variables =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(instances.toArray(String[]::new))
            .list();
    assertThat(variables).isNotEmpty();
    variables.forEach(
        variable -> PathwayTestSupport.assertReviewed(variable.getName(), variable.getValue()));
    // every earlier value: the audit trail's variable changes (the engine keeps no details)
    List<AuditedVariables.Change> changes = AuditedVariables.of(jdbc, instances);
    assertThat(changes).isNotEmpty();
    changes.forEach(change -> PathwayTestSupport.assertReviewed(change.name(), change.value()));
    assertThat(variables)
        .noneSatisfy(variable -> assertThat(String.valueOf(variable.getValue())).contains("fiets"));
  }

  /**
   * The Tasklist's calls for one user: its own API under {@code /camunda/api/engine} with a
   * session cookie and the webapps' CSRF token (sent back in {@code X-XSRF-TOKEN}), as the
   * AngularJS Tasklist sends them; and the case pages in the same session.
   */
  static final class Tasklist {

    private static final String ENGINE = TestSession.ENGINE;

    private final TestSession session;
    private final String user;

    Tasklist(int port, String user) {
      this.session =
          TestSession.of(port, user).accept("application/json, text/plain, text/html, */*");
      this.user = user;
    }

    HttpResponse<String> get(String path) {
      return session.get(path);
    }

    String page(String path) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(200);
      return response.body();
    }

    List<String> taskKeys(String caseNumber) throws IOException {
      HttpResponse<String> list = get(ENGINE + "/task?processInstanceBusinessKey=" + caseNumber);
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      return StreamSupport.stream(JSON.readTree(list.body()).spliterator(), false)
          .map(task -> task.path("taskDefinitionKey").asText())
          .toList();
    }

    void submit(String caseNumber, String taskKey, String variables) throws IOException {
      HttpResponse<String> done = trySubmit(caseNumber, taskKey, variables);
      assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isIn(200, 204);
    }

    /** Opens the task as the Tasklist does (form, its variables), claims it and submits. */
    HttpResponse<String> trySubmit(String caseNumber, String taskKey, String variables)
        throws IOException {
      HttpResponse<String> list =
          get(
              ENGINE
                  + "/task?processInstanceBusinessKey="
                  + caseNumber
                  + "&taskDefinitionKey="
                  + taskKey);
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      JsonNode tasks = JSON.readTree(list.body());
      assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
      String taskId = tasks.get(0).path("id").asText();
      HttpResponse<String> form = get(ENGINE + "/task/" + taskId + "/deployed-form");
      assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
      assertThat(JSON.readTree(form.body()).path("components").isArray()).isTrue();
      assertThat(
              get(ENGINE + "/task/" + taskId + "/form-variables?deserializeValues=false")
                  .statusCode())
          .isEqualTo(200);
      if (tasks.get(0).path("assignee").isNull()) {
        HttpResponse<String> claim =
            post(
                ENGINE + "/task/" + taskId + "/claim",
                "{\"userId\": \"" + user.substring(0, user.indexOf(':')) + "\"}");
        assertThat(claim.statusCode()).as(claim.body()).isIn(200, 204);
      }
      return post(
          ENGINE + "/task/" + taskId + "/submit-form", "{\"variables\": " + variables + "}");
    }

    /** A write of the Tasklist: JSON with the webapps' CSRF token. */
    private HttpResponse<String> post(String path, String json) {
      return session.postApi(path, json);
    }
  }
}
