package zorgpadbench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Case creation and task completion throughput of the real Zorgpad (issue 13), in a few minutes
 * instead of the side-by-side suite's generation: Zorgpad in a child JVM ({@link
 * ZorgpadBenchMain}, profile {@code demo}, H2 file with its configured URL flags, a fresh data
 * directory), cases created through {@code POST /api/signals} as {@code demo-verloskundige}, tasks
 * completed through the Tasklist's {@code submit-form} with the variables of the task's deployed
 * form ({@link FormDriver}), as {@link SideBySide} does. Prints cases/s and tasks/s per round and
 * their medians, then the JDBC statements per request ({@link SqlCounter}). Run:
 *
 * <pre>
 * ./mvnw -Pbenchmark test -Dtest=ThroughputBenchmarkTest -Dbenchmark.throughput=true
 *   [-Dbenchmark.rounds=3 -Dbenchmark.signals=20 -Dbenchmark.completions=30 -Dbenchmark.jfr=true]
 *   ["-Dbenchmark.throughput.args=--zorgpad.engine.literal-feel=false"]
 * </pre>
 *
 * With {@code benchmark.jfr} the child records a JFR profile to {@code
 * target/benchmarks/throughput/zorgpad.jfr}. Asserts nothing about time.
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.throughput", matches = "true")
class ThroughputBenchmarkTest {

  private static final String TASKLIST_API = SideBySide.TASKLIST_API;
  private static final String SIGNALLER = "demo-verloskundige";

  private final int rounds = Integer.getInteger("benchmark.rounds", 3);
  private final int signals = Integer.getInteger("benchmark.signals", 20);
  private final int completions = Integer.getInteger("benchmark.completions", 30);
  private final int counted = Integer.getInteger("benchmark.counted", 10);
  private final boolean jfr = Boolean.getBoolean("benchmark.jfr");
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, FormDriver> forms = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final Random random = new Random(13);
  private final AtomicInteger signalNumber = new AtomicInteger();
  private final Set<String> taken = ConcurrentHashMap.newKeySet();
  private Child child;
  private List<String> caregivers;

  /** Zorgpad's arguments plus {@code benchmark.throughput.args} (space-separated, e.g. a switch). */
  private static List<String> args(Path data) {
    List<String> args = new ArrayList<>(SideBySide.zorgpadArgs(data, null));
    String extra = System.getProperty("benchmark.throughput.args", "").trim();
    if (!extra.isEmpty()) {
      args.addAll(List.of(extra.split("\\s+")));
    }
    return args;
  }

  @Test
  void caseCreationAndTaskCompletion() throws Exception {
    Path project =
        Path.of(System.getProperty("benchmark.project", System.getProperty("user.dir")))
            .toAbsolutePath();
    Path root = project.resolve("target/benchmarks/throughput");
    Path data = root.resolve("data");
    SideBySide.deleteTree(data);
    Files.createDirectories(data);
    List<String> flags =
        new ArrayList<>(SideBySide.jvmFlags(System.getProperty("benchmark.heap", "2g")));
    if (!"false".equals(System.getProperty("benchmark.throughput.sqlCount"))) {
      flags.add("-Dbenchmark.sqlCount=true");
    }
    if (jfr) {
      flags.add(
          "-XX:StartFlightRecording=settings=profile,filename="
              + root.resolve("zorgpad.jfr")
              + ",dumponexit=true");
    }
    String started = Machine.loadAverage();
    try (Child z =
        Child.start(
            "zorgpad-throughput",
            ZorgpadBenchMain.class.getName(),
            SideBySide.classpath(project),
            flags,
            args(data),
            root.resolve("logs"))) {
      child = z.awaitUp(Duration.ofMinutes(10));
      log("Zorgpad up in " + String.format(Locale.ROOT, "%.0f", z.startupSeconds) + " s");
      caregivers = caregivers();
      // cases to work on, and warm-up (JIT, caches, pools)
      create(2 * completions, 2);
      create(5, 1);
      complete(10, 1);
      complete(10, 2);
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      for (int round = 1; round <= rounds; round++) {
        rates
            .computeIfAbsent("case creation, 1 thread", k -> new ArrayList<>())
            .add(create(signals, 1));
        rates
            .computeIfAbsent("case creation, 2 threads", k -> new ArrayList<>())
            .add(create(signals, 2));
        rates
            .computeIfAbsent("task completion, 1 thread", k -> new ArrayList<>())
            .add(complete(completions, 1));
        rates
            .computeIfAbsent("task completion, 2 threads", k -> new ArrayList<>())
            .add(complete(completions, 2));
        log("round " + round + " done, load " + Machine.loadAverage());
      }
      Map<String, Object> signalSql = counting(() -> create(counted, 1));
      List<Object[]> countedTasks = prepare(counted);
      Map<String, Object> completionSql = counting(() -> complete(countedTasks, 1));
      System.out.println();
      System.out.println(
          "Zorgpad throughput, H2 file, "
              + rounds
              + " rounds of "
              + signals
              + " signals and "
              + completions
              + " completions per thread setting; load at start "
              + started
              + ", at end "
              + Machine.loadAverage());
      System.out.printf("%-28s %10s   %s%n", "metric", "median", "rounds");
      rates.forEach(
          (metric, values) ->
              System.out.printf(
                  Locale.ROOT,
                  "%-28s %10.1f   %s%n",
                  metric + (metric.startsWith("case") ? " (cases/s)" : " (tasks/s)"),
                  median(values),
                  values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList()));
      printCounts("POST /api/signals", signalSql, counted);
      printCounts("submit-form", completionSql, counted);
      if (!failures.isEmpty()) {
        System.out.println("failures: " + failures);
      }
    }
  }

