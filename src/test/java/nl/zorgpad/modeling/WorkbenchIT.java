package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;

/**
 * The workbench against the running application and a real engine: who may deploy (the engine
 * decides, through the workbench too), only changed files become a version, rollback, and moving
 * running cases to a new version.
 */
@ZorgpadIntegrationTest
class WorkbenchIT {

  private static final String COORDINATOR = "demo-coordinator:demo";
  private static final String MIDWIFE = "demo-verloskundige:demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired WorkbenchDeployer deployer;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  // --- models ----------------------------------------------------------------------------

  static String form(String id, String label) {
    return "{\"id\":\""
        + id
        + "\",\"schemaVersion\":16,\"type\":\"default\",\"components\":["
        + "{\"type\":\"textfield\",\"id\":\"Field_Note\",\"key\":\"note\",\"label\":\""
        + label
        + "\"}]}";
  }

  /** Task_First for {@code group}, then (optionally) Task_Second for jgz. */
  static String pathway(String key, String group, String formRef, boolean second) {
    var builder =
        Bpmn.createExecutableProcess(key)
            .name("Werkbanktest " + key)
            .camundaHistoryTimeToLive(30)
            .startEvent("Start")
            .userTask("Task_First")
            .name("Eerste stap")
            .camundaCandidateGroups(group)
            .camundaFormRef(formRef)
            .camundaFormRefBinding("latest");
    if (second) {
      builder =
          builder
              .userTask("Task_Second")
              .name("Tweede stap")
              .camundaCandidateGroups("jgz")
              .camundaFormRef(formRef)
              .camundaFormRefBinding("latest");
    }
    return Bpmn.convertToString(builder.endEvent("End").done());
  }

  // --- HTTP with a session and its CSRF token -----------------------------------------------

  /** Basic auth plus a session cookie; the CSRF token from the start page's forms. */
  TestSession session(String user, String ignored) {
    TestSession session = TestSession.of(port, user);
    assertThat(session.get("/").statusCode()).isEqualTo(200);
    return session;
  }

  /** JSON to the workbench's API with the page's token in X-CSRF-TOKEN, as the editor does. */
  HttpResponse<String> post(TestSession session, String path, String json) {
    return session.json("POST", path, "/", json);
  }

  HttpResponse<String> postForm(TestSession session, String path, Map<String, String> fields) {
    return session.postForm(path, "/", fields);
  }

