package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * As demo-auditor in Chromium: open a case's history (timeline and the diagram with the path
 * taken and time per step), verify the chains and open the client log report (its PDF is checked
 * in AccessLogAuditIT). Screenshots in target/screenshots/audit-*.png.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class AuditBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  HistoryService history;

  @Test
  void auditorOpensACaseHistoryAndVerifiesTheChain() throws Exception {
    String base = "http://localhost:" + port;
    String caseNumber = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey("zorgpad-kwetsbare-zwangerschap").list().get(0).getBusinessKey();
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-auditor", "demo");
      browser.click(By.id("link-audit"));
      browser.visible(By.id("casus")).sendKeys(caseNumber);
      browser.click(By.id("case-submit"));
      browser.waitForText(By.tagName("h1"), "Geschiedenis van casus " + caseNumber);
      assertThat(browser.visible(By.id("timeline")).getText()).contains("Zorgpad gestart");
      browser.waitUntil(driver -> "ready".equals(driver.findElement(By.id("audit-diagram"))
          .getAttribute("data-state")));
      assertThat(browser.driver().findElements(By.cssSelector("#audit-diagram .zp-step-time")))
          .isNotEmpty();
      browser.screenshot("audit-case-history");
      browser.click(By.id("link-chain"));
      browser.waitForText(By.id("chain-engine-audit"), "Intact");
      browser.screenshot("audit-chain");
      browser.open(base + "/audit/casus/" + caseNumber);
      browser.click(By.id("link-client-report"));
      browser.waitForText(By.tagName("h1"), "Overzicht van inzage in uw gegevens");
      assertThat(browser.visible(By.id("client-report")).getText()).contains("demo-auditor");
      assertThat(browser.visible(By.id("link-report-pdf")).getAttribute("href"))
          .endsWith("/inzageverzoek.pdf");
      browser.screenshot("audit-client-report");
    }
  }
}