  // ------------------------------------------------------------------ workload

  /** n cases through the signal API as the midwife, on the given client threads; cases/s. */
  double create(int n, int threads) throws Exception {
    for (int t = 0; t < threads; t++) {
      session(SIGNALLER, t);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger done = new AtomicInteger();
    double seconds =
        parallel(
            threads,
            t -> {
              while (next.getAndIncrement() < n) {
                int i = signalNumber.incrementAndGet();
                int weeks = 12 + i % 20;
                HttpResponse<String> response =
                    session(SIGNALLER, t)
                        .postJson(
                            "/api/signals",
                            "application/json",
                            SideBySide.json(
                                Map.of(
                                    "clientReference",
                                    "BENCH-T"
                                        + i
                                        + "-"
                                        + Long.toString(System.nanoTime() % 1_000_000, 36),
                                    "dueDate",
                                    LocalDate.now().plusWeeks(40 - weeks).toString(),
                                    "gestationalAgeWeeks",
                                    weeks,
                                    "riskDomains",
                                    List.of("stress", "huisvesting"),
                                    "signallingDiscipline",
                                    "verloskundige")));
                count(response, "signal", done);
              }
            });
    return done.get() / seconds;
  }

  /** n open tasks of the caregivers completed through submit-form; tasks/s. */
  double complete(int n, int threads) throws Exception {
    List<Object[]> items = prepare(n);
    if (items.size() < n) {
      log("only " + items.size() + " of " + n + " tasks found to complete");
    }
    return complete(items, threads);
  }

  /** The prepared tasks completed on the given client threads (sessions made before); tasks/s. */
  double complete(List<Object[]> items, int threads) throws Exception {
    List<List<Object[]>> work = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      work.add(new ArrayList<>());
    }
    for (int i = 0; i < items.size(); i++) {
      work.get(i % threads).add(items.get(i));
    }
    for (int t = 0; t < threads; t++) {
      for (Object[] item : work.get(t)) {
        session((String) item[0], t);
      }
    }
    AtomicInteger done = new AtomicInteger();
    double seconds =
        parallel(
            threads,
            t -> {
              for (Object[] item : work.get(t)) {
                Session session = session((String) item[0], t);
                String path = TASKLIST_API + "/task/" + item[1] + "/submit-form";
                HttpResponse<String> response =
                    session.postJson(path, "application/json", (String) item[2]);
                if (response.statusCode() == 400) {
                  // a form rule refused the combination: corrected and sent again, timed
                  fail("completion (first try)", response);
                  response = session.postJson(path, "application/json", (String) item[3]);
                }
                count(response, "completion", done);
              }
            });
    return done.get() / seconds;
  }

  /** Distinct open tasks of the caregivers (round robin), each with its two form fillings. */
  List<Object[]> prepare(int n) {
    List<Object[]> items = new ArrayList<>();
    for (int pass = 0; pass < 4 && items.size() < n; pass++) {
      for (String user : caregivers) {
        if (items.size() >= n) {
          break;
        }
        Session session = session(user, 0);
        HttpResponse<String> response =
            session.get(
                TASKLIST_API
                    + "/task?candidateUser="
                    + user
                    + "&firstResult="
                    + (pass * 5)
                    + "&maxResults=5&sortBy=created&sortOrder=asc",
                "application/json");
        if (response.statusCode() != 200) {
          fail("task query", response);
          continue;
        }
        for (JsonNode task : session.json(response)) {
          String id = task.path("id").asText();
          if (items.size() >= n || !taken.add(id)) {
            continue;
          }
          items.add(new Object[] {user, id, form(session, task, 0), form(session, task, 1)});
        }
      }
    }
    return items;
  }

