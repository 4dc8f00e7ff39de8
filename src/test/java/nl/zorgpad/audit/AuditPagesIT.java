package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.FullChainCheckPage;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The auditor's pages on the running demo app: the engine's audit trail is written and chained
 * for the demo cases, a case's history shows who completed which task and what changed, a row
 * changed directly in the database is named by the verification page, the anonymised export holds
 * no personal data, and caregivers get 403 everywhere.
 */
@ZorgpadIntegrationTest
class AuditPagesIT {

  static final String AUDITOR = "demo-auditor:demo";
  static final String CAREGIVER = "demo-jgz:demo";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired HistoryService history;

  Http http;
  String caseNumber;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    // the demo case that went furthest: most completed tasks
    caseNumber =
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
            .list()
            .stream()
            .map(HistoricProcessInstance::getBusinessKey)
            .max(
                java.util.Comparator.comparingLong(
                    key ->
                        jdbc.queryForObject(
                            "select count(*) from zp_audit_record where case_number = ?"
                                + " and event_type = 'task-complete'",
                            Long.class,
                            key)))
            .orElseThrow();
  }

  @Test
  void everyCompletedTaskAndVariableChangeIsInTheChainedAuditTrail() {
    List<Map<String, Object>> completed =
        jdbc.queryForList(
            "select user_id, chain_seq, hash"
                + " from zp_audit_record where event_type = 'task-complete'");
    assertThat(completed).isNotEmpty();
    assertThat(completed)
        .allSatisfy(
            row -> {
              assertThat(row.get("chain_seq")).isNotNull();
              assertThat((String) row.get("hash")).hasSize(64);
            });
    assertThat(completed)
        .anySatisfy(row -> assertThat((String) row.get("user_id")).startsWith("demo-"));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_audit_record where event_type like" + " 'variable-%'",
                Long.class))
        .isPositive();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_audit_record where chain_seq is null", Long.class))
        .isZero();
  }

  @Test
  void caseHistoryShowsTasksWithWhoCompletedThemAndVariableChanges() {
    HttpResponse<String> page = http.get("/audit/casus/" + caseNumber, AUDITOR);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Geschiedenis van casus " + caseNumber)
        .contains("Taak afgerond")
        .contains("Taak klaargezet")
        .contains("Gegeven vastgelegd of gewijzigd")
        .contains("Zorgpad gestart")
        .contains("demo-verloskundige")
        .contains("→");
    HttpResponse<String> filtered =
        http.get("/audit/casus/" + caseNumber + "?type=TASK_COMPLETED", AUDITOR);
    assertThat(filtered.body())
        .contains("data-type=\"TASK_COMPLETED\"")
        .doesNotContain("data-type=\"VARIABLE_CHANGED\"");
    HttpResponse<String> byUser =
        http.get("/audit/casus/" + caseNumber + "?gebruiker=nobody", AUDITOR);
    assertThat(byUser.body()).contains("id=\"timeline-empty\"");
    assertThat(http.get("/audit/casus/ZP-1900-9999", AUDITOR).statusCode()).isEqualTo(404);
  }

  @Test
  void verificationNamesTheChangedRowAndIsIntactAgainAfterRestoring() {
    assertThat(FullChainCheckPage.run(port, AUDITOR))
        .contains("Intact")
        .doesNotContain("Verbroken");
    Map<String, Object> row =
        jdbc.queryForMap(
            "select id, user_id from zp_audit_record"
                + " where chain_seq = (select max(chain_seq) / 2 from zp_audit_record)");
    jdbc.update("update zp_audit_record set user_id = 'demo-auditor' where id = ?", row.get("id"));
    try {
      String body = FullChainCheckPage.run(port, AUDITOR);
      assertThat(body)
          .contains("Verbroken bij record " + row.get("id"))
          .contains("de inhoud van het record is gewijzigd");
    } finally {
      jdbc.update(
          "update zp_audit_record set user_id = ? where id = ?", row.get("user_id"), row.get("id"));
    }
    assertThat(FullChainCheckPage.run(port, AUDITOR))
        .contains("Intact")
        .doesNotContain("Verbroken");
  }

  @Test
  void anonymisedExportHoldsNoCaseNumberNoUsersNoDates() {
    HttpResponse<String> export =
        http.get("/audit/casus/" + caseNumber + "/casuistiekbespreking.md", AUDITOR);
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.body())
        .contains("# Casuïstiekbespreking")
        .contains("dag 0")
        .contains("Verloskundige")
        .contains("Taak afgerond")
        .doesNotContain(caseNumber)
        .doesNotContain("demo-")
        .doesNotContain("ZP-")
        .doesNotContainPattern("\\d{2}-\\d{2}-\\d{4}")
        .doesNotContainPattern("20\\d\\d-\\d\\d");
  }

  @Test
  void anonymisedExportAsPdf() throws Exception {
    HttpResponse<byte[]> pdf =
        java.net.http.HttpClient.newHttpClient()
            .send(
                http.builder("/audit/casus/" + caseNumber + "/casuistiekbespreking.pdf", AUDITOR)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/audit"));
    java.nio.file.Files.write(
        java.nio.file.Path.of("target/audit/casuistiekbespreking.pdf"), pdf.body());
  }

  @Test
  void diagramGivesThePathwayWithTimePerStep() {
    HttpResponse<String> diagram = http.get("/audit/casus/" + caseNumber + "/diagram", AUDITOR);
    assertThat(diagram.statusCode()).isEqualTo(200);
    assertThat(diagram.body())
        .contains("\"xml\"")
        .contains("bpmn:definitions")
        .contains("\"steps\"")
        .contains("\"time\"");
  }

  @Test
  void caregiversAndAnonymousUsersAreRefused() {
    for (String path :
        List.of(
            "/audit",
            "/audit/keten",
            "/audit/casus/" + caseNumber,
            "/audit/casus/" + caseNumber + "/diagram",
            "/audit/casus/" + caseNumber + "/casuistiekbespreking.pdf",
            "/audit/casus/" + caseNumber + "/casuistiekbespreking.md")) {
      assertThat(http.get(path, CAREGIVER).statusCode()).as(path).isEqualTo(403);
      assertThat(http.get(path, "demo-coordinator:demo").statusCode()).as(path).isEqualTo(403);
      assertThat(http.get(path, null).statusCode()).as(path).isIn(302, 401);
    }
    assertThat(http.get("/audit", AUDITOR).statusCode()).isEqualTo(200);
  }
}
