package nl.zorgpad.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, items 1 and 2 in the running application: the pathways fill {@code zp_monitor_fact}
 * in the transaction that moves a case (the demo cases were made through the engine as the demo
 * users), and the rebuild from history + dossier gives the same rows.
 */
@ZorgpadIntegrationTest
class MonitorFactsIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired MonitorProjection projection;

  private List<Map<String, Object>> facts(String clientReference) {
    return jdbc.queryForList(
        "select f.kind, f.code, f.coalition, f.hours from zp_monitor_fact f"
            + " join zp_case_file c on c.id = f.case_file_id where c.client_reference = ?"
            + " order by f.id",
        clientReference);
  }

  private static List<org.assertj.core.groups.Tuple> kindsAndCodes(
      List<Map<String, Object>> facts) {
    return facts.stream().map(f -> tuple(f.get("KIND"), f.get("CODE"))).toList();
  }

  @Test
  void consentRefused_theCaseClosesWithoutConsentAndTheReasonIsCounted() {
    assertThat(kindsAndCodes(facts("DEMO-HA-0104")))
        .contains(
            tuple("SIGNAL", "huisarts"), tuple("RISK_DOMAIN", "verslaving"),
            tuple("RISK_DOMAIN", "schulden"), tuple("CONSENT_ASKED", ""),
            tuple("CONSENT_REFUSED", "wil-bedenktijd"), tuple("CASE_CLOSED", "geen-toestemming"))
        .doesNotContain(tuple("CONSENT_GIVEN", ""));
  }

  @Test
  void endedEarly_movedAway_afterAConfirmedHandover() {
    List<Map<String, Object>> facts = facts("DEMO-VK-0106");
    assertThat(kindsAndCodes(facts))
        .contains(
            tuple("SIGNAL", "verloskundige"),
            tuple("HANDOVER_STARTED", "jgz"),
            tuple("HANDOVER_CONFIRMED", "jgz"),
            tuple("CASE_CLOSED", "verhuisd"))
        .doesNotContain(
            tuple("CASE_CLOSED", "eerste-verjaardag"), tuple("HANDOVER_UNCONFIRMED", "jgz"));
    assertThat(facts)
        .filteredOn(f -> "HANDOVER_CONFIRMED".equals(f.get("KIND")))
        .singleElement()
        .satisfies(f -> assertThat((Integer) f.get("HOURS")).isNotNull());
    assertThat(facts).allSatisfy(f -> assertThat(f.get("COALITION")).isEqualTo(""));
  }

  @Test
  void homeVisitRequestedAfterTheHandover() {
    assertThat(kindsAndCodes(facts("DEMO-VK-0105")))
        .contains(tuple("HOME_VISIT_CONSIDERED", ""), tuple("HOME_VISIT_REQUESTED", ""))
        .doesNotContain(tuple("HOME_VISIT_OPTED_OUT", "onbekend"), tuple("CASE_CLOSED", ""));
  }

  @Test
  void aNewSignalInAnOpenCaseIsARe_signalNotASecondCase() throws Exception {
    Http api = new Http(port);
    HttpResponse<String> signal =
        api.postJson(
            "/api/signals",
            "demo-verloskundige:demo",
            """
        {"clientReference": "VK-MONITOR-01", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();
    HttpResponse<String> again =
        api.postJson(
            "/api/cases/" + caseNumber + "/signals",
            "demo-verloskundige:demo",
            """
        {"riskDomains": ["huisvesting"], "signallingDiscipline": "verloskundige"}""");
    assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
    List<Map<String, Object>> facts = facts("VK-MONITOR-01");
    assertThat(kindsAndCodes(facts)).filteredOn(t -> t.toList().get(0).equals("SIGNAL")).hasSize(1);
    assertThat(kindsAndCodes(facts)).contains(tuple("RESIGNAL", ""));
  }

  @Test
  void aCaseOfACoalitionCountsForThatCoalitionOnly() throws Exception {
    Http api = new Http(port);
    HttpResponse<String> signal =
        api.postJson(
            "/api/signals",
            "demo-verloskundige-zeist:demo",
            """
        {"clientReference": "VK-MONITOR-ZEIST", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    assertThat(facts("VK-MONITOR-ZEIST"))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.get("COALITION")).isEqualTo("kansrijke-start-zeist"));
  }

  @Test
  void aPostcodeEnteredLaterMovesTheCaseFactsToHerWijk() throws Exception {
    HttpResponse<String> signal =
        new Http(port)
            .postJson(
                "/api/signals",
                "demo-verloskundige:demo",
                """
        {"clientReference": "VK-MONITOR-WIJK", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["stress"], "signallingDiscipline": "verloskundige"}
        """
                    .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();
    String wijken =
        "select distinct f.wijk from zp_monitor_fact f join zp_case_file c"
            + " on c.id = f.case_file_id where c.case_number = ?";
    assertThat(jdbc.queryForList(wijken, String.class, caseNumber)).containsExactly("onbekend");

    String clientPage = "/casus/" + caseNumber + "/client";
    HttpResponse<String> client =
        TestSession.of(port, "demo-verloskundige:demo")
            .postForm(clientPage, clientPage, Map.of("postcode", "3531 AB", "city", "Utrecht"));
    assertThat(client.statusCode()).as(client.body()).isEqualTo(302);

    String neighbourhood =
        jdbc.queryForObject(
            "select neighbourhood from zp_case_file" + " where case_number = ?",
            String.class,
            caseNumber);
    assertThat(neighbourhood).isNotNull();
    assertThat(jdbc.queryForList(wijken, String.class, caseNumber)).containsExactly(neighbourhood);
  }

  @Test
  void theRebuildGivesTheSameRowsAsThePathways() {
    String rows =
        "select c.case_number, f.coalition, f.kind, f.code, f.fact_month, f.hours,"
            + " f.wijk"
            + " from zp_monitor_fact f join zp_case_file c on c.id = f.case_file_id"
            + " order by c.case_number, f.kind, f.code, f.fact_month, f.hours";
    List<Map<String, Object>> before = jdbc.queryForList(rows);
    assertThat(before).isNotEmpty();
    int cases = projection.rebuild();
    assertThat(cases).isPositive();
    assertThat(jdbc.queryForList(rows)).isEqualTo(before);
  }
}
