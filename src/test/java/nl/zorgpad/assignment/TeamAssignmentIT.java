package nl.zorgpad.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Team assignment in the running application with the demo sociale kaart: a JGZ task of a case
 * in Lombok lands with {@code jgz-utrecht-west} and only that team sees it; a case in an unknown
 * neighbourhood lands with {@code jgz} plus a Dutch warning on the task; the regiehouder can
 * move it.
 */
@ZorgpadIntegrationTest
class TeamAssignmentIT {

  static final String JGZ_UTRECHT = "demo-jgz:demo";
  static final String JGZ_AMERSFOORT_USER = "it-jgz-amersfoort";
  static final String JGZ_AMERSFOORT = JGZ_AMERSFOORT_USER + ":it-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired TaskReassignment reassignment;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-assignment")
            .count()
        == 0) {
      repositoryService
          .createDeployment()
          .addModelInstance(
              "it-assignment.bpmn",
              Bpmn.createExecutableProcess("it-assignment")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_HomeVisit")
                  .name("Prenataal huisbezoek")
                  .camundaCandidateGroups("jgz")
                  .documentation("Plan het huisbezoek binnen twee weken.")
                  .endEvent()
                  .done())
          .addModelInstance(
              "it-assignment-expression.bpmn",
              Bpmn.createExecutableProcess("it-assignment-expression")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask("Task_Any")
                  .camundaCandidateGroups("${discipline}, coordinator")
                  .endEvent()
                  .done())
          .addModelInstance(
              "it-assignment-parent.bpmn",
              Bpmn.createExecutableProcess("it-assignment-parent")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .callActivity("Call_HomeVisit")
                  .calledElement("it-assignment")
                  .endEvent()
                  .done())
          .deploy();
    }
    if (identityService.createUserQuery().userId(JGZ_AMERSFOORT_USER).count() == 0) {
      User user = identityService.newUser(JGZ_AMERSFOORT_USER);
      user.setFirstName("Test");
      user.setLastName("Amersfoort");
      user.setPassword("it-secret");
      identityService.saveUser(user);
      identityService.createMembership(JGZ_AMERSFOORT_USER, "jgz");
      identityService.createMembership(JGZ_AMERSFOORT_USER, "jgz-amersfoort");
    }
  }

  @Test
  void jgzTaskOfACaseInLombokLandsWithJgzUtrechtWest() {
    Task task = startAndGetTask("it-assignment", Map.of("neighbourhood", "utrecht-lombok"));

    assertThat(candidateGroups(task)).containsExactly("jgz-utrecht-west");
    assertThat(taskService.getVariableLocal(task.getId(), TeamAssignment.WARNING_VARIABLE))
        .isNull();
    assertThat(task.getDescription()).isEqualTo("Plan het huisbezoek binnen twee weken.");
    // the discipline group never got a grant on this task; the team did
    assertThat(taskGrants(task, "jgz")).isZero();
    assertThat(taskGrants(task, "jgz-utrecht-west")).isOne();
  }

  @Test
  void caseInAnUnknownNeighbourhoodLandsWithTheDisciplineAndAWarning() {
    Task task = startAndGetTask("it-assignment", Map.of("neighbourhood", "utrecht-onbekend"));

    assertThat(candidateGroups(task)).containsExactly("jgz");
    // a code in the variable (no free text in process data), the Dutch text in the description
    assertThat(taskService.getVariableLocal(task.getId(), TeamAssignment.WARNING_VARIABLE))
        .isEqualTo("UNKNOWN_NEIGHBOURHOOD");
    assertThat(task.getDescription())
        .startsWith("Let op: wijk \"utrecht-onbekend\" staat niet in de sociale kaart.")
        .endsWith("toewijzen.\n\nPlan het huisbezoek binnen twee weken.");
  }

  @Test
  void caseWithoutNeighbourhoodLandsWithTheDisciplineAndAWarning() {
    Task task = startAndGetTask("it-assignment", Map.of());

    assertThat(candidateGroups(task)).containsExactly("jgz");
    assertThat(taskService.getVariableLocal(task.getId(), TeamAssignment.WARNING_VARIABLE))
        .isEqualTo("NO_NEIGHBOURHOOD");
    assertThat(task.getDescription()).contains("de wijk van deze casus is niet bekend");
  }

  @Test
  void caseInAmersfoortLandsWithTheAmersfoortTeam() {
    Task task = startAndGetTask("it-assignment", Map.of("neighbourhood", "amersfoort-liendert"));

    assertThat(candidateGroups(task)).containsExactly("jgz-amersfoort");
  }

  @Test
  void disciplineFromAnExpressionIsResolvedAndOtherGroupsAreKept() {
    Task buurtteam =
        startAndGetTask(
            "it-assignment-expression",
            Map.of("discipline", "buurtteam", "neighbourhood", "utrecht-overvecht"));
    assertThat(candidateGroups(buurtteam))
        .containsExactlyInAnyOrder("buurtteam-utrecht-overvecht", "coordinator");

    // kraamzorg has teams, but none serves Doesburg
    Task kraamzorg =
        startAndGetTask(
            "it-assignment-expression",
            Map.of("discipline", "kraamzorg", "neighbourhood", "doesburg"));
    assertThat(candidateGroups(kraamzorg)).containsExactlyInAnyOrder("kraamzorg", "coordinator");
    assertThat(taskService.getVariableLocal(kraamzorg.getId(), TeamAssignment.WARNING_VARIABLE))
        .isEqualTo("NO_TEAM");
    assertThat(kraamzorg.getDescription())
        .isEqualTo(
            "Let op: de sociale kaart heeft geen team van Kraamzorg voor wijk Doesburg"
                + " (Doesburg). Daarom staat deze taak bij alle medewerkers van Kraamzorg. De"
                + " regiehouder kan de taak aan het juiste team toewijzen.");
  }

  @Test
  void taskOfACalledProcessUsesTheNeighbourhoodOfTheCase() {
    ProcessInstance parent =
        runtimeService.startProcessInstanceByKey(
            "it-assignment-parent", "ZP-IT-PARENT", Map.of("neighbourhood", "utrecht-lombok"));
    ProcessInstance child =
        runtimeService
            .createProcessInstanceQuery()
            .superProcessInstanceId(parent.getId())
            .singleResult();
    assertThat(child.getBusinessKey()).as("not passed on: found through the caller").isNull();
    Task task = taskService.createTaskQuery().processInstanceId(child.getId()).singleResult();

    assertThat(candidateGroups(task)).containsExactly("jgz-utrecht-west");
  }

  @Test
  void onlyTheTeamSeesItsTaskWhileFallbackTasksAreSeenByTheWholeDiscipline() throws Exception {
    Task lombok = startAndGetTask("it-assignment", Map.of("neighbourhood", "utrecht-lombok"));
    Task fallback = startAndGetTask("it-assignment", Map.of());

    List<String> utrecht =
        taskIds(http.get("/engine-rest/task?processDefinitionKey=" + "it-assignment", JGZ_UTRECHT));
    List<String> amersfoort =
        taskIds(
            http.get("/engine-rest/task?processDefinitionKey=" + "it-assignment", JGZ_AMERSFOORT));

    assertThat(utrecht).contains(lombok.getId(), fallback.getId());
    assertThat(amersfoort).contains(fallback.getId()).doesNotContain(lombok.getId());
    assertThat(
            http.get(
                    "/engine-rest/process-instance/" + lombok.getProcessInstanceId(),
                    JGZ_AMERSFOORT)
                .statusCode())
        .isEqualTo(404);
    assertThat(
            http.get("/engine-rest/process-instance/" + lombok.getProcessInstanceId(), JGZ_UTRECHT)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void teamGroupIsAWorkflowGroupWithTheRightsOfItsDiscipline() {
    Group group = identityService.createGroupQuery().groupId("jgz-utrecht-west").singleResult();
    assertThat(group.getType()).isEqualTo("WORKFLOW");
    assertThat(group.getName()).isEqualTo("JGZ Utrecht West – Jeugdgezondheidszorg Utrecht Stad");
    assertThat(
            authorizationService.isUserAuthorized(
                "nobody",
                List.of("jgz-utrecht-west"),
                Permissions.ACCESS,
                Resources.APPLICATION,
                "tasklist"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "nobody",
                List.of("jgz-utrecht-west"),
                Permissions.READ,
                Resources.FILTER,
                "any-filter"))
        .isTrue();
    assertThat(
            authorizationService.isUserAuthorized(
                "nobody",
                List.of("jgz-utrecht-west"),
                Permissions.READ,
                Resources.PROCESS_INSTANCE,
                "any-case"))
        .isFalse();
  }

  @Test
  @WithMockUser(username = "demo-regiehouder", authorities = "GROUP_regiehouder")
  void regiehouderMovesAFallbackTaskToTheRightTeam() {
    Task task = startAndGetTask("it-assignment", Map.of());
    taskService.claim(task.getId(), JGZ_AMERSFOORT_USER);

    List<String> before = reassignment.reassign(task.getId(), "jgz-utrecht-west");

    assertThat(before).containsExactly("jgz");
    assertThat(candidateGroups(task)).containsExactly("jgz-utrecht-west");
    assertThat(taskService.getVariableLocal(task.getId(), TeamAssignment.WARNING_VARIABLE))
        .isNull();
    Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(after.getDescription()).isEqualTo("Plan het huisbezoek binnen twee weken.");
    assertThat(after.getAssignee()).as("the Amersfoort nurse is not in the new team").isNull();
    assertThat(taskGrants(task, "jgz")).isZero();
    assertThat(
            authorizationService
                .createAuthorizationQuery()
                .userIdIn(JGZ_AMERSFOORT_USER)
                .resourceType(Resources.TASK)
                .resourceId(task.getId())
                .count())
        .isZero();
    assertThat(taskGrants(task, "jgz-utrecht-west")).isOne();

    // and back to the whole discipline, if that is what she wants
    reassignment.reassign(task.getId(), "jgz");
    assertThat(candidateGroups(task)).containsExactly("jgz");
  }

  @Test
  @WithMockUser(username = "demo-regiehouder", authorities = "GROUP_regiehouder")
  void reassignmentStaysWithinTheDiscipline() {
    Task task = startAndGetTask("it-assignment", Map.of("neighbourhood", "utrecht-lombok"));

    assertThatThrownBy(() -> reassignment.reassign(task.getId(), "buurtteam-utrecht-lombok"))
        .isInstanceOfSatisfying(
            ReassignmentException.class,
            e -> assertThat(e.getCodes()).containsExactly("assignment.reassign.otherDiscipline"));
    assertThatThrownBy(() -> reassignment.reassign(task.getId(), "jgz-nergens"))
        .isInstanceOfSatisfying(
            ReassignmentException.class,
            e -> assertThat(e.getCodes()).containsExactly("assignment.reassign.unknownTeam"));
    assertThatThrownBy(() -> reassignment.reassign("no-such-task", "jgz-utrecht-west"))
        .isInstanceOf(ReassignmentException.class);
    assertThat(candidateGroups(task)).containsExactly("jgz-utrecht-west");
  }

  @Test
  @WithMockUser(
      username = "demo-jgz",
      authorities = {"GROUP_jgz", "GROUP_jgz-utrecht-west"})
  void onlyARegiehouderReassigns() {
    Task task = startAndGetTask("it-assignment", Map.of());

    assertThatThrownBy(() -> reassignment.reassign(task.getId(), "jgz-utrecht-west"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(candidateGroups(task)).containsExactly("jgz");
  }

  private Task startAndGetTask(String key, Map<String, Object> variables) {
    ProcessInstance instance =
        runtimeService.startProcessInstanceByKey(
            key, "ZP-IT-" + System.nanoTime(), new HashMap<>(variables));
    return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  private long taskGrants(Task task, String groupId) {
    return authorizationService
        .createAuthorizationQuery()
        .groupIdIn(groupId)
        .resourceType(Resources.TASK)
        .resourceId(task.getId())
        .count();
  }

  private static List<String> taskIds(java.net.http.HttpResponse<String> response)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : JSON.readTree(response.body())) {
      ids.add(task.get("id").asText());
    }
    return ids;
  }
}
