package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.AuditedVariables;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * What the issue asks the case history to show, checked against the engine's own history: for
 * the finished demo case every completed user task with who completed it and when, what was
 * entered (with the form's Dutch labels), and every user operation; for a case with a timer and
 * a job that fails on purpose the timer that fired (engine clock, no waiting) and the incident,
 * open and then resolved by an administrator. The auditor's own read is in the access log.
 */
@ZorgpadIntegrationTest
class CaseHistoryCompletenessIT {

  static final String AUDITOR = "demo-auditor:demo";
  private static final Pattern ROW =
      Pattern.compile("<tr data-type=\"([A-Z_]+)\">(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

  @LocalServerPort int port;
  @Autowired HistoryService history;
  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired AuditFormat format;
  @Autowired FormLabels forms;

  /** One timeline row: its type and the text of its cells. */
  record Row(String type, List<String> cells) {
    String text() {
      return String.join(" | ", cells);
    }
  }

  @Test
  void theFinishedDemoCaseShowsEveryTaskWithWhoCompletedItWhenAndWhatWasEntered() {
    HistoricProcessInstance root =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
            .completed()
            .list()
            .stream()
            .filter(
                instance ->
                    jdbc.queryForObject(
                            "select client_reference from zp_case_file" + " where case_number = ?",
                            String.class,
                            instance.getBusinessKey())
                        .equals("DEMO-VK-0106"))
            .findFirst()
            .orElseThrow();
    String caseNumber = root.getBusinessKey();
    List<Row> rows = timeline(caseNumber);
    List<String> instances =
        history
            .createHistoricProcessInstanceQuery()
            .rootProcessInstanceId(root.getId())
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    assertThat(instances).hasSizeGreaterThan(1); // the pathway and its called processes

    int completed = 0;
    for (String instance : instances) {
      for (HistoricTaskInstance task :
          history.createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
        if (!"completed".equals(task.getDeleteReason())) {
          // cancelled by the end of the case
          assertThat(rows)
              .as(task.getName())
              .anySatisfy(row -> assertThat(row.type()).isEqualTo("TASK_CANCELLED"));
          continue;
        }
        completed++;
        String when = format.time(task.getEndTime().toInstant());
        assertThat(rows)
            .as("%s completed by %s at %s", task.getName(), task.getAssignee(), when)
            .anySatisfy(
                row -> {
                  assertThat(row.type()).isEqualTo("TASK_COMPLETED");
                  assertThat(row.cells().get(0)).isEqualTo(when);
                  assertThat(row.cells().get(3)).isEqualTo(task.getName());
                  assertThat(row.cells().get(5)).isEqualTo(task.getAssignee());
                });
      }
      // what was entered: every variable change (the audit trail's, ADR 0012), with the user
      // and the form's Dutch label
      List<AuditedVariables.Change> changes = AuditedVariables.of(jdbc, List.of(instance));
      assertThat(changes).as("variable changes of %s", instance).isNotEmpty();
      changes.stream()
          .filter(change -> forms.field(change.name()) != null)
          .forEach(
              change -> {
                String label = forms.field(change.name());
                assertThat(rows)
                    .as(change.name())
                    .anySatisfy(
                        row -> {
                          assertThat(row.type()).isEqualTo("VARIABLE_CHANGED");
                          assertThat(row.cells().get(3))
                              .isEqualTo(label + " (" + change.name() + ")");
                          assertThat(row.cells().get(5)).startsWith("demo-");
                        });
              });
    }
    assertThat(completed).isGreaterThanOrEqualTo(6);
    // the JGZ's answer, in the words of her form
    String contactMethod = forms.field("contactMethod");
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row.text())
                    .contains(contactMethod + " (contactMethod)")
                    .contains("demo-jgz")
                    .contains("→ " + forms.option("contactMethod", "huisbezoek")));
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row.text()).contains(forms.field("involvedInformed")).contains("→ Ja"));

    // every user operation (one line per operation; claims are the "opgepakt" lines)
    for (String instance : instances) {
      for (UserOperationLogEntry entry :
          history.createUserOperationLogQuery().processInstanceId(instance).list()) {
        String expected =
            switch (entry.getOperationType()) {
              case "Claim", "Assign", "SetOwner" -> "TASK_CLAIMED";
              default -> "OPERATION";
            };
        assertThat(rows)
            .as("%s by %s", entry.getOperationType(), entry.getUserId())
            .anySatisfy(
                row -> {
                  assertThat(row.type()).isEqualTo(expected);
                  assertThat(row.cells().get(0))
                      .isEqualTo(format.time(entry.getTimestamp().toInstant()));
                  assertThat(row.cells().get(5)).isEqualTo(entry.getUserId());
                });
      }
    }
    // the end of the case: the regiehouder's message, the cancelled tasks, the end
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row.text()).contains("Bericht ontvangen").contains("demo-regiehouder"));
    assertThat(rows).anySatisfy(row -> assertThat(row.type()).isEqualTo("PROCESS_ENDED"));
    // no English engine codes left in the timeline
    assertThat(rows)
        .allSatisfy(
            row ->
                assertThat(row.text())
                    .doesNotContainPattern(
                        "\\b(Complete|Claim|ProcessInstance|userTask|startEvent"
                            + "|exclusiveGateway|noneEndEvent|callActivity|serviceTask|CorrelateMessage)\\b"));
  }

  /**
   * ADR 0012: a variable change is written once, into the hash-chained audit trail, which names
   * the variable instance it changed; the engine keeps each variable's current value
   * ({@code ACT_HI_VARINST}) but no details. The timeline still shows every change as old → new.
   */
  @Test
  void variableChangesAreWrittenOnceInTheAuditTrailAndShowTheirEarlierValue() {
    assertThat(jdbc.queryForObject("select count(*) from ACT_HI_DETAIL", Long.class))
        .as("variable-update details and form fields in ACT_HI_DETAIL")
        .isZero();
    // a demo case's variable changed a second time, from a value it had
    Map<String, Object> update =
        jdbc.queryForMap(
            "select u.case_number, u.variable_key, u.occurred_at, u.history_event_id"
                + " from zp_audit_record u join zp_audit_record c"
                + " on c.history_event_id = u.history_event_id and c.id < u.id"
                + " and c.value_text is not null and c.variable_type <> 'null'"
                + " where u.event_type = 'variable-update' and u.case_number is not null"
                + " and u.value_text is not null"
                + " order by u.id fetch first 1 rows only");
    String caseNumber = (String) update.get("case_number");
    String name = (String) update.get("variable_key");
    // every variable record of the case names its ACT_HI_VARINST row
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_audit_record r where r.case_number = ?"
                    + " and r.event_type like 'variable-%' and not exists (select 1 from"
                    + " ACT_HI_VARINST v where v.ID_ = r.history_event_id"
                    + " and v.NAME_ = r.variable_key)",
                Long.class, caseNumber))
        .isZero();
    Object occurred = update.get("occurred_at");
    String when =
        format.time(
            occurred instanceof java.time.OffsetDateTime time
                ? time.toInstant()
                : ((java.sql.Timestamp) occurred).toInstant());
    assertThat(timeline(caseNumber))
        .as("the change of %s at %s in %s", name, when, caseNumber)
        .anySatisfy(
            row -> {
              assertThat(row.type()).isEqualTo("VARIABLE_CHANGED");
              assertThat(row.cells().get(0)).isEqualTo(when);
              assertThat(row.cells().get(3)).contains(name);
              // the earlier value, not "–": the previous record of the same variable instance
              assertThat(row.cells().get(6)).contains("→").doesNotStartWith("–");
            });
  }

  @Test
  void timersFiredAndIncidentsAreInTheTimeline() {
    // longer than a case number (20): its read is logged by object id, not refused with a 500
    String key = "ZP-TEST-TIMER-INCIDENT";
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("audit-timer-incident")
            .name("Audittest: termijn en storing")
            .camundaHistoryTimeToLive(30)
            .startEvent("Start")
            .intermediateCatchEvent("Timer_Wait")
            .name("Een uur wachten")
            .timerWithDuration("PT1H")
            .serviceTask("Task_Fails")
            .name("Stap die mislukt")
            .camundaAsyncBefore()
            .camundaExpression("${nonExistingBean}")
            .endEvent("End")
            .done();
    String deployment =
        repository
            .createDeployment()
            .name("audit-timer-incident")
            .addModelInstance("audit-timer-incident.bpmn", model)
            .deploy()
            .getId();
    Date start = ClockUtil.getCurrentTime();
    try {
      ProcessInstance instance = runtime.startProcessInstanceByKey("audit-timer-incident", key);
      Job timer = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
      // the engine clock moves past the timer's due date; the job then runs as the job
      // executor would run it
      ClockUtil.setCurrentTime(new Date(start.getTime() + 61 * 60 * 1000));
      assertThat(
              management.createJobQuery().processInstanceId(instance.getId()).executable().count())
          .isEqualTo(1);
      management.executeJob(timer.getId());
      Job failing = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
      for (int attempt = 0; attempt < 3; attempt++) {
        try {
          management.executeJob(failing.getId());
        } catch (RuntimeException expected) {
          // the expression names a bean that does not exist: the job fails on purpose
        }
      }
      assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).count())
          .isEqualTo(1);

      List<Row> rows = timeline(key);
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from zp_access_log where object_id = ?"
                      + " and user_id = 'demo-auditor' and object_type = 'CaseHistory'",
                  Long.class,
                  key))
          .isPositive();
      assertThat(rows)
          .anySatisfy(
              row -> {
                assertThat(row.type()).isEqualTo("TIMER_FIRED");
                assertThat(row.text())
                    .contains("Termijn verstreken (timer)")
                    .contains("Een uur wachten")
                    .contains(format.message("audit.activityType.intermediateTimer"));
              });
      assertThat(rows)
          .anySatisfy(
              row -> {
                assertThat(row.type()).isEqualTo("INCIDENT");
                assertThat(row.text())
                    .contains("Storing")
                    .contains("Task_Fails")
                    .contains("→ open")
                    .contains("Mislukte taak van het systeem: ")
                    .contains("nonExistingBean");
              });

      // an administrator lets the job try again: the incident is resolved, the operation logged
      identity.setAuthentication("admin", List.of("camunda-admin"));
      try {
        management.setJobRetries(failing.getId(), 1);
      } finally {
        identity.clearAuthentication();
      }
      rows = timeline(key);
      assertThat(rows)
          .anySatisfy(row -> assertThat(row.text()).contains("Storing").contains("→ opgelost"));
      assertThat(rows)
          .anySatisfy(
              row -> {
                assertThat(row.type()).isEqualTo("OPERATION");
                assertThat(row.text())
                    .contains("Systeemtaak opnieuw laten proberen")
                    .contains("admin")
                    .contains("systeemtaak");
              });
    } finally {
      ClockUtil.reset();
      repository.deleteDeployment(deployment, true);
    }
  }

  @Test
  void theAuditorsOwnReadIsInTheAccessLog() {
    String caseNumber =
        jdbc.queryForList("select case_number from zp_case_file order by id", String.class).get(0);
    long before = auditorReads(caseNumber);
    assertThat(new Http(port).get("/audit/casus/" + caseNumber, AUDITOR).statusCode())
        .isEqualTo(200);
    assertThat(auditorReads(caseNumber)).isEqualTo(before + 1);
    Map<String, Object> read =
        jdbc.queryForMap(
            "select * from zp_access_log where id ="
                + " (select max(id) from zp_access_log where user_id = 'demo-auditor')");
    assertThat(read)
        .containsEntry("ACTION", "READ")
        .containsEntry("OBJECT_TYPE", "CaseHistory")
        .containsEntry("PURPOSE_OF_USE", "audit")
        .containsEntry("OUTCOME", "ALLOWED")
        .containsEntry("CASE_NUMBER", caseNumber);
    assertThat(read.get("CHAIN_SEQ")).isNotNull();
    // and the auditor finds it in the access-log review, in Dutch
    assertThat(
            new Http(port)
                .get("/audit/toegang?gebruiker=demo-auditor&client=" + caseNumber, AUDITOR)
                .body())
        .contains("Geschiedenis van de casus (audit)")
        .contains("Ingezien");
  }

  private long auditorReads(String caseNumber) {
    return jdbc.queryForObject(
        "select count(*) from zp_access_log where user_id ="
            + " 'demo-auditor' and case_number = ? and object_type = 'CaseHistory'",
        Long.class,
        caseNumber);
  }

  /** Every line of the case's timeline, over all its pages (issue 15: 50 lines a page). */
  private List<Row> timeline(String caseNumber) {
    List<Row> rows = new ArrayList<>();
    for (int number = 1; number < 100; number++) {
      var page = new Http(port).get("/audit/casus/" + caseNumber + "?pagina=" + number, AUDITOR);
      assertThat(page.statusCode()).isEqualTo(200);
      rows.addAll(rows(page.body()));
      if (!page.body().contains("id=\"timeline-next\"")) {
        break;
      }
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }

  private static List<Row> rows(String body) {
    List<Row> rows = new ArrayList<>();
    Matcher row = ROW.matcher(body);
    while (row.find()) {
      List<String> cells = new ArrayList<>();
      Matcher cell = CELL.matcher(row.group(2));
      while (cell.find()) {
        cells.add(
            HtmlUtils.htmlUnescape(cell.group(1).replaceAll("<[^>]+>", " "))
                .replaceAll("\\s+", " ")
                .strip());
      }
      rows.add(new Row(row.group(1), cells));
    }
    return rows;
  }
}
