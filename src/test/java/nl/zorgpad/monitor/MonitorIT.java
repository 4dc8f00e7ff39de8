package nl.zorgpad.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, items 2–5 in the running application: who sees the monitor (coordinators, the
 * policy role {@code beleid}), that the policy role opens nothing else, that no small count and
 * no case reference is visible anywhere, and that the CSV, the PDF and the JSON API show what
 * the page shows, logged as EXPORT.
 */
@ZorgpadIntegrationTest
class MonitorIT {

  static final String COORDINATOR = "demo-coordinator:demo";
  static final String POLICY = "demo-beleid:demo";
  static final String POLICY_ZEIST = "demo-beleid-zeist:demo";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern CASE_NUMBER = Pattern.compile("ZP-\\d{4}-\\d{5}");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theCoordinatorAndThePolicyOfficerSeeTheMonitor_withoutCasesOrSmallCounts() {
    Http http = new Http(port);
    for (String user : List.of(COORDINATOR, POLICY)) {
      HttpResponse<String> page = http.get("/monitor", user);
      assertThat(page.statusCode()).as(user).isEqualTo(200);
      assertThat(page.body())
          .contains(
              "Signalen per signalerende discipline",
              "Risicodomeinen bij het signaal",
              "Warme overdrachten",
              "id=\"monitor-data\"",
              "type=\"application/json\"",
              "/monitor-assets/monitor-charts.js");
      assertThat(CASE_NUMBER.matcher(page.body()).find()).as("a case number").isFalse();
      assertThat(page.body()).doesNotContain("DEMO-VK", "DEMO-HA", "DEMO-BT");
      for (String cell : cells(page.body())) {
        assertThat(cell).as("a visible small count").doesNotMatch("[1-9]");
      }
      assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
          .contains("script-src 'self'");
    }
  }

