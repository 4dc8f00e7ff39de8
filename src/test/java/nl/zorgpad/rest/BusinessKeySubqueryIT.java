package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A task query by business key reads the key through a subquery only where that returns the same
 * rows: every user, every demo case, runtime and historic, list and count, with and without the
 * rewrite; statements that use the instance for anything else are left as the engine wrote them.
 */
@ZorgpadIntegrationTest
class BusinessKeySubqueryIT {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CaseFileRepository caseFiles;
  @Autowired BusinessKeySubqueryPlugin plugin;

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
  void everyUserGetsTheSameTasksOfEveryCaseWithAndWithoutTheRewrite() {
    BusinessKeySubquery interceptor = plugin.interceptor();
    // three demo cases: handed over with a sub-pathway, closed, meldcode without consent
    List<String> references = List.of("DEMO-VK-0105", "DEMO-VK-0106", "DEMO-HA-0107");
    List<String> cases =
        caseFiles.findAll().stream()
            .filter(c -> references.contains(c.getClientReference()))
            .map(CaseFile::getCaseNumber)
            .sorted()
            .toList();
    assertThat(cases).hasSize(3);
    List<User> users =
        identityService.createUserQuery().list().stream()
            .filter(u -> u.getId().startsWith("demo-"))
            .toList();
    assertThat(users).hasSizeGreaterThan(5);
    long tasksCompared = 0;
    for (User user : users) {
      List<String> groups =
          identityService.createGroupQuery().groupMember(user.getId()).list().stream()
              .map(Group::getId)
              .toList();
      for (int c = 0; c < cases.size(); c++) {
        String caseNumber = cases.get(c);
        String other = cases.get((c + 1) % cases.size());
        for (Map.Entry<String, Shape> entry :
            shapes(user.getId(), groups, caseNumber, other).entrySet()) {
          String what = user.getId() + " " + caseNumber + ": " + entry.getKey();
          Shape shape = entry.getValue();

          long before = interceptor.rewrittenStatements();
          List<Object> rewritten = seen(user.getId(), groups, shape);
          long statements = interceptor.rewrittenStatements() - before;

          interceptor.setEnabled(false);
          List<Object> asWritten = seen(user.getId(), groups, shape);
          interceptor.setEnabled(true);

          assertThat(rewritten).as(what).isEqualTo(asWritten);
          // list and count, with her authorization and without
          assertThat(statements)
              .as(what + " statements rewritten")
              .isEqualTo(shape.rewritten() ? 4 : 0);
          tasksCompared += (Long) asWritten.get(3);
        }
      }
    }
    assertThat(tasksCompared).as("the demo data has tasks to compare").isGreaterThan(50);
  }

  @Test
  void theTaskSearchByBusinessKeyAtEngineRestIsRewrittenAndGivesHerTasks() {
    String caseNumber =
        caseFiles.findAll().stream()
            .filter(c -> c.getClientReference().equals("DEMO-VK-0101"))
            .map(CaseFile::getCaseNumber)
            .findFirst()
            .orElseThrow();
    TestSession midwife = TestSession.of(port, "demo-verloskundige:demo");
    long before = plugin.interceptor().rewrittenStatements();
    HttpResponse<String> tasks =
        midwife.api("GET", "/engine-rest/task?processInstanceBusinessKey=" + caseNumber, null);
    assertThat(tasks.statusCode()).as(tasks.body()).isEqualTo(200);
    assertThat(tasks.body()).contains("Toestemming vragen");
    assertThat(plugin.interceptor().rewrittenStatements() - before).isPositive();
  }

  /** A query shape, runtime or historic, and whether its statements are rewritten. */
  private record Shape(
      Function<TaskQuery, TaskQuery> runtime,
      Function<HistoricTaskInstanceQuery, HistoricTaskInstanceQuery> historic,
      boolean rewritten) {}

  private static Map<String, Shape> shapes(
      String userId, List<String> groups, String caseNumber, String other) {
    Map<String, Shape> shapes = new LinkedHashMap<>();
    List<String> someGroup = groups.isEmpty() ? List.of("jgz") : groups;
    shapes.put("by key", new Shape(q -> q.processInstanceBusinessKey(caseNumber), null, true));
    shapes.put(
        "by two keys",
        new Shape(q -> q.processInstanceBusinessKeyIn(caseNumber, other), null, true));
    shapes.put(
        "by key, her candidate groups",
        new Shape(
            q -> q.processInstanceBusinessKey(caseNumber).taskCandidateGroupIn(someGroup),
            null,
            true));
    shapes.put(
        "by key, assigned to her",
        new Shape(q -> q.processInstanceBusinessKey(caseNumber).taskAssignee(userId), null, true));
    shapes.put(
        "or: assigned to her or by key",
        new Shape(
            q -> q.or().taskAssignee(userId).processInstanceBusinessKey(caseNumber).endOr(),
            null,
            true));
    shapes.put(
        "by key like (left as written)",
        new Shape(q -> q.processInstanceBusinessKeyLike(caseNumber + "%"), null, false));
    shapes.put(
        "historic, finished, by key",
        new Shape(null, q -> q.processInstanceBusinessKey(caseNumber).finished(), true));
    shapes.put(
        "historic, by two keys",
        new Shape(null, q -> q.processInstanceBusinessKeyIn(caseNumber, other), true));
    shapes.put(
        "historic, by key, process unfinished (left as written)",
        new Shape(null, q -> q.processInstanceBusinessKey(caseNumber).processUnfinished(), false));
    return shapes;
  }

  /** Ids and count with her authentication (authorization checks), then without. */
  private List<Object> seen(String userId, List<String> groups, Shape shape) {
    identityService.setAuthentication(userId, groups);
    List<Object> seen;
    try {
      seen = read(shape);
    } finally {
      identityService.clearAuthentication();
    }
    List<Object> all = read(shape);
    return List.of(seen.get(0), seen.get(1), all.get(0), all.get(1));
  }

  private List<Object> read(Shape shape) {
    if (shape.runtime() != null) {
      List<String> ids =
          shape.runtime().apply(taskService.createTaskQuery()).orderByTaskId().asc().list().stream()
              .map(Task::getId)
              .toList();
      return List.of(ids, shape.runtime().apply(taskService.createTaskQuery()).count());
    }
    List<String> ids =
        shape
            .historic()
            .apply(historyService.createHistoricTaskInstanceQuery())
            .orderByTaskId()
            .asc()
            .list()
            .stream()
            .map(HistoricTaskInstance::getId)
            .toList();
    return List.of(
        ids, shape.historic().apply(historyService.createHistoricTaskInstanceQuery()).count());
  }
}
