package nl.zorgpad.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, deliverable 7: the case page names things in Dutch — risk domains by the signal
 * form's label, teams by their name, the neighbourhood by name and town — and the reassignment
 * and referral lists offer the teams of the case's coalition only, not ~30 teams of every region.
 */
@ZorgpadIntegrationTest
class CaseNamesIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final Pattern OPTION = Pattern.compile("<option[^>]*>([^<]+)</option>");

  @LocalServerPort int port;
  @Autowired DossierService dossier;

  @Test
  void theCasePageNamesRiskDomainsTeamsAndTheNeighbourhoodInDutch() throws Exception {
    String caseNumber = signal();
    String page = new Http(port).get("/casus/" + caseNumber, MIDWIFE).body();

    assertThat(between(page, "id=\"case-risk-domains\"", "</dd>"))
        .contains("Huiselijk geweld, Psychische problemen (GGZ)")
        .doesNotContain("huiselijk-geweld");
    assertThat(between(page, "id=\"case-neighbourhood\"", "</dd>")).contains("Lombok (Utrecht)");
    assertThat(between(page, "id=\"involved\"", "</table>"))
        .contains("Verloskundigen Lombok")
        .contains("Anne de Vries")
        .doesNotContain(">verloskundige-utrecht-lombok<");
    assertThat(between(page, "id=\"tasks\"", "</section>"))
        .contains("Verloskundigen Lombok")
        .doesNotContain("groep verloskundige-utrecht-lombok");
  }

  @Test
  void theReferralListOffersTheTeamsOfTheCasesCoalition() {
    String caseNumber = signal();
    String form =
        between(
            new Http(port).get("/casus/" + caseNumber, MIDWIFE).body(),
            "id=\"referral-form\"",
            "</form>");

    List<String> options = options(form);
    assertThat(options)
        .contains(
            "JGZ Utrecht West",
            "Buurtteam Lombok",
            "Verloskundigen Lombok",
            "Jeugdgezondheidszorg (JGZ)")
        .doesNotContain(
            "JGZ Doesburg", "JGZ Zeist", "JGZ Dordrecht", "JGZ Amersfoort Noord en Liendert");
  }

  @Test
  void theReassignmentListOffersTheTeamsOfTheCasesCoalition() {
    String caseNumber = signal();
    dossier.involveForTask(caseNumber, List.of("regiehouder-utrecht"), "system");
    String page = new Http(port).get("/casus/" + caseNumber, "demo-regiehouder:demo").body();
    String reassign = between(page, "class=\"zp-inline zp-reassign\"", "</form>");

    assertThat(options(reassign))
        .containsExactlyInAnyOrder(
            "Verloskundigen Lombok", "Verloskundigen Overvecht", "Verloskundige");
    // a team of another coalition is refused, even when posted by hand
    Matcher task =
        Pattern.compile("/casus/" + caseNumber + "/taken/([^/]+)/toewijzen").matcher(page);
    assertThat(task.find()).isTrue();
    HttpResponse<String> refused =
        TestSession.browser(port, "demo-regiehouder:demo")
            .submit(
                "/casus/" + caseNumber + "/taken/" + task.group(1) + "/toewijzen",
                "groupId",
                "verloskundige-doesburg");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("hoort bij een andere coalitie");
  }

  private String signal() {
    HttpResponse<String> response =
        new Http(port)
            .postJson(
                "/api/signals",
                MIDWIFE,
                """
        {"clientReference": "VP-N001", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huiselijk-geweld", "ggz"], "signallingDiscipline": "verloskundige",
         "clientPostcode": "3531 AB"}"""
                    .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    try {
      return new ObjectMapper().readTree(response.body()).path("caseNumber").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> options(String html) {
    Matcher matcher = OPTION.matcher(html);
    List<String> options = new java.util.ArrayList<>();
    while (matcher.find()) {
      options.add(matcher.group(1).strip());
    }
    return options;
  }

  private static String between(String html, String from, String to) {
    int start = html.indexOf(from);
    assertThat(start).as(from).isNotNegative();
    return html.substring(start, html.indexOf(to, start));
  }
}
