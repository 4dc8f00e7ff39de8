package zorgpadbench.stock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import zorgpadbench.DbStats;

/**
 * The stock side of the benchmark: a simple process of a size like Zorgpad's pathway (a user
 * task with the candidate group in a variable, worked again and again until {@code next} is
 * {@code done}, plus an optional parallel second task), the Tasklist filter "Taken voor mijn
 * discipline" with the same query as Zorgpad's, users and groups mirrored from Zorgpad, and
 * authorizations the stock way: per-task candidate-group grants as the engine gives them
 * (authorization is on while the data is generated), plus Tasklist access, the filter, reading
 * and starting the process. {@code /api/benchmark/auth} switches the engine's authorization
 * check off and on at run time, so one JVM serves both variants.
 */
@RestController
@RequestMapping("/api/benchmark")
class StockBench {

  static final String PROCESS = "stock-pathway";
  static final String FILTER = "Taken voor mijn discipline";

  private final ProcessEngine engine;
  private final ConfigurableApplicationContext context;
  private final TransactionTemplate transactions;
  private final Map<String, AtomicLong> counters = new LinkedHashMap<>();

  StockBench(
      ProcessEngine engine,
      ConfigurableApplicationContext context,
      PlatformTransactionManager transactionManager) {
    this.engine = engine;
    this.context = context;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  static BpmnModelInstance process() {
    return Bpmn.createExecutableProcess(PROCESS)
        .name("Stock pathway")
        .camundaHistoryTimeToLive(180)
        .startEvent("start")
        .inclusiveGateway("split")
        .condition("always", "${true}")
        .userTask("step")
        .name("Stap")
        .camundaCandidateGroups("${group}")
        .exclusiveGateway("again")
        .condition("done", "${next == 'done'}")
        .inclusiveGateway("join")
        .endEvent("end")
        .moveToNode("again")
        .condition("more", "${next != 'done'}")
        .connectTo("step")
        .moveToNode("split")
        .condition("second", "${hasSecond}")
        .userTask("second")
        .name("Tweede stap")
        .camundaCandidateGroups("${group2}")
        .connectTo("join")
        .done();
  }

  @EventListener(ApplicationReadyEvent.class)
  void deploy() {
    RepositoryService repository = engine.getRepositoryService();
    repository
        .createDeployment()
        .name(PROCESS)
        .enableDuplicateFiltering(true)
        .addModelInstance(PROCESS + ".bpmn", process())
        .deploy();
  }

  @PostMapping("/auth")
  Map<String, Object> auth(@RequestParam boolean enabled) {
    configuration().setAuthorizationEnabled(enabled);
    return Map.of("authorizationEnabled", enabled);
  }

  @GetMapping("/stats")
  Map<String, Object> stats() {
    Map<String, Object> stats = DbStats.collect(context.getBean(DataSource.class));
    stats.put("authorizationEnabled", configuration().isAuthorizationEnabled());
    stats.put("leaks", StockCamundaApp.leaks(context, engine));
    stats.put("jdbcBatchProcessing", configuration().isJdbcBatchProcessing());
    stats.put("historyLevel", configuration().getHistory());
    stats.put(
        "transactionManager",
        context.getBean(PlatformTransactionManager.class).getClass().getName());
    return stats;
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * Generates the stock equivalent of Zorgpad's data. Body: {@code instances}, {@code closed},
   * {@code stepsPerClosed}, {@code stepsPerRunning}, {@code openTasks} (group → count),
   * {@code users} (user → groups), {@code password}, {@code threads}, {@code batch}.
   */
  @SuppressWarnings("unchecked")
  @PostMapping("/generate")
  Map<String, Object> generate(@RequestBody Map<String, Object> body) throws Exception {
    long started = System.nanoTime();
    counters.clear();
    boolean authorization = configuration().isAuthorizationEnabled();
    configuration().setAuthorizationEnabled(true); // the engine grants per task while on
    try {
      Map<String, List<String>> users = (Map<String, List<String>>) body.get("users");
      String password = (String) body.getOrDefault("password", "demo");
      Filter filter = setUp(users, password);
      int instances = ((Number) body.get("instances")).intValue();
      int closed = ((Number) body.get("closed")).intValue();
      int stepsClosed = Math.max(1, ((Number) body.get("stepsPerClosed")).intValue());
      int stepsRunning = Math.max(0, ((Number) body.get("stepsPerRunning")).intValue());
      int threads = ((Number) body.getOrDefault("threads", 2)).intValue();
      int batch = ((Number) body.getOrDefault("batch", 50)).intValue();
      List<String> open = new ArrayList<>();
      ((Map<String, Number>) body.get("openTasks"))
          .forEach(
              (group, count) -> {
                for (int i = 0; i < count.intValue(); i++) {
                  open.add(group);
                }
              });
      Collections.shuffle(open, new Random(7));
      List<String> groups = users.values().stream().flatMap(List::stream).distinct().toList();
      int running = Math.max(0, instances - closed);
      // plan per instance: [main group of the open task or null, second group or null]
      List<String[]> plan = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        plan.add(new String[2]);
      }
      for (int i = 0; i < open.size(); i++) {
        if (running == 0) {
          break;
        }
        if (i < running) {
          plan.get(i)[0] = open.get(i);
        } else {
          plan.get((i - running) % running)[1] = open.get(i);
        }
      }
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  Random random = new Random(31L * thread + 3);
                  for (int first = thread * batch; first < instances; first += batch * threads) {
                    int last = Math.min(first + batch, instances);
                    int from = first;
                    transactions.executeWithoutResult(
                        status -> {
                          for (int i = from; i < last; i++) {
                            boolean isRunning = i < running;
                            instance(
                                plan.get(i),
                                isRunning,
                                isRunning ? stepsRunning : stepsClosed,
                                groups,
                                random);
                          }
                        });
                  }
                  return null;
                }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
      pool.shutdown();
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("seconds", (System.nanoTime() - started) / 1e9);
      result.put("filterId", filter.getId());
      counters.forEach((k, v) -> result.put(k, v.get()));
      return result;
    } finally {
      configuration().setAuthorizationEnabled(authorization);
    }
  }

