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

  @LocalServerPort int port;
  @Autowired CaseFileRepository caseFiles;

  @Test
  void theMidwifeSeesWhereHerCaseStandsInThePathwayDiagram() throws Exception {
    String caseNumber =
        caseFiles.findAll().stream()
            .filter(c -> c.getClientReference().equals("DEMO-VK-0101"))
            .map(CaseFile::getCaseNumber)
            .findFirst()
            .orElseThrow();
    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-verloskundige", "demo");
      // newest first, 25 a page: the first demo case is on the last page once tests made more
      browser.open(base + "/casus?pagina=999");
      browser.click(By.linkText(caseNumber));
      browser.visible(By.id("case-title"));
      browser.waitUntil(
          driver ->
              "ready".equals(driver.findElement(By.id("case-diagram")).getAttribute("data-state")));
      assertThat(browser.driver().findElement(By.id("case-diagram")).getAttribute("data-active"))
          .isEqualTo("Call_Consent");
      assertThat(
              browser
                  .driver()
                  .findElements(By.cssSelector("#case-diagram .djs-element.zp-current")))
          .hasSize(1);
      assertThat(
              browser.driver().findElements(By.cssSelector("#case-diagram .djs-element.zp-done")))
          .isNotEmpty();
      // issue 15: the diagram opens readable on where the case stands, and zooms
      org.openqa.selenium.JavascriptExecutor js =
          (org.openqa.selenium.JavascriptExecutor) browser.driver();
      String currentBox =
          "const c = document.querySelector('#case-diagram .zp-current')"
              + ".getBoundingClientRect(); const b = document.getElementById('case-diagram')"
              + ".getBoundingClientRect();";
      assertThat(
              (Boolean)
                  js.executeScript(
                      currentBox
                          + " return c.left >= b.left"
                          + " && c.right <= b.right && c.top >= b.top && c.bottom <= b.bottom;"))
          .as("the current step is inside the diagram's box")
          .isTrue();
      double width = ((Number) js.executeScript(currentBox + " return c.width;")).doubleValue();
      assertThat(width)
          .as(
              "the current step drawn at a readable size (its 100 units at a scale"
                  + " of at least 0.8)")
          .isGreaterThanOrEqualTo(75);
      browser.click(By.id("diagram-zoom-in"));
      browser.waitUntil(
          d ->
              ((Number) js.executeScript(currentBox + " return c.width;")).doubleValue()
                  > width * 1.1);
      browser.click(By.id("diagram-fit"));
      browser.waitUntil(
          d ->
              ((Number) js.executeScript(currentBox + " return c.width;")).doubleValue()
                  <= width * 1.01);
      browser.screenshot("case-overview");
      ((org.openqa.selenium.JavascriptExecutor) browser.driver())
          .executeScript("document.getElementById('case-diagram').scrollIntoView()");
      browser.screenshot("case-overview-diagram");
    }
  }
}
