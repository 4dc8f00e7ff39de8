package zorgpadbench;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds a region's years of Zorgpad data through the engine, as caregivers make it: each case
 * starts as the signal API starts it (the start form {@code zorgpad-signaal}, as a caregiver of
 * the signalling discipline), then the tasks that appear are completed with the fields their
 * deployed Camunda Form defines ({@link FormDriver}) by a user of the task's candidate group;
 * waits on timers are passed by executing the timer job; some cases are ended through the
 * message {@code CasusBeeindigen} as the case API sends it. A caregiver opens the case page
 * (the case overview service) before some of her steps, which writes the access log as the page
 * does.
 *
 * <p>Shape: {@code closedFraction} of the cases run to their end (every step), {@code
 * endedEarlyFraction} are ended with the message after a few steps, the others stop at a random
 * stage (0..{@code maxRunningSteps} steps). Several cases are started and stepped per
 * transaction ({@code batch}); a batch that fails is redone case by case with other choices.
 */
final class ZorgpadGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(ZorgpadGenerator.class);
  static final String MAIN_PATHWAY = "zorgpad-kwetsbare-zwangerschap";
  static final String END_MESSAGE = "CasusBeeindigen";
  private static final int MAX_STEPS = 120;

  /** Retries: days from today, {@code DUE} = the case's due date. */
  private static final int DUE = Integer.MIN_VALUE;

  private static final int[] DATE_SHIFTS = {0, DUE, -1, -7, 1, 7, -30, 30};
  private static final List<String> RISK_DOMAINS =
      List.of(
          "huisvesting",
          "armoede",
          "schulden",
          "stress",
          "ggz",
          "lvb",
          "verslaving",
          "huiselijk-geweld",
          "tienerzwangerschap",
          "migratie-taal",
          "afwezige-partner",
          "late-start-zorg");
  private static final List<String> SIGNALLING =
      List.of(
          "verloskundige",
          "verloskundige",
          "verloskundige",
          "huisarts",
          "buurtteam",
          "jgz",
          "kraamzorg",
          "poh-ggz");

  record Params(
      int cases,
      double closedFraction,
      double endedEarlyFraction,
      int maxRunningSteps,
      double pageViewFraction,
      double claimFraction,
      int batch,
      int threads,
      long seed,
      String coalition) {}

  private final ProcessEngine engine;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final FormService forms;
  private final IdentityService identity;
  private final RepositoryService repository;
  private final ManagementService management;
  private final TransactionTemplate transactions;
  private final Object caseOverviews;
  private final Method overviewMethod;
  private final Map<String, FormDriver> formCache = new ConcurrentHashMap<>();
  private final Map<String, List<String>> usersOfGroup = new ConcurrentHashMap<>();
  private final Map<String, String[]> userGroups = new ConcurrentHashMap<>();
  private final Map<String, String[]> userTenants = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();

  ZorgpadGenerator(ApplicationContext context) {
    this.engine = context.getBean(ProcessEngine.class);
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.forms = engine.getFormService();
    this.identity = engine.getIdentityService();
    this.repository = engine.getRepositoryService();
    this.management = engine.getManagementService();
    this.transactions = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
    Object overviews = null;
    Method method = null;
    try {
      Class<?> type = Class.forName("nl.zorgpad.caseview.CaseOverviewService");
      overviews = context.getBean(type);
      method = type.getMethod("overview", String.class);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn(
          "Benchmark generator: no case overview service ({}); no page views are generated",
          e.toString());
    }
    this.caseOverviews = overviews;
    this.overviewMethod = method;
  }

  Map<String, Object> generate(Params params) throws Exception {
    long started = System.nanoTime();
    counters.clear();
    ProcessDefinition pathway =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(MAIN_PATHWAY)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
    if (pathway == null) {
      throw new IllegalStateException(
          "Benchmark generator: pathway "
              + MAIN_PATHWAY
              + " is not deployed; the generator starts cases through its start form");
    }
    ExecutorService pool = Executors.newFixedThreadPool(params.threads());
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < params.threads(); t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                work(params, thread, pathway.getId());
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("seconds", (System.nanoTime() - started) / 1e9);
    counters.forEach((k, v) -> result.put(k, v.get()));
    return result;
  }

  /** One case as the generator drives it. */
  private static final class Case {
    String businessKey;
    int steps;
    int target; // steps to take; Integer.MAX_VALUE = to the end
    boolean endEarly;
    boolean done;
    boolean ended;
    LocalDate dueDate;
  }

  private void work(Params params, int thread, String definitionId) {
    Random random = new Random(params.seed() * 31 + thread);
    for (int first = thread * params.batch();
        first < params.cases();
        first += params.batch() * params.threads()) {
      int last = Math.min(first + params.batch(), params.cases());
      List<Case> batch = new ArrayList<>();
      for (int i = first; i < last; i++) {
        Case c = new Case();
        double kind = random.nextDouble();
        if (kind < params.closedFraction()) {
          c.target = Integer.MAX_VALUE;
        } else if (kind < params.closedFraction() + params.endedEarlyFraction()) {
          c.target = 1 + random.nextInt(6);
          c.endEarly = true;
        } else {
          c.target = random.nextInt(params.maxRunningSteps() + 1);
        }
        batch.add(c);
      }
      try {
        startBatch(batch, definitionId, random, params);
        while (batch.stream().anyMatch(c -> !c.done)) {
          stepRound(batch, random, params);
        }
        claimSome(batch, random, params);
      } catch (RuntimeException e) {
        count("batchFailures");
        LOG.warn("Benchmark generator: batch from case {} failed: {}", first, e.toString());
      }
      long made = count("casesDone", batch.size());
      if (made % 500 < batch.size()) {
        LOG.info("Benchmark generator: {} cases", made);
      }
    }
  }

  private void startBatch(List<Case> batch, String definitionId, Random random, Params params) {
    try {
      inTransaction(
          () -> {
            for (Case c : batch) {
              start(c, definitionId, random);
            }
            return null;
          });
    } catch (RuntimeException e) {
      count("startBatchRetries");
      for (Case c : batch) {
        c.businessKey = null;
        for (int attempt = 1; c.businessKey == null && !c.done; attempt++) {
          try {
            inTransaction(() -> start(c, definitionId, random));
          } catch (RuntimeException single) {
            c.businessKey = null;
            if (attempt == 3) { // lock timeouts against the other thread are retried
              count("startFailures");
              c.done = true;
              LOG.warn("Benchmark generator: start refused: {}", single.toString());
            }
          }
        }
      }
    }
    count("cases", batch.stream().filter(c -> c.businessKey != null).count());
  }

  private Object start(Case c, String definitionId, Random random) {
    String discipline = SIGNALLING.get(random.nextInt(SIGNALLING.size()));
    String user = userFor(discipline);
    if (user == null) {
      throw new IllegalStateException("no user in group " + discipline);
    }
    // a case that is to reach the birth is signalled late (due date today or up to two weeks
    // ago), since the birth date may not lie in the future and must fit the due date
    int weeks =
        c.target == Integer.MAX_VALUE || c.target > 8
            ? 40 + random.nextInt(3)
            : 8 + random.nextInt(30);
    LocalDate today = today();
    LocalDate due = today.plusWeeks(40 - weeks);
    c.dueDate = due;
    List<String> domains = new ArrayList<>();
    domains.add(RISK_DOMAINS.get(random.nextInt(RISK_DOMAINS.size())));
    if (random.nextBoolean()) {
      String second = RISK_DOMAINS.get(random.nextInt(RISK_DOMAINS.size()));
      if (!domains.contains(second)) {
        domains.add(second);
      }
    }
    String json =
        domains.stream()
            .map(d -> "\"" + d + "\"")
            .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    // the variables of the start form zorgpad-signaal, as the signal API sets them
    VariableMap variables =
        Variables.createVariables()
            .putValue(
                "clientReference", "BENCH-" + Long.toString(random.nextLong() & 0xffffffffL, 36))
            .putValue("dueDate", due.toString())
            .putValue("gestationalAgeWeeks", (long) weeks)
            .putValueTyped("riskDomains", SpinValues.jsonValue(json).create())
            .putValue("signallingDiscipline", discipline);
    long t0 = System.nanoTime();
    ProcessInstance instance = as(user, () -> forms.submitStartForm(definitionId, variables));
    count("msStart", (System.nanoTime() - t0) / 1_000_000);
    c.businessKey = instance.getBusinessKey();
    if (c.businessKey == null) {
      throw new IllegalStateException("the pathway gave the case no business key");
    }
    return instance;
  }

  /** One step of every unfinished case of the batch, in one transaction if all go well. */
  private void stepRound(List<Case> batch, Random random, Params params) {
    List<Case> open = batch.stream().filter(c -> !c.done).toList();
    List<String[]> views = new ArrayList<>();
    List<Case> snapshot = open.stream().map(ZorgpadGenerator::copy).toList();
    try {
      inTransaction(
          () -> {
            for (Case c : open) {
              step(c, random, 0, 0, views, params);
            }
            return null;
          });
    } catch (RuntimeException e) {
      count("roundRetries");
      views.clear();
      for (int i = 0; i < open.size(); i++) {
        Case c = open.get(i);
        c.steps = snapshot.get(i).steps;
        c.done = snapshot.get(i).done;
        c.ended = snapshot.get(i).ended;
        c.target = snapshot.get(i).target;
        boolean stepped = false;
        for (int attempt = 0; attempt < DATE_SHIFTS.length && !stepped; attempt++) {
          int shift =
              DATE_SHIFTS[attempt] == DUE
                  ? (int) (c.dueDate.toEpochDay() - today().toEpochDay())
                  : DATE_SHIFTS[attempt];
          int tries = attempt;
          Case copy = copy(c);
          try {
            inTransaction(() -> step(copy, random, shift, tries, views, params));
            c.steps = copy.steps;
            c.done = copy.done;
            c.ended = copy.ended;
            c.target = copy.target;
            stepped = true;
          } catch (RuntimeException single) {
            if (attempt == DATE_SHIFTS.length - 1) {
              count("stuckCases");
              c.done = true;
              LOG.warn(
                  "Benchmark generator: case {} stuck after {} steps: {}",
                  c.businessKey,
                  c.steps,
                  single.toString());
            }
          }
        }
      }
    }
    if (!views.isEmpty()) {
      pageViews(views);
    }
  }

  private static Case copy(Case c) {
    Case copy = new Case();
    copy.businessKey = c.businessKey;
    copy.steps = c.steps;
    copy.target = c.target;
    copy.endEarly = c.endEarly;
    copy.done = c.done;
    copy.ended = c.ended;
    copy.dueDate = c.dueDate;
    return copy;
  }

  private Object step(
      Case c, Random random, int dateShift, int attempt, List<String[]> views, Params params) {
    if (c.steps >= c.target || c.steps >= MAX_STEPS) {
      if (c.endEarly && !c.ended) {
        endCase(c);
        return null;
      }
      c.done = true;
      return null;
    }
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(c.businessKey)
            .initializeFormKeys()
            .orderByTaskCreateTime()
            .asc()
            .list();
    if (open.isEmpty()) {
      if (!passTimer(c)) {
        c.done = true; // ended, or waits for something the generator does not send
        if (c.target == Integer.MAX_VALUE) {
          count(
              runtime.createProcessInstanceQuery().processInstanceBusinessKey(c.businessKey).count()
                      == 0
                  ? "casesClosed"
                  : "casesWaiting");
        }
      }
      return null;
    }
    Task task = open.get(random.nextInt(Math.min(open.size(), 2)));
    String user = userForTask(task);
    if (user == null) {
      count("noUserForTask");
      c.done = true;
      return null;
    }
    if (random.nextDouble() < params.pageViewFraction()) {
      views.add(new String[] {user, c.businessKey});
    }
    FormDriver form = formOf(task, user);
    Map<String, Object> variables = new LinkedHashMap<>();
    if (form != null) {
      // a birth is reported on the due date (the cases that get there are due by now)
      LocalDate birth = c.dueDate == null || c.dueDate.isAfter(today()) ? today() : c.dueDate;
      form.fill(random, today(), dateShift, Map.of("birthDate", birth), attempt)
          .forEach((key, value) -> variables.put(key, typed(value)));
    }
    long t0 = System.nanoTime();
    as(
        user,
        () -> {
          forms.submitTaskForm(task.getId(), variables);
          return null;
        });
    count("msComplete", (System.nanoTime() - t0) / 1_000_000);
    c.steps++;
    count("tasksCompleted");
    return null;
  }

  private boolean passTimer(Case c) {
    List<String> instances =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(c.businessKey)
            .list()
            .stream()
            .map(ProcessInstance::getId)
            .toList();
    Job next = null;
    for (String instance : instances) {
      for (Job job : management.createJobQuery().processInstanceId(instance).timers().list()) {
        if (next == null
            || (job.getDuedate() != null
                && next.getDuedate() != null
                && job.getDuedate().before(next.getDuedate()))) {
          next = job;
        }
      }
    }
    if (next == null) {
      return false;
    }
    long t0 = System.nanoTime();
    management.executeJob(next.getId());
    count("msTimers", (System.nanoTime() - t0) / 1_000_000);
    count("timersPassed");
    return true;
  }

  private void endCase(Case c) {
    String user = userFor("regiehouder");
    as(
        user == null ? null : user,
        () -> {
          ProcessEngineConfigurationImpl configuration =
              (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
          // as the case API does after its own involvement check (see nl.zorgpad.api)
          return configuration
              .getCommandExecutorTxRequired()
              .execute(
                  commandContext -> {
                    commandContext.disableAuthorizationCheck();
                    try {
                      return runtime
                          .createMessageCorrelation(END_MESSAGE)
                          .processInstanceBusinessKey(c.businessKey)
                          .setVariable("endReason", "verhuisd")
                          .correlateAllWithResult();
                    } finally {
                      commandContext.enableAuthorizationCheck();
                    }
                  });
        });
    c.ended = true;
    c.target = c.steps + 3; // the steps the end brings (inform those involved)
    count("casesEndedByMessage");
  }

  private void pageViews(List<String[]> views) {
    if (caseOverviews == null) {
      return;
    }
    for (String[] view : views) {
      long t0 = System.nanoTime();
      try {
        inTransaction(
            () ->
                as(
                    view[0],
                    () -> {
                      try {
                        return overviewMethod.invoke(caseOverviews, view[1]);
                      } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e.getCause() == null ? e : e.getCause());
                      }
                    }));
        count("pageViews");
      } catch (RuntimeException e) {
        count("pageViewsRefused");
      }
      count("msPageViews", (System.nanoTime() - t0) / 1_000_000);
    }
  }

  private void claimSome(List<Case> batch, Random random, Params params) {
    for (Case c : batch) {
      if (c.businessKey == null || random.nextDouble() >= params.claimFraction()) {
        continue;
      }
      try {
        inTransaction(
            () -> {
              for (Task task :
                  tasks
                      .createTaskQuery()
                      .processInstanceBusinessKey(c.businessKey)
                      .taskUnassigned()
                      .list()) {
                String user = userForTask(task);
                if (user != null) {
                  as(
                      user,
                      () -> {
                        tasks.claim(task.getId(), user);
                        return null;
                      });
                  count("tasksClaimed");
                }
              }
              return null;
            });
      } catch (RuntimeException e) {
        count("claimFailures");
      }
    }
  }

  private FormDriver formOf(Task task, String user) {
    String key =
        task.getCamundaFormRef() != null ? task.getCamundaFormRef().getKey() : task.getFormKey();
    if (key == null) {
      return null;
    }
    return formCache.computeIfAbsent(
        key,
        k ->
            as(
                user,
                () -> {
                  try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
                    return FormDriver.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                  } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                  }
                }));
  }

  private static Object typed(FormDriver.Value value) {
    return switch (value.type()) {
      case "Json" -> SpinValues.jsonValue((String) value.value()).create();
      default -> value.value();
    };
  }

  private String userForTask(Task task) {
    for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        String user = userFor(link.getGroupId());
        if (user != null) {
          return user;
        }
      }
    }
    return task.getAssignee();
  }

  /** A user of the group, preferring one of the shared installation (no coalition). */
  String userFor(String group) {
    List<String> users =
        usersOfGroup.computeIfAbsent(
            group,
            g -> {
              List<String> all =
                  identity.createUserQuery().memberOfGroup(g).list().stream()
                      .map(User::getId)
                      .sorted()
                      .toList();
              List<String> shared =
                  all.stream()
                      .filter(u -> identity.createTenantQuery().userMember(u).count() == 0)
                      .toList();
              return shared.isEmpty() ? all : shared;
            });
    return users.isEmpty() ? null : users.get(0);
  }

  private <T> T as(String user, Supplier<T> action) {
    if (user == null) {
      return action.get();
    }
    String[] groups =
        userGroups.computeIfAbsent(
            user,
            u ->
                identity.createGroupQuery().groupMember(u).list().stream()
                    .map(Group::getId)
                    .toArray(String[]::new));
    String[] tenants =
        userTenants.computeIfAbsent(
            user,
            u ->
                identity.createTenantQuery().userMember(u).list().stream()
                    .map(Tenant::getId)
                    .toArray(String[]::new));
    List<SimpleGrantedAuthority> authorities =
        java.util.Arrays.stream(groups).map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList();
    SecurityContextHolder.getContext()
        .setAuthentication(
            UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    identity.setAuthentication(user, List.of(groups), List.of(tenants));
    try {
      return action.get();
    } finally {
      identity.clearAuthentication();
      SecurityContextHolder.clearContext();
    }
  }

  private <T> T inTransaction(Supplier<T> action) {
    return transactions.execute(status -> action.get());
  }

  private static LocalDate today() {
    return ClockUtil.getCurrentTime().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }

  private long count(String name) {
    return count(name, 1);
  }

  private long count(String name, long delta) {
    return counters.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(delta);
  }

  static Comparator<Task> byCreation() {
    return Comparator.comparing(Task::getCreateTime);
  }
}
