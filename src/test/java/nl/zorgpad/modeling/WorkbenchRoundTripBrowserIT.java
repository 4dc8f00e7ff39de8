package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The coordinator's round trip on the main pathway, as a user does it in Chromium on the real
 * app: open {@code zorgpad-kwetsbare-zwangerschap} in the workbench, make room in the diagram
 * with the space tool, drop a new task from the palette onto the flow between the intervention
 * advice and the consent step (bpmn-js splits the flow), turn it into a user task with the
 * context pad, validate and see the Dutch errors on that task, fix them in the Dutch panel
 * (name, discipline kraamzorg, form, deadline in 2 werkdagen), validate clean and publish; the
 * editor's header shows the new version. A midwife then starts a case with the Tasklist's
 * start form and the kraamzorg finds the new task in her Tasklist, with its form. A caregiver
 * cannot publish (page nor engine REST). Finally the coordinator takes a case that was running
 * on the previous version to the new version on the migration page, and that case goes on on
 * the new version. The decision editor's palette is Dutch as well.
 *
 * <p>The model is built only through the UI (palette, space tool, context pad, replace menu,
 * Dutch panel); JavaScript only <em>reads</em> the modeler's state for positions and assertions.
 * This test publishes a new version of the main pathway: its context is thrown away afterwards so
 * no other test meets the changed pathway.
 */