  private void instance(
      String[] plan, boolean running, int steps, List<String> groups, Random random) {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    String target = running ? (plan[0] != null ? plan[0] : "wacht") : null;
    String first =
        steps == 0 && target != null ? target : groups.get(random.nextInt(groups.size()));
    int weeks = 8 + random.nextInt(30);
    VariableMap start =
        Variables.createVariables()
            .putValue(
                "clientReference", "BENCH-" + Long.toString(random.nextLong() & 0xffffffffL, 36))
            .putValue("dueDate", LocalDate.now().plusWeeks(40 - weeks).toString())
            .putValue("gestationalAgeWeeks", (long) weeks)
            .putValue("riskDomains", "[\"stress\"]")
            .putValue("signallingDiscipline", first)
            .putValue("group", first)
            .putValue("hasSecond", running && plan[1] != null)
            .putValue("group2", plan[1]);
    String instance =
        runtime
            .startProcessInstanceByKey(
                PROCESS, "ST-" + Long.toString(random.nextLong() & 0xffffffffL, 36), start)
            .getId();
    count("instances");
    for (int s = 0; s < steps; s++) {
      Task task =
          tasks
              .createTaskQuery()
              .processInstanceId(instance)
              .taskDefinitionKey("step")
              .singleResult();
      boolean last = s == steps - 1;
      String next = last && running ? target : groups.get(random.nextInt(groups.size()));
      tasks.complete(
          task.getId(), stepVariables(random, last && !running ? "done" : "again", next));
      count("tasksCompleted");
    }
  }

  /** Three form fields per step, as Zorgpad's forms have two or three. */
  static VariableMap stepVariables(Random random, String next, String group) {
    return Variables.createVariables()
        .putValue("next", next)
        .putValue("group", group)
        .putValue("outcome", "uitkomst-" + random.nextInt(4))
        .putValue("stepDate", LocalDate.now().toString())
        .putValue("checked", random.nextBoolean());
  }

  private Filter setUp(Map<String, List<String>> users, String password) {
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();
    List<String> groups =
        new ArrayList<>(users.values().stream().flatMap(List::stream).distinct().toList());
    groups.add("wacht");
    for (String groupId : groups) {
      if (identity.createGroupQuery().groupId(groupId).count() == 0) {
        Group group = identity.newGroup(groupId);
        group.setName(groupId);
        group.setType("WORKFLOW");
        identity.saveGroup(group);
        grant(authorizations, groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(
            authorizations,
            groupId,
            Resources.PROCESS_DEFINITION,
            PROCESS,
            Permissions.READ,
            Permissions.CREATE_INSTANCE);
        grant(authorizations, groupId, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
      }
    }
    users.forEach(
        (userId, memberOf) -> {
          if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName(userId);
            user.setLastName("(stock)");
            user.setPassword(password);
            identity.saveUser(user);
            for (String group : memberOf) {
              identity.createMembership(userId, group);
            }
          }
        });
    FilterService filters = engine.getFilterService();
    Filter filter = filters.createFilterQuery().filterName(FILTER).singleResult();
    if (filter == null) {
      filter = filters.newTaskFilter(FILTER);
      Map<String, Object> properties = new LinkedHashMap<>();
      properties.put("description", "Alle open taken voor mijn discipline");
      properties.put("priority", 20);
      properties.put("refresh", true);
      properties.put(
          "variables",
          List.of(
              Map.of("name", "caseNumber", "label", "Casusnummer"),
              Map.of("name", "clientReference", "label", "Cliëntreferentie")));
      filter.setProperties(properties);
      filter.setQuery(
          engine
              .getTaskService()
              .createTaskQuery()
              .taskCandidateGroupInExpression("${currentUserGroups()}")
              .includeAssignedTasks()
              .orderByDueDate()
              .asc());
      filters.saveFilter(filter);
      for (String groupId : groups) {
        grant(authorizations, groupId, Resources.FILTER, filter.getId(), Permissions.READ);
      }
    }
    return filter;
  }

  private static void grant(
      AuthorizationService service,
      String group,
      Resource resource,
      String id,
      Permission... permissions) {
    Authorization authorization = service.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setGroupId(group);
    authorization.setResource(resource);
    authorization.setResourceId(id);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    service.saveAuthorization(authorization);
  }

  private synchronized void count(String name) {
    counters.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
  }
}
