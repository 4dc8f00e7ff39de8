package nl.zorgpad.coalition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.demo.DemoUsers;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Coalition variants end to end over real HTTP (decision 0005), with the demo coalitions
 * Dordrecht and Zeist: Dordrecht's coordinator publishes its own main pathway and consent form
 * through the workbench; a Dordrecht midwife's signal starts that variant, a Zeist midwife's and
 * the shared installation's start the shared one; Zeist does not see Dordrecht's tasks through
 * {@code /engine-rest}; a coordinator cannot publish for a coalition that is not hers.
 */
@ZorgpadIntegrationTest
class CoalitionVariantIT {

  static final String MAIN = "zorgpad-kwetsbare-zwangerschap";
  static final String MAIN_FILE = "processes/" + MAIN + ".bpmn";
  static final String CONSENT_FORM = "forms/zorgpad-toestemming-vragen.form";
  static final String DORDRECHT = DemoUsers.DORDRECHT;
  static final String ZEIST = DemoUsers.ZEIST;
  static final String COORDINATOR_DORDRECHT = "demo-coordinator-dordrecht:demo";
  static final String COORDINATOR_ZEIST = "demo-coordinator-zeist:demo";
  static final String CENTRAL_COORDINATOR = "demo-coordinator:demo";
  static final String MIDWIFE_DORDRECHT = "demo-verloskundige-dordrecht:demo";
  static final String MIDWIFE_ZEIST = "demo-verloskundige-zeist:demo";
  static final String MIDWIFE_SHARED = "demo-verloskundige:demo";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  /** The coalitions' own deployments go again: other tests share this application. */
  @AfterEach
  void removeCoalitionDeployments() {
    for (Deployment deployment :
        repositoryService.createDeploymentQuery().tenantIdIn(DORDRECHT, ZEIST).list()) {
      repositoryService.deleteDeployment(deployment.getId(), true, true);
    }
  }

  @Test
  void aCoalitionsVariantIsStartedByItsCaregiversOnlyAndItsTasksStayWithinTheCoalition()
      throws Exception {
    String dordrechtForm =
        packaged(CONSENT_FORM)
            .replace("Geeft de cliënt toestemming?", "Geeft de cliënt toestemming (Dordrecht)?");
    HttpResponse<String> deployed =
        deploy(
            COORDINATOR_DORDRECHT,
            DORDRECHT,
            Map.of(MAIN_FILE, dordrechtMainPathway(), CONSENT_FORM, dordrechtForm));
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    assertThat(JSON.readTree(deployed.body()).path("deployed").asBoolean()).isTrue();
    ProcessDefinition variant =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN)
            .tenantIdIn(DORDRECHT)
            .latestVersion()
            .singleResult();
    ProcessDefinition shared =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    assertThat(variant.getName()).isEqualTo("Zorgpad kwetsbare zwangerschap Dordrecht");

    String dordrechtCase = signal(MIDWIFE_DORDRECHT);
    ProcessInstance dordrecht = instance(dordrechtCase);
    ProcessInstance zeist = instance(signal(MIDWIFE_ZEIST));
    ProcessInstance sharedCase = instance(signal(MIDWIFE_SHARED));

    assertThat(dordrecht.getProcessDefinitionId()).isEqualTo(variant.getId());
    assertThat(dordrecht.getTenantId()).isEqualTo(DORDRECHT);
    assertThat(zeist.getProcessDefinitionId()).isEqualTo(shared.getId());
    assertThat(zeist.getTenantId()).isEqualTo(ZEIST);
    assertThat(sharedCase.getProcessDefinitionId()).isEqualTo(shared.getId());
    assertThat(sharedCase.getTenantId()).isNull();