  @Test
  void thePolicyOfficerOpensNoCasePageCaseApiTasklistOrAudit() {
    Http http = new Http(port);
    String caseNumber =
        jdbc.queryForObject(
            "select case_number from zp_case_file" + " order by id fetch first 1 rows only",
            String.class);
    for (String path :
        List.of(
            "/casus",
            "/casus/" + caseNumber,
            "/audit",
            "/audit/casus/" + caseNumber,
            "/camunda/app/tasklist/default/",
            "/engine-rest/task",
            "/camunda/app/cockpit/default/",
            "/sociale-kaart",
            "/modeling",
            "/v3/api-docs")) {
      assertThat(http.get(path, POLICY).statusCode()).as(path).isEqualTo(403);
    }
    assertThat(http.postJson("/api/signals", POLICY, "{}").statusCode()).isEqualTo(403);
    assertThat(
            http.postJson(
                    "/api/cases/" + caseNumber + "/birth", POLICY, "{\"birthDate\":\"2026-11-30\"}")
                .statusCode())
        .isEqualTo(403);
    // the start page shows her the monitor only
    HttpResponse<String> home = http.get("/", POLICY);
    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body())
        .contains("id=\"link-monitor\"")
        .doesNotContain("id=\"link-tasklist\"", "id=\"link-cases\"");
    // a caregiver and the auditor do not see the monitor
    assertThat(http.get("/monitor", "demo-verloskundige:demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/api/monitor/indicators", "demo-auditor:demo").statusCode())
        .isEqualTo(403);
  }

  @Test
  void aPolicyOfficerOfACoalitionSeesThatCoalitionOnly() throws IOException {
    Http http = new Http(port);
    JsonNode zeist = JSON.readTree(http.get("/api/monitor/indicators", POLICY_ZEIST).body());
    assertThat(zeist.path("coalition").asText()).isEqualTo("kansrijke-start-zeist");
    HttpResponse<String> shared = http.get("/api/monitor/indicators?coalition=x", POLICY_ZEIST);
    assertThat(shared.statusCode()).isEqualTo(403);
    assertThat(shared.body()).contains("eigen coalitie");
    JsonNode own = JSON.readTree(http.get("/api/monitor/indicators", POLICY).body());
    assertThat(own.path("coalition").asText()).isEqualTo("");
  }

  @Test
  void theApiPublishesNoHiddenValueAndRefusesBadFiltersInDutch() throws IOException {
    Http http = new Http(port);
    HttpResponse<String> response = http.get("/api/monitor/indicators", COORDINATOR);
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("indicators").size()).isGreaterThan(10);
    List<JsonNode> cells = new ArrayList<>();
    for (JsonNode indicator : body.path("indicators")) {
      List<JsonNode> rows = new ArrayList<>();
      indicator.path("rows").forEach(rows::add);
      if (indicator.has("total")) {
        rows.add(indicator.path("total"));
      }
      for (JsonNode row : rows) {
        row.path("months").forEach(cells::add);
        cells.add(row.path("period"));
      }
    }
    assertThat(cells)
        .isNotEmpty()
        .allSatisfy(
            cell -> {
              String shown = cell.path("shown").asText();
              if (shown.equals("<10") || shown.equals("×")) {
                assertThat(cell.path("value").isNull()).as(cell.toString()).isTrue();
              } else {
                long value = cell.path("value").asLong();
                assertThat(value == 0 || value >= 10).as(cell.toString()).isTrue();
              }
            });
    assertThat(CASE_NUMBER.matcher(response.body()).find()).isFalse();
    HttpResponse<String> bad = http.get("/api/monitor/indicators?from=januari", COORDINATOR);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("jjjj-mm");
    HttpResponse<String> reversed =
        http.get("/api/monitor/indicators?from=2026-05&to=2026-01", COORDINATOR);
    assertThat(reversed.statusCode()).isEqualTo(400);
  }

  @Test
  void theCsvAndThePdfShowWhatThePageShows_andAreLoggedAsExport() throws IOException {
    Http http = new Http(port);
    String query = "van=2025-12&tot=2026-12";
    Integer before = exports();
    String page = http.get("/monitor?" + query, COORDINATOR).body();
    List<String> pageCells = cells(table(page, "signalen"));
    assertThat(pageCells).isNotEmpty();

    HttpResponse<String> csv =
        http.get("/monitor/export.csv?indicator=signalen&" + query, COORDINATOR);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> csvCells = new ArrayList<>();
    String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
    for (int i = 1; i < lines.length; i++) {
      String[] fields = lines[i].split(";");
      for (int f = 2; f < fields.length; f++) {
        csvCells.add(fields[f]);
      }
    }
    assertThat(csvCells).isEqualTo(pageCells);

    HttpResponse<byte[]> pdf;
    try {
      pdf =
          HttpClient.newHttpClient()
              .send(
                  http.builder("/monitor/rapport.pdf?" + query, COORDINATOR).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
    assertThat(pdf.statusCode()).isEqualTo(200);
    String text;
    try (PDDocument document = Loader.loadPDF(pdf.body())) {
      text = new PDFTextStripper().getText(document);
    }
    assertThat(text)
        .contains("Periodeverslag Kansrijke Start", "Signalen per signalerende discipline");
    assertThat(text.replaceAll("\\s+", " "))
        .contains(String.join(" ", pageCells.subList(0, Math.min(pageCells.size(), 13))));
    assertThat(CASE_NUMBER.matcher(text).find()).isFalse();
    assertThat(exports()).isEqualTo(before + 2);
  }

  private Integer exports() {
    return jdbc.queryForObject(
        "select count(*) from zp_access_log where action = 'EXPORT'"
            + " and object_type in ('MonitorCsv', 'MonitorReport')",
        Integer.class);
  }

  /** The table of one indicator on the page. */
  private static String table(String page, String indicator) {
    int start = page.indexOf("data-indicator=\"" + indicator + "\"");
    assertThat(start).as("table " + indicator).isPositive();
    return page.substring(start, page.indexOf("</table>", start));
  }

  /** The texts of the data cells (td) in document order, rows with a label only. */
  private static List<String> cells(String html) {
    List<String> cells = new ArrayList<>();
    Matcher rows = Pattern.compile("<tr([^>]*)>(.*?)</tr>", Pattern.DOTALL).matcher(html);
    while (rows.find()) {
      String row = rows.group(2);
      if (!row.contains("<th scope=\"row\"") || rows.group(1).contains("zp-monitor-share")) {
        continue;
      }
      Matcher td = Pattern.compile("<td[^>]*>([^<]*)</td>").matcher(row);
      while (td.find()) {
        cells.add(td.group(1).replace("&lt;", "<").trim());
      }
    }
    return cells;
  }
}