  String form(Session session, JsonNode task, int attempt) {
    return SideBySide.zorgpadFormSubmission(session, task, attempt, forms, random);
  }

  /** The demo caregivers (not admin, auditor or coordinator), as the suite picks them. */
  List<String> caregivers() {
    JsonNode groups = admin().json(admin().get("/api/benchmark/groups", "application/json"));
    List<String> users = new ArrayList<>();
    groups
        .fields()
        .forEachRemaining(
            e -> {
              List<String> g = new ArrayList<>();
              e.getValue().forEach(v -> g.add(v.asText()));
              if (e.getKey().startsWith("demo-")
                  && !g.isEmpty()
                  && g.stream()
                      .noneMatch(
                          x ->
                              x.equals("camunda-admin")
                                  || x.equals("auditor")
                                  || x.equals("coordinator")
                                  || x.equals("beleid"))) {
                users.add(e.getKey());
              }
            });
    users.sort(null);
    return users;
  }

  // ------------------------------------------------------------------ statement counts

  interface Work {
    double run() throws Exception;
  }

  Map<String, Object> counting(Work work) throws Exception {
    Session admin = admin();
    admin.json(admin.postJson("/api/benchmark/sql-count?on=true", "application/json", ""));
    work.run();
    @SuppressWarnings("unchecked")
    Map<String, Object> counts =
        Session.JSON.convertValue(
            admin.json(admin.postJson("/api/benchmark/sql-count?on=false", "application/json", "")),
            Map.class);
    return counts;
  }

  @SuppressWarnings("unchecked")
  static void printCounts(String what, Map<String, Object> snapshot, int requests) {
    Map<String, Number> counts = (Map<String, Number>) snapshot.get("counts");
    double total = 0;
    Map<String, Double> kinds = new LinkedHashMap<>();
    for (Map.Entry<String, Number> e : counts.entrySet()) {
      String kind = e.getKey().split(" ")[0];
      if (!kind.equals("COMMIT") && !kind.equals("ROLLBACK")) {
        // statements; commits and rollbacks are listed by the thread that made them
        total += e.getValue().doubleValue();
      }
      kinds.merge(kind, e.getValue().doubleValue(), Double::sum);
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "JDBC statements per %s (%d requests, background work included): %.1f; by kind %s%n",
        what,
        requests,
        total / requests,
        perRequest(kinds, requests));
    Map<String, Double> byTable = new LinkedHashMap<>();
    counts.forEach((k, v) -> byTable.put(k, v.doubleValue()));
    System.out.println("  by statement kind and table: " + perRequest(byTable, requests));
    System.out.println("  most frequent statements (count over all requests):");
    ((Map<String, Number>) snapshot.get("top"))
        .forEach((sql, n) -> System.out.printf("  %6d  %s%n", n.longValue(), sql));
  }

  static Map<String, String> perRequest(Map<String, Double> counts, int requests) {
    Map<String, String> result = new LinkedHashMap<>();
    counts.forEach((k, v) -> result.put(k, String.format(Locale.ROOT, "%.1f", v / requests)));
    return result;
  }

  // ------------------------------------------------------------------ plumbing

  interface PerThread {
    void run(int thread) throws Exception;
  }

  /** Runs the body on n threads at once; the seconds from start to the last one's end. */
  static double parallel(int threads, PerThread body) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        running.add(
            pool.submit(
                () -> {
                  body.run(thread);
                  return null;
                }));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return (System.nanoTime() - start) / 1e9;
    } finally {
      pool.shutdown();
    }
  }

  Session session(String user, int thread) {
    return sessions.computeIfAbsent(
        user + "#" + thread, k -> Session.zorgpad(child.base(), user, SideBySide.PASSWORD));
  }

  Session admin() {
    return sessions.computeIfAbsent(
        "admin", k -> Session.basic(child.base(), SideBySide.ADMIN, SideBySide.ADMIN_PASSWORD));
  }

  void count(HttpResponse<String> response, String what, AtomicInteger done) {
    if (response.statusCode() / 100 == 2) {
      done.incrementAndGet();
    } else {
      fail(what, response);
    }
  }

  void fail(String what, HttpResponse<String> response) {
    String key = what + " HTTP " + response.statusCode();
    if (failures.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet() <= 2) {
      log(
          "FAILED "
              + key
              + " "
              + response.request().uri()
              + ": "
              + Session.abbreviate(response.body()));
    }
  }

  static double median(List<Double> values) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted.length == 0
        ? Double.NaN
        : sorted.length % 2 == 1
            ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  }

  static void log(String message) {
    System.out.println("[throughput " + java.time.LocalTime.now().withNano(0) + "] " + message);
  }
}
