package nl.zorgpad.socialmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import nl.zorgpad.support.Browser;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sociale kaart in Chromium: a JGZ nurse finds the team of a postcode; a coordinator sees the
 * edit pages, a Dutch validation error and the per-row report of a refused CSV import; a task
 * that fell back to the discipline shows its warning in the Tasklist. Screenshots in
 * target/screenshots/socialmap-*.png.
 */
@Tag("browser")
@ZorgpadIntegrationTest
class SocialMapBrowserIT {

  @LocalServerPort int port;
  @Autowired TeamRepository teams;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void caregiverFindsTheTeamOfAPostcode() throws Exception {
    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-jgz", "demo");
      browser.click(By.id("link-socialmap"));
      browser.visible(By.id("postcode")).sendKeys("3531 ab");
      browser.click(By.id("search-submit"));
      browser.waitForText(By.id("postcode-result"), "Postcode 3531 AB ligt in wijk Lombok");
      assertThat(browser.visible(By.id("team-jgz-utrecht-west")).getText())
          .contains(
              "JGZ Utrecht West",
              "Hanna Verbeek",
              "Jeugdverpleegkundige",
              "jgz-utrecht-west@veilig.demo.invalid");
      assertThat(browser.driver().findElements(By.id("link-admin"))).isEmpty();
      browser.screenshot("socialmap-search-postcode");
    }
  }

  @Test
  void coordinatorEditsAndSeesDutchErrors() throws Exception {
    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-coordinator", "demo");
      browser.open(base + "/sociale-kaart");
      browser.click(By.id("link-admin"));
      browser.visible(By.id("teams"));
      browser.screenshot("socialmap-admin");

      long team = teams.findByGroupId("jgz-utrecht-west").orElseThrow().getId();
      browser.open(base + "/sociale-kaart/teams/" + team);
      browser.visible(By.id("contacts"));
      browser.screenshot("socialmap-team-form");

      browser.open(base + "/sociale-kaart/wijken/nieuw");
      browser.visible(By.id("code")).sendKeys("utrecht-lombok-noord");
      browser.visible(By.id("name")).sendKeys("Lombok Noord");
      browser.visible(By.id("municipality")).sendKeys("Utrecht");
      browser.visible(By.id("coalition")).sendKeys("Kansrijke Start Utrecht");
      browser.visible(By.id("postcodes")).sendKeys("3532AA-3532ZZ");
      browser.click(By.id("save"));
      browser.waitForText(By.id("form-errors"), "Niet opgeslagen");
      assertThat(browser.driver().findElement(By.tagName("main")).getText())
          .contains("Postcodereeks 3532AA-3532ZZ overlapt met wijk Lombok (Utrecht)");
      browser.screenshot("socialmap-validation-error");

      Path file = Files.createTempFile("sociale-kaart", ".csv");
      Files.writeString(
          file,
          String.join(";", SocialMapCsv.COLUMNS)
              + "\n"
              + "wijk;utrecht-zuilen;Zuilen;;;;;;;;;Utrecht;Kansrijke Start Utrecht;3551-3552\n"
              + "organisatie;;Praktijk Zuilen;;huisarts;;;;;;;;Kansrijke Start Utrecht;\n"
              + "team;zuilen-huisarts;Huisartsen Zuilen;Praktijk Zuilen;;huisarts;utrecht-zuilen;;;;;;;\n"
              + "contact;;Dokter Zonder Nummer;;;;;huisarts-zuilen;Huisarts;;;;;\n",
          StandardCharsets.UTF_8);
      browser.open(base + "/sociale-kaart/import");
      browser.visible(By.id("bestand")).sendKeys(file.toAbsolutePath().toString());
      browser.click(By.id("import-submit"));
      browser.waitForText(By.id("import-errors"), "Er is niets gewijzigd");
      assertThat(browser.driver().findElement(By.id("import-errors")).getText())
          .contains("Onbekend organisatietype \"huisarts\"", "Team \"huisarts-zuilen\"");
      browser.screenshot("socialmap-import-errors");
      Files.delete(file);
    }
  }

  @Test
  void fallbackWarningIsShownInTheTasklist() throws Exception {
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-browser-team")
            .count()
        == 0) {
      repositoryService
          .createDeployment()
          .addModelInstance(
              "it-browser-team.bpmn",
              Bpmn.createExecutableProcess("it-browser-team")
                  .name("Zorgpad test")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask()
                  .name("Kraamzorg plannen")
                  .camundaCandidateGroups("kraamzorg")
                  .documentation("Plan de kraamzorg met de cliënt.")
                  .endEvent()
                  .done())
          .deploy();
    }
    String caseNumber = "ZP-BROWSER-" + System.nanoTime();
    runtimeService.startProcessInstanceByKey(
        "it-browser-team", caseNumber, Map.of("neighbourhood", "doesburg"));
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();

    String base = "http://localhost:" + port;
    try (Browser browser = new Browser()) {
      browser.login(base, "demo-kraamzorg", "demo");
      browser.open(
          base
              + "/camunda/app/tasklist/default/#/?task="
              + task.getId()
              + "&detailsTab=description");
      browser.waitForText(
          By.tagName("body"),
          "Let op: de sociale kaart heeft geen team van Kraamzorg voor wijk Doesburg");
      browser.waitForText(By.tagName("body"), "Plan de kraamzorg met de cliënt.");
      browser.screenshot("socialmap-tasklist-warning");
    }
  }
}
