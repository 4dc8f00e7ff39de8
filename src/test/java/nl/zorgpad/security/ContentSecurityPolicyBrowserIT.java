package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 5: the main pages work under the Content-Security-Policy (security/
 * SecurityHeaders) and Chromium reports no violation on any of them — the diagrams and editors
 * (bpmn-js, dmn-js, form-js) are drawn, the sociale kaart still asks before deleting, and the
 * Tasklist works under Camunda's own policy.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class ContentSecurityPolicyBrowserIT {

  @LocalServerPort int port;
  @Autowired CaseFileRepository caseFiles;

  @Test
  void theMainPagesReportNoPolicyViolation() throws Exception {
    String base = "http://localhost:" + port;
    String caseNumber =
        caseFiles.findAll().stream()
            .filter(c -> c.getClientReference().equals("DEMO-VK-0101"))
            .map(CaseFile::getCaseNumber)
            .findFirst()
            .orElseThrow();
    List<String> violations = new ArrayList<>();
    try (Browser browser = new Browser()) {
      browser.recordCspViolations();
      check(browser, violations, base + "/login", d -> present(d, By.id("login-submit")));
      browser.login(base, "demo-verloskundige", "demo");
      check(browser, violations, base + "/", d -> present(d, By.cssSelector("main")));
      check(browser, violations, base + "/casus", d -> present(d, By.linkText(caseNumber)));
      check(
          browser,
          violations,
          base + "/casus/" + caseNumber,
          d -> "ready".equals(d.findElement(By.id("case-diagram")).getDomAttribute("data-state")));
      check(
          browser,
          violations,
          base + "/casus/" + caseNumber + "/client",
          d -> present(d, By.cssSelector("form")));
      check(
          browser,
          violations,
          base + "/sociale-kaart?postcode=3531AB",
          d -> present(d, By.cssSelector("main")));
      check(
          browser,
          violations,
          base + "/camunda/app/tasklist/default/",
          d -> present(d, By.partialLinkText("Taken voor mijn")));
    }
    try (Browser browser = new Browser()) {
      browser.recordCspViolations();
      browser.login(base, "demo-coordinator", "demo");
      check(
          browser,
          violations,
          base + "/modeling",
          d ->
              present(d, By.cssSelector("tr[data-resource='processes/zorgpad-toestemming.bpmn']")));
      for (String file :
          List.of(
              "processes/zorgpad-toestemming.bpmn",
              "processes/zorgpad-triage.dmn",
              "forms/zorgpad-toestemming-vragen.form")) {
        check(
            browser,
            violations,
            base + "/modeling/edit?name=" + enc(file),
            d ->
                "true"
                    .equals(
                        d.findElement(By.tagName("body")).getDomAttribute("data-editor-ready")));
        assertThat(browser.driver().findElement(By.id("editor-status")).getText())
            .as(file)
            .doesNotContain("mislukt");
      }
      check(
          browser,
          violations,
          base + "/modeling/history?name=" + enc("processes/zorgpad-toestemming.bpmn"),
          d -> present(d, By.cssSelector("main")));
      check(
          browser,
          violations,
          base + "/sociale-kaart/beheer",
          d -> present(d, By.cssSelector("form[data-confirm] button")));
      // the delete buttons still ask first (static/js/zorgpad.js, no inline onsubmit any more)
      int before = browser.driver().findElements(By.cssSelector("form[data-confirm]")).size();
      browser.driver().findElement(By.cssSelector("form[data-confirm] button")).click();
      Alert confirm =
          new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
              .until(ExpectedConditions.alertIsPresent());
      assertThat(confirm.getText()).contains("verwijderen");
      confirm.dismiss();
      assertThat(browser.driver().getCurrentUrl()).endsWith("/sociale-kaart/beheer");
      assertThat(browser.driver().findElements(By.cssSelector("form[data-confirm]")))
          .hasSize(before);
    }
    try (Browser browser = new Browser()) {
      browser.recordCspViolations();
      browser.login(base, "demo-auditor", "demo");
      check(browser, violations, base + "/audit", d -> present(d, By.id("casus")));
      check(
          browser,
          violations,
          base + "/audit/casus/" + caseNumber,
          d -> "ready".equals(d.findElement(By.id("audit-diagram")).getDomAttribute("data-state")));
      check(browser, violations, base + "/audit/toegang", d -> present(d, By.id("access-search")));
      check(browser, violations, base + "/audit/keten", d -> present(d, By.cssSelector("main")));
    }
    assertThat(violations).as("Content-Security-Policy violations").isEmpty();
  }

  private static void check(
      Browser browser, List<String> violations, String url, Function<WebDriver, Boolean> loaded)
      throws InterruptedException {
    browser.open(url);
    browser.waitUntil(loaded);
    // late violations (styles set by a diagram after it is drawn, a script loaded on demand)
    Thread.sleep(500);
    for (String violation : browser.cspViolations()) {
      violations.add(url + ": " + violation);
    }
  }

  private static boolean present(WebDriver driver, By by) {
    return !driver.findElements(by).isEmpty();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
