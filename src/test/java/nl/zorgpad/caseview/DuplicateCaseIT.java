package nl.zorgpad.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, deliverable 2: a duplicate made earlier — two cases for one woman, before anyone knew
 * her BSN — is merged by the regiehouder or ended with reason "dubbele casus"; a signal that
 * joined on a weaker match (no BSN) but is another woman is detached. Driven through the case
 * pages and the API as the demo users.
 */
@ZorgpadIntegrationTest
class DuplicateCaseIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String GP = "demo-huisarts:demo";
  static final String REGIEHOUDER = "demo-regiehouder:demo";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CaseFileService caseFiles;
  @Autowired CaseInvolvements involvements;
  @Autowired DossierService dossier;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  @Test
  void theRegiehouderMergesADuplicateMadeBeforeTheBsnWasKnown() throws Exception {
    Http http = new Http(port);
    String survivor = signal(http, MIDWIFE, "verloskundige", "VP-M001");
    String duplicate = signal(http, GP, "huisarts", "HA-M002");
    String bsn = nl.zorgpad.support.TestBsn.random();
    String birthDate =
        LocalDate.of(1993, 11, 2).plusDays(new java.util.Random().nextInt(300)).toString();
    // each enters what she knows on Cliëntgegevens: the same woman
    assertThat(
            TestSession.browser(port, MIDWIFE)
                .submit(
                    "/casus/" + survivor + "/client",
                    "givenName",
                    "Samira",
                    "bsn",
                    bsn,
                    "birthDate",
                    birthDate)
                .statusCode())
        .isEqualTo(302);
    assertThat(
            TestSession.browser(port, GP)
                .submit(
                    "/casus/" + duplicate + "/client",
                    "bsn",
                    bsn,
                    "birthDate",
                    birthDate,
                    "postcode",
                    "3531 AB")
                .statusCode())
        .isEqualTo(302);
    // the regiehouder's team holds work in both cases
    regiehouderInvolvedIn(survivor, duplicate);

    TestSession regiehouder = TestSession.browser(port, REGIEHOUDER);
    String page = regiehouder.get("/casus/" + survivor).body();
    assertThat(page)
        .contains("Mogelijk dezelfde cliënt als in:")
        .contains(duplicate)
        .contains("herkend op BSN en geboortedatum");
    // a caregiver who is not the regiehouder of both is refused, in Dutch (the midwife may not
    // even see the GP's case)
    HttpResponse<String> refused =
        TestSession.browser(port, MIDWIFE)
            .submit("/casus/" + survivor + "/samenvoegen", "duplicate", duplicate);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("Geen toegang tot deze casus");
    dossier.involveForTask(duplicate, List.of("verloskundige-utrecht-lombok"), "system");
    HttpResponse<String> notRegiehouder =
        TestSession.browser(port, MIDWIFE)
            .submit("/casus/" + survivor + "/samenvoegen", "duplicate", duplicate);
    assertThat(notRegiehouder.statusCode()).isEqualTo(403);
    assertThat(notRegiehouder.body()).contains("Alleen de regiehouder van beide casussen");

    HttpResponse<String> merged =
        regiehouder.submit("/casus/" + survivor + "/samenvoegen", "duplicate", duplicate);

    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);
    CaseFile closed = caseFiles.find(duplicate).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED_DUPLICATE);
    assertThat(closed.getEndReason()).isEqualTo("dubbele-casus");
    assertThat(closed.getMergedInto()).isEqualTo(survivor);
    // the monitor counts it closed at once, though its pathway still informs the involved
    assertThat(monitorFacts(duplicate)).contains("CASE_CLOSED dubbele-casus");
    assertThat(involvements.current(survivor))
        .anySatisfy(
            i -> {
              assertThat(i.getUserId()).isEqualTo("demo-huisarts");
              assertThat(i.getRole()).isEqualTo(InvolvementRole.JOINED_SIGNALLER);
            });
    Task review =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(survivor)
            .taskDefinitionKey("Task_ReviewNewSignal")
            .singleResult();
    assertThat(review.getName()).isEqualTo("Nieuw signaal van huisarts");
    // the duplicate's pathway ended its steps; only "inform the involved" is left
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(duplicate).list())
        .extracting(Task::getTaskDefinitionKey)
        .containsOnly("Task_InformInvolvedOfEnd");
    assertThat(regiehouder.get("/casus/" + duplicate).body())
        .contains("Dubbele casus, samengevoegd met")
        .contains("Gesloten (dubbele casus)");
    // the GP came in through the merge: the mother's dossier of the survivor needs consent
    assertThat(TestSession.browser(port, GP).get("/casus/" + survivor + "/client").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aDuplicateIsEndedWithReasonDubbeleCasusThroughTheApi() throws Exception {
    Http http = new Http(port);
    String duplicate = signal(http, MIDWIFE, "verloskundige", "VP-M003");

    HttpResponse<String> ended =
        http.postJson(
            "/api/cases/" + duplicate + "/end", MIDWIFE, "{\"endReason\": \"dubbele-casus\"}");

    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);
    assertThat(caseFiles.find(duplicate).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED_DUPLICATE);
    assertThat(http.get("/casus", MIDWIFE).body()).contains("Gesloten (dubbele casus)");
    assertThat(monitorFacts(duplicate)).contains("CASE_CLOSED dubbele-casus");
  }

  /** The case's monitor facts as "KIND code" (issue 14). */
  private java.util.List<String> monitorFacts(String caseNumber) {
    return jdbc.queryForList(
        "select concat(f.kind, ' ', f.code) from zp_monitor_fact f"
            + " join zp_case_file c on c.id = f.case_file_id where c.case_number = ?",
        String.class,
        caseNumber);
  }

  @Test
  void theRegiehouderDetachesASignalThatJoinedOnAWeakerMatchButIsAnotherWoman() throws Exception {
    Http http = new Http(port);
    String birthDate =
        LocalDate.of(1990, 1, 1).plusDays(new java.util.Random().nextInt(3000)).toString();
    String withoutBsn =
        """
        {"clientReference": "%s", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["geen-verblijfsvergunning-verzekering"], "signallingDiscipline": "%s",
         "clientBirthDate": "%s", "clientPostcode": "3561 AB"}""";
    String dueDate = LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20).toString();
    HttpResponse<String> first =
        http.postJson(
            "/api/signals", GP, withoutBsn.formatted("HA-W001", dueDate, "huisarts", birthDate));
    String caseNumber = JSON.readTree(first.body()).path("caseNumber").asText();
    HttpResponse<String> second =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            withoutBsn.formatted("VP-W002", dueDate, "verloskundige", birthDate));
    assertThat(JSON.readTree(second.body()).path("match").asText())
        .isEqualTo("geboortedatum-postcode");
    regiehouderInvolvedIn(caseNumber);
    Long signalId = dossierSignalOf(caseNumber, "demo-verloskundige");

    HttpResponse<String> detached =
        TestSession.browser(port, REGIEHOUDER)
            .submit("/casus/" + caseNumber + "/signalen/" + signalId + "/loskoppelen");

    assertThat(detached.statusCode()).as(detached.body()).isEqualTo(302);
    assertThat(involvements.current(caseNumber))
        .noneMatch(i -> "demo-verloskundige".equals(i.getUserId()));
    // her signal again now opens a case of its own
    HttpResponse<String> again =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            withoutBsn.formatted("VP-W003", dueDate, "verloskundige", birthDate));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
    assertThat(JSON.readTree(again.body()).path("caseNumber").asText()).isNotEqualTo(caseNumber);
  }

  private String signal(Http http, String user, String discipline, String reference)
      throws Exception {
    HttpResponse<String> response =
        http.postJson(
            "/api/signals",
            user,
            """
        {"clientReference": "%s", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["stress"], "signallingDiscipline": "%s"}"""
                .formatted(reference, LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20), discipline));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("caseNumber").asText();
  }

  /** As if the regiehouder's team had got a task in each case (test setup, not a door). */
  private void regiehouderInvolvedIn(String... caseNumbers) {
    for (String caseNumber : caseNumbers) {
      dossier.involveForTask(caseNumber, List.of("regiehouder-utrecht"), "system");
    }
  }

  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  private Long dossierSignalOf(String caseNumber, String userId) {
    return jdbc.queryForObject(
        "select id from zp_case_signal where case_number = ? and"
            + " user_id = ? and origin = 'JOINED'",
        Long.class,
        caseNumber,
        userId);
  }
}
