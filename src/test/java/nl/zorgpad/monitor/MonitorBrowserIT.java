package nl.zorgpad.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.DemoApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * Issue 14 in Chromium, on the demo application as an operator starts it (its own JVM, the demo
 * profile with the monitor's 13 months of demo cases on an H2 file — not a second Spring context
 * in the test JVM, which would share the engine registry and the in-memory database of the
 * other integration tests): the monitor as the shared-installation coordinator and as the policy
 * officer ({@code demo-beleid}) at 1280 and 390 px — charts drawn by the frontend bundle under
 * the strict Content-Security-Policy (no violation), every chart with its table, no visible
 * count from 1 to 9, no horizontal scrolling of the page at 390 px; the policy officer is
 * refused a case page. Screenshots are copied to docs/images (README.md, docs/monitor.md).
 */
@Tag("browser")
class MonitorBrowserIT {

  @TempDir Path dataDir;

  @Test
  void theMonitorAsCoordinatorAndAsPolicyOfficer_atTwoWidths() throws Exception {
    try (DemoApplication app =
        DemoApplication.start(dataDir, "--zorgpad.demo.monitor-cases=true")) {
      app.awaitUp(Duration.ofMinutes(12));
      walk(app.base());
    }
  }

  private void walk(String base) throws Exception {
    for (String user : List.of("demo-coordinator", "demo-beleid")) {
      try (Browser browser = new Browser()) {
        browser.recordCspViolations();
        browser.login(base, user, "demo");
        browser.visible(By.id("link-monitor"));
        for (int width : List.of(1280, 390)) {
          browser.driver().manage().window().setSize(new Dimension(width, 1000));
          browser.open(base + "/monitor");
          browser.visible(By.id("indicator-signalen"));
          browser.waitUntil(
              d ->
                  d.findElement(By.tagName("body")).getDomAttribute("data-monitor-charts") != null);
          int charts =
              Integer.parseInt(
                  browser
                      .driver()
                      .findElement(By.tagName("body"))
                      .getDomAttribute("data-monitor-charts"));
          assertThat(charts).as("charts drawn").isPositive();
          assertThat(
                  browser.driver().findElements(By.cssSelector("[data-monitor-chart]" + " canvas")))
              .isNotEmpty();
          for (WebElement cell :
              browser.driver().findElements(By.cssSelector(".zp-monitor-table td"))) {
            assertThat(cell.getText().trim()).doesNotMatch("[1-9]");
          }
          assertThat(browser.driver().getPageSource()).doesNotContainPattern("ZP-\\d{4}-\\d{5}");
          assertThat(browser.cspViolations()).as("CSP violations").isEmpty();
          if (width == 390) {
            Object scroll =
                ((JavascriptExecutor) browser.driver())
                    .executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth + 1;");
            Object wide =
                ((JavascriptExecutor) browser.driver())
                    .executeScript(
                        "return Array.from(document.querySelectorAll('body *')).filter(e =>"
                            + " e.getBoundingClientRect().right > window.innerWidth + 1"
                            + " && !e.closest('.zp-monitor-table-wrap')).slice(0, 5)"
                            + ".map(e => e.tagName + '.' + e.className).join(', ');");
            assertThat(scroll).as("no horizontal scrolling at 390 px: " + wide).isEqualTo(true);
          }
          Path shot = browser.screenshot("monitor-" + role(user) + "-" + width);
          Path docs = Path.of("docs", "images");
          if (Files.isDirectory(docs)) {
            Files.copy(shot, docs.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
          }
        }
        if (user.equals("demo-beleid")) {
          browser.open(base + "/casus");
          assertThat(browser.driver().getPageSource())
              .contains("U heeft geen toegang tot deze pagina.");
        }
      }
    }
  }

  private static String role(String user) {
    return user.equals("demo-beleid") ? "beleid" : "coordinator";
  }
}
