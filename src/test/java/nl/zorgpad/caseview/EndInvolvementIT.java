package nl.zorgpad.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.casus.HandoverRegistry;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 on the case page: "Beëindigen" asks first (a confirmation page whose form needs the
 * confirmation ticked — no JavaScript needed), is not offered to someone in the case through the
 * noodprocedure only, and every open task links to it in the Tasklist.
 */
@ZorgpadIntegrationTest
class EndInvolvementIT {

  @LocalServerPort int port;
  @Autowired CaseFileRepository caseFiles;
  @Autowired HandoverRegistry dossier;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired TaskService taskService;

  String demoCase(String clientReference) {
    return caseFiles.findAll().stream()
        .filter(c -> c.getClientReference().equals(clientReference))
        .map(CaseFile::getCaseNumber)
        .findFirst()
        .orElseThrow();
  }

  long activeInvolvementOf(String caseNumber, String group) {
    return jdbc.queryForObject(
        "select max(id) from zp_involvement where case_number = ?"
            + " and group_id = ? and until_at is null",
        Long.class,
        caseNumber,
        group);
  }

  boolean ended(long involvement) {
    return jdbc.queryForObject(
            "select count(*) from zp_involvement where id = ?" + " and until_at is not null",
            Long.class,
            involvement)
        == 1;
  }

  @Test
  void endingAnInvolvementAsksForConfirmationFirstAndOnlyTheConfirmedFormEndsIt() {
    String caseNumber = demoCase("DEMO-VK-0101");
    // her discipline group becomes involved beside her team, so ending it leaves her access
    dossier.involveForTask(caseNumber, List.of("verloskundige"), "system");
    long involvement = activeInvolvementOf(caseNumber, "verloskundige");
    String end = "/casus/" + caseNumber + "/betrokkenheid/" + involvement + "/einde";
    TestSession midwife = TestSession.browser(port, "demo-verloskundige:demo");

    String page = midwife.get("/casus/" + caseNumber).body();
    // a link to the confirmation page, with a name saying whose involvement it ends
    assertThat(page)
        .contains("href=\"" + end + "\"")
        .contains("aria-label=\"Betrokkenheid van Verloskundige beëindigen\"")
        .doesNotContain("action=\"" + end + "\"");

    HttpResponse<String> confirm = midwife.get(end);
    assertThat(confirm.statusCode()).isEqualTo(200);
    assertThat(confirm.body())
        .contains("Betrokkenheid beëindigen?")
        .contains("Wilt u de betrokkenheid van Verloskundige bij casus " + caseNumber)
        .contains("name=\"bevestigd\" value=\"ja\" required");

    HttpResponse<String> unconfirmed = midwife.submit(end);
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(unconfirmed.body()).contains("Vink aan dat u de betrokkenheid wilt beëindigen");
    assertThat(ended(involvement)).isFalse();

    HttpResponse<String> confirmed = midwife.submit(end, "bevestigd", "ja");
    assertThat(confirmed.statusCode()).isEqualTo(302);
    assertThat(ended(involvement)).isTrue();
    assertThat(midwife.get("/casus/" + caseNumber).body()).doesNotContain("href=\"" + end + "\"");
  }

  @Test
  void someoneInTheCaseThroughTheNoodprocedureOnlyIsNotOfferedBeëindigen() {
    String caseNumber = demoCase("DEMO-VK-0101");
    TestSession poh = TestSession.browser(port, "demo-poh-ggz:demo");
    assertThat(
            poh.submit(
                    "/casus/" + caseNumber + "/noodtoegang",
                    "reason",
                    "Cliënte belt in crisis, verloskundige niet bereikbaar")
                .statusCode())
        .isEqualTo(302);
    String page = poh.get("/casus/" + caseNumber).body();
    assertThat(page)
        .contains("id=\"emergency-banner\"")
        .contains("id=\"involved\"")
        .doesNotContain("/einde\"")
        .doesNotContain(">Beëindigen<");

    Long someone =
        jdbc.queryForObject(
            "select min(id) from zp_involvement where case_number = ?"
                + " and until_at is null and role <> 'SIGNALLER'",
            Long.class,
            caseNumber);
    HttpResponse<String> confirm =
        poh.get("/casus/" + caseNumber + "/betrokkenheid/" + someone + "/einde");
    assertThat(confirm.statusCode()).isEqualTo(400);
    assertThat(confirm.body()).contains("U kunt deze betrokkenheid niet beëindigen");
  }

  @Test
  void everyOpenTaskOfTheCaseLinksToItInTheTasklist() {
    String caseNumber = demoCase("DEMO-VK-0101");
    List<Task> open = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list();
    assertThat(open).isNotEmpty();
    String page =
        TestSession.browser(port, "demo-verloskundige:demo").get("/casus/" + caseNumber).body();
    for (Task task : open) {
      assertThat(page)
          .contains("href=\"/camunda/app/tasklist/default/#/?task=" + task.getId() + "\"");
    }
  }

  @Test
  void aHandoverShowsItsMethodInDutchNotAsACode() {
    String caseNumber =
        jdbc.queryForObject(
            "select min(case_number) from zp_handover_record"
                + " where method = 'telefonisch-consult' and sender_discipline = 'verloskundige'",
            String.class);
    String page =
        TestSession.browser(port, "demo-verloskundige:demo").get("/casus/" + caseNumber).body();
    assertThat(page).contains("telefonisch consult").doesNotContain("telefonisch-consult");
  }
}
