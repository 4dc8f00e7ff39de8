package nl.zorgpad.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The first pathway as a midwife and a JGZ nurse live it: in the real (Dutch) Camunda Tasklist,
 * in Debian's headless Chromium, with the real forms. The midwife starts a case with the signal
 * form and asks consent; the buurtteam accepts the case as regiehouder and chooses JGZ; the
 * midwife asks consent for JGZ and records the warm handover; then the JGZ nurse finds her task.
 * The shared test installation's lists are crowded by other tests' tasks: each task is found by
 * searching the Tasklist's list for the case number ({@link Browser#openTaskOfCase}).
 */
@Tag("browser")
@ZorgpadIntegrationTest
class FirstPathwayBrowserIT {

  private static final String CLIENT_REFERENCE = "BROWSER-0001";
  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void midwifeSignalsAsksConsentAndHandsOverThenJgzFindsTheContactTask() throws Exception {
    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-verloskundige", "demo");
      browser.open(base + "/camunda/app/tasklist/default/");
      browser.visible(By.partialLinkText("Mijn werk"));
      assertDutch(browser);

      // signal: "Casus starten" with the start form
      browser.click(By.cssSelector(".start-process-action"));
      browser.click(By.linkText("Zorgpad kwetsbare zwangerschap"));
      browser.visible(By.cssSelector("[id$='-Field_clientReference']")).sendKeys(CLIENT_REFERENCE);
      browser
          .visible(By.cssSelector("[id$='-Field_dueDate-date']"))
          .sendKeys(LocalDate.now().plusWeeks(20).format(FORM_JS_DATE), Keys.ENTER);
      browser.visible(By.cssSelector("[id$='-Field_gestationalAgeWeeks']")).sendKeys("20");
      browser.click(By.cssSelector("[id$='-Field_riskDomains-0']"));
      browser.click(By.cssSelector("[id$='-Field_riskDomains-3']"));
      browser.chooseFormOption("signallingDiscipline", "Verloskundige");
      browser.screenshot("01-signal-form");
      browser.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
      browser.waitForText(By.cssSelector(".notifications, body"), "is gestart");

      ProcessInstance instance =
          runtimeService
              .createProcessInstanceQuery()
              .variableValueEquals("clientReference", CLIENT_REFERENCE)
              .singleResult();
      assertThat(instance).as("case started from the Tasklist").isNotNull();
      String caseNumber = instance.getBusinessKey();
      assertThat(caseNumber).matches("ZP-\\d{4}-\\d{5}");

      // consent: claim, answer, complete
      browser.openTaskOfCase(base, caseNumber, "Toestemming vragen aan cliënt");
      browser.claim();
      browser.click(By.cssSelector("[id$='-Field_consentDecision-0']"));
      browser.waitForText(By.cssSelector(".task-details, body"), caseNumber);
      browser.screenshot("02-consent-form");
      browser.click(By.cssSelector("button[ng-click='complete()']"));

      waitForTask(caseNumber, "Casus aannemen als regiehouder");
    }

    // housing makes it a multi-problem case: the buurtteam is regiehouder (vuistregel 8) and
    // chooses to hand over to JGZ
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-buurtteam", "demo");
      browser.openTaskOfCase(base, caseNumber(), "Casus aannemen als regiehouder");
      browser.claim();
      clickInView(browser, By.cssSelector("[id$='-Field_handoverRecipients-1']"));
      clickInView(browser, By.cssSelector("[id$='-Field_homeVisitRequestingDiscipline-0']"));
      browser.screenshot("03-accept-case-form");
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      waitForTask(caseNumber(), "Toestemming vragen aan cliënt");
    }

    // the midwife asks consent for JGZ and records the warm handover (vuistregels 4, 3)
    try (Browser browser = new Browser()) {
      String caseNumber = caseNumber();
      browser.login(base, "demo-verloskundige", "demo");
      browser.openTaskOfCase(base, caseNumber, "Toestemming vragen aan cliënt");
      browser.claim();
      browser.click(By.cssSelector("[id$='-Field_consentDecision-0']"));
      browser.click(By.cssSelector("button[ng-click='complete()']"));

      waitForTask(caseNumber, "Overdracht formeel vastleggen");
      browser.openTaskOfCase(base, caseNumber, "Overdracht formeel vastleggen");
      browser.claim();
      // form-js's own texts are Dutch too (zorgpad/form-js-nl.js): the empty dropdown and the
      // messages when required fields are missing; nothing is completed
      browser.waitForText(By.cssSelector(".fjs-select-display"), "Kies…");
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      browser.waitForText(By.cssSelector(".fjs-form-field-error"), "Dit veld is verplicht.");
      assertThat(browser.driver().findElement(By.tagName("body")).getText())
          .doesNotContain("Field is required")
          .doesNotContain("Select\n");
      browser.screenshot("04a-handover-form-required");
      assertThat(
              taskService
                  .createTaskQuery()
                  .processInstanceBusinessKey(caseNumber)
                  .taskName("Overdracht formeel vastleggen")
                  .count())
          .isOne();
      browser.chooseFormOption("handoverMethod", "Telefonisch consult");
      browser
          .visible(By.cssSelector("[id$='-Field_handoverDate-date']"))
          .sendKeys(LocalDate.now().format(FORM_JS_DATE), Keys.ENTER);
      browser.click(By.cssSelector("[id$='-Field_clientInformed']"));
      browser.screenshot("04-handover-form");
      browser.click(By.cssSelector("button[ng-click='complete()']"));
      waitForTask(caseNumber, "Contact met cliënt bevestigen");
    }

    // the JGZ nurse sees the next task in her discipline's list
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-jgz", "demo");
      browser.openTaskOfCase(base, caseNumber(), "Contact met cliënt bevestigen");
      browser.visible(By.cssSelector("button.claim"));
      assertDutch(browser);
      browser.screenshot("05-jgz-contact-task");
    }
  }

  private String caseNumber() {
    return runtimeService
        .createProcessInstanceQuery()
        .variableValueEquals("clientReference", CLIENT_REFERENCE)
        .singleResult()
        .getBusinessKey();
  }

  private void waitForTask(String caseNumber, String taskName) {
    long until = System.currentTimeMillis() + 30_000;
    while (taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskName(taskName)
            .count()
        == 0) {
      assertThat(System.currentTimeMillis())
          .as("task '%s' of %s", taskName, caseNumber)
          .isLessThan(until);
      Thread.onSpinWait();
    }
  }

  /** A longer form runs under the Tasklist's footer: scroll the input to the middle first. */
  private static void clickInView(Browser browser, By by) {
    var element = browser.visible(by);
    ((org.openqa.selenium.JavascriptExecutor) browser.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    browser.click(by);
  }

  private static void assertDutch(Browser browser) {
    String text = browser.driver().findElement(By.tagName("body")).getText();
    assertThat(text)
        .contains("Mijn werk")
        .contains("Taken voor mijn discipline")
        .contains("Casus starten")
        .doesNotContain("Start process")
        .doesNotContain("Claim")
        .doesNotContain("Camunda 8");
  }
}
