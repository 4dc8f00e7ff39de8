package zorgpadbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 13, the Tasklist's own request: times exactly what Tasklist 7.24 posts to list a filter
 * ({@link SideBySide#TASKLIST_BODY}, {@code Accept} {@link SideBySide#HAL}) and the plain JSON
 * variant, as a logged-in caregiver, on a small generated installation — a few minutes, not the
 * whole side-by-side suite. Variants (e.g. an engine setting) run each in a child JVM of its own
 * on its own copy of the same data, rounds interleaved (the order rotates per round).
 *
 * <p>Run: {@code ./mvnw -Pbenchmark test -Dbenchmark.tasklist=true
 * -Dtest=TasklistRequestBenchmarkTest}. Properties:
 *
 * <ul>
 *   <li>{@code benchmark.tasklist.cases} (400): cases generated once (running cases only, 0–4
 *       steps each, so that most stay open) into {@code target/benchmarks/db/h2-tasklist-<n>},
 *       reused by later runs whatever the code ({@code benchmark.tasklist.regenerate=true} makes
 *       them anew); Flyway migrates the copy on start;
 *   <li>{@code benchmark.tasklist.variants}: {@code name=--arg --arg;name2=…} (default one variant
 *       {@code current} without extra arguments);
 *   <li>{@code benchmark.tasklist.filter} ("Taken voor mijn discipline"): the shared filter timed,
 *       e.g. "Mijn werk", the Tasklist's default;
 *   <li>{@code benchmark.rounds} (5), {@code benchmark.calls} (20 per request kind and round),
 *       {@code benchmark.caregiver} ({@code demo-jgz});
 *   <li>{@code benchmark.tasklist.sql=true}: logs the SQL of one HAL request and one JSON request
 *       per variant ({@code target/benchmarks/findings/tasklist-sql-<variant>-*.log});
 *   <li>{@code benchmark.tasklist.jfr=true}: a JFR profile of 200 HAL requests per variant
 *       ({@code target/benchmarks/findings/tasklist-<variant>.jfr}).
 * </ul>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.tasklist", matches = "true")
class TasklistRequestBenchmarkTest {

  record Variant(String name, List<String> args) {}

  private static final String FILTER_PATH = "/filter/%s/list?firstResult=0&maxResults=15";

  @Test
  void tasklistFilterRequest() throws Exception {
    SideBySide.Settings settings = SideBySide.Settings.load();
    SideBySide suite = new SideBySide(settings);
    int cases = Integer.getInteger("benchmark.tasklist.cases", 400);
    List<Variant> variants = variants(System.getProperty("benchmark.tasklist.variants", ""));
    Path root = settings.root();
    Path findings = Files.createDirectories(root.resolve("findings"));
    Path data = generate(suite, root, cases);

    Map<String, Child> children = new LinkedHashMap<>();
    Map<String, Session> caregivers = new LinkedHashMap<>();
    Map<String, String> filters = new LinkedHashMap<>();
    Map<String, Samples> samples = new LinkedHashMap<>();
    try {
      for (Variant variant : variants) {
        Path work = root.resolve("work/h2-tasklist-" + variant.name());
        SideBySide.deleteTree(work);
        Files.createDirectories(work);
        Files.copy(
            data.resolve("zorgpad.mv.db"),
            work.resolve("zorgpad.mv.db"),
            StandardCopyOption.REPLACE_EXISTING);
        SideBySide.log("starting variant " + variant.name() + " " + variant.args());
        Child child =
            suite.zorgpad("h2", "zorgpad-tasklist-" + variant.name(), work, null, variant.args());
        children.put(variant.name(), child);
        child.awaitUp(Duration.ofMinutes(10));
        Session care = Session.zorgpad(child.base(), settings.caregiver(), SideBySide.PASSWORD);
        caregivers.put(variant.name(), care);
        String filter = filterId(care);
        filters.put(variant.name(), filter);
        JsonNode first = care.json(hal(care, filter));
        SideBySide.log(
            variant.name()
                + ": "
                + settings.caregiver()
                + " sees "
                + first.path("count").asLong()
                + " tasks in '"
                + filterName()
                + "', "
                + first.path("_embedded").path("variable").size()
                + " variables embedded; start-up "
                + String.format(Locale.ROOT, "%.0f s", child.startupSeconds));
        for (int i = 0; i < 30; i++) { // warm-up: JIT, caches
          hal(care, filter);
          json(care, filter);
        }
        if (Boolean.getBoolean("benchmark.tasklist.sql")) {
          sqlLog(child, care, filter, findings.resolve("tasklist-sql-" + variant.name()));
        }
      }
      SideBySide.log("load average " + Machine.loadAverage());
      for (int round = 0; round < settings.rounds(); round++) {
        for (int v = 0; v < variants.size(); v++) {
          String name = variants.get((v + round) % variants.size()).name();
          Session care = caregivers.get(name);
          String filter = filters.get(name);
          samples
              .computeIfAbsent(name + "|HAL", k -> new Samples())
              .addRound(time(settings.calls(), () -> hal(care, filter)));
          samples
              .computeIfAbsent(name + "|JSON", k -> new Samples())
              .addRound(time(settings.calls(), () -> json(care, filter)));
        }
      }
      String load = Machine.loadAverage();
      StringBuilder table = new StringBuilder();
      table.append(
          String.format(
              Locale.ROOT,
              "%nTasklist filter request, %d cases, %s, %d rounds × %d calls, load %s%n",
              cases,
              settings.caregiver(),
              settings.rounds(),
              settings.calls(),
              load));
      table.append("| variant | request | p50 ms | p95 ms | p50 per round [min–max] |\n");
      table.append("|---|---|---|---|---|\n");
      samples.forEach(
          (key, s) -> {
            String[] parts = key.split("\\|");
            double[] perRound = s.perRound(50);
            table.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %s | %.1f | %.1f | %.1f [%.1f–%.1f] |%n",
                    parts[0],
                    parts[1],
                    s.pooled(50),
                    s.pooled(95),
                    perRound[1],
                    perRound[0],
                    perRound[2]));
          });
      System.out.println(table);
      Files.writeString(
          findings.resolve("tasklist-results.md"),
          table.toString(),
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      if (Boolean.getBoolean("benchmark.tasklist.jfr")) {
        for (Variant variant : variants) {
          profile(
              children.get(variant.name()),
              caregivers.get(variant.name()),
              filters.get(variant.name()),
              findings.resolve("tasklist-" + variant.name() + ".jfr"));
        }
      }
    } finally {
      for (Child child : children.values()) {
        if (settings.keepChildren()) {
          SideBySide.log(
              "keeping " + child.name + " " + child.base() + " (pid " + child.process.pid() + ")");
        } else {
          child.close();
        }
      }
    }
  }

  /** Running cases only, most of them with open tasks; reused while the directory holds them. */
  private static Path generate(SideBySide suite, Path root, int cases) throws Exception {
    Path dir = root.resolve("db/h2-tasklist-" + cases);
    Path meta = dir.resolve("meta.json");
    if (Files.exists(meta) && !Boolean.getBoolean("benchmark.tasklist.regenerate")) {
      SideBySide.log("reusing " + dir);
      return dir;
    }
    SideBySide.deleteTree(dir);
    Files.createDirectories(dir);
    SideBySide.log("generating " + cases + " running cases into " + dir);
    try (Child child = suite.zorgpad("h2", "zorgpad-tasklist-generate-" + cases, dir, null)) {
      child.awaitUp(Duration.ofMinutes(10));
      Session admin = Session.basic(child.base(), SideBySide.ADMIN, SideBySide.ADMIN_PASSWORD);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("cases", cases);
      body.put("closedFraction", 0.0);
      body.put("endedEarlyFraction", 0.0);
      body.put("maxRunningSteps", 4);
      body.put("pageViewFraction", 0.0);
      body.put("claimFraction", 0.2);
      body.put("threads", 2);
      long started = System.nanoTime();
      JsonNode generated =
          admin.json(
              admin.postJson(
                  "/api/benchmark/generate",
                  "application/json",
                  Session.JSON.writeValueAsString(body)));
      ObjectNode result = Session.JSON.createObjectNode();
      result.put("generationSeconds", (System.nanoTime() - started) / 1e9);
      result.set("generation", generated);
      result.set("stats", admin.json(admin.get("/api/benchmark/stats", "application/json")));
      Files.writeString(meta, Session.JSON.writeValueAsString(result));
      SideBySide.log("generated: " + generated);
    }
    return dir;
  }

  static HttpResponse<String> hal(Session care, String filter) {
    return care.postJson(
        SideBySide.TASKLIST_API + String.format(FILTER_PATH, filter),
        SideBySide.HAL,
        SideBySide.TASKLIST_BODY);
  }

  static HttpResponse<String> json(Session care, String filter) {
    return care.postJson(
        SideBySide.TASKLIST_API + String.format(FILTER_PATH, filter),
        "application/json",
        SideBySide.TASKLIST_BODY);
  }

  private static double[] time(int calls, java.util.function.Supplier<HttpResponse<String>> call) {
    double[] millis = new double[calls];
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = call.get();
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "HTTP " + response.statusCode() + ": " + Session.abbreviate(response.body()));
      }
    }
    return millis;
  }

  /** The filter timed: {@code benchmark.tasklist.filter}, by default the issue's. */
  private static String filterName() {
    return System.getProperty("benchmark.tasklist.filter", SideBySide.ZORGPAD_FILTER);
  }

  private static String filterId(Session care) {
    String name = filterName();
    JsonNode filters =
        care.json(
            care.get(
                SideBySide.TASKLIST_API + "/filter?resourceType=Task&itemCount=false",
                "application/json"));
    for (JsonNode filter : filters) {
      if (name.equals(filter.path("name").asText())) {
        return filter.path("id").asText();
      }
    }
    throw new IllegalStateException("no filter " + name);
  }

  /** The SQL of one HAL and one JSON request: the part of the child's log between on and off. */
  private static void sqlLog(Child child, Session care, String filter, Path prefix)
      throws Exception {
    Session admin = Session.basic(child.base(), SideBySide.ADMIN, SideBySide.ADMIN_PASSWORD);
    for (String kind : List.of("hal", "json")) {
      admin.json(admin.postJson("/api/benchmark/sql-log?on=true", "application/json", ""));
      long before = Files.size(child.log);
      if (kind.equals("hal")) {
        hal(care, filter);
      } else {
        json(care, filter);
      }
      admin.json(admin.postJson("/api/benchmark/sql-log?on=false", "application/json", ""));
      Thread.sleep(300);
      byte[] all = Files.readAllBytes(child.log);
      String part = new String(Arrays.copyOfRange(all, (int) before, all.length));
      Path file = Path.of(prefix + "-" + kind + ".log");
      Files.writeString(file, part);
      long statements = part.lines().filter(l -> l.contains("==>  Preparing:")).count();
      SideBySide.log(kind + " request: " + statements + " statements logged (" + file + ")");
    }
  }

  /** JFR (profile settings) during 200 HAL requests. */
  private static void profile(Child child, Session care, String filter, Path file)
      throws Exception {
    String pid = Long.toString(child.process.pid());
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    run(jcmd, pid, "JFR.start", "name=tasklist", "settings=profile", "filename=" + file);
    for (int i = 0; i < 200; i++) {
      hal(care, filter);
    }
    run(jcmd, pid, "JFR.stop", "name=tasklist");
    SideBySide.log("profile of 200 HAL requests: " + file);
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
  }

  static List<Variant> variants(String spec) {
    List<Variant> result = new ArrayList<>();
    for (String part : spec.split(";")) {
      if (part.isBlank()) {
        continue;
      }
      String[] nameArgs = part.split("=", 2);
      List<String> args = new ArrayList<>();
      if (nameArgs.length > 1) {
        for (String arg : nameArgs[1].trim().split("\\s+")) {
          if (!arg.isBlank()) {
            args.add(arg);
          }
        }
      }
      result.add(new Variant(nameArgs[0].trim(), args));
    }
    if (result.isEmpty()) {
      result.add(new Variant("current", List.of()));
    }
    return result;
  }
}
