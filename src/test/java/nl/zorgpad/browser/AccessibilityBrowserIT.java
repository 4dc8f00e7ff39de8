package nl.zorgpad.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, deliverable 6: every Zorgpad page, walked as the demo user who works there, at 1280
 * and at 390 px (a phone): axe-core (WCAG 2.1 A + AA) finds no serious or critical violation, and
 * no page is wider than its viewport ({@code scrollWidth <= innerWidth}: tables scroll inside
 * their own box). The Camunda webapps are not Zorgpad's pages and are left out.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class AccessibilityBrowserIT {

  static final int[][] SIZES = {{1280, 800}, {390, 844}};

  @LocalServerPort int port;
  @Autowired CaseFileRepository caseFiles;
  @Autowired org.camunda.bpm.engine.RepositoryService repositoryService;

  String demoCase(String clientReference) {
    return caseFiles.findAll().stream()
        .filter(c -> c.getClientReference().equals(clientReference))
        .map(CaseFile::getCaseNumber)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void everyZorgpadPageHasNoSeriousAccessibilityViolationAndFitsAPhone() throws Exception {
    String caseNumber = demoCase("DEMO-VK-0101");
    String pathway =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
            .withoutTenantId()
            .latestVersion()
            .singleResult()
            .getId();
    List<Visit> visits =
        List.of(
            new Visit(null, "/login"),
            new Visit("demo-verloskundige", "/"),
            new Visit("demo-verloskundige", "/casus"),
            new Visit("demo-verloskundige", "/casus/" + caseNumber),
            new Visit("demo-verloskundige", "/casus/" + caseNumber + "/client"),
            new Visit("demo-verloskundige", "/sociale-kaart"),
            new Visit("demo-verloskundige", "/meldingen"),
            new Visit("demo-coordinator", "/"),
            new Visit("demo-coordinator", "/modeling"),
            new Visit(
                "demo-coordinator",
                "/modeling/edit?name=processes/zorgpad-kwetsbare-zwangerschap.bpmn"),
            new Visit(
                "demo-coordinator",
                "/modeling/history?name=processes/zorgpad-kwetsbare-zwangerschap.bpmn"),
            new Visit("demo-coordinator", "/modeling/migration?source=" + pathway),
            new Visit("demo-coordinator", "/sociale-kaart/beheer"),
            new Visit("demo-coordinator", "/sociale-kaart/import"),
            new Visit("demo-coordinator", "/monitor"),
            new Visit("demo-auditor", "/"),
            new Visit("demo-auditor", "/audit"),
            new Visit("demo-auditor", "/audit/casus/" + caseNumber),
            new Visit("demo-auditor", "/audit/toegang"),
            new Visit("demo-auditor", "/audit/inzage/" + caseNumber),
            new Visit("demo-auditor", "/audit/keten"));
    String base = "http://localhost:" + port;
    List<String> problems = new ArrayList<>();
    String user = "";
    try (Browser browser = new Browser()) {
      for (Visit visit : visits) {
        if (!java.util.Objects.equals(visit.user(), user)) {
          browser.driver().manage().deleteAllCookies();
          if (visit.user() != null) {
            browser.size(1280, 800);
            browser.login(base, visit.user(), "demo");
            browser.visible(By.cssSelector("main"));
          }
          user = visit.user();
        }
        for (int[] size : SIZES) {
          browser.size(size[0], size[1]);
          browser.open(base + visit.path());
          browser.visible(By.cssSelector("main"));
          settle(browser);
          String where = visit.path() + " as " + visit.user() + " at " + size[0] + " px: ";
          String title = browser.driver().getTitle();
          if (title.contains("Er ging iets mis") || title.contains("Geen toegang")) {
            problems.add(where + "not the page itself but \"" + title + "\"");
          }
          long overflow = browser.overflowX();
          if (overflow > 0) {
            problems.add(
                where + overflow + " px wider than the viewport (" + widest(browser) + ")");
          }
          browser.seriousAccessibilityViolations().forEach(v -> problems.add(where + v));
          if (visit.path().equals("/casus/" + caseNumber)) {
            Path shot = browser.screenshot("case-page-" + size[0]);
            Files.createDirectories(Path.of("docs", "images"));
            Files.copy(
                shot,
                Path.of("docs", "images", "case-page-" + size[0] + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
    }
    assertThat(problems).as("accessibility and phone-width problems").isEmpty();
  }

  /** Diagrams and charts draw after load: wait until they are drawn (or failed). */
  private static void settle(Browser browser) {
    browser.waitUntil(
        driver ->
            (Boolean)
                ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript(
                        "return document.readyState === 'complete' && [...document"
                            + ".querySelectorAll('#case-diagram, #audit-diagram')].every(d => d.dataset.state)"
                            // the workbench editor says when its model is loaded
                            + " && (!document.getElementById('canvas') || document.body.dataset.editorReady"
                            + " === 'true');"));
  }

  /** The elements that stick out furthest to the right, for the failure message. */
  private static String widest(Browser browser) {
    return String.valueOf(
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
            .executeScript(
                "return [...document.querySelectorAll('body *')]"
                    + ".map(e => [e.getBoundingClientRect().right, e.tagName.toLowerCase()"
                    + " + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined"
                    + " ? '.' + String(e.className).split(' ').join('.') : '')])"
                    + ".filter(x => x[0] > window.innerWidth).sort((a, b) => b[0] - a[0]).slice(0, 4)"
                    + ".map(x => x[1] + ' ' + Math.round(x[0])).join(', ');"));
  }

  record Visit(String user, String path) {}
}
