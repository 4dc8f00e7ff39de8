package nl.zorgpad.caseview;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The case overview in Debian's headless Chromium: the pathway diagram (bpmn-js NavigatedViewer
 * from the front-end build) is drawn with the case's current position marked.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class CaseOverviewBrowserIT {

  @LocalServerPort
  int port;
  @Autowired
  CaseFileRepository caseFiles;

  @Test
  void theMidwifeSeesWhereHerCaseStandsInThePathwayDiagram() throws Exception {
    String caseNumber = caseFiles.findAll().stream()
        .filter(c -> c.getClientReference().equals("DEMO-VK-0101"))
        .map(CaseFile::getCaseNumber).findFirst().orElseThrow();
    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-verloskundige", "demo");
      // newest first, 25 a page: the first demo case is on the last page once tests made more
      browser.open(base + "/casus?pagina=999");
      browser.click(By.linkText(caseNumber));
      browser.visible(By.id("case-title"));
      browser.waitUntil(driver -> "ready".equals(
          driver.findElement(By.id("case-diagram")).getAttribute("data-state")));
      assertThat(browser.driver().findElement(By.id("case-diagram")).getAttribute("data-active"))
          .isEqualTo("Call_Consent");
      assertThat(browser.driver().findElements(
          By.cssSelector("#case-diagram .djs-element.zp-current"))).hasSize(1);
      assertThat(browser.driver().findElements(
          By.cssSelector("#case-diagram .djs-element.zp-done"))).isNotEmpty();
      browser.screenshot("case-overview");
      ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
          "document.getElementById('case-diagram').scrollIntoView()");
      browser.screenshot("case-overview-diagram");
    }
  }
}
