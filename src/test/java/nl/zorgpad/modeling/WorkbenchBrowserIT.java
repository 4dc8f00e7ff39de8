package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * As demo-coordinator in Chromium: open a pathway in the modeler, see it drawn, take away the
 * discipline of a task in the Dutch panel, validate and see the Dutch error on that task; give it
 * kraamzorg and publish a new version. Also opens a form in the form-js 1.8.7 editor.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class WorkbenchBrowserIT {

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;

  @Test
  void coordinatorEditsValidatesAndPublishesAPathway() throws Exception {
    repositoryService
        .createDeployment()
        .name("zorgpad")
        .source("zorgpad")
        .addString(
            "processes/it-browser.bpmn",
            WorkbenchIT.pathway("it-browser", "verloskundige", "it-browser-form", true))
        .addString("forms/it-browser.form", WorkbenchIT.form("it-browser-form", "Notitie"))
        .deploy();
    String base = "http://localhost:" + port;

    try (Browser browser = new Browser()) {
      browser.login(base, "demo-coordinator", "demo");
      browser.click(By.id("link-modeling"));
      browser.visible(By.cssSelector("tr[data-resource='processes/it-browser.bpmn']"));
      browser.screenshot("workbench-overview");

      browser.open(
          base
              + "/modeling/edit?name="
              + URLEncoder.encode("processes/it-browser.bpmn", StandardCharsets.UTF_8));
      browser.waitUntil(
          d ->
              "true"
                  .equals(d.findElement(By.tagName("body")).getDomAttribute("data-editor-ready")));
      WebElement task =
          browser.visible(By.cssSelector(".djs-element[data-element-id='Task_Second']"));
      browser.screenshot("workbench-modeler");

      // the Dutch panel: take the discipline away
      task.click();
      Select discipline = new Select(browser.visible(By.id("zp-discipline")));
      assertThat(discipline.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("jgz");
      discipline.selectByValue("");

      browser.click(By.id("btn-validate"));
      browser.waitForText(By.id("validation-issues"), "heeft geen discipline");
      WebElement issue =
          browser.visible(By.cssSelector("#validation-issues li[data-element-id='Task_Second']"));
      assertThat(issue.getText()).contains("Taak 'Tweede stap' heeft geen discipline.");
      browser.visible(By.cssSelector(".zp-issue-marker[data-element-id='Task_Second']"));
      assertThat(browser.driver().findElement(By.id("editor-status")).getText())
          .isEqualTo("Er zijn fouten gevonden; los ze op voordat u publiceert.");
      browser.screenshot("workbench-validation-error");

      // publishing is refused while the error stands
      browser.click(By.id("btn-deploy"));
      browser.waitForText(By.id("editor-status"), "Er zijn fouten gevonden");
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("it-browser")
                  .count())
          .isEqualTo(1);

      // fix it: kraamzorg takes the task; publish as version 2
      new Select(browser.visible(By.id("zp-discipline"))).selectByValue("kraamzorg");
      browser.click(By.id("btn-deploy"));
      browser.waitForText(By.id("editor-status"), "Gepubliceerd als nieuwe versie");
      browser.screenshot("workbench-deployed");
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("it-browser")
                  .latestVersion()
                  .singleResult()
                  .getVersion())
          .isEqualTo(2);

      // the form opens in the form-js 1.8.7 editor
      browser.open(
          base
              + "/modeling/edit?name="
              + URLEncoder.encode("forms/it-browser.form", StandardCharsets.UTF_8));
      browser.waitUntil(
          d ->
              "true"
                  .equals(d.findElement(By.tagName("body")).getDomAttribute("data-editor-ready")));
      List<WebElement> fields =
          browser
              .driver()
              .findElements(By.cssSelector(".fjs-editor-container [data-id='Field_Note']"));
      assertThat(fields).isNotEmpty();
      browser.screenshot("workbench-form-editor");
    }
  }
}
