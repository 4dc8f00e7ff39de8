package nl.zorgpad.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A midwife's day in the Tasklist (issue 15), on a laptop (1280×800) and on a phone (390×844):
 * she logs in and sees her first task under "Mijn werk" without touching a filter; the task
 * shows its case number with a link to the case page; she starts a case with a gestational age
 * that does not fit the due date and reads the Dutch refusal, in view, without Camunda's English
 * prefix; Esc in the calendar (Dutch, Monday first) closes only the calendar; she fixes the age,
 * the toast names the new case, and she opens the case page from its first task and goes back.
 * Screenshots are copied to docs/images (README.md).
 */
@Tag("browser")
@ZorgpadIntegrationTest
class DayBrowserIT {

  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired FilterService filterService;
  @Autowired TaskService taskService;

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1280, 800", "390, 844"})
  void aMidwifesDayFromHerFirstTaskToANewCaseAndBack(int width, int height) throws Exception {
    String base = "http://localhost:" + port;
    String size = String.valueOf(width);
    String reference = "DAY-" + width + "-" + System.nanoTime() % 100_000;
    try (Browser browser = new Browser()) {
      browser.size(width, height);
      browser.login(base, "demo-verloskundige", "demo");
      browser.open(base + "/camunda/app/tasklist/default/");

      // her work, without touching a filter: "Mijn werk" is chosen and its first task is shown
      String myWork =
          filterService.createFilterQuery().filterName("Mijn werk").singleResult().getId();
      browser.waitUntil(d -> d.getCurrentUrl().contains("filter=" + myWork));
      browser.waitForText(By.cssSelector(".task-filters .item.active"), "Mijn werk");
      WebElement first = browser.visible(By.cssSelector("ol.tasks-list > li h4 a"));
      assertThat(browser.text()).doesNotContain("Camunda 8").doesNotContain("migrate");
      assertThat(browser.script("return document.documentElement.lang")).isEqualTo("nl");
      // the brand leads home to Zorgpad, not to the Tasklist's own start
      browser.waitUntil(
          d ->
              "/"
                  .equals(
                      d.findElement(By.cssSelector("[cam-widget-header] a.navbar-brand"))
                          .getDomAttribute("href")));
      String firstTask = first.getText();
      browser.click(By.cssSelector("ol.tasks-list > li h4 a"));
      browser.visible(By.xpath("//h2[contains(@class,'task')][contains(.,'" + firstTask + "')]"));
      WebElement caseLink = browser.visible(By.cssSelector(".task-card a.zorgpad-case-link"));
      assertThat(caseLink.getText()).matches("Casus ZP-\\d{4}-\\d{5}");
      assertThat(caseLink.getDomAttribute("href")).matches("/casus/ZP-\\d{4}-\\d{5}");
      // no link to Cockpit for a caregiver (it answers 403)
      assertThat(
              browser.driver().findElements(By.cssSelector(".task-card .instance-link")).stream()
                  .noneMatch(WebElement::isDisplayed))
          .isTrue();
      shot(browser, "day-" + size + "-01-mijn-werk");

      // a new case with a gestational age that does not fit the due date
      if (!browser.driver().findElement(By.cssSelector(".start-process-action")).isDisplayed()) {
        browser.click(By.cssSelector(".navbar-toggle")); // a phone: the menu is folded
      }
      browser.click(By.cssSelector(".start-process-action"));
      browser.click(By.linkText("Zorgpad kwetsbare zwangerschap"));
      browser.visible(By.cssSelector("[id$='-Field_clientReference']")).sendKeys(reference);
      WebElement dueDate = browser.visible(By.cssSelector("[id$='-Field_dueDate-date']"));
      dueDate.sendKeys(LocalDate.now().plusWeeks(20).format(FORM_JS_DATE));

      // the calendar: Dutch, Monday first; Esc closes it and leaves the dialog open
      dueDate.click();
      WebElement calendar = browser.visible(By.cssSelector(".flatpickr-calendar.open"));
      // the calendar's seven columns inside the window's width (on a phone too)
      browser.waitUntil(
          d ->
              Boolean.TRUE.equals(
                  browser.script(
                      "const r = arguments[0]"
                          + ".getBoundingClientRect(); return r.left >= 0"
                          + " && r.right <= document.documentElement.clientWidth;",
                      calendar)));
      assertThat(
              browser.script(
                  "return document.querySelector('.flatpickr-calendar.open"
                      + " .flatpickr-weekday').textContent.trim()"))
          .isEqualTo("ma");
      shot(browser, "day-" + size + "-02-kalender");
      dueDate.sendKeys(Keys.ESCAPE);
      browser.waitUntil(d -> d.findElements(By.cssSelector(".flatpickr-calendar.open")).isEmpty());
      Thread.sleep(500);
      assertThat(browser.driver().findElements(By.cssSelector(".modal-dialog"))).isNotEmpty();
      assertThat(
              browser
                  .driver()
                  .findElement(By.cssSelector("[id$='-Field_clientReference']"))
                  .getDomProperty("value"))
          .isEqualTo(reference);

      browser.visible(By.cssSelector("[id$='-Field_gestationalAgeWeeks']")).sendKeys("30");
      browser.click(By.cssSelector("[id$='-Field_riskDomains-0']"));
      browser.chooseFormOption("signallingDiscipline", "Verloskundige");
      browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
      WebElement refusal = browser.visible(By.cssSelector(".modal .notifications .alert-danger"));
      browser.waitUntil(
          d ->
              refusal
                  .getText()
                  .contains("De zwangerschapsduur past niet bij de" + " uitgerekende datum"));
      assertThat(refusal.getText()).doesNotContain("Cannot").doesNotContain("process definition");
      browser.waitUntil(d -> browser.inView(refusal));
      shot(browser, "day-" + size + "-03-weigering");
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .variableValueEquals("clientReference", reference)
                  .count())
          .isZero();

      // fixed: 20 weeks fits a due date 20 weeks ahead
      WebElement age = browser.visible(By.cssSelector("[id$='-Field_gestationalAgeWeeks']"));
      age.sendKeys(Keys.chord(Keys.CONTROL, "a"), "20");
      browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waitUntil(
          d ->
              runtimeService
                      .createProcessInstanceQuery()
                      .variableValueEquals("clientReference", reference)
                      .count()
                  == 1);
      ProcessInstance instance =
          runtimeService
              .createProcessInstanceQuery()
              .variableValueEquals("clientReference", reference)
              .singleResult();
      String caseNumber = instance.getBusinessKey();
      browser.waitForText(
          By.cssSelector(".notifications"), "De casus " + caseNumber + " is gestart.");
      shot(browser, "day-" + size + "-04-casus-gestart");

      // the case's first task, found by its case number; the case page from the task, and back
      String taskName =
          taskService
              .createTaskQuery()
              .processInstanceBusinessKey(caseNumber)
              .singleResult()
              .getName();
      browser.openTaskOfCase(base, caseNumber, taskName);
      String taskUrl = browser.driver().getCurrentUrl();
      browser.click(By.cssSelector(".task-card a.zorgpad-case-link"));
      browser.waitUntil(d -> d.getCurrentUrl().endsWith("/casus/" + caseNumber));
      browser.visible(By.id("case-title"));
      shot(browser, "day-" + size + "-05-casuspagina");
      browser.driver().navigate().back();
      browser.visible(By.xpath("//h2[contains(@class,'task')][contains(.,'" + taskName + "')]"));
      assertThat(browser.driver().getCurrentUrl()).isEqualTo(taskUrl);
      browser.waitForText(By.cssSelector(".task-card .zorgpad-case-link"), caseNumber);
    }
  }

  private static void shot(Browser browser, String name) throws Exception {
    Path shot = browser.screenshot(name);
    Path docs = Path.of("docs", "images");
    if (Files.isDirectory(docs)) {
      Files.copy(shot, docs.resolve(shot.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
