package nl.zorgpad.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The filter the Tasklist opens on (issue 15): "Mijn werk" has the lowest priority of the filters
 * a caregiver can read, and lists, through the Tasklist's own API as the Tasklist asks it, exactly
 * her own tasks and the unclaimed tasks of her groups, soonest deadline first. The webapps' icon
 * and Zorgpad's are served; no webapp shows the Camunda 8 banner.
 */
@ZorgpadIntegrationTest
class MyWorkFilterIT {

  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void theMidwifesTasklistOpensOnMyWorkWithHerTasksAndHerGroupsUnclaimedTasks() throws Exception {
    TestSession midwife = TestSession.of(port, "demo-verloskundige:demo");
    HttpResponse<String> filters =
        midwife.api("GET", TestSession.ENGINE + "/filter?resourceType=Task", null);
    assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
    JsonNode lowest = null;
    for (JsonNode filter : JSON.readTree(filters.body())) {
      if (lowest == null
          || filter.path("properties").path("priority").asInt()
              < lowest.path("properties").path("priority").asInt()) {
        lowest = filter;
      }
    }
    assertThat(lowest).isNotNull();
    assertThat(lowest.path("name").asText()).isEqualTo(TasklistFilters.MY_WORK);

    // the Tasklist asks the list as HAL with its default sorting (created, newest first)
    HttpResponse<String> list =
        midwife.postApi(
            TestSession.ENGINE
                + "/filter/"
                + lowest.path("id").asText()
                + "/list?firstResult=0&maxResults=1000",
            "{\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    List<String> shown = new ArrayList<>();
    for (JsonNode task : JSON.readTree(list.body())) {
      shown.add(task.path("id").asText());
    }

    List<String> groups =
        identityService.createGroupQuery().groupMember("demo-verloskundige").list().stream()
            .map(Group::getId)
            .toList();
    List<Task> expected =
        taskService
            .createTaskQuery()
            .or()
            .taskAssignee("demo-verloskundige")
            .taskCandidateGroupIn(groups)
            .endOr()
            .withoutTenantId()
            .list();
    assertThat(expected)
        .as("demo tasks for the midwife (shared installation, no coalition)")
        .isNotEmpty();
    assertThat(shown)
        .containsExactlyInAnyOrderElementsOf(expected.stream().map(Task::getId).toList());
    // soonest deadline first, the filter's own order before the Tasklist's
    List<java.util.Date> dues = new ArrayList<>();
    for (String id : shown) {
      dues.add(taskService.createTaskQuery().taskId(id).singleResult().getDueDate());
    }
    List<java.util.Date> withDue = dues.stream().filter(java.util.Objects::nonNull).toList();
    assertThat(withDue).isSortedAccordingTo(java.util.Comparator.naturalOrder());
    // a task a colleague picked up is not "mine" any more
    String picked =
        shown.stream()
            .filter(id -> taskService.createTaskQuery().taskId(id).taskUnassigned().count() == 1)
            .findFirst()
            .orElseThrow();
    taskService.claim(picked, "collega-van-it");
    try {
      HttpResponse<String> after =
          midwife.postApi(
              TestSession.ENGINE
                  + "/filter/"
                  + lowest.path("id").asText()
                  + "/list?firstResult=0&maxResults=1000",
              "{}");
      assertThat(after.body()).doesNotContain(picked);
      assertThat(JSON.readTree(after.body()).size()).isEqualTo(shown.size() - 1);
    } finally {
      taskService.setAssignee(picked, null);
    }
  }

  @Test
  void theIconsAreServedAndNoWebappShowsTheCamunda8Banner() {
    TestSession coordinator = TestSession.of(port, "demo-coordinator:demo");
    HttpResponse<String> zorgpadIcon = coordinator.get("/favicon.ico");
    assertThat(zorgpadIcon.statusCode()).isEqualTo(200);
    HttpResponse<String> webappsIcon = coordinator.get("/camunda/favicon.ico");
    assertThat(webappsIcon.statusCode()).isEqualTo(200);
    assertThat(webappsIcon.body()).isEqualTo(zorgpadIcon.body());
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      HttpResponse<String> css = coordinator.get("/camunda/app/" + app + "/styles/user-styles.css");
      assertThat(css.statusCode()).as(app).isEqualTo(200);
      assertThat(css.body()).as(app).contains(".ce-eol-banner").contains("display: none");
    }
  }
}
