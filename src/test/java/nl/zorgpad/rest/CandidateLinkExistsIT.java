package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The task query's candidate test is written as a subquery only where that returns the same rows:
 * every user, every query shape, list and count, with and without the rewrite.
 */
@ZorgpadIntegrationTest
class CandidateLinkExistsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CandidateLinkExistsPlugin plugin;

  @AfterEach
  void restore() {
    plugin.interceptor().setEnabled(true);
    identityService.clearAuthentication();
  }

  @Test
  void theEnginesMyBatisConfigurationHasTheInterceptor() {
    assertThat(StatementRewrites.interceptors(engine)).contains(plugin.interceptor());
  }

  @Test
  void everyUserGetsTheSameTasksFromEveryQueryShapeWithAndWithoutTheRewrite() {
    CandidateLinkExists interceptor = plugin.interceptor();
    List<User> users = identityService.createUserQuery().list();
    assertThat(users).hasSizeGreaterThan(5);
    long candidateTasksSeen = 0;
    for (User user : users) {
      List<String> groups = StatementRewrites.groupsOf(identityService, user.getId());
      for (Map.Entry<String, Shape> entry : shapes(user.getId(), groups).entrySet()) {
        Shape shape = entry.getValue();
        String what = user.getId() + " " + groups + ": " + entry.getKey();

        long before = interceptor.rewrittenStatements();
        Seen rewritten = seen(user.getId(), groups, shape.query());
        long statements = interceptor.rewrittenStatements() - before;

        interceptor.setEnabled(false);
        Seen asWritten = seen(user.getId(), groups, shape.query());
        interceptor.setEnabled(true);

        assertThat(rewritten).as(what).isEqualTo(asWritten);
        // list and count of the query with authorization, and of the query without it
        assertThat(statements).as(what + " statements rewritten").isEqualTo(shape.inner() ? 4 : 0);
        if (shape.inner()) {
          candidateTasksSeen += asWritten.count();
        }
      }
    }
    assertThat(candidateTasksSeen).as("the demo data has candidate tasks to compare").isPositive();
  }

  @Test
  void theTasklistsDisciplineFilterAndItsDefaultOrFilterAreRewritten() throws Exception {
    TestSession nurse = TestSession.of(port, "demo-jgz:demo");
    Map<String, String> ids = StatementRewrites.taskFilterIds(nurse);
    assertThat(ids).containsKeys("Taken voor mijn discipline", "Mijn werk", "Mijn taken");

    assertThat(rewrittenBy(nurse, ids.get("Taken voor mijn discipline"))).isEqualTo(2);
    // "Mijn werk" is an "or" query (her tasks or her groups' unclaimed tasks), the default filter
    assertThat(rewrittenBy(nurse, ids.get("Mijn werk"))).isEqualTo(2);
    // "Mijn taken" has no candidate criterion: nothing to rewrite
    assertThat(rewrittenBy(nurse, ids.get("Mijn taken"))).isZero();
  }

  /** Statements rewritten by one HAL list and one count of the filter, as the Tasklist asks. */
  private long rewrittenBy(TestSession session, String filterId) throws Exception {
    long before = plugin.interceptor().rewrittenStatements();
    HttpResponse<String> list =
        session.postApi(
            TestSession.ENGINE + "/filter/" + filterId + "/list?firstResult=0&maxResults=15",
            "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    HttpResponse<String> count =
        session.postApi(TestSession.ENGINE + "/filter/" + filterId + "/count", "{}");
    assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
    return plugin.interceptor().rewrittenStatements() - before;
  }

  record Shape(Function<TaskQuery, TaskQuery> query, boolean inner) {}

  private record Seen(List<String> ids, long count, List<String> all, long allCount) {}

  static Map<String, Shape> shapes(String userId, List<String> groups) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    List<String> someGroup = groups.isEmpty() ? List.of("jgz") : groups;
    shapes.put("candidate groups", new Shape(q -> q.taskCandidateGroupIn(someGroup), true));
    shapes.put(
        "candidate groups, assigned too",
        new Shape(q -> q.taskCandidateGroupIn(someGroup).includeAssignedTasks(), true));
    shapes.put("one candidate group", new Shape(q -> q.taskCandidateGroup(someGroup.get(0)), true));
    shapes.put("candidate user", new Shape(q -> q.taskCandidateUser(userId), true));
    shapes.put(
        "candidate user, assigned too",
        new Shape(q -> q.taskCandidateUser(userId).includeAssignedTasks(), true));
    shapes.put("candidate group like", new Shape(q -> q.taskCandidateGroupLike("jgz%"), true));
    shapes.put("with candidate groups", new Shape(TaskQuery::withCandidateGroups, true));
    shapes.put(
        "candidate groups and a process", // another join (the process definition) alongside
        new Shape(
            q ->
                q.taskCandidateGroupIn(someGroup)
                    .processDefinitionKeyIn(
                        "zorgpad-kwetsbare-zwangerschap", "zorgpad-prenataal-huisbezoek"),
            true));
    shapes.put("involved user", new Shape(q -> q.taskInvolvedUser(userId), false));
    shapes.put(
        "or: assignee or candidate groups",
        new Shape(q -> q.or().taskAssignee(userId).taskCandidateGroupIn(someGroup).endOr(), true));
    shapes.put(
        "or: assignee or candidate groups, assigned too",
        new Shape(
            q ->
                q.or()
                    .taskAssignee(userId)
                    .taskCandidateGroupIn(someGroup)
                    .includeAssignedTasks()
                    .endOr(),
            true));
    shapes.put(
        "or: candidate user or assignee",
        new Shape(q -> q.or().taskCandidateUser(userId).taskAssignee(userId).endOr(), true));
    shapes.put(
        "candidate groups and or: assignee or owner",
        new Shape(
            q ->
                q.taskCandidateGroupIn(someGroup)
                    .includeAssignedTasks()
                    .or()
                    .taskAssignee(userId)
                    .taskOwner(userId)
                    .endOr(),
            true));
    shapes.put(
        "candidate groups and or: candidate user or assignee (two tests)",
        new Shape(
            q ->
                q.taskCandidateGroupIn(someGroup)
                    .or()
                    .taskCandidateUser(userId)
                    .taskAssignee(userId)
                    .endOr(),
            false));
    shapes.put(
        "or: involved user or candidate group",
        new Shape(
            q -> q.or().taskInvolvedUser(userId).taskCandidateGroup(someGroup.get(0)).endOr(),
            false));
    shapes.put(
        "candidate groups without candidate users",
        new Shape(q -> q.taskCandidateGroupIn(someGroup).withoutCandidateUsers(), false));
    shapes.put("without candidate groups", new Shape(TaskQuery::withoutCandidateGroups, false));
    shapes.put("no candidate criterion", new Shape(q -> q.active(), false));
    return shapes;
  }

  /** With her authentication (authorization checks) and without (the engine's own callers). */
  private Seen seen(String userId, List<String> groups, Function<TaskQuery, TaskQuery> shape) {
    identityService.setAuthentication(userId, groups);
    List<String> ids;
    long count;
    try {
      ids =
          ids(
              shape
                  .apply(taskService.createTaskQuery())
                  .orderByDueDate()
                  .asc()
                  .orderByTaskId()
                  .asc()
                  .listPage(0, 15));
      count = shape.apply(taskService.createTaskQuery()).count();
    } finally {
      identityService.clearAuthentication();
    }
    List<String> all = ids(shape.apply(taskService.createTaskQuery()).orderByTaskId().asc().list());
    long allCount = shape.apply(taskService.createTaskQuery()).count();
    return new Seen(ids, count, all, allCount);
  }

  private static List<String> ids(List<Task> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.getId()));
    return ids;
  }
}
