package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 on the auditor's case history: Dutch element names (no element ids, no
 * {@code #multiInstanceBody}, no {@code PathwayPosition}), Dutch dates (d-M-yyyy HH:mm), one
 * line per look at a case and pages of {@value TimelinePage#PAGE_SIZE} lines, and "Casus niet
 * gevonden" (404) for an unknown number.
 */
@ZorgpadIntegrationTest
class AuditTimelineDetailsIT {

  static final String AUDITOR = "demo-auditor:demo";
  static final String MIDWIFE = "demo-verloskundige:demo";
  static final Pattern CELL_TIME =
      Pattern.compile("<td>(\\d{1,2}-\\d{1,2}-\\d{4} \\d{2}:\\d{2})</td>");

  @LocalServerPort int port;
  @Autowired CaseFileRepository caseFiles;

  String demoCase(String clientReference) {
    return caseFiles.findAll().stream()
        .filter(c -> c.getClientReference().equals(clientReference))
        .map(CaseFile::getCaseNumber)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theTimelineNamesStepsInDutchWithDutchDatesAndFoldsMultiInstanceBodies() {
    String caseNumber = demoCase("DEMO-VK-0101");
    Http http = new Http(port);
    // the midwife looks at the case and its diagram: access-log lines, PathwayPosition among them
    assertThat(http.get("/casus/" + caseNumber, MIDWIFE).statusCode()).isEqualTo(200);
    assertThat(http.get("/casus/" + caseNumber + "/diagram", MIDWIFE).statusCode()).isEqualTo(200);

    StringBuilder all = new StringBuilder();
    HttpResponse<String> first = http.get("/audit/casus/" + caseNumber, AUDITOR);
    assertThat(first.statusCode()).isEqualTo(200);
    int pages = pages(first.body());
    for (int page = 1; page <= pages; page++) {
      all.append(http.get("/audit/casus/" + caseNumber + "?pagina=" + page, AUDITOR).body());
    }
    String history = all.toString();
    assertThat(history)
        .doesNotContain("#multiInstanceBody")
        .doesNotContain("PathwayPosition")
        .doesNotContain(">Gateway_")
        .doesNotContain(">Event_")
        .doesNotContain(">Call_")
        .contains("Stand van het zorgpad (stroomschema)")
        .contains("Warme overdracht");
    Matcher time = CELL_TIME.matcher(first.body());
    assertThat(time.find()).as("a time as d-M-yyyy HH:mm").isTrue();
    assertThat(first.body()).doesNotContainPattern("<td>\\d{4}-\\d{2}-\\d{2}T");
  }

  @Test
  void oneLookAtACaseIsOneLineAndAPageHasAtMostFiftyLines() {
    String caseNumber = demoCase("DEMO-VK-0101");
    Http http = new Http(port);
    for (int i = 0; i < 8; i++) {
      http.get("/casus/" + caseNumber, MIDWIFE);
    }
    String page = http.get("/audit/casus/" + caseNumber, AUDITOR).body();
    long rows = Pattern.compile("<tr data-type=").matcher(page).results().count();
    assertThat(rows).isBetween(1L, (long) TimelinePage.PAGE_SIZE);
    // one look at the case page is one line naming the parts read
    assertThat(page).containsPattern("Samenvatting van de casus, [^<]*Dossier van de moeder");
    // a page after the last is the last page
    String last = http.get("/audit/casus/" + caseNumber + "?pagina=999", AUDITOR).body();
    assertThat(last).contains("data-type=").doesNotContain("id=\"timeline-next\"");
  }

  @Test
  void anUnknownCaseNumberSaysCasusNietGevondenInDutch() {
    Http http = new Http(port);
    assertThat(http.get("/audit?casus=ZP-1900-9999", AUDITOR).headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/audit/casus/ZP-1900-9999"));
    for (String path : new String[] {"/audit/casus/ZP-1900-9999", "/audit/inzage/ZP-1900-9999"}) {
      HttpResponse<String> page = http.get(path, AUDITOR);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.body())
          .as(path)
          .contains("Casus niet gevonden")
          .contains("ZP-1900-9999")
          .doesNotContain("Deze pagina bestaat niet");
    }
  }

  private static int pages(String body) {
    Matcher matcher = Pattern.compile("Pagina 1 van (\\d+)").matcher(body);
    return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
  }
}
