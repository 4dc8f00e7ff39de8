package zorgpadbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The side-by-side benchmark (issue 13): the same workload against Zorgpad and stock Camunda
 * 7.24, each in a child JVM of its own, on the same database kind, rounds interleaved. See
 * docs/benchmarks.md for what each metric is and how to run it.
 */
final class SideBySide {

  static final String TASKLIST_API = "/camunda/api/engine/engine/default";
  static final String HAL = "application/hal+json, application/json; q=0.5";
  static final String ZORGPAD_FILTER = "Taken voor mijn discipline";
  static final String ADMIN = "admin";
  static final String ADMIN_PASSWORD = "demo-admin";
  static final String PASSWORD = "demo";

  /** The body the Tasklist 7.24 posts for its task list (camunda-tasklist-bootstrap.js). */
  static final String TASKLIST_BODY =
      "{\"processVariables\":[],\"taskVariables\":[],"
          + "\"caseInstanceVariables\":[],\"firstResult\":0,\"maxResults\":15,"
          + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}],\"active\":true}";

  static final List<String> SIGNALLING = List.of("verloskundige", "huisarts", "buurtteam");

  /** Cases per generator call; the progress is saved after each. */
  static final int CHUNK = 500;

  record Settings(
      List<Integer> sizes,
      List<String> dbs,
      int rounds,
      int calls,
      int completions,
      int signals,
      double maxSecondsPerMetric,
      String heap,
      String caregiver,
      String auditor,
      Path project,
      Path root,
      boolean keepChildren,
      boolean generateOnly) {

    static Settings load() {
      List<Integer> sizes = new ArrayList<>();
      for (String size : System.getProperty("benchmark.size", "quick").split(",")) {
        sizes.add(
            switch (size.strip().toLowerCase(Locale.ROOT)) {
              case "quick" -> 500;
              case "region" -> 10_000;
              case "country" -> 100_000;
              default -> Integer.parseInt(size.strip());
            });
      }
      Path project =
          Path.of(System.getProperty("benchmark.project", System.getProperty("user.dir")))
              .toAbsolutePath();
      return new Settings(
          sizes,
          List.of(System.getProperty("benchmark.db", "h2,postgres").split(",")),
          Integer.getInteger("benchmark.rounds", 5),
          Integer.getInteger("benchmark.calls", 20),
          Integer.getInteger("benchmark.completions", 30),
          Integer.getInteger("benchmark.signals", 20),
          Double.parseDouble(System.getProperty("benchmark.maxSecondsPerMetric", "30")),
          System.getProperty("benchmark.heap", "2g"),
          System.getProperty("benchmark.caregiver", "demo-jgz"),
          System.getProperty("benchmark.auditor", "demo-auditor"),
          project,
          project.resolve("target/benchmarks"),
          Boolean.getBoolean("benchmark.keepChildren"),
          Boolean.getBoolean("benchmark.generateOnly"));
    }
  }

  private final Settings settings;
  private final Results results = new Results();
  private final String classpath;
  private final String codeKey;
  private final Path logs;

  SideBySide(Settings settings) throws IOException {
    this.settings = settings;
    this.classpath = classpath(settings.project());
    this.codeKey = codeKey(settings.project());
    this.logs = settings.root().resolve("logs");
  }

  void run() throws Exception {
    Files.createDirectories(settings.root());
    results.context.putAll(Machine.describe());
    results.context.put("settings", settings.toString());
    results.context.put("codeKey", codeKey);
    results.context.put("started", Instant.now().toString());
    try {
      for (String db : settings.dbs()) {
        Pg pg = db.equals("postgres") ? Pg.start(settings.root().resolve("db/pg")) : null;
        if (pg != null) {
          results.context.put(
              "postgres",
              pg.version + ", fsync=" + pg.fsync + ", synchronous_commit=" + pg.synchronousCommit);
        }
        try {
          for (int size : settings.sizes()) {
            if (settings.generateOnly()) {
              Generated z = zorgpadData(db, size, pg);
              stockData(db, size, pg, z);
              continue;
            }
            runOne(db, size, pg);
            results.write(settings.root());
          }
        } finally {
          if (pg != null) {
            pg.close();
          }
        }
      }
    } finally {
      if (settings.generateOnly()) {
        log("generated only (benchmark.generateOnly): no measurement, results.json untouched");
      } else {
        results.context.put("finished", Instant.now().toString());
        results.context.put("loadAverageAtEnd", Machine.loadAverage());
        results.write(settings.root());
        System.out.println();
        System.out.println(
            "Zorgpad vs stock Camunda 7.24 (" + settings.root().resolve("results.json") + ")");
        System.out.println(results.markdown());
      }
    }
  }

  // ---------------------------------------------------------------- data: generate or reuse

  /** A generated database (kept for reuse) and what was measured right after generating it. */
  record Generated(Path dir, String pgDatabase, JsonNode meta) {}

  private Generated zorgpadData(String db, int size, Pg pg) throws Exception {
    Path dir = settings.root().resolve("db").resolve(db + "-zorgpad-" + size + "-" + codeKey);
    String database = "zg_" + size + "_" + codeKey;
    Path meta = dir.resolve("meta.json");
    if (Files.exists(meta) && (pg == null || pg.exists(database))) {
      log("reusing generated Zorgpad data " + dir);
      return new Generated(dir, database, Session.JSON.readTree(meta.toFile()));
    }
    // an interrupted generation resumes where its last finished chunk ended (progress.json)
    Path progressFile = dir.resolve("progress.json");
    ObjectNode progress =
        Files.exists(progressFile) && (pg == null || pg.exists(database))
            ? (ObjectNode) Session.JSON.readTree(progressFile.toFile())
            : null;
    if (progress == null) {
      deleteTree(dir);
      Files.createDirectories(dir);
      if (pg != null) {
        pg.create(database, null);
      }
      progress = Session.JSON.createObjectNode();
      progress.put("cases", 0);
      progress.put("seconds", 0.0);
    }
    log(
        "generating Zorgpad data: "
            + size
            + " cases on "
            + db
            + " ("
            + dir
            + "), "
            + progress.path("cases").asInt()
            + " done before");
    ObjectNode result = Session.JSON.createObjectNode();
    try (Child child =
        zorgpad(
            db, "zorgpad-generate-" + db + "-" + size, dir, pg == null ? null : pg.url(database))) {
      child.awaitUp(Duration.ofMinutes(15));
      result.put("startupSeconds", child.startupSeconds);
      Session admin = Session.basic(child.base(), ADMIN, ADMIN_PASSWORD);
      ObjectNode totals = Session.JSON.createObjectNode();
      while (progress.path("cases").asInt() < size) {
        int chunk = Math.min(CHUNK, size - progress.path("cases").asInt());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("cases", chunk);
        body.put("threads", 2);
        body.put("seed", 13 + progress.path("cases").asInt());
        long started = System.nanoTime();
        JsonNode generated =
            admin.json(
                admin.postJson(
                    "/api/benchmark/generate",
                    "application/json",
                    Session.JSON.writeValueAsString(body)));
        double seconds = (System.nanoTime() - started) / 1e9;
        progress.put("cases", progress.path("cases").asInt() + chunk);
        progress.put("seconds", progress.path("seconds").asDouble() + seconds);
        ObjectNode counters = progress.with("counters");
        generated
            .fields()
            .forEachRemaining(
                e -> {
                  if (e.getValue().isNumber()) {
                    counters.put(
                        e.getKey(),
                        counters.path(e.getKey()).asDouble(0) + e.getValue().asDouble());
                  }
                });
        Files.writeString(progressFile, Session.JSON.writeValueAsString(progress));
        log(
            "Zorgpad data: "
                + progress.path("cases").asInt()
                + " of "
                + size
                + " cases, "
                + String.format(Locale.ROOT, "%.0f", progress.path("seconds").asDouble())
                + " s so far (chunk: "
                + String.format(Locale.ROOT, "%.1f", chunk / seconds)
                + " cases/s, load "
                + Machine.loadAverage()
                + ")");
      }
      result.set("generation", progress.path("counters"));
      result.put("generationSeconds", progress.path("seconds").asDouble());
      result.set("stats", admin.json(admin.get("/api/benchmark/stats", "application/json")));
      result.set("groups", admin.json(admin.get("/api/benchmark/groups", "application/json")));
    }
    if (pg == null) {
      result.put("fileBytes", Files.size(dir.resolve("zorgpad.mv.db")));
    }
    Files.writeString(meta, Session.JSON.writeValueAsString(result));
    log("Zorgpad data generated: " + result.path("generation"));
    return new Generated(dir, database, result);
  }

  private Generated stockData(String db, int size, Pg pg, Generated zorgpad) throws Exception {
    Path dir = settings.root().resolve("db").resolve(db + "-stock-" + size + "-" + codeKey);
    String database = "sg_" + size + "_" + codeKey;
    Path meta = dir.resolve("meta.json");
    if (Files.exists(meta) && (pg == null || pg.exists(database))) {
      log("reusing generated stock data " + dir);
      return new Generated(dir, database, Session.JSON.readTree(meta.toFile()));
    }
    deleteTree(dir);
    Files.createDirectories(dir);
    if (pg != null) {
      pg.create(database, null);
    }
    JsonNode stats = zorgpad.meta().path("stats");
    long instances = stats.path("rootInstances").asLong();
    long closed = stats.path("endedRootInstances").asLong();
    long running = Math.max(1, instances - closed);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("instances", instances);
    body.put("closed", closed);
    body.put(
        "stepsPerClosed",
        Math.round(stats.path("completedTasksOfEndedCases").asDouble() / Math.max(1, closed)));
    body.put(
        "stepsPerRunning",
        Math.round(stats.path("completedTasksOfRunningCases").asDouble() / running));
    body.put("openTasks", stats.path("openTasksPerGroup"));
    Map<String, Object> users = new LinkedHashMap<>();
    zorgpad
        .meta()
        .path("groups")
        .fields()
        .forEachRemaining(
            e -> {
              List<String> groups = new ArrayList<>();
              e.getValue().forEach(g -> groups.add(g.asText()));
              if (!groups.contains("camunda-admin") && !e.getKey().equals(ADMIN)) {
                users.put(e.getKey(), groups);
              }
            });
    body.put("users", users);
    body.put("password", PASSWORD);
    log(
        "generating stock data on "
            + db
            + ": "
            + Session.JSON.writeValueAsString(body).replaceAll("\"users\":\\{.*", "…"));
    ObjectNode result = Session.JSON.createObjectNode();
    try (Child child =
        stock(db, "stock-generate-" + db + "-" + size, dir, pg == null ? null : pg.url(database))) {
      child.awaitUp(Duration.ofMinutes(10));
      result.put("startupEmptySeconds", child.startupSeconds);
      Session admin = new Session(child.base(), ADMIN);
      long started = System.nanoTime();
      result.set(
          "generation",
          admin.json(
              admin.postJson(
                  "/api/benchmark/generate",
                  "application/json",
                  Session.JSON.writeValueAsString(body))));
      result.put("generationSeconds", (System.nanoTime() - started) / 1e9);
      result.set("stats", admin.json(admin.get("/api/benchmark/stats", "application/json")));
    }
    if (pg == null) {
      result.put("fileBytes", Files.size(dir.resolve("stock.mv.db")));
    }
    Files.writeString(meta, Session.JSON.writeValueAsString(result));
    log("stock data generated: " + result.path("generation"));
    return new Generated(dir, database, result);
  }

  /** A working copy of generated data: each run measures on the same starting state. */
  private String workCopy(Generated data, String name, Path work, Pg pg, String file)
      throws Exception {
    deleteTree(work);
    Files.createDirectories(work);
    if (pg != null) {
      pg.create(name, data.pgDatabase());
      return pg.url(name);
    }
    Files.copy(data.dir().resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    return null;
  }

  Child zorgpad(String db, String name, Path dataDir, String pgUrl) throws IOException {
    return zorgpad(db, name, dataDir, pgUrl, List.of());
  }

  /** Zorgpad in a child JVM; {@code extraArgs} are further Spring arguments (a variant). */
  Child zorgpad(String db, String name, Path dataDir, String pgUrl, List<String> extraArgs)
      throws IOException {
    List<String> args = new ArrayList<>(zorgpadArgs(dataDir, pgUrl));
    args.addAll(extraArgs);
    return Child.start(name, ZorgpadBenchMain.class.getName(), classpath, jvmFlags(), args, logs);
  }

  /** Zorgpad's arguments in a child JVM: H2 file in dataDir, or the given PostgreSQL URL. */
  /**
   * The body of Zorgpad's {@code submit-form} for a listed task: the variables of the task's
   * deployed form, filled by {@link FormDriver} ({@code attempt} 1 is the correction after a
   * refused first try); forms are read once per form key into {@code cache}.
   */
  static String zorgpadFormSubmission(
      Session session, JsonNode task, int attempt, Map<String, FormDriver> cache, Random random) {
    String key = task.path("camundaFormRef").path("key").asText(task.path("formKey").asText(""));
    FormDriver form =
        cache.computeIfAbsent(
            key.isEmpty() ? "-" : key,
            k -> {
              HttpResponse<String> response =
                  session.get(
                      TASKLIST_API + "/task/" + task.path("id").asText() + "/deployed-form",
                      "application/json");
              return response.statusCode() == 200 ? FormDriver.parse(response.body()) : null;
            });
    Map<String, Object> variables = new LinkedHashMap<>();
    if (form != null) {
      synchronized (random) {
        form.fill(random, LocalDate.now(), 0, Map.of(), attempt)
            .forEach(
                (name, value) ->
                    variables.put(name, Map.of("value", value.value(), "type", value.type())));
      }
    }
    return json(Map.of("variables", variables));
  }

  static List<String> zorgpadArgs(Path dataDir, String pgUrl) {
    List<String> args = new ArrayList<>();
    args.add("--zorgpad.data-dir=" + dataDir);
    // the benchmark generates its own data; the monitor's demo year would only add start-up
    args.add("--zorgpad.demo.monitor-cases=false");
    if (pgUrl == null) {
      args.add("--spring.profiles.active=demo");
    } else {
      args.add("--spring.profiles.active=demo,postgres");
      args.add("--spring.datasource.url=" + pgUrl);
      args.add("--spring.datasource.username=" + Pg.USER);
      args.add("--spring.datasource.password=" + Pg.PASSWORD);
      args.add("--spring.flyway.user=" + Pg.USER);
      args.add("--spring.flyway.password=" + Pg.PASSWORD);
    }
    return args;
  }

  private Child stock(String db, String name, Path dataDir, String pgUrl) throws IOException {
    List<String> args = new ArrayList<>();
    if (pgUrl == null) {
      // the same URL flags as Zorgpad's H2 file default
      args.add(
          "--spring.datasource.url=jdbc:h2:file:"
              + dataDir.resolve("stock")
              + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=5000");
      args.add("--spring.datasource.username=sa");
      args.add("--spring.datasource.password=");
    } else {
      args.add("--spring.datasource.url=" + pgUrl);
      args.add("--spring.datasource.username=" + Pg.USER);
      args.add("--spring.datasource.password=" + Pg.PASSWORD);
    }
    // the one deviation from the starter's defaults besides the database: Zorgpad's user and
    // group ids (demo-jgz, poh-ggz) contain hyphens, which stock's id pattern refuses
    args.add(
        "--camunda.bpm.generic-properties.properties.general-resource-whitelist-pattern="
            + "[a-zA-Z0-9-]+|camunda-admin");
    args.add("--camunda.bpm.admin-user.id=" + ADMIN);
    args.add("--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD);
    // on at start so that the admin and the generated tasks get their grants; the suite
    // switches it per measurement (/api/benchmark/auth)
    args.add("--camunda.bpm.authorization.enabled=true");
    return Child.start(
        name, "zorgpadbench.stock.StockCamundaApp", classpath, jvmFlags(), args, logs);
  }

  private List<String> jvmFlags() {
    return jvmFlags(settings.heap());
  }

  static List<String> jvmFlags(String heap) {
    // the same flags for both; JFR's deeper stacks only matter when someone profiles (docs)
    return List.of(
        "-Xms" + heap,
        "-Xmx" + heap,
        "-XX:FlightRecorderOptions:stackdepth=256",
        "-Dfile.encoding=UTF-8",
        "-Duser.timezone=Europe/Amsterdam");
  }

  // ---------------------------------------------------------------- one size on one database

  private void runOne(String db, int size, Pg pg) throws Exception {
    Generated zData = zorgpadData(db, size, pg);
    Generated sData = stockData(db, size, pg, zData);
    storageMetrics(db, size, zData, sData);

    Path zWork = settings.root().resolve("work/" + db + "-zorgpad");
    Path sWork = settings.root().resolve("work/" + db + "-stock");
    String zUrl = workCopy(zData, "zr_work", zWork, pg, "zorgpad.mv.db");
    String sUrl = workCopy(sData, "sr_work", sWork, pg, "stock.mv.db");
    log("starting Zorgpad and stock on " + db + " with " + size + " cases");
    Child z = zorgpad(db, "zorgpad-" + db + "-" + size, zWork, zUrl);
    Child s = null;
    try {
      z.awaitUp(Duration.ofMinutes(10));
      s = stock(db, "stock-" + db + "-" + size, sWork, sUrl);
      s.awaitUp(Duration.ofMinutes(10));
      results.add("start-up to health UP", size, db, "s", z.startupSeconds, s.startupSeconds);
      results.add("RSS at health UP", size, db, "MB", z.rssAtUpBytes / 1e6, s.rssAtUpBytes / 1e6);
      new Workload(db, size, z, s, zData).run();
    } finally {
      if (!settings.keepChildren()) {
        z.close();
        if (s != null) {
          s.close();
        }
      } else {
        log(
            "keeping children: Zorgpad "
                + z.base()
                + " (pid "
                + z.process.pid()
                + "), stock "
                + (s == null ? "-" : s.base() + " (pid " + s.process.pid() + ")"));
      }
    }
  }

  private void storageMetrics(String db, int size, Generated z, Generated s) {
    JsonNode zs = z.meta().path("stats");
    JsonNode ss = s.meta().path("stats");
    double zCases = Math.max(1, zs.path("rootInstances").asDouble());
    double sCases = Math.max(1, ss.path("rootInstances").asDouble());
    results.add(
        "generation time",
        size,
        db,
        "s",
        z.meta().path("generationSeconds").asDouble(),
        s.meta().path("generationSeconds").asDouble());
    results.add(
        "cases generated",
        size,
        db,
        "cases",
        zs.path("rootInstances").asDouble(),
        ss.path("rootInstances").asDouble());
    results.add(
        "open tasks generated",
        size,
        db,
        "tasks",
        zs.path("openTasks").asDouble(),
        ss.path("openTasks").asDouble());
    results.add(
        "cases closed",
        size,
        db,
        "cases",
        zs.path("endedRootInstances").asDouble(),
        ss.path("endedRootInstances").asDouble());
    if (db.equals("h2")) {
      results.add(
          "H2 file per case",
          size,
          db,
          "KB",
          z.meta().path("fileBytes").asDouble() / zCases / 1024,
          s.meta().path("fileBytes").asDouble() / sCases / 1024);
    } else {
      results.add(
          "PostgreSQL database per case",
          size,
          db,
          "KB",
          zs.path("databaseBytes").asDouble() / zCases / 1024,
          ss.path("databaseBytes").asDouble() / sCases / 1024);
    }
    results.add(
        "live size per case (tables + indexes)",
        size,
        db,
        "KB",
        zs.path("liveBytes").asDouble() / zCases / 1024,
        ss.path("liveBytes").asDouble() / sCases / 1024);
    if (db.equals("h2")) {
      results.add(
          "H2 file / live size",
          size,
          db,
          "x",
          z.meta().path("fileBytes").asDouble() / Math.max(1, zs.path("liveBytes").asDouble()),
          s.meta().path("fileBytes").asDouble() / Math.max(1, ss.path("liveBytes").asDouble()));
    }
    results.add(
        "ACT_HI_* rows per case",
        size,
        db,
        "rows",
        sumRows(zs, "ACT_HI_") / zCases,
        sumRows(ss, "ACT_HI_") / sCases);
    results.add(
        "ACT_RU_AUTHORIZATION rows per case",
        size,
        db,
        "rows",
        zs.path("rows").path("ACT_RU_AUTHORIZATION").asDouble() / zCases,
        ss.path("rows").path("ACT_RU_AUTHORIZATION").asDouble() / sCases);
    results.add(
        "all rows per case", size, db, "rows", sumRows(zs, "") / zCases, sumRows(ss, "") / sCases);
    results.add(
        "audit trail records per case",
        size,
        db,
        "rows",
        zs.path("rows").path("ZP_AUDIT_RECORD").asDouble() / zCases,
        null);
    results.add(
        "access-log records per case",
        size,
        db,
        "rows",
        zs.path("rows").path("ZP_ACCESS_LOG").asDouble() / zCases,
        null);
    results.add(
        "completed tasks per case",
        size,
        db,
        "tasks",
        zs.path("completedTasks").asDouble() / zCases,
        ss.path("completedTasks").asDouble() / sCases);
  }

  private static double sumRows(JsonNode stats, String prefix) {
    double sum = 0;
    for (Iterator<Map.Entry<String, JsonNode>> it = stats.path("rows").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().startsWith(prefix)) {
        sum += e.getValue().asDouble();
      }
    }
    return sum;
  }

  // ---------------------------------------------------------------- the workload

  /** One system's side of a measurement; stock additionally switches its authorization. */
  private final class Workload {
    final String db;
    final int size;
    final Child z;
    final Child s;
    final Generated zData;
    final Map<String, Samples> samples = new LinkedHashMap<>();
    final Map<String, List<Double>> rates = new LinkedHashMap<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final Map<String, FormDriver> formCache = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final Random random = new Random(5);
    String zFilter;
    String sFilter;
    String closedCase;
    long chainRecords;

    Workload(String db, int size, Child z, Child s, Generated zData) {
      this.db = db;
      this.size = size;
      this.z = z;
      this.s = s;
      this.zData = zData;
    }

    Session zSession(String user) {
      return sessions.computeIfAbsent(
          "z:" + user + ":" + Thread.currentThread().getName(),
          k -> Session.zorgpad(z.base(), user, PASSWORD));
    }

    Session sSession(String user) {
      return sessions.computeIfAbsent(
          "s:" + user + ":" + Thread.currentThread().getName(),
          k -> Session.stock(s.base(), user, PASSWORD));
    }

    void run() throws Exception {
      discover();
      for (int round = 0; round <= settings.rounds(); round++) {
        boolean warmUp = round == 0;
        boolean zorgpadFirst = round % 2 == 1;
        log(
            (warmUp ? "warm-up" : "round " + round)
                + " on "
                + db
                + ", "
                + size
                + " cases"
                + (zorgpadFirst ? " (Zorgpad first)" : " (stock first)"));
        if (zorgpadFirst) {
          zorgpadRound(warmUp);
          stockRound(warmUp);
        } else {
          stockRound(warmUp);
          zorgpadRound(warmUp);
        }
      }
      report();
      if (!failures.isEmpty()) {
        Map<String, Integer> f = new LinkedHashMap<>();
        failures.forEach((k, v) -> f.put(k, v.get()));
        results.context.put("failures " + db + " " + size, f);
      }
    }

    void discover() {
      zFilter = filterId(zSession(settings.caregiver()), ZORGPAD_FILTER, "Zorgpad");
      sFilter = filterId(sSession(settings.caregiver()), StockFilter.NAME, "stock");
      JsonNode zList =
          zSession(settings.caregiver())
              .json(
                  zSession(settings.caregiver())
                      .postJson(
                          TASKLIST_API + "/filter/" + zFilter + "/list?firstResult=0&maxResults=15",
                          HAL,
                          TASKLIST_BODY));
      stockAuth(true);
      JsonNode sList =
          sSession(settings.caregiver())
              .json(
                  sSession(settings.caregiver())
                      .postJson(
                          TASKLIST_API + "/filter/" + sFilter + "/list?firstResult=0&maxResults=15",
                          HAL,
                          TASKLIST_BODY));
      results.context.put(
          "caregiver tasks " + db + " " + size,
          "Zorgpad "
              + zList.path("count").asLong()
              + ", stock (authorization on) "
              + sList.path("count").asLong()
              + " — the filter's count for "
              + settings.caregiver());
      if (zList.path("count").asLong() == 0) {
        throw new IllegalStateException(
            "the caregiver "
                + settings.caregiver()
                + " sees no task in Zorgpad's filter '"
                + ZORGPAD_FILTER
                + "': nothing to measure");
      }
      if (sList.path("count").asLong() == 0) {
        throw new IllegalStateException(
            "the stock caregiver sees no task with authorization on"
                + " (the per-task grants are missing)");
      }
      Session admin = Session.basic(z.base(), ADMIN, ADMIN_PASSWORD);
      JsonNode closed =
          admin.json(
              admin.get(
                  "/engine-rest/history/process-instance"
                      + "?processDefinitionKey="
                      + ZorgpadGenerator.MAIN_PATHWAY
                      + "&finished=true&sortBy=startTime&sortOrder=asc&maxResults=20",
                  "application/json"));
      closedCase = null;
      for (JsonNode instance : closed) {
        if (instance.hasNonNull("businessKey")) {
          closedCase = instance.path("businessKey").asText();
        }
      }
      if (closedCase == null) {
        JsonNode any =
            admin.json(
                admin.get(
                    "/engine-rest/process-instance?processDefinitionKey="
                        + ZorgpadGenerator.MAIN_PATHWAY
                        + "&maxResults=1",
                    "application/json"));
        closedCase = any.path(0).path("businessKey").asText(null);
      }
      JsonNode rows = zData.meta().path("stats").path("rows");
      chainRecords = rows.path("ZP_AUDIT_RECORD").asLong() + rows.path("ZP_ACCESS_LOG").asLong();
    }

    String filterId(Session session, String name, String system) {
      JsonNode filters =
          session.json(
              session.get(
                  TASKLIST_API + "/filter?resourceType=Task&itemCount=false", "application/json"));
      List<String> names = new ArrayList<>();
      for (JsonNode filter : filters) {
        names.add(filter.path("name").asText());
        if (name.equals(filter.path("name").asText())) {
          return filter.path("id").asText();
        }
      }
      throw new IllegalStateException(
          system
              + ": no Tasklist filter '"
              + name
              + "' for "
              + session.user
              + " (filters: "
              + names
              + ")");
    }

    void stockAuth(boolean enabled) {
      new Session(s.base(), ADMIN)
          .json(
              new Session(s.base(), ADMIN)
                  .postJson("/api/benchmark/auth?enabled=" + enabled, "application/json", ""));
    }

    // -------------------------------------------------------------- Zorgpad's round

    void zorgpadRound(boolean warmUp) {
      Session care = zSession(settings.caregiver());
      latency(
          "tasklist HAL filter list",
          "zorgpad",
          warmUp,
          () ->
              care.postJson(
                  TASKLIST_API + "/filter/" + zFilter + "/list?firstResult=0&maxResults=15",
                  HAL,
                  TASKLIST_BODY));
      latency(
          "filter list as plain JSON",
          "zorgpad",
          warmUp,
          () ->
              care.postJson(
                  TASKLIST_API + "/filter/" + zFilter + "/list?firstResult=0&maxResults=15",
                  "application/json",
                  TASKLIST_BODY));
      latency("/casus (case list)", "zorgpad", warmUp, () -> care.get("/casus", "text/html"));
      Session auditor = zSession(settings.auditor());
      if (closedCase != null) {
        latency(
            "audit case history",
            "zorgpad",
            warmUp,
            () -> auditor.get("/audit/casus/" + closedCase, "text/html"));
      }
      latency(
          "access-log search (one user)",
          "zorgpad",
          warmUp,
          () -> auditor.get("/audit/toegang?gebruiker=" + settings.caregiver(), "text/html"));
      LocalDate today = LocalDate.now();
      latency(
          "unusual-access review (30 days)",
          "zorgpad",
          warmUp,
          () ->
              auditor.get(
                  "/audit/toegang?van=" + today.minusDays(30) + "&tot=" + today, "text/html"));
      latency(
          "chain check: /actuator/health as auditor",
          "zorgpad",
          warmUp,
          () -> auditor.get("/actuator/health", "application/json"));
      latency(
          "chain check: /audit/keten (full)",
          "zorgpad",
          warmUp,
          () -> auditor.get("/audit/keten", "text/html"));
      completion("zorgpad", 1, warmUp);
      completion("zorgpad", 2, warmUp);
      creation("zorgpad", 1, warmUp);
      creation("zorgpad", 2, warmUp);
    }

    // -------------------------------------------------------------- stock's round

    void stockRound(boolean warmUp) {
      Session care = sSession(settings.caregiver());
      for (boolean on : new boolean[] {false, true}) {
        stockAuth(on);
        String variant = on ? "stockAuthOn" : "stockAuthOff";
        latency(
            "tasklist HAL filter list",
            variant,
            warmUp,
            () ->
                care.postJson(
                    TASKLIST_API + "/filter/" + sFilter + "/list?firstResult=0&maxResults=15",
                    HAL,
                    TASKLIST_BODY));
        latency(
            "filter list as plain JSON",
            variant,
            warmUp,
            () ->
                care.postJson(
                    TASKLIST_API + "/filter/" + sFilter + "/list?firstResult=0&maxResults=15",
                    "application/json",
                    TASKLIST_BODY));
        completion(variant, 1, warmUp);
        completion(variant, 2, warmUp);
        creation(variant, 1, warmUp);
        creation(variant, 2, warmUp);
      }
      stockAuth(true);
    }

    // -------------------------------------------------------------- measurements

    void latency(
        String metric, String variant, boolean warmUp, Supplier<HttpResponse<String>> call) {
      int calls = warmUp ? 3 : settings.calls();
      List<Double> millis = new ArrayList<>();
      long budget = System.nanoTime() + (long) (settings.maxSecondsPerMetric() * 1e9);
      for (int i = 0; i < calls; i++) {
        long start = System.nanoTime();
        HttpResponse<String> response = call.get();
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() / 100 != 2) {
          fail(metric + " " + variant, response);
          if (i == 0 && warmUp) {
            throw new IllegalStateException(
                metric
                    + " ("
                    + variant
                    + "): HTTP "
                    + response.statusCode()
                    + " "
                    + Session.abbreviate(response.body()));
          }
        }
        millis.add(ms);
        if (System.nanoTime() > budget && millis.size() >= 3) {
          break;
        }
      }
      if (!warmUp) {
        samples
            .computeIfAbsent(metric + "|" + variant, k -> new Samples())
            .addRound(millis.stream().mapToDouble(Double::doubleValue).toArray());
      }
    }

    /** Task completion through submit-form, as the Tasklist submits a form, n client threads. */
    void completion(String variant, int threads, boolean warmUp) {
      boolean zorgpad = variant.equals("zorgpad");
      int total = warmUp ? 4 : settings.completions();
      List<String> users = completionUsers(zorgpad);
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              r -> new Thread(r, "client-" + variant + "-" + threads + "-" + r.hashCode()));
      try {
        // prepare outside the timing: distinct tasks with the variables to submit, dealt out
        // to the threads (a task visible to two users is taken once)
        List<Object[]> all = prepare(zorgpad, users, total);
        List<List<Object[]>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          work.add(new ArrayList<>());
        }
        for (int i = 0; i < all.size(); i++) {
          work.get(i % threads).add(all.get(i));
        }
        // the sessions of each thread exist before the clock starts
        List<Future<?>> ready = new ArrayList<>();
        for (List<Object[]> items : work) {
          ready.add(
              pool.submit(
                  () -> {
                    items.forEach(item -> session(zorgpad, (String) item[0]));
                    return null;
                  }));
        }
        for (Future<?> f : ready) {
          f.get();
        }
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (List<Object[]> items : work) {
          running.add(
              pool.submit(
                  () -> {
                    for (Object[] item : items) {
                      Session session = session(zorgpad, (String) item[0]);
                      HttpResponse<String> response =
                          session.postJson(
                              TASKLIST_API + "/task/" + item[1] + "/submit-form",
                              "application/json",
                              (String) item[2]);
                      if (response.statusCode() == 400 && item[3] != null) {
                        // the form refused a combination (e.g. the signaller as recipient): the
                        // caregiver corrects it and submits again, inside the timing
                        fail("completion " + variant + " (first try)", response);
                        response =
                            session.postJson(
                                TASKLIST_API + "/task/" + item[1] + "/submit-form",
                                "application/json",
                                (String) item[3]);
                      }
                      if (response.statusCode() / 100 == 2) {
                        done.incrementAndGet();
                      } else {
                        fail("completion " + variant, response);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : running) {
          f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!warmUp && done.get() > 0) {
          rates
              .computeIfAbsent(
                  "task completion (submit-form), "
                      + threads
                      + " thread"
                      + (threads > 1 ? "s" : "")
                      + "|"
                      + variant,
                  k -> new ArrayList<>())
              .add(done.get() / seconds);
        }
      } catch (Exception e) {
        throw new IllegalStateException("completion " + variant + ": " + e.getMessage(), e);
      } finally {
        pool.shutdown();
      }
    }

    /** The caregiver users of each system (those with tasks). */
    List<String> completionUsers(boolean zorgpad) {
      List<String> users = new ArrayList<>();
      zData
          .meta()
          .path("groups")
          .fields()
          .forEachRemaining(
              e -> {
                String user = e.getKey();
                List<String> groups = new ArrayList<>();
                e.getValue().forEach(g -> groups.add(g.asText()));
                if (user.startsWith("demo-")
                    && groups.stream()
                        .noneMatch(
                            g ->
                                g.equals("camunda-admin")
                                    || g.equals("auditor")
                                    || g.equals("coordinator"))
                    && groups.stream()
                        .anyMatch(
                            g -> zData.meta().path("stats").path("openTasksPerGroup").has(g))) {
                  users.add(user);
                }
              });
      if (users.isEmpty()) {
        throw new IllegalStateException("no demo caregiver holds an open task");
      }
      users.sort(Comparator.naturalOrder());
      return users;
    }

    Session session(boolean zorgpad, String user) {
      return zorgpad ? zSession(user) : sSession(user);
    }

    /**
     * Distinct open tasks of the users (round robin, oldest first, a random offset so that
     * rounds do not all take the same cases), each with the form variables to submit.
     */
    List<Object[]> prepare(boolean zorgpad, List<String> users, int count) {
      List<Object[]> items = new ArrayList<>();
      java.util.Set<String> taken = new java.util.HashSet<>();
      int per = Math.max(2, count / users.size() + 2);
      for (int pass = 0; pass < 3 && items.size() < count; pass++) {
        for (int u = 0; u < users.size() && items.size() < count; u++) {
          String user = users.get(u);
          Session session = session(zorgpad, user);
          HttpResponse<String> response =
              session.get(
                  TASKLIST_API
                      + "/task?candidateUser="
                      + user
                      + "&firstResult="
                      + (pass * per)
                      + "&maxResults="
                      + per
                      + "&sortBy=created&sortOrder=asc",
                  "application/json");
          if (response.statusCode() != 200) {
            fail("task query " + (zorgpad ? "zorgpad" : "stock"), response);
            continue;
          }
          for (JsonNode task : session.json(response)) {
            String id = task.path("id").asText();
            if (items.size() >= count || !taken.add(id)) {
              continue;
            }
            String body = zorgpad ? zorgpadForm(session, task, 0) : stockForm(session, task);
            if (body != null) {
              items.add(
                  new Object[] {user, id, body, zorgpad ? zorgpadForm(session, task, 1) : null});
            }
          }
        }
      }
      return items;
    }

    String zorgpadForm(Session session, JsonNode task, int attempt) {
      return zorgpadFormSubmission(session, task, attempt, formCache, random);
    }

    String stockForm(Session session, JsonNode task) {
      JsonNode links =
          session.json(
              session.get(
                  TASKLIST_API
                      + "/task/"
                      + task.path("id").asText()
                      + "/identity-links?type=candidate",
                  "application/json"));
      String group = links.path(0).path("groupId").asText("wacht");
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("next", Map.of("value", "again", "type", "String"));
      variables.put("group", Map.of("value", group, "type", "String"));
      variables.put("outcome", Map.of("value", "uitkomst-1", "type", "String"));
      variables.put("stepDate", Map.of("value", LocalDate.now().toString(), "type", "String"));
      variables.put("checked", Map.of("value", true, "type", "Boolean"));
      return json(Map.of("variables", variables));
    }

    /** Case creation: Zorgpad's signal API; stock: the process's start-form submit. */
    void creation(String variant, int threads, boolean warmUp) {
      boolean zorgpad = variant.equals("zorgpad");
      int total = warmUp ? 2 : settings.signals();
      ExecutorService pool =
          Executors.newFixedThreadPool(
              threads,
              r -> new Thread(r, "signal-" + variant + "-" + threads + "-" + r.hashCode()));
      try {
        List<Future<?>> sessionsReady = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          sessionsReady.add(
              pool.submit(
                  () -> zorgpad ? zSession("demo-verloskundige") : sSession("demo-verloskundige")));
        }
        for (Future<?> f : sessionsReady) {
          f.get();
        }
        AtomicInteger done = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          running.add(
              pool.submit(
                  () -> {
                    while (next.getAndIncrement() < total) {
                      int weeks = 12 + next.get() % 20;
                      String due = LocalDate.now().plusWeeks(40 - weeks).toString();
                      HttpResponse<String> response;
                      if (zorgpad) {
                        response =
                            zSession("demo-verloskundige")
                                .postJson(
                                    "/api/signals",
                                    "application/json",
                                    json(
                                        Map.of(
                                            "clientReference",
                                            "BENCH-S"
                                                + next.get()
                                                + "-"
                                                + Long.toString(System.nanoTime() % 1_000_000, 36),
                                            "dueDate",
                                            due,
                                            "gestationalAgeWeeks",
                                            weeks,
                                            "riskDomains",
                                            List.of("stress", "huisvesting"),
                                            "signallingDiscipline",
                                            "verloskundige")));
                      } else {
                        Map<String, Object> variables = new LinkedHashMap<>();
                        variables.put("clientReference", Map.of("value", "BENCH-S" + next.get()));
                        variables.put("dueDate", Map.of("value", due));
                        variables.put(
                            "gestationalAgeWeeks", Map.of("value", weeks, "type", "Long"));
                        variables.put("riskDomains", Map.of("value", "[\"stress\"]"));
                        variables.put("signallingDiscipline", Map.of("value", "verloskundige"));
                        variables.put("group", Map.of("value", "verloskundige"));
                        variables.put("hasSecond", Map.of("value", false, "type", "Boolean"));
                        response =
                            sSession("demo-verloskundige")
                                .postJson(
                                    TASKLIST_API
                                        + "/process-definition/key/"
                                        + StockFilter.PROCESS
                                        + "/submit-form",
                                    "application/json",
                                    json(
                                        Map.of(
                                            "variables",
                                            variables,
                                            "businessKey",
                                            "ST-S" + System.nanoTime())));
                      }
                      if (response.statusCode() / 100 == 2) {
                        done.incrementAndGet();
                      } else {
                        fail("case creation " + variant, response);
                      }
                    }
                    return null;
                  }));
        }
        for (Future<?> f : running) {
          f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!warmUp && done.get() > 0) {
          rates
              .computeIfAbsent(
                  "case creation (Zorgpad: POST /api/signals), "
                      + threads
                      + " thread"
                      + (threads > 1 ? "s" : "")
                      + "|"
                      + variant,
                  k -> new ArrayList<>())
              .add(done.get() / seconds);
        }
      } catch (Exception e) {
        throw new IllegalStateException("case creation " + variant + ": " + e.getMessage(), e);
      } finally {
        pool.shutdown();
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

    // -------------------------------------------------------------- report

    void report() {
      List<String> latencyMetrics =
          samples.keySet().stream().map(k -> k.split("\\|")[0]).distinct().toList();
      for (String metric : latencyMetrics) {
        for (double percentile : new double[] {50, 95}) {
          Samples zs = samples.get(metric + "|zorgpad");
          Samples off = samples.get(metric + "|stockAuthOff");
          Samples on = samples.get(metric + "|stockAuthOn");
          Double zv = zs == null ? null : zs.pooled(percentile);
          Double offV = off == null ? null : off.pooled(percentile);
          Double onV = on == null ? null : on.pooled(percentile);
          Results.Metric m =
              results.add(metric + " p" + (int) percentile, size, db, "ms", zv, offV);
          if (zs != null) {
            m.put("zorgpadRange", Results.range(zs.perRound(percentile)));
            m.put("calls", zs.count());
          }
          if (off != null) {
            m.put("stockRange", Results.range(off.perRound(percentile)));
            m.put("stockAuthOff", Results.round(offV));
            m.put("stockAuthOn", Results.round(onV));
            m.put("stockAuthOnRange", Results.range(on.perRound(percentile)));
            m.put("ratioToStockAuthOn", zv == null || onV == null ? null : Results.round(zv / onV));
            m.put("baseline", "stock, authorization off");
          }
          if (metric.startsWith("chain check: /audit/keten")
              && percentile == 50
              && zv != null
              && chainRecords > 0) {
            results
                .add(
                    "chain check: full verification rate",
                    size,
                    db,
                    "records/s",
                    chainRecords / (zv / 1000),
                    null)
                .put("records", chainRecords);
          }
        }
      }
      List<String> rateMetrics =
          rates.keySet().stream().map(k -> k.split("\\|")[0]).distinct().toList();
      for (String metric : rateMetrics) {
        double[] zv = rangeOf(rates.get(metric + "|zorgpad"));
        double[] off = rangeOf(rates.get(metric + "|stockAuthOff"));
        double[] on = rangeOf(rates.get(metric + "|stockAuthOn"));
        String unit = metric.startsWith("case") ? "cases/s" : "tasks/s";
        Results.Metric m = results.add(metric, size, db, unit, zv[1], on[1]);
        m.put("zorgpadRange", Results.range(zv));
        m.put("stockRange", Results.range(on));
        m.put("stockAuthOff", Results.round(off[1]));
        m.put("stockAuthOn", Results.round(on[1]));
        m.put("baseline", "stock, authorization on");
      }
    }

    double[] rangeOf(List<Double> values) {
      if (values == null || values.isEmpty()) {
        return new double[] {Double.NaN, Double.NaN, Double.NaN};
      }
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return new double[] {sorted[0], Samples.median(sorted), sorted[sorted.length - 1]};
    }
  }

  /** Names the stock app uses (kept here so the suite does not load the stock app's classes). */
  static final class StockFilter {
    static final String NAME = "Taken voor mijn discipline";
    static final String PROCESS = "stock-pathway";
  }

  // ---------------------------------------------------------------- helpers

  static String json(Object value) {
    try {
      return Session.JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static void log(String message) {
    System.out.println("[benchmark " + Instant.now().toString().substring(11, 19) + "] " + message);
  }

  /** target/test-classes, target/classes and the test-scope dependencies (written by Maven). */
  static String classpath(Path project) throws IOException {
    Path file = project.resolve("target/benchmarks/classpath.txt");
    if (!Files.exists(file)) {
      throw new IllegalStateException(
          file
              + " is missing: run the suite with ./mvnw -Pbenchmark"
              + " (the profile writes the test classpath there)");
    }
    // the children run from a copy of the compiled classes: a build in the same worktree while
    // a long generation runs would otherwise pull class files from under the child's feet
    Path snapshot =
        project.resolve("target/benchmarks/run-classes/" + ProcessHandle.current().pid());
    deleteTree(snapshot);
    copyTree(project.resolve("target/test-classes"), snapshot.resolve("test-classes"));
    copyTree(project.resolve("target/classes"), snapshot.resolve("classes"));
    return snapshot.resolve("test-classes")
        + java.io.File.pathSeparator
        + snapshot.resolve("classes")
        + java.io.File.pathSeparator
        + Files.readString(file).strip();
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path path : paths.toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /**
   * What the generated data depends on: the pathways, forms, migrations, main code and the
   * benchmark's own generator. Generated databases are reused only while this stays the same.
   */
  static String codeKey(Path project) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (String dir :
          List.of(
              "processes",
              "forms",
              "src/main/java",
              "src/main/resources",
              "src/test/java/zorgpadbench/ZorgpadGenerator.java",
              "src/test/java/zorgpadbench/FormDriver.java",
              "src/test/java/zorgpadbench/stock/StockBench.java")) {
        Path root = project.resolve(dir);
        if (!Files.exists(root)) {
          continue;
        }
        try (Stream<Path> files = Files.walk(root)) {
          for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
            if (path.toString().contains("/static/modeling/assets/")) {
              continue;
            }
            digest.update(project.relativize(path).toString().getBytes());
            try (InputStream in = Files.newInputStream(path)) {
              digest.update(in.readAllBytes());
            }
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 10);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
