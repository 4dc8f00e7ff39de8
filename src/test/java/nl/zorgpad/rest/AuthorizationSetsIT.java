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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The task query's authorization join is written as a set of the caller's grants only where that
 * returns the same rows: every user, every query shape of {@link CandidateLinkExistsIT}, list page
 * and count, with the rewrite and without it, also with a grant of her own and none of her groups.
 */
@ZorgpadIntegrationTest
class AuthorizationSetsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationSetsPlugin plugin;
  @Autowired JdbcTemplate jdbc;
  @Autowired PlatformTransactionManager transactions;

  @AfterEach
  void restore() {
    plugin.interceptor().setEnabled(true);
    identityService.clearAuthentication();
  }

  @Test
  void theEnginesMyBatisConfigurationHasTheInterceptorAndTheIndexesExist() {
    assertThat(StatementRewrites.interceptors(engine)).contains(plugin.interceptor());
    assertThat(
            jdbc.queryForList(
                "select index_name from information_schema.indexes"
                    + " where table_name = 'ACT_RU_AUTHORIZATION'",
                String.class))
        .contains(AuthorizationPrincipalIndexes.USER, AuthorizationPrincipalIndexes.GROUP);
  }

  @Test
  void everyUserGetsTheSameTasksFromEveryQueryShapeWithAndWithoutTheRewrite() {
    AuthorizationSets interceptor = plugin.interceptor();
    List<User> users = identityService.createUserQuery().list();
    assertThat(users).hasSizeGreaterThan(5);
    long tasksSeen = 0;
    for (User user : users) {
      List<String> groups = StatementRewrites.groupsOf(identityService, user.getId());
      // her groups, her groups and one without any grant, and none (her own grants only)
      List<List<String>> groupSets = List.of(groups, plus(groups, "zp-no-grants"), List.of());
      for (List<String> asked : groupSets) {
        for (Map.Entry<String, CandidateLinkExistsIT.Shape> entry :
            CandidateLinkExistsIT.shapes(user.getId(), groups).entrySet()) {
          String what = user.getId() + " " + asked + ": " + entry.getKey();
          Function<TaskQuery, TaskQuery> shape = entry.getValue().query();

          long before = interceptor.rewrittenStatements();
          Seen rewritten = seen(user.getId(), asked, shape);
          long statements = interceptor.rewrittenStatements() - before;

          interceptor.setEnabled(false);
          Seen asWritten = seen(user.getId(), asked, shape);
          interceptor.setEnabled(true);

          assertThat(rewritten).as(what).isEqualTo(asWritten);
          // the list page and the count with her authorization; none for the engine's callers
          assertThat(statements).as(what + " statements rewritten").isEqualTo(2);
          tasksSeen += asWritten.count();
        }
      }
    }
    assertThat(tasksSeen).as("the demo data has tasks to compare").isPositive();
  }

  /**
   * H2 keeps a subquery's result while the parameters in its own text are unchanged: callers with
   * the same number of groups, one after the other on one connection (one transaction), each get
   * what the engine's statement gives them, never the previous caller's grants.
   */
  @Test
  void callersOneAfterTheOtherOnOneConnectionEachGetTheirOwnTasks() {
    Map<String, List<String>> callers = new LinkedHashMap<>();
    for (User user : identityService.createUserQuery().list()) {
      callers.put(user.getId(), StatementRewrites.groupsOf(identityService, user.getId()));
    }
    Map<String, Long> expected = new LinkedHashMap<>();
    plugin.interceptor().setEnabled(false);
    callers.forEach((user, groups) -> expected.put(user, visible(user, groups)));
    plugin.interceptor().setEnabled(true);
    assertThat(new java.util.HashSet<>(expected.values()))
        .as("callers who see different numbers of tasks")
        .hasSizeGreaterThan(2);
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    for (int round = 0; round < 2; round++) {
      transaction.executeWithoutResult(
          status ->
              callers.forEach(
                  (user, groups) ->
                      assertThat(visible(user, groups)).as(user).isEqualTo(expected.get(user))));
    }
  }

  private long visible(String userId, List<String> groups) {
    identityService.setAuthentication(userId, groups);
    try {
      return taskService.createTaskQuery().count();
    } finally {
      identityService.clearAuthentication();
    }
  }

  @Test
  void theTasklistsFiltersAreRewritten() throws Exception {
    TestSession nurse = TestSession.of(port, "demo-jgz:demo");
    Map<String, String> ids = StatementRewrites.taskFilterIds(nurse);
    for (String name : List.of("Taken voor mijn discipline", "Mijn werk", "Mijn taken")) {
      long before = plugin.interceptor().rewrittenStatements();
      HttpResponse<String> list =
          nurse.postApi(
              TestSession.ENGINE + "/filter/" + ids.get(name) + "/list?firstResult=0&maxResults=15",
              "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}");
      assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
      HttpResponse<String> count =
          nurse.postApi(TestSession.ENGINE + "/filter/" + ids.get(name) + "/count", "{}");
      assertThat(count.statusCode()).as(count.body()).isEqualTo(200);
      assertThat(plugin.interceptor().rewrittenStatements() - before).as(name).isEqualTo(2);
    }
  }

  private record Seen(List<String> ids, long count, List<String> all) {}

  private Seen seen(String userId, List<String> groups, Function<TaskQuery, TaskQuery> shape) {
    List<String> all = ids(shape.apply(taskService.createTaskQuery()).orderByTaskId().asc().list());
    identityService.setAuthentication(userId, groups);
    try {
      List<String> ids =
          ids(
              shape
                  .apply(taskService.createTaskQuery())
                  .orderByDueDate()
                  .asc()
                  .orderByTaskId()
                  .asc()
                  .listPage(0, 15));
      long count = shape.apply(taskService.createTaskQuery()).count();
      return new Seen(ids, count, all);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private static List<String> plus(List<String> groups, String group) {
    List<String> more = new ArrayList<>(groups);
    more.add(group);
    return more;
  }

  private static List<String> ids(List<Task> tasks) {
    List<String> ids = new ArrayList<>();
    tasks.forEach(task -> ids.add(task.getId()));
    return ids;
  }
}
