package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Zorgpad's security rules (docs/architecture.md) against the running application: authentication everywhere,
 * need-to-know through engine authorizations, and both known Camunda 7.24.0 CE attacks refused.
 */
@ZorgpadIntegrationTest
class SecurityIT {

  private static final String MIDWIFE = "demo-verloskundige:demo";
  private static final String JGZ = "demo-jgz:demo";
  private static final String COORDINATOR = "demo-coordinator:demo";
  private static final String AUDITOR = "demo-auditor:demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;
  @Autowired IdentityInitializer identityInitializer;
  @Autowired AdminProperties admin;

  Http http;
  ProcessInstance midwifeCase;
  ProcessInstance jgzCase;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-visibility")
            .count()
        == 0) {
      BpmnModelInstance model =
          Bpmn.createExecutableProcess("it-visibility")
              .camundaHistoryTimeToLive(1)
              .startEvent()
              .exclusiveGateway()
              .condition("midwife", "${to == 'verloskundige'}")
              .userTask("Task_Midwife")
              .camundaCandidateGroups("verloskundige")
              .endEvent()
              .moveToLastGateway()
              .condition("jgz", "${to == 'jgz'}")
              .userTask("Task_Jgz")
              .camundaCandidateGroups("jgz")
              .endEvent()
              .done();
      repositoryService.createDeployment().addModelInstance("it-visibility.bpmn", model).deploy();
    }
    midwifeCase =
        runtimeService.startProcessInstanceByKey(
            "it-visibility", java.util.Map.of("to", "verloskundige"));
    jgzCase =
        runtimeService.startProcessInstanceByKey("it-visibility", java.util.Map.of("to", "jgz"));
  }

  @Test
  void restApiRequiresAuthentication() {
    HttpResponse<String> anonymous = http.get("/engine-rest/task", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    assertThat(http.get("/engine-rest/task", "demo-verloskundige:wrong").statusCode())
        .isEqualTo(401);
    assertThat(http.get("/engine-rest/process-definition", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task", MIDWIFE).statusCode()).isEqualTo(200);
  }

  @Test
  void caregiverSeesOnlyTheTasksOfHerDiscipline() throws Exception {
    List<String> midwifeTasks = processInstanceIds(http.get("/engine-rest/task", MIDWIFE));
    assertThat(midwifeTasks).contains(midwifeCase.getId()).doesNotContain(jgzCase.getId());
    List<String> jgzTasks = processInstanceIds(http.get("/engine-rest/task", JGZ));
    assertThat(jgzTasks).contains(jgzCase.getId()).doesNotContain(midwifeCase.getId());
  }

  @Test
  void caregiverSeesOnlyTheProcessInstancesOfHerTasks() throws Exception {
    List<String> visible = ids(http.get("/engine-rest/process-instance", MIDWIFE));
    assertThat(visible).contains(midwifeCase.getId()).doesNotContain(jgzCase.getId());
    // not visible at all: the engine does not even confirm that the instance exists
    assertThat(http.get("/engine-rest/process-instance/" + jgzCase.getId(), MIDWIFE).statusCode())
        .isEqualTo(404);
  }

  @Test
  void caregiverCannotReadHistoryButAuditorCan() throws Exception {
    assertThat(ids(http.get("/engine-rest/history/process-instance", MIDWIFE))).isEmpty();
    assertThat(ids(http.get("/engine-rest/history/process-instance", AUDITOR)))
        .contains(midwifeCase.getId(), jgzCase.getId());
  }

  @Test
  void caregiverCannotCompleteAnotherDisciplinesTask() {
    String jgzTask = runtimeTaskId(jgzCase);
    HttpResponse<String> response =
        http.postJson("/engine-rest/task/" + jgzTask + "/complete", MIDWIFE, "{}");
    assertThat(response.statusCode()).isIn(403, 404);
    assertThat(
            http.postJson("/engine-rest/task/" + jgzTask + "/complete", AUDITOR, "{}").statusCode())
        .isIn(403, 404);
    assertThat(http.postJson("/engine-rest/task/" + jgzTask + "/complete", JGZ, "{}").statusCode())
        .isEqualTo(204);
  }

  @Test
  void onlyCoordinatorsDeploy() {
    assertThat(deploy(MIDWIFE).statusCode()).isEqualTo(403);
    assertThat(deploy(AUDITOR).statusCode()).isEqualTo(403);
    assertThat(deploy(COORDINATOR).statusCode()).isEqualTo(200);
  }

  // --- known attack 2: expressions in task queries, also hidden in orQueries ---

  @Test
  void expressionInTaskQueryUrlIsRefused() {
    assertRefused(http.get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", MIDWIFE));
    assertRefused(
        http.get("/engine-rest/task/count?candidateGroupsExpression=%23%7Bx%7D", MIDWIFE));
    // double-encoded
    assertRefused(http.get("/engine-rest/task?assigneeExpression=%2524%257Bx%257D", MIDWIFE));
    // the webapps' copy of the REST API
    assertRefused(
        http.get("/camunda/api/engine/engine/default/task?assigneeExpression=%24%7Bx%7D", MIDWIFE));
  }

  @Test
  void expressionNestedInOrQueriesIsRefused() {
    String attack =
        "{\"orQueries\":[{\"assigneeExpression\":"
            + "\"${''.getClass().forName('java.lang.Runtime')}\"}]}";
    assertRefused(http.postJson("/engine-rest/task", MIDWIFE, attack));
    assertRefused(http.postJson("/engine-rest/task/count", MIDWIFE, attack));
    // hidden behind a JSON unicode escape and nested deeper
    assertRefused(
        http.postJson(
            "/engine-rest/task",
            MIDWIFE,
            "{\"orQueries\":[{\"orQueries\":[{\"nameLike\":\"\\u0024{1+1}\"}]}]}"));
    assertRefused(
        http.postJson(
            "/engine-rest/task",
            MIDWIFE,
            "{\"orQueries\":[{\"dueDateExpression\":\"#{now()}\"}]}"));
    // the same query without expression is fine
    assertThat(
            http.postJson(
                    "/engine-rest/task",
                    MIDWIFE,
                    "{\"orQueries\":[{\"assignee\":\"demo-verloskundige\"}]}")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void expressionInFilterInputIsRefused() throws Exception {
    String filterId =
        JSON.readTree(http.get("/engine-rest/filter?name=Mijn%20taken", MIDWIFE).body())
            .get(0)
            .get("id")
            .asText();
    assertRefused(
        http.postJson(
            "/engine-rest/filter/" + filterId + "/list",
            MIDWIFE,
            "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}"));
    assertRefused(
        http.postJson(
            "/engine-rest/filter/" + filterId + "/count",
            MIDWIFE,
            "{\"candidateGroupExpression\":\"${x}\"}"));
    // storing a filter with an expression, even as administrator
    String adminUser = admin.user() + ":demo-admin";
    assertRefused(
        http.postJson(
            "/engine-rest/filter/create",
            adminUser,
            "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":{\"assigneeExpression\":\"${x}\"}}"));
    assertRefused(
        http.putJson(
            "/engine-rest/filter/" + filterId,
            adminUser,
            "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":"
                + "{\"orQueries\":[{\"assigneeExpression\":\"${x}\"}]}}"));
    // the pre-made filter itself (stored with ${currentUser()} through the Java API) still works
    assertThat(
            http.postJson("/engine-rest/filter/" + filterId + "/list", MIDWIFE, "{}").statusCode())
        .isEqualTo(200);
  }

  // --- known attack 1: the admin setup endpoint ---

  @Test
  void adminSetupEndpointIsRefusedInAnyCase() {
    String body =
        "{\"profile\":{\"id\":\"attacker\",\"firstName\":\"a\",\"lastName\":\"b\"},"
            + "\"credentials\":{\"password\":\"attacker1\"}}";
    HttpResponse<String> anonymous =
        http.send(
            http.builder("/camunda/api/admin/setup/default/user/create", null)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(anonymous.statusCode()).isIn(401, 403);
    HttpResponse<String> authenticated =
        http.send(
            http.builder("/camunda/api/admin/setup/default/user/create", MIDWIFE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertThat(authenticated.statusCode()).isEqualTo(403);
    assertThat(identityService.createUserQuery().userId("attacker").count()).isZero();
  }

  @Test
  void anAdministratorIsAlwaysADirectMemberOfCamundaAdmin() {
    assertThat(identityService.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count())
        .isPositive();
    // even when someone removed the membership, the next start restores it
    identityService.deleteMembership(admin.user(), Groups.CAMUNDA_ADMIN);
    identityInitializer.ensureGroupsAndAdmin();
    assertThat(
            identityService
                .createUserQuery()
                .userId(admin.user())
                .memberOfGroup(Groups.CAMUNDA_ADMIN)
                .count())
        .isEqualTo(1);
  }

  @Test
  void onlyHealthAndLoginArePublic() {
    HttpResponse<String> health = http.get("/actuator/health", null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
    assertThat(http.get("/actuator/env", null).statusCode()).isIn(401, 404);
    assertThat(http.get("/login", null).statusCode()).isEqualTo(200);
    HttpResponse<String> home = http.get("/", null);
    assertThat(home.statusCode()).isEqualTo(302);
    assertThat(home.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    assertThat(http.get("/camunda/app/tasklist/default/", null).statusCode()).isEqualTo(302);
    assertThat(http.get("/camunda/api/engine/engine/default/task", null).statusCode())
        .isEqualTo(401);
  }

  private HttpResponse<String> deploy(String user) {
    String boundary = "zorgpad-it-boundary";
    String bpmn =
        Bpmn.convertToString(
            Bpmn.createExecutableProcess(
                    "it-deploy-" + user.substring(0, user.indexOf(':')).replace("demo-", ""))
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .endEvent()
                .done());
    String body =
        "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nit\r\n"
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"data\"; filename=\"it.bpmn\"\r\n"
            + "Content-Type: application/octet-stream\r\n\r\n"
            + bpmn
            + "\r\n"
            + "--"
            + boundary
            + "--\r\n";
    return http.send(
        http.builder("/engine-rest/deployment/create", user)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    // the Dutch text as message and userMessage, a stable code, no class name (the English
    // text is in the log)
    assertThat(response.body())
        .contains("niet toegestaan")
        .contains("expression-not-allowed")
        .doesNotContain("Exception");
  }

  private String runtimeTaskId(ProcessInstance instance) {
    return org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine()
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance.getId())
        .singleResult()
        .getId();
  }

  private static List<String> processInstanceIds(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : JSON.readTree(response.body())) {
      ids.add(task.get("processInstanceId").asText());
    }
    return ids;
  }

  private static List<String> ids(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode node : JSON.readTree(response.body())) {
      ids.add(node.get("id").asText());
    }
    return ids;
  }
}
