package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.security.HostileProbe.Door;
import nl.zorgpad.security.HostileProbe.Kind;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.SourceAddressHttp;
import nl.zorgpad.support.SourceAddressHttp.Response;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input against the running application at every door (issue 10, item 6a), one table
 * row per probe ({@link HostileProbes}). Every probe must get a 4xx (its own status where the
 * row gives one), never a 5xx; a body without a stack trace, class, package, engine code, SQL or
 * server/version name; the Dutch text a user would read (the row's {@code sees}; in a JSON
 * answer its {@code userMessage}, else at least a Dutch sentence); and no change of state: the
 * row counts of the dossier, audit, sociale kaart and engine tables are the same after it as
 * before (except a table the row names as the right change), the touch file of the
 * code-running models does not exist, and no personal-data variable ({@code notitie},
 * {@code naamMoeder}, {@code adres}) nor the BSN sent is in the engine's variables or history.
 *
 * <p>Adding a probe: one more row in {@link HostileProbes}. The probe count by door and kind is
 * logged at the end of the class and a test keeps the table at 100 rows or more.
 */
@ZorgpadIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

  private static final Logger LOG = LoggerFactory.getLogger(HostileInputIT.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What no answer may show: stack traces, class and package names, server, engine, SQL. */
  static final Pattern LEAK =
      Pattern.compile(
          "(?i)exception|stack ?trace|caused by"
              + "|\\bat (org|java|jdk|nl|com)\\.|org\\.(springframework|camunda|apache|hibernate|h2)"
              + "|java\\.(lang|io|util)|nl\\.zorgpad\\.|tomcat|jetty|jersey|ENGINE-\\d{5}|SQLSTATE|jdbc"
              + "|\\bselect\\b.{1,80}\\bfrom\\b|\\binsert into\\b|syntax error"
              + "|camunda (bpm|platform|7)|7\\.24\\.\\d|Cannot instantiate|Cannot submit|Whitelabel");

  /** A few of the commonest Dutch words: a user's text without any of them is not Dutch. */
  private static final Pattern DUTCH =
      Pattern.compile(
          "(?i)\\b(de|het|een|niet|geen|deze|dit|is|zijn|van|voor|te|of|mag|kan|bestaat|er|op"
              + "|onbekend|ongeldig|bevat|gebruik|toegestaan|gegevens|verzoek|pagina|taak|casus)\\b");

  private static final List<String> TABLES =
      List.of(
          "zp_access_log",
          "zp_audit_record",
          "zp_emergency_access",
          "zp_case_file",
          "zp_client",
          "zp_child",
          "zp_pregnancy",
          "zp_involvement",
          "zp_consent_record",
          "zp_organisation",
          "zp_team",
          "zp_contact",
          "zp_neighbourhood",
          "ACT_RE_DEPLOYMENT",
          "ACT_RE_PROCDEF",
          "ACT_RE_DECISION_DEF",
          "ACT_GE_BYTEARRAY",
          "ACT_RU_EXECUTION",
          "ACT_RU_TASK",
          "ACT_RU_VARIABLE",
          "ACT_RU_JOB",
          "ACT_RU_IDENTITYLINK",
          "ACT_RU_FILTER",
          "ACT_HI_PROCINST",
          "ACT_HI_TASKINST",
          "ACT_HI_VARINST",
          "ACT_HI_DETAIL",
          "ACT_ID_USER",
          "ACT_ID_MEMBERSHIP");
  private static final Pattern PLACEHOLDER =
      Pattern.compile("%(task|instance|caseof)\\.([a-z0-9-]+)");

  /**
   * The signal is Zorgpad's API contract; every fixture case starts with it. With housing and
   * poverty the buurtteam is the regiehouder, so the signalling midwife asks consent first.
   */
  private static final String SIGNAL =
      """
      {"clientReference": "VK-HI-%d", "dueDate": "%s", "gestationalAgeWeeks": 20,
       "riskDomains": ["huisvesting", "armoede", "stress"],
       "signallingDiscipline": "verloskundige"}""";

  /** The file every code-running model of the table would create. */
  static final Path TOUCHED = touchFile();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired CaseFileRepository caseFiles;
  @Autowired TaskService taskService;
  @Autowired RepositoryService repositoryService;

  private final Map<String, SourceAddressHttp.Session> sessions = new LinkedHashMap<>();
  private final Map<String, String[]> webappSessions = new LinkedHashMap<>();
  private final Map<String, Task> tasks = new LinkedHashMap<>();
  private final Map<String, Integer> failures = new TreeMap<>();

  @Test
  void theTableHasAHundredProbesOrMoreAcrossEveryDoor() {
    List<HostileProbe> probes = HostileProbes.all(TOUCHED);
    assertThat(probes).hasSizeGreaterThanOrEqualTo(100);
    assertThat(probes.stream().map(probe -> probe.door).distinct()).hasSize(Door.values().length);
    assertThat(probes.stream().map(probe -> probe.kind).distinct()).hasSize(Kind.values().length);
    assertThat(probes.stream().map(HostileProbe::displayName).distinct()).hasSize(probes.size());
  }

  @TestFactory
  Stream<DynamicTest> everyProbeIsRefusedCleanlyAndChangesNothing() {
    String caseNumber = caseFiles.findAll().get(0).getCaseNumber();
    return HostileProbes.all(TOUCHED).stream()
        .map(
            probe ->
                DynamicTest.dynamicTest(
                    probe.displayName(),
                    () -> {
                      try {
                        check(probe, caseNumber);
                      } catch (AssertionError | RuntimeException failure) {
                        failures.merge(probe.door + "/" + probe.kind, 1, Integer::sum);
                        throw failure;
                      }
                    }));
  }

  @AfterAll
  void countByDoorAndKind() {
    List<HostileProbe> probes = HostileProbes.all(TOUCHED);
    Map<Door, Map<Kind, Long>> count = new EnumMap<>(Door.class);
    for (HostileProbe probe : probes) {
      count
          .computeIfAbsent(probe.door, door -> new EnumMap<>(Kind.class))
          .merge(probe.kind, 1L, Long::sum);
    }
    LOG.info(
        "Hostile input: {} probes; by door and kind: {}; failed: {}",
        probes.size(),
        count.entrySet().stream()
            .map(
                door ->
                    door.getKey()
                        + "="
                        + door.getValue().values().stream().mapToLong(Long::longValue).sum()
                        + " "
                        + door.getValue())
            .collect(Collectors.joining(", ")),
        failures);
  }

  private void check(HostileProbe probe, String caseNumber) throws Exception {
    SourceAddressHttp http = new SourceAddressHttp(port, probe.source);
    if (probe.before != null) {
      probe.before.accept(http);
    }
    String path = resolve(probe.path, caseNumber);
    byte[] body =
        probe.body == null
            ? null
            : resolve(new String(probe.body, java.nio.charset.StandardCharsets.UTF_8), caseNumber)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String form = probe.form == null ? null : resolve(probe.form, caseNumber);
    Map<String, Long> before = counts();

    List<Response> responses =
        probe.concurrent == 1
            ? List.of(send(http, probe, path, body, form))
            : concurrently(probe.concurrent, () -> send(http, probe, path, body, form));
    if (probe.concurrent > 1) {
      assertThat(responses.stream().filter(r -> r.status() >= 200 && r.status() < 300))
          .as(
              probe.displayName()
                  + ": one winner among "
                  + responses.stream().map(r -> r.status() + " " + abbreviated(r.body())).toList())
          .hasSize(1);
      responses = responses.stream().filter(r -> r.status() >= 300).toList();
      assertThat(responses).hasSize(probe.concurrent - 1);
    }
    for (Response response : responses) {
      assertRefusedCleanly(probe, response);
    }
    if (probe.concurrent == 1) {
      Map<String, Long> after = counts();
      for (String table : probe.allowedChanges) {
        before.remove(table);
        after.remove(table);
      }
      assertThat(after).as("state after " + probe.displayName()).isEqualTo(before);
    }
    assertThat(TOUCHED).as("the command of a code-running model ran").doesNotExist();
    assertNoPersonalData(probe);
  }

  private void assertRefusedCleanly(HostileProbe probe, Response response) throws Exception {
    String what =
        probe.displayName() + " -> " + response.status() + " " + abbreviated(response.body());
    assertThat(response.status()).as(what).isBetween(400, 499);
    if (probe.status != null) {
      assertThat(response.status()).as(what).isEqualTo(probe.status);
    }
    assertThat(LEAK.matcher(response.body()).find()).as("internals in " + what).isFalse();
    assertThat(response.header("Server")).as("server name in " + what).isEmpty();
    assertThat(response.header("X-Powered-By")).as(what).isEmpty();
    String text = userText(response);
    if (probe.sees != null) {
      assertThat(text).as(what).contains(probe.sees);
    }
    assertThat(text).as("a Dutch text for the user in " + what).containsPattern(DUTCH);
  }

  private Response send(
      SourceAddressHttp http, HostileProbe probe, String path, byte[] body, String form) {
    List<String> headers = new ArrayList<>(probe.headers);
    if (probe.who.sessionUser() != null) {
      SourceAddressHttp.Session session =
          sessions.computeIfAbsent(
              probe.who.sessionUser(),
              user -> new SourceAddressHttp(port, "127.0.0.1").login(user, "demo"));
      if (probe.csrfHeader && !probe.withoutCsrf) {
        headers.add("X-CSRF-TOKEN: " + session.csrfToken());
      }
      String[] extra = headers.toArray(String[]::new);
      if (form != null && !probe.withoutCsrf) {
        return session.postForm(path, form, extra);
      }
      return session.send(
          probe.method,
          path,
          probe.contentType,
          form != null ? form.getBytes(java.nio.charset.StandardCharsets.UTF_8) : body,
          probe.chunked,
          extra);
    }
    if (probe.who.webapp()) {
      // concurrent requests come from as many Tasklists (one session each), as in real life
      String[] cookieAndToken =
          probe.concurrent > 1
              ? newWebappSession(probe.who.basic())
              : webappSession(probe.who.basic());
      headers.add("Cookie: " + cookieAndToken[0]);
      if (!probe.withoutCsrf) {
        headers.add("X-XSRF-TOKEN: " + cookieAndToken[1]);
      }
    }
    return http.send(
        probe.method,
        path,
        probe.who.basic(),
        probe.contentType,
        form != null ? form.getBytes(java.nio.charset.StandardCharsets.UTF_8) : body,
        probe.chunked,
        headers.toArray(String[]::new));
  }

  /** The Tasklist's session: the cookies and Camunda's CSRF token, after a first GET. */
  private synchronized String[] webappSession(String credentials) {
    return webappSessions.computeIfAbsent(credentials, this::newWebappSession);
  }

  private String[] newWebappSession(String credentials) {
    Response first =
        new SourceAddressHttp(port, "127.0.0.1")
            .get("/camunda/api/engine/engine/default/task/count", credentials);
    assertThat(first.status()).as(first.body()).isEqualTo(200);
    String cookies =
        first.headers("Set-Cookie").stream()
            .map(c -> c.split(";")[0])
            .collect(Collectors.joining("; "));
    return new String[] {cookies, first.header("X-XSRF-TOKEN").orElseThrow()};
  }

  /** What a user reads: a JSON answer's userMessage (or the workbench's issues), else the page. */
  private static String userText(Response response) throws IOException {
    if (response.header("Content-Type").orElse("").contains("json")) {
      JsonNode json = JSON.readTree(response.body());
      if (json.hasNonNull("userMessage")) {
        return json.path("userMessage").asText("");
      }
      return String.join(" ", json.path("issues").findValuesAsText("message"));
    }
    return response.body();
  }

  private String resolve(String text, String caseNumber) {
    if (text == null) {
      return null;
    }
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      Task task = tasks.computeIfAbsent(placeholder.group(2), this::consentTask);
      String value =
          switch (placeholder.group(1)) {
            case "task" -> task.getId();
            case "instance" -> task.getProcessInstanceId();
            default ->
                jdbc.queryForObject(
                    "select BUSINESS_KEY_ from ACT_RU_EXECUTION where ID_ = ?",
                    String.class,
                    task.getProcessInstanceId());
          };
      placeholder.appendReplacement(out, value);
    }
    placeholder.appendTail(out);
    String resolved =
        out.toString()
            .replace("%case", caseNumber)
            .replace("%unknown", UUID.randomUUID().toString());
    if (resolved.contains("%definition")) {
      resolved =
          resolved.replace(
              "%definition",
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
                  .withoutTenantId()
                  .latestVersion()
                  .singleResult()
                  .getId());
    }
    return resolved;
  }

  /** A new case (a signal through Zorgpad's API) and its first task, the consent question. */
  private Task consentTask(String label) {
    String user =
        label.startsWith("dordrecht")
            ? "demo-verloskundige-dordrecht:demo"
            : "demo-verloskundige:demo";
    HttpResponse<String> signal =
        new Http(port)
            .postJson(
                "/api/signals",
                user,
                SIGNAL.formatted(System.nanoTime() % 100000, LocalDate.now().plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber;
    try {
      caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return taskService
        .createTaskQuery()
        .processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("Task_AskConsent")
        .singleResult();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private void assertNoPersonalData(HostileProbe probe) {
    for (String table : List.of("ACT_RU_VARIABLE", "ACT_HI_VARINST", "ACT_HI_DETAIL")) {
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from "
                      + table
                      + " where NAME_ in ('notitie', 'naamMoeder', 'adres') or TEXT_ like ?",
                  Long.class,
                  "%" + HostileProbes.BSN + "%"))
          .as("personal data in " + table + " after " + probe.displayName())
          .isZero();
    }
    // every earlier value of a variable is kept in the audit trail (ADR 0012)
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_audit_record where variable_key in ('notitie',"
                    + " 'naamMoeder', 'adres') or value_text like ?",
                Long.class,
                "%" + HostileProbes.BSN + "%"))
        .as("personal data in zp_audit_record after " + probe.displayName())
        .isZero();
  }

  private static List<Response> concurrently(int count, Callable<Response> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Response>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return call.call();
                }));
      }
      start.countDown();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> result : results) {
        responses.add(result.get());
      }
      return responses;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Path touchFile() {
    try {
      return Files.createTempDirectory("zorgpad-hostile").resolve("touched");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String abbreviated(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