  static String submission(Map<String, String> resources) throws Exception {
    return JSON.writeValueAsString(
        Map.of(
            "resources",
            resources.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "content", e.getValue()))
                .toList()));
  }

  static String enc(String value) {
    return TestSession.encode(value);
  }

  /** Deploys as the packaged deployer does (name zorgpad), so the workbench can open it. */
  void deployPackaged(Map<String, String> resources) {
    var builder = repositoryService.createDeployment().name("zorgpad").source("zorgpad");
    resources.forEach(builder::addString);
    builder.deploy();
  }

  // --- tests ------------------------------------------------------------------------------

  @Test
  void coordinatorDeploysAValidPathwayAndItsFormAsNewVersions() throws Exception {
    deployPackaged(
        Map.of(
            "processes/it-wb-deploy.bpmn",
            pathway("it-wb-deploy", "verloskundige", "it-wb-deploy-form", false),
            "forms/it-wb-deploy.form",
            form("it-wb-deploy-form", "Notitie")));
    TestSession coordinator = session(COORDINATOR, "processes/it-wb-deploy.bpmn");

    HttpResponse<String> response =
        post(
            coordinator,
            "/modeling/api/deploy",
            submission(
                Map.of(
                    "processes/it-wb-deploy.bpmn",
                    pathway("it-wb-deploy", "kraamzorg", "it-wb-deploy-form", false))));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = JSON.readTree(response.body());
    assertThat(result.path("deployed").asBoolean()).isTrue();
    ProcessDefinition latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-wb-deploy")
            .latestVersion()
            .singleResult();
    assertThat(latest.getVersion()).isEqualTo(2);
    assertThat(latest.getResourceName()).isEqualTo("processes/it-wb-deploy.bpmn");
    assertThat(latest.getDeploymentId()).isEqualTo(result.path("deploymentId").asText());

    // the history names who deployed it (engine's user operation log)
    HttpResponse<String> history =
        http.get("/modeling/history?name=" + enc("processes/it-wb-deploy.bpmn"), COORDINATOR);
    assertThat(history.body()).contains("demo-coordinator").contains("versie 2");
    // and the overview lists it with its versions
    assertThat(http.get("/modeling", COORDINATOR).body())
        .contains("processes/it-wb-deploy.bpmn")
        .contains("forms/it-wb-deploy.form");
  }

  @Test
  void anInvalidModelIsRefusedWithDutchMessagesOnItsElements() throws Exception {
    deployPackaged(
        Map.of(
            "processes/it-wb-invalid.bpmn",
            pathway("it-wb-invalid", "jgz", "it-wb-invalid-form", false),
            "forms/it-wb-invalid.form",
            form("it-wb-invalid-form", "Notitie")));
    TestSession coordinator = session(COORDINATOR, "processes/it-wb-invalid.bpmn");

    HttpResponse<String> response =
        post(
            coordinator,
            "/modeling/api/deploy",
            submission(
                Map.of(
                    "processes/it-wb-invalid.bpmn",
                    pathway("it-wb-invalid", "tandarts", "bestaat-niet", false))));

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode issues = JSON.readTree(response.body()).path("issues");
    assertThat(issues.findValuesAsText("elementId")).containsOnly("Task_First");
    assertThat(issues.findValuesAsText("message"))
        .contains(
            "Taak 'Eerste stap': discipline 'tandarts' bestaat niet op de sociale kaart.",
            "Formulier 'bestaat-niet' van 'Eerste stap' bestaat niet. Publiceer het formulier"
                + " eerst of tegelijk.");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("it-wb-invalid")
                .count())
        .isEqualTo(1);
  }

  @Test
  void theEngineParseIsPartOfTheValidation() throws Exception {
    deployPackaged(
        Map.of(
            "processes/it-wb-parse.bpmn",
            pathway("it-wb-parse", "jgz", "it-wb-parse-form", false),
            "forms/it-wb-parse.form",
            form("it-wb-parse-form", "Notitie")));
    TestSession coordinator = session(COORDINATOR, "processes/it-wb-parse.bpmn");
    String broken =
        pathway("it-wb-parse", "jgz", "it-wb-parse-form", false)
            .replace("targetRef=\"End\"", "targetRef=\"Nergens\"");

    HttpResponse<String> response =
        post(
            coordinator,
            "/modeling/api/validate",
            submission(Map.of("processes/it-wb-parse.bpmn", broken)));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode issues = JSON.readTree(response.body()).path("issues");
    assertThat(issues.findValuesAsText("message"))
        .anyMatch(message -> message.startsWith("De procesengine weigert dit model"));
  }

  @Test
  void caregiversCannotDeployThroughTheWorkbench() throws Exception {
    HttpResponse<String> page = http.get("/modeling", MIDWIFE);
    assertThat(page.statusCode()).isEqualTo(403);
    // even with a valid session and CSRF token of her own, the API refuses
    TestSession midwife = session(MIDWIFE, null);
    HttpResponse<String> response =
        post(
            midwife,
            "/modeling/api/deploy",
            submission(
                Map.of(
                    "processes/it-wb-midwife.bpmn", pathway("it-wb-midwife", "jgz", "x", false))));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("it-wb-midwife")
                .count())
        .isZero();
  }

  @Test
  void theEngineDecidesWhoDeploysNotOnlyTheController() {
    String form = form("it-wb-engine-form", "Notitie");
    EngineUser midwife = EngineUser.of("demo-verloskundige", identityService);

    assertThatThrownBy(
            () ->
                deployer.deploy(
                    Map.of(
                        "processes/it-wb-engine.bpmn",
                        pathway("it-wb-engine", "jgz", "it-wb-engine-form", false).getBytes(),
                        "forms/it-wb-engine.form",
                        form.getBytes()),
                    null,
                    midwife))
        .isInstanceOf(AccessDeniedException.class)
        .hasCauseInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
        .hasMessageContaining("CREATE")
        .hasMessageContaining("Deployment");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("it-wb-engine")
                .count())
        .isZero();

    EngineUser coordinator = EngineUser.of("demo-coordinator", identityService);
    WorkbenchDeployer.Result result =
        deployer.deploy(
            Map.of(
                "processes/it-wb-engine.bpmn",
                pathway("it-wb-engine", "jgz", "it-wb-engine-form", false).getBytes(),
                "forms/it-wb-engine.form",
                form.getBytes()),
            null,
            coordinator);
    assertThat(result.deployed()).isTrue();
  }

  @Test
  void onlyChangedFilesBecomeANewVersion() throws Exception {
    String bpmn = pathway("it-wb-changed", "jgz", "it-wb-changed-form", false);
    deployPackaged(
        Map.of(
            "processes/it-wb-changed.bpmn",
            bpmn,
            "forms/it-wb-changed.form",
            form("it-wb-changed-form", "Notitie")));
    TestSession coordinator = session(COORDINATOR, "processes/it-wb-changed.bpmn");

    HttpResponse<String> response =
        post(
            coordinator,
            "/modeling/api/deploy",
            submission(
                Map.of(
                    "processes/it-wb-changed.bpmn",
                    bpmn,
                    "forms/it-wb-changed.form",
                    form("it-wb-changed-form", "Aantekening"))));

    JsonNode result = JSON.readTree(response.body());
    assertThat(result.path("changed").findValuesAsText("")).isEmpty();
    assertThat(JSON.convertValue(result.path("changed"), List.class))
        .containsExactly("forms/it-wb-changed.form");
    assertThat(JSON.convertValue(result.path("unchanged"), List.class))
        .containsExactly("processes/it-wb-changed.bpmn");
    assertThat(repositoryService.getDeploymentResourceNames(result.path("deploymentId").asText()))
        .containsExactly("forms/it-wb-changed.form");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("it-wb-changed")
                .count())
        .isEqualTo(1);

    // nothing changed at all: nothing is deployed
    HttpResponse<String> again =
        post(
            coordinator,
            "/modeling/api/deploy",
            submission(Map.of("processes/it-wb-changed.bpmn", bpmn)));
    assertThat(JSON.readTree(again.body()).path("deployed").asBoolean()).isFalse();
    // issue 15: refused as "Geen wijzigingen", also when the editor wrote it differently
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(again.body()).path("message").asText()).startsWith("Geen wijzigingen");
    String rewritten =
        bpmn.replace("\n", "\n  ")
            .replace(
                " isExecutable=\"true\"",
                " isExecutable=\"true\" camunda:isStartableInTasklist=\"true\"");
    HttpResponse<String> rewrittenAgain =
        post(
            coordinator,
            "/modeling/api/deploy",
            submission(Map.of("processes/it-wb-changed.bpmn", rewritten)));
    assertThat(rewrittenAgain.statusCode()).isEqualTo(409);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("it-wb-changed")
                .count())
        .isEqualTo(1);
  }

  @Test
  void rollbackDeploysAnEarlierVersionAgainAsTheNewest() throws Exception {
    String v1 = pathway("it-wb-rollback", "jgz", "it-wb-rollback-form", false);
    deployPackaged(
        Map.of(
            "processes/it-wb-rollback.bpmn",
            v1,
            "forms/it-wb-rollback.form",
            form("it-wb-rollback-form", "Notitie")));
    String firstDeployment =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-wb-rollback")
            .singleResult()
            .getDeploymentId();
    TestSession coordinator = session(COORDINATOR, "processes/it-wb-rollback.bpmn");
    post(
        coordinator,
        "/modeling/api/deploy",
        submission(
            Map.of(
                "processes/it-wb-rollback.bpmn",
                pathway("it-wb-rollback", "kraamzorg", "it-wb-rollback-form", true))));

    HttpResponse<String> response =
        postForm(
            coordinator,
            "/modeling/rollback",
            Map.of(
                "name",
                "processes/it-wb-rollback.bpmn",
                "tenant",
                "",
                "deployment",
                firstDeployment));

    assertThat(response.statusCode()).isEqualTo(302);
    ProcessDefinition latest =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-wb-rollback")
            .latestVersion()
            .singleResult();
    assertThat(latest.getVersion()).isEqualTo(3);
    assertThat(
            new String(
                repositoryService
                    .getResourceAsStream(latest.getDeploymentId(), "processes/it-wb-rollback.bpmn")
                    .readAllBytes(),
                StandardCharsets.UTF_8))
        .isEqualTo(v1);
    HttpResponse<String> diff =
        http.get(
            "/modeling/history?name="
                + enc("processes/it-wb-rollback.bpmn")
                + "&from="
                + firstDeployment
                + "&to="
                + repositoryService
                    .createProcessDefinitionQuery()
                    .processDefinitionKey("it-wb-rollback")
                    .processDefinitionVersion(2)
                    .singleResult()
                    .getDeploymentId(),
            COORDINATOR);
    assertThat(diff.body())
        .contains("Toegevoegd")
        .contains("Task_Second")
        .contains("Gewijzigd")
        .contains("Task_First")
        // in Dutch terms (issue 15): the kind of element, not its BPMN type
        .contains("<td>taak</td>")
        .doesNotContain("<code>userTask</code>");
  }

  @Test
  void runningCasesMoveToTheNewVersionWhereTheEngineAllowsIt() throws Exception {
    // v1: first step, second step
    deployPackaged(
        Map.of(
            "processes/it-wb-migrate.bpmn",
            pathway("it-wb-migrate", "verloskundige", "it-wb-migrate-form", true),
            "forms/it-wb-migrate.form",
            form("it-wb-migrate-form", "Notitie")));
    ProcessDefinition v1 =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-wb-migrate")
            .singleResult();
    ProcessInstance atFirst = runtimeService.startProcessInstanceById(v1.getId(), "CASE-M-1");
    ProcessInstance atSecond = runtimeService.startProcessInstanceById(v1.getId(), "CASE-M-2");
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(atSecond.getId()).singleResult().getId());
    // v2: the second step is gone (kraamzorg takes the first step)
    TestSession coordinator = session(COORDINATOR, "processes/it-wb-migrate.bpmn");
    post(
        coordinator,
        "/modeling/api/deploy",
        submission(
            Map.of(
                "processes/it-wb-migrate.bpmn",
                pathway("it-wb-migrate", "kraamzorg", "it-wb-migrate-form", false))));
    ProcessDefinition v2 =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-wb-migrate")
            .processDefinitionVersion(2)
            .singleResult();

    HttpResponse<String> preview =
        http.get("/modeling/migration?source=" + v1.getId() + "&target=" + v2.getId(), COORDINATOR);

    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("2 lopende casussen, waarvan 1 mee kunnen.")
        .contains("CASE-M-1")
        .contains("CASE-M-2")
        .contains(
            "De casus staat in stap &#39;Tweede stap&#39;, die in versie 2 niet meer"
                + " (zo) bestaat.");
    // issue 15: only newer versions are offered ("versie 1 → versie 1" moved nothing)
    assertThat(preview.body())
        .contains("value=\"" + v2.getId() + "\"")
        .doesNotContain("<option value=\"" + v1.getId() + "\"");
    HttpResponse<String> fromNewest =
        http.get("/modeling/migration?source=" + v2.getId(), COORDINATOR);
    assertThat(fromNewest.statusCode()).isEqualTo(200);
    assertThat(fromNewest.body())
        .contains("id=\"no-newer-version\"")
        .contains("Er is geen nieuwere versie dan versie 2")
        .doesNotContain("id=\"btn-migrate\"");
    // the preview tried each case and rolled back: both still on version 1
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(v1.getId()).count())
        .isEqualTo(2);

    HttpResponse<String> start =
        postForm(
            coordinator,
            "/modeling/migration",
            Map.of("source", v1.getId(), "target", v2.getId(), "case", atFirst.getId()));
    assertThat(start.statusCode()).isEqualTo(302);
    String batchId =
        start
            .headers()
            .firstValue("Location")
            .orElseThrow()
            .replaceAll(".*/modeling/migration/", "");
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    assertThat(batch.getCreateUserId()).isEqualTo("demo-coordinator");
    executeBatch(batch);

    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(atFirst.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(v2.getId());
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceId(atSecond.getId())
                .singleResult()
                .getProcessDefinitionId())
        .isEqualTo(v1.getId());
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceId(atFirst.getId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo("Task_First");
    HttpResponse<String> report = http.get("/modeling/migration/" + batchId, COORDINATOR);
    assertThat(report.body())
        .contains("Klaar.")
        .contains("CASE-M-1")
        .contains("Meegenomen naar versie 2")
        .doesNotContain("CASE-M-2");
    // the case goes on on the new version
    taskService.complete(
        taskService.createTaskQuery().processInstanceId(atFirst.getId()).singleResult().getId());
    assertThat(
            runtimeService.createProcessInstanceQuery().processInstanceId(atFirst.getId()).count())
        .isZero();
  }

  @Test
  void caregiversCannotMigrate() {
    assertThat(http.get("/modeling/migration?source=x", MIDWIFE).statusCode()).isEqualTo(403);
  }

  /** The job executor is off in tests: run seed, migration and monitor jobs by hand. */
  private void executeBatch(Batch batch) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs =
          managementService.createJobQuery().list().stream()
              // the engine's history cleanup job (decision 0004) has no job definition
              .filter(job -> job.getJobDefinitionId() != null)
              .filter(
                  job ->
                      List.of(
                              batch.getSeedJobDefinitionId(),
                              batch.getBatchJobDefinitionId(),
                              batch.getMonitorJobDefinitionId())
                          .contains(job.getJobDefinitionId()))
              .toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
  }
}
