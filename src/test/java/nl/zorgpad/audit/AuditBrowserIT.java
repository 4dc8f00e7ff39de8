package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * As demo-auditor in Chromium: open a case's history (timeline and the diagram with the path
 * taken and time per step), verify the chains, open the client log report and download its PDF
 * and CSV through the browser itself. The PDF's first page is rendered to
 * target/screenshots/audit-client-report-pdf.png; its text and the CSV are compared with the
 * access-log rows in the database. Screenshots in target/screenshots/audit-*.png.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class AuditBrowserIT {

  /** The date of a report row (its time is printed under it, on the next line of the cell). */
  private static final Pattern DATE = Pattern.compile("\\b\\d{1,2}-\\d{1,2}-\\d{4}\\b");

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ActorDisciplines disciplines;
  @Autowired AuditFormat format;

  @Test
  void auditorOpensACaseHistoryVerifiesTheChainAndDownloadsTheClientReport() throws Exception {
    String base = "http://localhost:" + port;
    // the demo case whose client was accessed most (caregivers, consent, dossier)
    String caseNumber =
        jdbc.queryForObject(
            "select c.case_number from zp_case_file c"
                + " where c.client_reference like 'DEMO-%'"
                + " order by (select count(*) from zp_access_log l where l.case_number = c.case_number)"
                + " desc, c.id fetch first 1 rows only",
            String.class);
    Path downloads = Files.createTempDirectory("zorgpad-downloads");
    try (Browser browser = new Browser()) {
      ((ChromeDriver) browser.driver())
          .executeCdpCommand(
              "Browser.setDownloadBehavior",
              Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      browser.login(base, "demo-auditor", "demo");
      browser.click(By.id("link-audit"));
      browser.visible(By.id("casus")).sendKeys(caseNumber);
      browser.click(By.id("case-submit"));
      browser.waitForText(By.tagName("h1"), "Geschiedenis van casus " + caseNumber);
      assertThat(browser.visible(By.id("timeline")).getText()).contains("Zorgpad gestart");
      browser.waitUntil(
          driver ->
              "ready"
                  .equals(driver.findElement(By.id("audit-diagram")).getAttribute("data-state")));
      assertThat(browser.driver().findElements(By.cssSelector("#audit-diagram .zp-step-time")))
          .isNotEmpty();
      browser.screenshot("audit-case-history");
      browser.click(By.id("link-chain"));
      browser.waitForText(By.id("chain-engine-audit"), "Intact");
      browser.waitForText(By.id("chain-access-log"), "Intact");
      browser.screenshot("audit-chain");
      // the full check runs in the background: start it, then reload until its result is shown
      browser.click(By.id("full-check-submit"));
      browser.waitUntil(
          driver ->
              !driver.findElements(By.id("full-check-started")).isEmpty()
                  || !driver.findElements(By.id("full-check-done")).isEmpty());
      browser.waitUntil(
          driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.id("full-check-running")).isEmpty()
                && !driver
                    .findElement(By.id("full-engine-audit"))
                    .getAttribute("data-records")
                    .isEmpty();
          });
      assertThat(browser.visible(By.id("full-check-done")).getText())
          .contains("De volledige controle is klaar");
      assertThat(browser.visible(By.id("full-access-log")).getText())
          .contains("door demo-auditor", "Intact");
      browser.screenshot("audit-chain-full-1280");
      browser.size(390, 844);
      assertThat(browser.overflowX()).as("no sideways scrolling at 390 px").isZero();
      browser.screenshot("audit-chain-full-390");
      browser.size(1280, 800);
      browser.open(base + "/audit/casus/" + caseNumber);
      browser.click(By.id("link-client-report"));
      browser.waitForText(By.tagName("h1"), "Overzicht van inzage in uw gegevens");
      assertThat(browser.visible(By.id("client-report")).getText()).contains("demo-auditor");
      browser.screenshot("audit-client-report");

      browser.click(By.id("link-report-pdf"));
      Path pdf = downloaded(browser, downloads, ".pdf");
      List<Map<String, Object>> rows = reportRows(caseNumber);
      // the export itself is logged after the report was made: the PDF holds the rows before it
      Map<String, Object> export = rows.remove(rows.size() - 1);
      assertThat(export)
          .containsEntry("user_id", "demo-auditor")
          .containsEntry("action", "EXPORT")
          .containsEntry("object_type", "ClientAccessReport");
      checkPdf(pdf, caseNumber, rows);

      browser.click(By.id("link-report-csv"));
      Path csv = downloaded(browser, downloads, ".csv");
      rows = reportRows(caseNumber);
      rows.remove(rows.size() - 1); // the CSV export itself
      checkCsv(csv, rows);
    }
  }

  private void checkPdf(Path file, String caseNumber, List<Map<String, Object>> rows)
      throws Exception {
    String clientReference =
        jdbc.queryForObject(
            "select client_reference from zp_case_file" + " where case_number = ?",
            String.class,
            caseNumber);
    try (PDDocument document = Loader.loadPDF(file.toFile())) {
      Files.createDirectories(Path.of("target", "screenshots"));
      ImageIO.write(
          new PDFRenderer(document).renderImageWithDPI(0, 110),
          "png",
          new File("target/screenshots/audit-client-report-pdf.png"));
      String text = new PDFTextStripper().getText(document);
      Files.writeString(Path.of("target", "screenshots", "audit-client-report-pdf.txt"), text);
      // headings may wrap inside their column: compare with the line breaks as spaces
      assertThat(text.replaceAll("\\s+", " "))
          .contains("Overzicht van inzage in uw gegevens")
          .contains("Casus " + caseNumber + ", cliëntreferentie " + clientReference)
          .contains("Datum en tijd")
          .contains("Organisatie")
          .contains("Rol")
          .contains("Gebruiker")
          .contains("Handeling")
          .contains("Grondslag")
          .contains("Noodprocedure")
          .contains("Uitkomst")
          .contains("Verantwoordelijke")
          .contains(
              "Het toegangslog is bij het maken van dit overzicht gecontroleerd:" + " ongewijzigd.")
          .contains("functionaris gegevensbescherming");
      // one date per row, plus "Gemaakt op …"
      Matcher times = DATE.matcher(text);
      List<Integer> starts = new ArrayList<>();
      while (times.find()) {
        starts.add(times.start());
      }
      assertThat(starts).hasSize(rows.size() + 1);
      for (int i = 0; i < rows.size(); i++) {
        Map<String, Object> row = rows.get(i);
        int from = starts.get(i + 1);
        String segment =
            text.substring(from, i + 2 < starts.size() ? starts.get(i + 2) : text.length());
        // wrapped cells are split over lines in the text: compare word by word
        List<String> words = Arrays.asList(segment.split("\\s+"));
        String[] dateAndTime =
            format.time(ClientAccessReport.instant(row.get("occurred_at"))).split(" ");
        assertThat(words.get(0)).as("row %s", row.get("id")).isEqualTo(dateAndTime[0]);
        assertThat(words).as("row %s", row.get("id")).contains(dateAndTime[1]);
        for (String expected : expected(row)) {
          assertThat(words)
              .as("row %s: %s", row.get("id"), expected)
              .containsAll(Arrays.asList(expected.split("\\s+")));
        }
      }
    }
  }

  private void checkCsv(Path file, List<Map<String, Object>> rows) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(text).startsWith("\ufeff");
    List<List<String>> lines = text.substring(1).lines().map(AuditBrowserIT::cells).toList();
    assertThat(lines.get(0))
        .containsExactly(
            "Datum en tijd",
            "Organisatie",
            "Rol",
            "Gebruiker",
            "Verantwoordelijke",
            "Handeling",
            "Gegevens",
            "Van wie",
            "Grondslag",
            "Noodprocedure",
            "Uitkomst");
    assertThat(lines).hasSize(rows.size() + 1);
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> row = rows.get(i);
      List<String> cells = lines.get(i + 1);
      String user = (String) row.get("user_id");
      assertThat(cells).as("row %s", row.get("id")).hasSize(11);
      assertThat(cells.get(0))
          .isEqualTo(format.exactTime(ClientAccessReport.instant(row.get("occurred_at"))));
      assertThat(cells.get(1)).isEqualTo(disciplines.organisationOf(user));
      assertThat(cells.get(2)).isEqualTo(format.discipline(disciplines.ofUser(user)));
      assertThat(cells.get(3)).isEqualTo(user);
      assertThat(cells.get(4))
          .isEqualTo(java.util.Objects.toString(row.get("responsible_user_id"), ""));
      assertThat(cells.get(5)).isEqualTo(format.message("audit.action." + row.get("action")));
      assertThat(cells.get(6)).isEqualTo(format.objectType((String) row.get("object_type")));
      assertThat(cells.get(8)).isEqualTo(format.basis((String) row.get("consent_basis")));
      assertThat(cells.get(9)).isEqualTo(Boolean.TRUE.equals(row.get("emergency")) ? "Ja" : "Nee");
      assertThat(cells.get(10)).isEqualTo(format.message("audit.outcome." + row.get("outcome")));
    }
  }

  /** The cell texts a report row must show for an access-log row, in Dutch. */
  private List<String> expected(Map<String, Object> row) {
    String user = (String) row.get("user_id");
    return Stream.of(
            disciplines.organisationOf(user),
            format.discipline(disciplines.ofUser(user)),
            user,
            (String) row.get("responsible_user_id"),
            format.message("audit.action." + row.get("action")),
            format.objectType((String) row.get("object_type")),
            format.basis((String) row.get("consent_basis")),
            Boolean.TRUE.equals(row.get("emergency")) ? "Ja" : "Nee",
            format.message("audit.outcome." + row.get("outcome")))
        .filter(value -> value != null && !value.isBlank())
        .toList();
  }

  /** The access-log rows of the case's client, children and case, in the report's order. */
  private List<Map<String, Object>> reportRows(String caseNumber) {
    Long caseFileId =
        jdbc.queryForObject(
            "select id from zp_case_file where case_number = ?", Long.class, caseNumber);
    List<Object> ids = new ArrayList<>();
    ids.add("case:" + caseNumber);
    jdbc.queryForList("select id from zp_client where case_file_id = ?", Long.class, caseFileId)
        .forEach(id -> ids.add("client:" + id));
    jdbc.queryForList("select id from zp_child where case_file_id = ?", Long.class, caseFileId)
        .forEach(id -> ids.add("child:" + id));
    List<Object> args = new ArrayList<>(ids);
    args.add(caseNumber);
    args.add("% " + caseNumber + " %");
    List<Map<String, Object>> rows = new ArrayList<>();
    // her records, and the case-list listings that showed her case (one record per listing)
    for (Map<String, Object> row :
        jdbc.queryForList(
            "select * from zp_access_log where"
                + " client_id in ("
                + String.join(",", ids.stream().map(id -> "?").toList())
                + ")"
                + " or case_number = ? or (object_type = 'CaseList' and action = 'SEARCH'"
                + " and concat(' ', detail, ' ') like ?) order by occurred_at, id",
            args.toArray())) {
      Map<String, Object> lower = new java.util.HashMap<>();
      row.forEach((key, value) -> lower.put(key.toLowerCase(), value));
      rows.add(lower);
    }
    assertThat(rows).isNotEmpty();
    return rows;
  }

  /** Waits until Chromium has finished the download (no .crdownload left) and moves it away. */
  private static Path downloaded(Browser browser, Path dir, String suffix) throws Exception {
    Path[] found = new Path[1];
    browser.waitUntil(
        driver -> {
          try (Stream<Path> files = Files.list(dir)) {
            List<Path> all = files.toList();
            found[0] =
                all.stream().filter(p -> p.toString().endsWith(suffix)).findFirst().orElse(null);
            return found[0] != null
                && all.stream().noneMatch(p -> p.toString().endsWith(".crdownload"));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
    Path target = Path.of("target", "audit", "browser-" + found[0].getFileName());
    Files.createDirectories(target.getParent());
    return Files.move(found[0], target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** One line of a ;-separated CSV with every cell quoted ("" for a quote). */
  static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }
}