    // the consent step (shared) runs as part of the Dordrecht case, with Dordrecht's form
    Task dordrechtTask = consentTask(dordrecht);
    Task zeistTask = consentTask(zeist);
    assertThat(dordrechtTask.getTenantId()).isEqualTo(DORDRECHT);
    HttpResponse<String> dordrechtFormSeen =
        http.get(
            "/engine-rest/task/" + dordrechtTask.getId() + "/deployed-form", MIDWIFE_DORDRECHT);
    assertThat(dordrechtFormSeen.statusCode()).as(dordrechtFormSeen.body()).isEqualTo(200);
    assertThat(dordrechtFormSeen.body()).contains("toestemming (Dordrecht)?");
    HttpResponse<String> zeistFormSeen =
        http.get("/engine-rest/task/" + zeistTask.getId() + "/deployed-form", MIDWIFE_ZEIST);
    assertThat(zeistFormSeen.statusCode()).as(zeistFormSeen.body()).isEqualTo(200);
    assertThat(zeistFormSeen.body())
        .contains("Geeft de cliënt toestemming?")
        .doesNotContain("Dordrecht");

    // Zeist's midwife (same discipline) does not see Dordrecht's task; Dordrecht's does
    assertThat(taskIds(MIDWIFE_ZEIST))
        .contains(zeistTask.getId())
        .doesNotContain(dordrechtTask.getId());
    assertThat(taskIds(MIDWIFE_DORDRECHT))
        .contains(dordrechtTask.getId())
        .doesNotContain(zeistTask.getId());
    assertThat(http.get("/engine-rest/task/" + dordrechtTask.getId(), MIDWIFE_ZEIST).statusCode())
        .isEqualTo(404);
    // nor Dordrecht's case in Zorgpad's own pages, though her discipline holds its open task
    assertThat(http.get("/casus/" + dordrechtCase, MIDWIFE_DORDRECHT).statusCode()).isEqualTo(200);
    // — for her the case does not exist: 404 as for an unknown number, no noodprocedure offer
    HttpResponse<String> zeistCasePage = http.get("/casus/" + dordrechtCase, MIDWIFE_ZEIST);
    assertThat(zeistCasePage.statusCode()).isEqualTo(404);
    assertThat(zeistCasePage.body())
        .doesNotContain("DR-0815")
        .doesNotContain("noodtoegang")
        .doesNotContain("Geen toegang tot deze casus");
    // nor through the case API: for her the case does not exist (404, as an unknown number)
    HttpResponse<String> zeistEnds =
        http.postJson(
            "/api/cases/" + dordrechtCase + "/end", MIDWIFE_ZEIST, "{\"endReason\":\"verhuisd\"}");
    assertThat(zeistEnds.statusCode()).as(zeistEnds.body()).isEqualTo(404);
    assertThat(zeistEnds.body()).contains("unknown-case");
    assertThat(instance(dordrechtCase)).as("the case goes on").isNotNull();
    // nor Dordrecht's pathway version in the workbench
    assertThat(http.get("/modeling", COORDINATOR_ZEIST).body()).doesNotContain(DORDRECHT);
    assertThat(http.get("/modeling", COORDINATOR_DORDRECHT).body()).contains(DORDRECHT);
  }

  @Test
  void theDemoCoalitionsCaregiversWorkInTheirOwnTownsTeams() {
    assertThat(groupsOf("demo-jgz-dordrecht"))
        .contains("jgz", "jgz-dordrecht")
        .doesNotContain("jgz-utrecht-west");
    assertThat(groupsOf("demo-verloskundige-dordrecht")).contains("verloskundige-dordrecht");
    assertThat(groupsOf("demo-verloskundige-zeist")).contains("verloskundige-zeist");
    assertThat(identityService.createTenantQuery().userMember("demo-jgz-dordrecht").list())
        .extracting(org.camunda.bpm.engine.identity.Tenant::getId)
        .containsExactly(DORDRECHT);
  }

  private java.util.List<String> groupsOf(String user) {
    return identityService.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId)
        .toList();
  }

  @Test
  void aCoordinatorCannotPublishForACoalitionThatIsNotHers() throws Exception {
    HttpResponse<String> zeistForDordrecht =
        deploy(COORDINATOR_ZEIST, DORDRECHT, Map.of(MAIN_FILE, dordrechtMainPathway()));
    HttpResponse<String> centralForDordrecht =
        deploy(CENTRAL_COORDINATOR, DORDRECHT, Map.of(MAIN_FILE, dordrechtMainPathway()));
    HttpResponse<String> dordrechtForShared =
        deploy(COORDINATOR_DORDRECHT, null, Map.of(MAIN_FILE, dordrechtMainPathway()));

    assertThat(zeistForDordrecht.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(zeistForDordrecht.body()).path("message").asText())
        .isEqualTo(
            "U kunt niet publiceren voor coalitie "
                + DORDRECHT
                + ": u bent daar geen coördinator.");
    assertThat(centralForDordrecht.statusCode()).isEqualTo(403);
    assertThat(dordrechtForShared.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(dordrechtForShared.body()).path("message").asText())
        .contains("De gedeelde zorgpaden beheert de centrale coördinator");
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(MAIN)
                .tenantIdIn(DORDRECHT)
                .count())
        .isZero();
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey(MAIN)
                .withoutTenantId()
                .count())
        .isEqualTo(1);

    // and the engine refuses it too, past Zorgpad's own check (tenant membership)
    identityService.setAuthentication(
        "demo-coordinator-zeist", List.of("coordinator"), List.of(ZEIST));
    try {
      assertThatThrownBy(
              () ->
                  repositoryService
                      .createDeployment()
                      .name("zorgpad")
                      .tenantId(DORDRECHT)
                      .addString(MAIN_FILE, dordrechtMainPathway())
                      .deploy())
          .isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining(DORDRECHT);
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theTasklistStartOfTheSharedPathwayIsRefusedWhenTheCoalitionHasItsOwn() throws Exception {
    assertThat(
            deploy(COORDINATOR_DORDRECHT, DORDRECHT, Map.of(MAIN_FILE, dordrechtMainPathway()))
                .statusCode())
        .isEqualTo(200);
    ProcessDefinition shared =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    long before =
        runtimeService.createProcessInstanceQuery().processDefinitionId(shared.getId()).count();

    // as the Tasklist submits the start form
    HttpResponse<String> response =
        http.postJson(
            "/engine-rest/process-definition/" + shared.getId() + "/submit-form",
            MIDWIFE_DORDRECHT,
            startFormVariables());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    // the Tasklist shows the message as it is: the Dutch text only (issue 10)
    assertThat(JSON.readTree(response.body()).path("message").asText())
        .startsWith("Uw coalitie (" + DORDRECHT + ") heeft een eigen versie van dit zorgpad");
    // the REST start answers the same refusal with 400 too (it was a 500)
    HttpResponse<String> start =
        http.postJson(
            "/engine-rest/process-definition/" + shared.getId() + "/start",
            MIDWIFE_DORDRECHT,
            startFormVariables());
    assertThat(start.statusCode()).as(start.body()).isEqualTo(400);
    assertThat(JSON.readTree(start.body()).path("code").asInt())
        .isEqualTo(OwnVariantExistsException.CODE);
    assertThat(
            runtimeService.createProcessInstanceQuery().processDefinitionId(shared.getId()).count())
        .isEqualTo(before);
  }

  @Test
  void aCoordinatorMovesOnlyHerCoalitionsCasesAndOnlyToHerCoalitionsOrASharedVersion()
      throws Exception {
    ProcessDefinition shared =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    // both cases run the shared pathway: one of Dordrecht, one of the shared installation
    String dordrechtCase = signal(MIDWIFE_DORDRECHT);
    String sharedCase = signal(MIDWIFE_SHARED);
    assertThat(
            deploy(COORDINATOR_DORDRECHT, DORDRECHT, Map.of(MAIN_FILE, dordrechtMainPathway()))
                .statusCode())
        .isEqualTo(200);
    ProcessDefinition variant =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN)
            .tenantIdIn(DORDRECHT)
            .latestVersion()
            .singleResult();

    HttpResponse<String> dordrechtPreview =
        http.get(
            "/modeling/migration?source=" + shared.getId() + "&target=" + variant.getId(),
            COORDINATOR_DORDRECHT);
    HttpResponse<String> centralPreview =
        http.get("/modeling/migration?source=" + shared.getId(), CENTRAL_COORDINATOR);
    HttpResponse<String> centralToDordrecht =
        http.get(
            "/modeling/migration?source=" + shared.getId() + "&target=" + variant.getId(),
            CENTRAL_COORDINATOR);

    assertThat(dordrechtPreview.statusCode()).isEqualTo(200);
    assertThat(dordrechtPreview.body())
        .contains(dordrechtCase)
        .doesNotContain(sharedCase)
        .contains("versie " + variant.getVersion() + " – " + DORDRECHT);
    assertThat(centralPreview.statusCode()).isEqualTo(200);
    // the shared pathway has no newer shared version: nothing to move to (issue 15: migration
    // offers only newer versions), and Dordrecht's variant is never offered to her
    assertThat(centralPreview.body())
        .contains("Er is geen nieuwere versie")
        .doesNotContain(dordrechtCase)
        .doesNotContain(DORDRECHT);
    assertThat(centralToDordrecht.statusCode()).isEqualTo(404);

    // the shared installation's case cannot be moved by Dordrecht's coordinator
    String sharedInstance = instance(sharedCase).getId();
    TestSession dordrechtCoordinator = TestSession.of(port, COORDINATOR_DORDRECHT);
    HttpResponse<String> refused =
        dordrechtCoordinator.postForm(
            "/modeling/migration",
            "/",
            TestSession.fields(
                "source", shared.getId(), "target", variant.getId(), "case", sharedInstance));
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("hoort bij een andere coalitie");
    assertThat(instance(sharedCase).getProcessDefinitionId()).isEqualTo(shared.getId());

    // her own case she moves; its report is hers, not another coalition's coordinator's
    HttpResponse<String> started =
        dordrechtCoordinator.postForm(
            "/modeling/migration",
            "/",
            TestSession.fields(
                "source",
                shared.getId(),
                "target",
                variant.getId(),
                "case",
                instance(dordrechtCase).getId()));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(302);
    String report =
        java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
    assertThat(report).startsWith("/modeling/migration/");
    assertThat(http.get(report, COORDINATOR_DORDRECHT).body()).contains(dordrechtCase);
    assertThat(http.get(report, COORDINATOR_ZEIST).statusCode()).isEqualTo(404);
    assertThat(http.get(report, CENTRAL_COORDINATOR).statusCode()).isEqualTo(404);
  }

  // --- helpers -------------------------------------------------------------------------------

  static String dordrechtMainPathway() {
    String main = packaged(MAIN_FILE);
    assertThat(main).contains("name=\"Zorgpad kwetsbare zwangerschap\"");
    return main.replace(
        "name=\"Zorgpad kwetsbare zwangerschap\"",
        "name=\"Zorgpad kwetsbare zwangerschap Dordrecht\"");
  }

  static String packaged(String name) {
    try (InputStream in = CoalitionVariantIT.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Through the workbench's API, with a session and its CSRF token, as the editor does. */
  HttpResponse<String> deploy(String user, String coalition, Map<String, String> files)
      throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "resources",
        files.entrySet().stream()
            .map(e -> Map.of("name", e.getKey(), "content", e.getValue()))
            .toList());
    body.put("tenantId", coalition);
    return TestSession.of(port, user)
        .json("POST", "/modeling/api/deploy", "/", JSON.writeValueAsString(body));
  }

  String signal(String user) throws Exception {
    LocalDate dueDate = LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20);
    HttpResponse<String> response =
        http.postJson(
            "/api/signals",
            user,
            """
        {"clientReference": "DR-0815", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(dueDate));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("caseNumber").asText();
  }

  String startFormVariables() {
    LocalDate dueDate = LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20);
    return """
        {"variables": {
          "clientReference": {"value": "DR-0816", "type": "String"},
          "dueDate": {"value": "%s", "type": "String"},
          "gestationalAgeWeeks": {"value": 20, "type": "Long"},
          "riskDomains": {"value": "[\\"huisvesting\\"]", "type": "Json"},
          "signallingDiscipline": {"value": "verloskundige", "type": "String"}}}
        """
        .formatted(dueDate);
  }

  ProcessInstance instance(String caseNumber) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(MAIN)
        .singleResult();
  }

  Task consentTask(ProcessInstance pathway) {
    ProcessInstance consent =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(pathway.getId())
            .singleResult();
    return taskService
        .createTaskQuery()
        .processInstanceId(consent.getId())
        .taskDefinitionKey("Task_AskConsent")
        .singleResult();
  }

  List<String> taskIds(String user) throws Exception {
    HttpResponse<String> response = http.get("/engine-rest/task?maxResults=500", user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body()).findValuesAsText("id");
  }
}