@Tag("browser")
@ZorgpadIntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WorkbenchRoundTripBrowserIT {

  private static final String PATHWAY = "zorgpad-kwetsbare-zwangerschap";

  /** The step after the intervention advice: meldcode and consent side by side. */
  private static final String NEXT_AFTER_ADVICE = "Gateway_SafetyAndConsent";

  private static final String FILE = "processes/" + PATHWAY + ".bpmn";
  private static final String TASK_NAME = "Kraamzorg: intakebezoek plannen";
  private static final String FORM = "zorgpad-huisbezoek-plannen";
  private static final String NEW_CASE_REFERENCE = "RONDJE-0001";
  private static final DateTimeFormatter FORM_JS_DATE = DateTimeFormatter.ofPattern("MM/dd/yyyy");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  @Test
  void coordinatorAddsAKraamzorgTaskPublishesAndTakesARunningCaseAlong() throws Exception {
    String base = "http://localhost:" + port;
    Http http = new Http(port);

    // a case that runs on the current version: signalled by the midwife, waiting for consent
    ProcessDefinition previous =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PATHWAY)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    HttpResponse<String> signal =
        http.postJson(
            "/api/signals",
            "demo-verloskundige:demo",
            """
        {"clientReference": "RONDJE-0000", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String runningCase = JSON.readTree(signal.body()).path("caseNumber").asText();
    ProcessInstance running =
        runtimeService
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(runningCase)
            .processDefinitionKey(PATHWAY)
            .singleResult();
    assertThat(running.getProcessDefinitionId()).isEqualTo(previous.getId());

    String newTaskId;
    String publishedXml;
    try (Browser browser = new Browser()) {
      try {
        browser.login(base, "demo-coordinator", "demo");
        browser.click(By.id("link-modeling"));
        browser.click(By.cssSelector("tr[data-resource='" + FILE + "'] a.zp-button"));
        browser.waitUntil(
            d ->
                "true"
                    .equals(
                        d.findElement(By.tagName("body")).getDomAttribute("data-editor-ready")));
        browser.visible(By.cssSelector(".djs-element[data-element-id='Call_Consent']"));
        assertThat(
                browser
                    .driver()
                    .findElement(By.cssSelector(".djs-palette .entry[data-action='create.task']"))
                    .getDomAttribute("aria-label"))
            .isEqualTo("Taak toevoegen");
        browser.screenshot("roundtrip-01-opened");

        // make room between the advice and the next step (the split into meldcode and consent):
        // space tool, drag to the right
        double[] advice = bounds(browser, "Task_InterventionAdvice");
        double[] split = bounds(browser, NEXT_AFTER_ADVICE);
        double gapX = (advice[0] + advice[2] + split[0]) / 2;
        // start on empty canvas below the row: started on an element, the space tool would
        // make space only inside that element
        double rowY = advice[1] + advice[3] + 60;
        browser.click(By.cssSelector(".djs-palette .entry[data-action='space-tool']"));
        new Actions(browser.driver())
            .moveToLocation((int) gapX, (int) rowY)
            .clickAndHold()
            .moveByOffset(30, 0)
            .moveByOffset(60, 0)
            .moveByOffset(60, 0)
            .release()
            .perform();
        double[] splitMoved = bounds(browser, NEXT_AFTER_ADVICE);
        assertThat(splitMoved[0])
            .as("the space tool moved the next step to the right")
            .isGreaterThan(split[0] + 100);

        // drag a task from the palette onto the flow: bpmn-js puts it into the flow
        double[] flow = bounds(browser, "Flow_AdviceToSplit");
        int dropX = (int) (flow[0] + flow[2] / 2);
        int dropY = (int) (flow[1] + flow[3] / 2);
        // (a click on the palette entry picks the task up; the next click drops it)
        browser.click(By.cssSelector(".djs-palette .entry[data-action='create.task']"));
        new Actions(browser.driver())
            .moveToLocation(dropX - 60, dropY + 40)
            .moveToLocation(dropX - 20, dropY + 10)
            .moveToLocation(dropX, dropY)
            .click()
            .perform();
        newTaskId =
            (String)
                js(
                    browser,
                    """
            const registry = window.zorgpadModeler.get('elementRegistry');
            const advice = registry.get('Task_InterventionAdvice');
            const next = advice.outgoing.length === 1 ? advice.outgoing[0].target : null;
            return next && next.type === 'bpmn:Task' ? next.id : null;""");
        assertThat(newTaskId).as("the new task sits in the flow after the advice").isNotNull();
        assertThat(
                js(
                    browser,
                    """
            const task = window.zorgpadModeler.get('elementRegistry').get(arguments[0]);
            return task.outgoing.map(flow => flow.target.id).join();""",
                    newTaskId))
            .isEqualTo(NEXT_AFTER_ADVICE);

        // make it a user task: context pad "Soort wijzigen", replace menu "Gebruikerstaak"
        clickShape(browser, newTaskId);
        WebElement replace =
            browser.visible(By.cssSelector(".djs-context-pad .entry[data-action='replace']"));
        assertThat(replace.getDomAttribute("title")).isEqualTo("Soort wijzigen");
        replace.click();
        WebElement userTask =
            browser.visible(By.cssSelector(".djs-popup [data-id='replace-with-user-task']"));
        assertThat(userTask.getText()).contains("Gebruikerstaak");
        browser.screenshot("roundtrip-02-replace-menu");
        userTask.click();
        newTaskId =
            (String)
                js(
                    browser,
                    """
            const registry = window.zorgpadModeler.get('elementRegistry');
            const advice = registry.get('Task_InterventionAdvice');
            const next = advice.outgoing[0].target;
            return next.type === 'bpmn:UserTask' ? next.id : null;""");
        assertThat(newTaskId).as("the new step is a user task now").isNotNull();

        // validate: the Dutch errors on the new task, in the list and on the diagram
        browser.click(By.id("btn-validate"));
        browser.waitForText(By.id("editor-status"), "Er zijn fouten gevonden");
        List<String> errors =
            browser
                .driver()
                .findElements(
                    By.cssSelector(
                        "#validation-issues li.zp-error-item[data-element-id='" + newTaskId + "']"))
                .stream()
                .map(WebElement::getText)
                .toList();
        assertThat(errors)
            .anySatisfy(text -> assertThat(text).contains("heeft geen discipline"))
            .anySatisfy(text -> assertThat(text).contains("formulier"));
        assertThat(
                browser
                    .driver()
                    .findElements(
                        By.cssSelector(
                            "#validation-issues li.zp-error-item:not([data-element-id='"
                                + newTaskId
                                + "'])")))
            .as("the shipped pathway itself has no errors")
            .isEmpty();
        WebElement marker =
            browser.visible(
                By.cssSelector(".zp-issue-marker[data-element-id='" + newTaskId + "']"));
        assertThat(marker.getText()).isEqualTo(String.valueOf(errors.size()));
        assertThat(
                browser
                    .driver()
                    .findElement(
                        By.cssSelector(".djs-element[data-element-id='" + newTaskId + "']"))
                    .getDomAttribute("class"))
            .contains("zp-has-error");
        browser.screenshot("roundtrip-03-validation-errors");

        // fix it in the Dutch panel: name, discipline, form
        browser.click(By.cssSelector("#validation-issues li[data-element-id='" + newTaskId + "']"));
        WebElement name = browser.visible(By.id("zp-name"));
        name.clear();
        name.sendKeys(TASK_NAME, Keys.TAB);
        new Select(browser.visible(By.id("zp-discipline"))).selectByValue("kraamzorg");
        new Select(browser.visible(By.id("zp-form"))).selectByValue(FORM);
        // the deadline in working days, as the shipped pathways write it
        assertThat(
                new Select(browser.visible(By.id("zp-due-unit")))
                    .getFirstSelectedOption()
                    .getText())
            .isEqualTo("werkdagen");
        browser.visible(By.id("zp-due")).sendKeys("2", Keys.TAB);
        browser.click(By.id("btn-validate"));
        browser.waitForText(By.id("editor-status"), "Geen fouten gevonden.");
        assertThat(
                browser
                    .driver()
                    .findElements(By.cssSelector("#validation-issues li.zp-error-item")))
            .isEmpty();
        assertThat(
                browser
                    .driver()
                    .findElements(
                        By.cssSelector(".zp-issue-marker[data-element-id='" + newTaskId + "']")))
            .isEmpty();
        assertThat(
                browser
                    .driver()
                    .findElement(
                        By.cssSelector(
                            ".djs-element[data-element-id='"
                                + newTaskId
                                + "'] .djs-label, "
                                + ".djs-element[data-element-id='"
                                + newTaskId
                                + "'] text"))
                    .getText())
            .contains("intakebezoek");
        browser.screenshot("roundtrip-04-fixed");

        // publish: a new version for new cases
        browser.click(By.id("btn-deploy"));
        browser.waitForText(By.id("editor-status"), "Gepubliceerd als nieuwe versie");
        browser.waitForText(
            By.id("editor-version"),
            "Geopend: versie "
                + (previous.getVersion() + 1)
                + " (nieuwste: versie "
                + (previous.getVersion() + 1));
        browser.screenshot("roundtrip-05-published");
        publishedXml =
            (String)
                ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript(
                        """
            const done = arguments[arguments.length - 1];
            window.zorgpadModeler.saveXML().then(result => done(result.xml));""");

        browser.click(By.linkText("Terug naar de werkbank"));
        WebElement row = browser.visible(By.cssSelector("tr[data-resource='" + FILE + "']"));
        assertThat(row.getText()).contains("versie " + (previous.getVersion() + 1));
        browser.screenshot("roundtrip-06-overview");
      } catch (Throwable failure) {
        browser.screenshot("roundtrip-failure-1");
        throw failure;
      }
    }
    ProcessDefinition published =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(PATHWAY)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    assertThat(published.getVersion()).isEqualTo(previous.getVersion() + 1);
    String finalTaskId = newTaskId;
    UserTask publishedTask =
        repositoryService.getBpmnModelInstance(published.getId()).getModelElementById(finalTaskId);
    assertThat(publishedTask.getName()).isEqualTo(TASK_NAME);
    assertThat(publishedTask.getCamundaCandidateGroups()).isEqualTo("kraamzorg");
    assertThat(publishedTask.getCamundaFormRef()).isEqualTo(FORM);
    assertThat(publishedTask.getCamundaDueDate()).isEqualTo("${deadlines.inWorkingDays(2)}");

    // a midwife starts a case with the Tasklist's start form: it reaches the new task
    String newCase;
    try (Browser midwife = new Browser()) {
      try {
        midwife.login(base, "demo-verloskundige", "demo");
        openTasklist(midwife, base);
        midwife.click(By.cssSelector(".start-process-action"));
        midwife.click(By.linkText("Zorgpad kwetsbare zwangerschap"));
        midwife
            .visible(By.cssSelector("[id$='-Field_clientReference']"))
            .sendKeys(NEW_CASE_REFERENCE);
        midwife
            .visible(By.cssSelector("[id$='-Field_dueDate-date']"))
            .sendKeys(LocalDate.now().plusWeeks(20).format(FORM_JS_DATE), Keys.ENTER);
        midwife.visible(By.cssSelector("[id$='-Field_gestationalAgeWeeks']")).sendKeys("20");
        midwife.click(By.cssSelector("[id$='-Field_riskDomains-3']"));
        midwife.chooseFormOption("signallingDiscipline", "Verloskundige");
        midwife.click(By.cssSelector("button[ng-click='startProcessInstance()']"));
        // the toast names the new case: "De casus ZP-… is gestart." (zorgpad/connect.js)
        midwife.waitForText(By.cssSelector(".notifications, body"), "is gestart");
        ProcessInstance instance =
            runtimeService
                .createProcessInstanceQuery()
                .variableValueEquals("clientReference", NEW_CASE_REFERENCE)
                .singleResult();
        assertThat(instance.getProcessDefinitionId()).isEqualTo(published.getId());
        newCase = instance.getBusinessKey();
      } catch (Throwable failure) {
        midwife.screenshot("roundtrip-failure-2");
        throw failure;
      }
      Task kraamzorgTask =
          taskService
              .createTaskQuery()
              .processInstanceBusinessKey(newCase)
              .taskDefinitionKey(finalTaskId)
              .singleResult();
      assertThat(kraamzorgTask).as("the new case stands in the new task").isNotNull();

      // the kraamzorg finds the task in her Tasklist and opens its form
      try (Browser browser = new Browser()) {
        try {
          browser.login(base, "demo-kraamzorg", "demo");
          openTasklist(browser, base);
          browser.click(By.linkText("Taken voor mijn discipline"));
          browser.openTask(newCase, TASK_NAME);
          browser.claim();
          browser.visible(By.cssSelector("[id$='-Field_homeVisitPlannedDate-date']"));
          browser.waitForText(By.cssSelector(".task-details, body"), "Huisbezoek plannen");
          browser.screenshot("roundtrip-07-kraamzorg-task");

          // she cannot publish: not through the workbench page …
          browser.open(
              base + "/modeling/edit?name=" + URLEncoder.encode(FILE, StandardCharsets.UTF_8));
          browser.waitForText(By.tagName("body"), "U heeft geen toegang tot deze pagina.");
          assertThat(browser.driver().findElements(By.id("btn-deploy"))).isEmpty();
          browser.screenshot("roundtrip-08-caregiver-refused");
        } catch (Throwable failure) {
          browser.screenshot("roundtrip-failure-3");
          throw failure;
        }
      }
      // … nor through the engine's REST API
      HttpResponse<String> restDeploy =
          deployThroughEngineRest(
              http,
              "demo-kraamzorg:demo",
              publishedXml.replace(TASK_NAME, "Door een zorgverlener gewijzigd"));
      assertThat(restDeploy.statusCode()).as(restDeploy.body()).isEqualTo(403);
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(PATHWAY)
                  .withoutTenantId()
                  .latestVersion()
                  .singleResult()
                  .getId())
          .isEqualTo(published.getId());

      // the coordinator takes the running case along to the new version
      try (Browser browser = new Browser()) {
        try {
          browser.login(base, "demo-coordinator", "demo");
          browser.open(base + "/modeling");
          String previousUuid = previous.getId().substring(previous.getId().lastIndexOf(':') + 1);
          browser.click(
              By.cssSelector(
                  "tr[data-resource='"
                      + FILE
                      + "']"
                      + " a[href*='/modeling/migration'][href$='"
                      + previousUuid
                      + "']"));
          browser.visible(By.id("migration-cases"));
          assertThat(
                  new Select(browser.driver().findElement(By.id("target")))
                      .getFirstSelectedOption()
                      .getText())
              .isEqualTo("versie " + published.getVersion() + " – Gedeeld (alle coalities)");
          WebElement ourRow =
              browser.visible(
                  By.cssSelector("#migration-cases tr[data-instance='" + running.getId() + "']"));
          assertThat(ourRow.getText()).contains(runningCase).contains("Kan mee");
          // only this case: untick the others
          for (WebElement box :
              browser
                  .driver()
                  .findElements(By.cssSelector("#migration-cases input[name='case']"))) {
            boolean ours = running.getId().equals(box.getDomAttribute("value"));
            if (box.isEnabled() && box.isSelected() != ours) {
              box.click();
            }
          }
          browser.screenshot("roundtrip-09-migration-preview");
          browser.click(By.id("btn-migrate"));
          browser.visible(By.id("migration-progress"));
          browser.screenshot("roundtrip-10-migration-running");
          String batchId =
              browser.driver().getCurrentUrl().replaceAll(".*/modeling/migration/", "");
          runBatch(batchId); // the job executor is off in tests: run its jobs as it would
          browser.waitUntil(
              d -> {
                d.navigate().refresh();
                return d.findElement(By.id("migration-progress")).getText().equals("Klaar.");
              });
          WebElement outcome =
              browser.visible(
                  By.cssSelector("#migration-report tr[data-instance='" + running.getId() + "']"));
          assertThat(outcome.getDomAttribute("data-outcome")).isEqualTo("MIGRATED");
          assertThat(outcome.getText())
              .contains(runningCase)
              .contains("Meegenomen naar versie " + published.getVersion());
          assertThat(browser.driver().findElements(By.cssSelector("#migration-report tbody tr")))
              .hasSize(1);
          browser.screenshot("roundtrip-11-migration-report");

          // the decision editor speaks Dutch too (dmn-js with the same translate mechanism)
          browser.open(
              base
                  + "/modeling/edit?name="
                  + URLEncoder.encode("processes/zorgpad-triage.dmn", StandardCharsets.UTF_8));
          browser.waitUntil(
              d ->
                  "true"
                      .equals(
                          d.findElement(By.tagName("body")).getDomAttribute("data-editor-ready")));
          assertThat(
                  browser
                      .visible(By.cssSelector(".djs-palette .entry[data-action='create.decision']"))
                      .getDomAttribute("aria-label"))
              .isEqualTo("Beslissing toevoegen");
        } catch (Throwable failure) {
          browser.screenshot("roundtrip-failure-4");
          throw failure;
        }
      }
      assertThat(
              runtimeService
                  .createProcessInstanceQuery()
                  .processInstanceId(running.getId())
                  .singleResult()
                  .getProcessDefinitionId())
          .isEqualTo(published.getId());

      // the migrated case goes on on the new version: the midwife records consent, and the
      // next step is created from the new definition
      // (still logged in as the midwife)
      try {
        // by the Tasklist's own link to the task: in the full suite her list holds many tasks
        // of other tests, and this one need not be on its first page
        String consentTask =
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(runningCase)
                .taskName("Toestemming vragen aan cliënt")
                .singleResult()
                .getId();
        midwife.open(base + "/camunda/app/tasklist/default/#/?task=" + consentTask);
        new WebDriverWait(midwife.driver(), Duration.ofSeconds(120))
            .until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.xpath("//h2[contains(.,'Toestemming vragen aan cliënt')]")));
        midwife.claim();
        midwife.click(By.cssSelector("[id$='-Field_consentDecision-0']"));
        midwife.click(By.cssSelector("button[ng-click='complete()']"));
        midwife.waitUntil(
            d ->
                taskService
                        .createTaskQuery()
                        .processInstanceId(running.getId())
                        .taskDefinitionKey("Task_AcceptCase")
                        .count()
                    == 1);
      } catch (Throwable failure) {
        midwife.screenshot("roundtrip-failure-5");
        throw failure;
      }
    }
    Task next =
        taskService
            .createTaskQuery()
            .processInstanceId(running.getId())
            .taskDefinitionKey("Task_AcceptCase")
            .singleResult();
    assertThat(next.getProcessDefinitionId()).isEqualTo(published.getId());
  }

  private static Object js(Browser browser, String script, Object... args) {
    return ((JavascriptExecutor) browser.driver()).executeScript(script, args);
  }

  /** The element's box on the screen (CSS pixels in the viewport): x, y, width, height. */
  @SuppressWarnings("unchecked")
  private static double[] bounds(Browser browser, String elementId) {
    List<Number> box =
        (List<Number>)
            js(
                browser,
                """
        const gfx = window.zorgpadModeler.get('elementRegistry').getGraphics(arguments[0]);
        const rect = gfx.querySelector('.djs-visual').getBoundingClientRect();
        return [rect.left, rect.top, rect.width, rect.height];""",
                elementId);
    return box.stream().mapToDouble(Number::doubleValue).toArray();
  }

  private static void clickShape(Browser browser, String elementId) {
    double[] box = bounds(browser, elementId);
    new Actions(browser.driver())
        .moveToLocation((int) (box[0] + box[2] / 2), (int) (box[1] + box[3] * 0.75))
        .click()
        .perform();
  }

  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch).as("migration batch " + batchId).isNotNull();
    assertThat(batch.getCreateUserId()).isEqualTo("demo-coordinator");
    List<String> definitions =
        List.of(
            batch.getSeedJobDefinitionId(),
            batch.getBatchJobDefinitionId(),
            batch.getMonitorJobDefinitionId());
    for (int round = 0; round < 10; round++) {
      List<Job> jobs =
          managementService.createJobQuery().list().stream()
              // the engine's history cleanup job (decision 0004) has no job definition
              .filter(job -> job.getJobDefinitionId() != null)
              .filter(job -> definitions.contains(job.getJobDefinitionId()))
              .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private static HttpResponse<String> deployThroughEngineRest(Http http, String user, String bpmn) {
    String boundary = "zorgpad-roundtrip-boundary";
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nzorgpad\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"data\"; filename=\""
            + FILE
            + "\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n"
            + "--"
            + boundary
            + "--\r\n";
    return http.send(
        http.builder("/engine-rest/deployment/create", user)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build());
  }

  /**
   * The Camunda Tasklist is a large single-page app: on a busy machine its first load takes
   * longer than the usual wait, so wait for it explicitly, longer.
   */
  private static void openTasklist(Browser browser, String base) {
    browser.open(base + "/camunda/app/tasklist/default/");
    new WebDriverWait(browser.driver(), Duration.ofSeconds(120))
        .until(
            ExpectedConditions.visibilityOfElementLocated(
                By.linkText("Taken voor mijn discipline")));
  }
}
