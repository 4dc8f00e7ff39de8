package nl.zorgpad.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import nl.zorgpad.support.FullChainCheckPage;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Issue 16's proof, as an operator would try it: two Zorgpad nodes (child JVMs from the test
 * class path, profiles {@code postgres,demo}) started at the same moment on an empty PostgreSQL 15
 * database, behind nginx with {@code deploy/nginx.conf} when the machine has it; mixed load on
 * both; a caregiver's session that moves from node to node; one node killed with {@code kill -9}
 * while it executes a timer; the survivor goes on, the timer fires once after the lock time;
 * both hash chains intact, case numbers without gaps or doubles; then a backup restored into a
 * new database, on which the application starts and verifies the chains.
 *
 * <p>The tests run in this order on the same two nodes (one class: starting nodes is what
 * costs). The job lock time is 30 s here (5 minutes in production), so that the timer of the
 * killed node is late by 30 s instead of 5 minutes. Logs: {@code target/cluster-it/}.
 */
@Tag("cluster")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

  static final String DATABASE = "zorgpad_cluster_it";
  static final String RESTORED = "zorgpad_cluster_restored";
  static final int LOCK_TIME_MILLIS = 30_000;
  static final String ADMIN = "admin:demo-admin";
  static final Path LOGS = Path.of("target", "cluster-it");
  private static final ObjectMapper JSON = new ObjectMapper();

  Node nodeA;
  Node nodeB;
  Node victim;
  Node survivor;
  Proxy proxy;
  JdbcTemplate dba;
  SingleConnectionDataSource dbaConnection;
  Load load = new Load();
  long started = System.nanoTime();

  @BeforeAll
  void emptyDatabase() throws Exception {
    deleteRecursively(LOGS);
    Files.createDirectories(LOGS);
    PostgresServer.createDatabase(DATABASE);
    dbaConnection = PostgresServer.connect(DATABASE, PostgresServer.SUPERUSER);
    dba = new JdbcTemplate(dbaConnection);
    System.out.println("ClusterIT: PostgreSQL " + PostgresServer.version());
  }

  @AfterAll
  void stopEverything() throws Exception {
    load.stop();
    for (AutoCloseable running : new AutoCloseable[] {proxy, nodeA, nodeB}) {
      if (running != null) {
        running.close();
      }
    }
    if (dbaConnection != null) {
      dbaConnection.destroy();
    }
    System.out.println(
        "ClusterIT: " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s in all");
  }

  @Test
  @Order(1)
  void twoNodesStartedAtTheSameMomentOnAnEmptyDatabaseBothComeUpAndDoubleNothing() {
    long start = System.nanoTime();
    String url = PostgresServer.url(DATABASE);
    nodeA = Node.start("node-a", url, LOGS, nodeArguments(true));
    nodeB = Node.start("node-b", url, LOGS, nodeArguments(false));
    nodeA.awaitReady(Duration.ofMinutes(10));
    nodeB.awaitReady(Duration.ofMinutes(10));
    System.out.println(
        "ClusterIT: both nodes up after "
            + Duration.ofNanos(System.nanoTime() - start).toSeconds()
            + " s");

    for (Node node : List.of(nodeA, nodeB)) {
      String log = node.logText();
      assertThat(log)
          .as(node.name)
          .contains("Start-up lock taken")
          .contains("Start-up lock released")
          .doesNotContain("ENGINE-03017")
          .doesNotContain("duplicate key")
          .doesNotContain("APPLICATION FAILED TO START");
    }
    // one created schema, data and deployment; the other found them
    assertThat(nodeA.logText() + nodeB.logText()).contains("Pathways and forms unchanged");
    assertThat(
            dba.queryForList(
                "select version from zp_schema_history where version is not"
                    + " null group by version having count(*) > 1"))
        .isEmpty();
    assertThat(
            dba.queryForObject(
                "select count(*) from zp_schema_history where not success", Long.class))
        .isZero();
    assertThat(
            dba.queryForObject(
                "select count(*) from zp_schema_history where type =" + " 'BASELINE'", Long.class))
        .as("Flyway ran first, on the empty database")
        .isZero();
    assertThat(
            dba.queryForObject(
                "select count(*) from act_re_deployment where name_ =" + " 'zorgpad'", Long.class))
        .isEqualTo(1);
    assertThat(dba.queryForList("select name_ from act_ru_filter", String.class))
        .containsExactlyInAnyOrder(
            "Mijn werk", "Mijn taken", "Taken voor mijn discipline", "Verlopen taken");
    assertThat(
            dba.queryForObject(
                "select count(*) from zp_case_file where client_reference like" + " 'DEMO-%'",
                Long.class))
        .as("demo cases, once")
        .isEqualTo(7);
    assertThat(
            dba.queryForList(
                "select client_reference from zp_case_file group by"
                    + " client_reference having count(*) > 1"))
        .isEmpty();
    assertThat(dba.queryForObject("select count(*) from zp_team", Long.class))
        .isEqualTo(dba.queryForObject("select count(distinct group_id) from zp_team", Long.class))
        .isPositive();
    assertThat(
            dba.queryForObject(
                "select count(*) from act_id_user where id_ like 'demo-%'", Long.class))
        .isPositive();
    assertThat(
            dba.queryForList(
                "select group_id_, resource_type_, resource_id_ from"
                    + " act_ru_authorization where group_id_ is not null group by group_id_, resource_type_,"
                    + " resource_id_, type_ having count(*) > 1"))
        .isEmpty();
  }

  @Test
  @Order(2)
  void throughTheProxyWithoutStickySessionsForwardedHeadersFromTheProxyOnly() throws Exception {
    assumeThat(Proxy.available()).as("nginx and openssl (apt-get install nginx-light)").isTrue();
    proxy = Proxy.start(LOGS.resolve("nginx"), nodeA, nodeB);
    WebSession browser = new WebSession(trustingEveryone());

    HttpResponse<String> login = browser.login(proxy.base(), "demo-verloskundige", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    // https at the proxy: the session cookie is Secure (the node believed X-Forwarded-Proto)
    assertThat(lastSessionCookie(browser))
        .contains("Secure")
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    // round robin, no stickiness: the one session works on both nodes
    for (int i = 0; i < 6; i++) {
      HttpResponse<String> page = browser.get(proxy.base(), "/casus?round=" + i);
      assertThat(page.statusCode()).as("request " + i).isEqualTo(200);
    }
    assertThat(browser.get(proxy.base(), "/camunda/app/tasklist/default/").statusCode())
        .isEqualTo(200);
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> me =
          browser.tasklistGet(proxy.base(), "/camunda/api/admin/auth/user/default?round=" + i);
      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(me.body()).contains("demo-verloskundige");
    }
    assertThat(proxy.upstreamsOf("/casus?round="))
        .containsOnly("127.0.0.1:" + nodeA.port, "127.0.0.1:" + nodeB.port)
        .contains("127.0.0.1:" + nodeA.port, "127.0.0.1:" + nodeB.port);

    // the NEN 7513 access log records the client's address: the one nginx saw (127.0.0.1), not
    // the proxy's (127.0.0.2), and not what a client claims
    String caseNumber =
        dba.queryForObject(
            "select case_number from zp_case_file where" + " client_reference = 'DEMO-VK-0101'",
            String.class);
    HttpResponse<String> proxied =
        browser.send(
            proxy.base(), "/casus/" + caseNumber, Map.of("X-Forwarded-For", "203.0.113.9"));
    assertThat(proxied.statusCode()).isEqualTo(200);
    assertThat(lastAddress(caseNumber)).isEqualTo("127.0.0.1");
    WebSession direct = new WebSession();
    direct.login(nodeA.base(), "demo-verloskundige", "demo");
    assertThat(lastSessionCookie(direct)).doesNotContain("Secure");
    HttpResponse<String> spoofed =
        direct.send(
            nodeA.base(),
            "/casus/" + caseNumber,
            Map.of("X-Forwarded-For", "203.0.113.7", "X-Forwarded-Proto", "https"));
    assertThat(spoofed.statusCode()).isEqualTo(200);
    assertThat(lastAddress(caseNumber))
        .as("a stranger's X-Forwarded-For is ignored")
        .isEqualTo("127.0.0.1");
    WebSession stranger = new WebSession();
    stranger.login(
        nodeB.base(), "demo-verloskundige", "demo", Map.of("X-Forwarded-Proto", "https"));
    assertThat(lastSessionCookie(stranger))
        .as("a stranger's X-Forwarded-Proto is ignored")
        .doesNotContain("Secure");
  }

  @Test
  @Order(3)
  void underLoadOneNodeIsKilledWhileItFiresATimerAndTheOtherGoesOnWithItsSessions()
      throws Exception {
    load.start(List.of(nodeA, nodeB), 2);
    // a caregiver on each node, each with the Tasklist open
    WebSession onA = loggedInWithTasklist(nodeA);
    WebSession onB = loggedInWithTasklist(nodeB);
    awaitAcknowledged(Duration.ofMinutes(3), 6);

    // the reminder of demo case 3 (handover to JGZ, contact not yet confirmed), due now; the
    // test holds its job row FOR KEY SHARE, so that the node executing it waits at the end (its
    // DELETE of the job) while its lock on the job stays committed: that node is the victim
    JsonNode jobs =
        JSON.readTree(
            new Http(nodeA.port)
                .get("/engine-rest/job?activityId=Timer_HandoverReminder", ADMIN)
                .body());
    assertThat(jobs).hasSize(1);
    String jobId = jobs.get(0).path("id").asText();
    String processInstanceId = jobs.get(0).path("processInstanceId").asText();
    java.sql.Timestamp lockExpiry;
    try (Connection hold =
        DriverManager.getConnection(
            PostgresServer.url(DATABASE), PostgresServer.SUPERUSER, PostgresServer.PASSWORD)) {
      hold.setAutoCommit(false);
      int holder;
      try (PreparedStatement share =
          hold.prepareStatement(
              "select pg_backend_pid() from act_ru_job where id_ = ? for key share")) {
        share.setString(1, jobId);
        try (ResultSet result = share.executeQuery()) {
          assertThat(result.next()).isTrue();
          holder = result.getInt(1);
        }
      }
      String due =
          OffsetDateTime.now(ZoneOffset.UTC)
              .minusMinutes(1)
              .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
      assertThat(
              new Http(nodeA.port)
                  .putJson(
                      "/engine-rest/job/" + jobId + "/duedate",
                      ADMIN,
                      "{\"duedate\": \"" + due + "\"}")
                  .statusCode())
          .isEqualTo(204);
      String victimName = awaitBlockedBy(holder, Duration.ofSeconds(25));
      victim = victimName.equals(nodeA.name) ? nodeA : nodeB;
      survivor = victim == nodeA ? nodeB : nodeA;
      Map<String, Object> lock =
          dba.queryForMap(
              "select lock_owner_, lock_exp_time_ from" + " act_ru_job where id_ = ?", jobId);
      assertThat(lock.get("lock_owner_")).as("acquired, committed").isNotNull();
      lockExpiry = new java.sql.Timestamp(((java.util.Date) lock.get("lock_exp_time_")).getTime());

      victim.kill();
      load.leave(victim);
      System.out.println(
          "ClusterIT: killed "
              + victim.name
              + " (exit "
              + victim.exitValue()
              + ") while it executed the timer; survivor "
              + survivor.name);
      hold.rollback();
    }
    assertThat(victim.isAlive()).isFalse();

    // the caregiver who logged in on the killed node goes on on the survivor: own pages, the
    // Tasklist's session authentication, and a Tasklist write with the webapps' CSRF token
    WebSession moved = victim == nodeA ? onA : onB;
    assertThat(moved.get(survivor.base(), "/casus").statusCode()).isEqualTo(200);
    HttpResponse<String> me =
        moved.tasklistGet(survivor.base(), "/camunda/api/admin/auth/user/default");
    assertThat(me.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).path("userId").asText()).isEqualTo("demo-verloskundige");
    String demoCase =
        dba.queryForObject(
            "select case_number from zp_case_file where" + " client_reference = 'DEMO-VK-0101'",
            String.class);
    JsonNode consent =
        JSON.readTree(
            moved
                .tasklistGet(
                    survivor.base(),
                    "/camunda/api/engine/engine/default/task?taskDefinitionKey=Task_AskConsent"
                        + "&processInstanceBusinessKey="
                        + demoCase)
                .body());
    assertThat(consent).hasSize(1);
    HttpResponse<String> submitted =
        moved.tasklistPost(
            survivor.base(),
            "/camunda/api/engine/engine/default/task/"
                + consent.get(0).path("id").asText()
                + "/submit-form",
            "{\"variables\": {\"consentDecision\": {\"value\": \"GIVEN\"}}}");
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

    // the survivor fires the timer once, after the killed node's lock has expired
    long deadline = System.nanoTime() + Duration.ofMillis(LOCK_TIME_MILLIS + 90_000).toNanos();
    while (dba.queryForObject("select count(*) from act_ru_job where id_ = ?", Long.class, jobId)
            > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(1000);
    }
    Thread.sleep(3000); // and nothing more comes
    assertThat(
            dba.queryForObject("select count(*) from act_ru_job where id_ = ?", Long.class, jobId))
        .as("the timer job is done")
        .isZero();
    assertThat(
            dba.queryForObject(
                "select count(*) from act_ru_task where proc_inst_id_ = ? and"
                    + " task_def_key_ = 'Task_FollowUpHandover'",
                Long.class,
                processInstanceId))
        .as("one reminder task")
        .isEqualTo(1);
    assertThat(
            dba.queryForObject(
                "select count(*) from act_hi_actinst where proc_inst_id_ = ?"
                    + " and act_id_ = 'Timer_HandoverReminder'",
                Long.class,
                processInstanceId))
        .isEqualTo(1);
    assertThat(
            dba.queryForObject(
                "select count(*) from act_hi_actinst where proc_inst_id_ = ?"
                    + " and act_id_ = 'Timer_HandoverReminder' and start_time_ >= ?",
                Long.class,
                processInstanceId,
                lockExpiry))
        .as("fired after the lock expiry")
        .isEqualTo(1);

    // the survivor keeps taking load
    long before = load.signalsOn(survivor.name);
    awaitSignalsOn(survivor, before + 4, Duration.ofMinutes(2));
    load.stop();

    System.out.println(
        "ClusterIT: acknowledged signals "
            + load.signals.size()
            + " (node-a "
            + load.signalsOn("node-a")
            + ", node-b "
            + load.signalsOn("node-b")
            + "), task"
            + " completions "
            + load.completions.size()
            + ", unacknowledged "
            + load.unacknowledged);
    assertThat(load.signalsOn(victim.name)).as("load on the victim before the kill").isPositive();
    for (Load.Signal signal : load.signals) {
      assertThat(
              dba.queryForObject(
                  "select count(*) from zp_case_file where case_number = ?"
                      + " and client_reference = ?",
                  Long.class,
                  signal.caseNumber(),
                  signal.clientReference()))
          .as(signal.toString())
          .isEqualTo(1);
      assertThat(
              dba.queryForObject(
                  "select count(*) from act_hi_procinst where business_key_"
                      + " = ? and super_process_instance_id_ is null",
                  Long.class,
                  signal.caseNumber()))
          .as(signal.toString())
          .isEqualTo(1);
    }
    for (Load.Completion completion : load.completions) {
      assertThat(
              dba.queryForObject(
                  "select count(*) from act_hi_taskinst where id_ = ? and"
                      + " end_time_ is not null",
                  Long.class,
                  completion.taskId()))
          .as(completion.toString())
          .isEqualTo(1);
    }
    assertThat(
            dba.queryForList(
                "select client_reference from zp_case_file where"
                    + " client_reference like 'CL-%' group by client_reference having count(*) > 1"))
        .as("nothing doubled")
        .isEmpty();
  }

  @Test
  @Order(4)
  void bothChainsAreIntactAndCaseNumbersHaveNoGapsOrDoubles() throws Exception {
    // the health check answers from the last stored verification (issue 13): the auditor's full
    // check, started on /audit/keten, walks both chains in the background and stores its result
    assertThat(FullChainCheckPage.run(survivor.port, "demo-auditor:demo"))
        .contains("id=\"full-engine-audit\"");
    HttpResponse<String> health =
        new Http(survivor.port).get("/actuator/health/auditChain", "demo-auditor:demo");
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    JsonNode chains = JSON.readTree(health.body());
    assertThat(chains.path("status").asText()).isEqualTo("UP");
    assertThat(chains.path("details").path("engine-audit").path("intact").asBoolean()).isTrue();
    assertThat(chains.path("details").path("access-log").path("intact").asBoolean()).isTrue();
    assertThat(
            dba.queryForObject(
                "select count(*) from zp_access_log where chain_seq is null", Long.class))
        .isZero();
    assertThat(
            dba.queryForObject(
                "select count(*) from zp_audit_record where chain_seq is null", Long.class))
        .isZero();

    Map<String, TreeSet<Integer>> byYear = new TreeMap<>();
    List<String> numbers = dba.queryForList("select case_number from zp_case_file", String.class);
    for (String number : numbers) {
      String[] parts = number.split("-");
      assertThat(
              byYear
                  .computeIfAbsent(parts[1], year -> new TreeSet<>())
                  .add(Integer.parseInt(parts[2])))
          .as("no double " + number)
          .isTrue();
    }
    byYear.forEach(
        (year, sequence) ->
            assertThat(sequence.last()).as("no gap in " + year).isEqualTo(sequence.size()));
    System.out.println(
        "ClusterIT: " + numbers.size() + " case numbers without gaps " + byYear.keySet());

    // the survivor counted the timer it executed; an operator reads it
    String metrics = new Http(survivor.port).get("/actuator/prometheus", "demo-beheer:demo").body();
    assertThat(metrics).containsPattern("(?m)^zorgpad_jobs_executed_total\\{[^}]*\\} [1-9]");
    // node-a logged as JSON (logging.structured.format.console=ecs)
    List<String> json = nodeA.logText().lines().filter(line -> line.startsWith("{")).toList();
    assertThat(json).hasSizeGreaterThan(20);
    JsonNode line = JSON.readTree(json.get(json.size() - 1));
    assertThat(line.has("@timestamp")).isTrue();
    assertThat(line.path("log").has("level") || line.has("log.level")).isTrue();
    assertThat(line.has("message")).isTrue();
  }

  @Test
  @Order(5)
  void aBackupRestoredIntoANewDatabaseHasIntactChainsAndTheApplicationStartsOnIt()
      throws Exception {
    Path pgBin = PostgresTools.binDirectory(PostgresServer.version());
    Path dump = LOGS.resolve("zorgpad.dump").toAbsolutePath();
    int port = PostgresServer.server().getPort();
    // while the survivor runs: a backup is taken online
    PostgresTools.run(
        pgBin.resolve("pg_dump"),
        "-Fc",
        "-h",
        "localhost",
        "-p",
        String.valueOf(port),
        "-U",
        PostgresServer.SUPERUSER,
        "-f",
        dump.toString(),
        DATABASE);
    survivor.stop();
    Map<String, Object> headsBefore = heads(dba);

    new JdbcTemplate(PostgresServer.server().getPostgresDatabase())
        .execute(
            "create database " + RESTORED + " owner " + PostgresServer.OWNER + " encoding 'UTF8'");
    PostgresTools.run(
        pgBin.resolve("pg_restore"),
        "--exit-on-error",
        "-h",
        "localhost",
        "-p",
        String.valueOf(port),
        "-U",
        PostgresServer.SUPERUSER,
        "-d",
        RESTORED,
        dump.toString());
    try (SingleConnectionDataSource restored =
        PostgresServer.connect(RESTORED, PostgresServer.SUPERUSER)) {
      assertThat(heads(new JdbcTemplate(restored))).isEqualTo(headsBefore);
    }

    // the application starts on the restored database and verifies both chains
    Node check =
        Node.start(
            "restored",
            PostgresServer.url(RESTORED),
            LOGS,
            List.of("--zorgpad.verify-audit-chain", "--camunda.bpm.job-execution.enabled=false"));
    try (check) {
      assertThat(check.waitFor(600)).as("verification ends").isTrue();
      assertThat(check.exitValue()).as(check.tail(60)).isZero();
      assertThat(check.logText())
          .contains("engine-audit (zp_audit_record): intact")
          .contains("access-log (zp_access_log): intact")
          .contains("Pathways and forms unchanged");
    }
  }

  private List<String> nodeArguments(boolean jsonLogs) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME_MILLIS,
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                // trust X-Forwarded-* from the proxy only (deploy/nginx.conf,
                // ZORGPAD_TRUSTED_PROXIES)
                "--server.forward-headers-strategy=native",
                "--server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.2",
                "--ZORGPAD_TRUSTED_PROXIES=127\\.0\\.0\\.2"));
    if (jsonLogs) {
      arguments.add("--logging.structured.format.console=ecs");
    }
    return arguments;
  }

  private WebSession loggedInWithTasklist(Node node) {
    WebSession session = new WebSession();
    assertThat(session.login(node.base(), "demo-verloskundige", "demo").statusCode())
        .isEqualTo(302);
    assertThat(session.get(node.base(), "/camunda/app/tasklist/default/").statusCode())
        .isEqualTo(200);
    assertThat(
            session.tasklistGet(node.base(), "/camunda/api/admin/auth/user/default").statusCode())
        .isEqualTo(200);
    return session;
  }

  private void awaitAcknowledged(Duration timeout, int each) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while ((load.signalsOn(nodeA.name) < each
            || load.signalsOn(nodeB.name) < each
            || load.completions.size() < each)
        && System.nanoTime() < deadline) {
      Node.sleep(500);
    }
    assertThat(load.signalsOn(nodeA.name)).isGreaterThanOrEqualTo(each);
    assertThat(load.signalsOn(nodeB.name)).isGreaterThanOrEqualTo(each);
  }

  private void awaitSignalsOn(Node node, long count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (load.signalsOn(node.name) < count && System.nanoTime() < deadline) {
      Node.sleep(500);
    }
    assertThat(load.signalsOn(node.name))
        .as("signals on the survivor")
        .isGreaterThanOrEqualTo(count);
  }

  /** The application name of the database session that waits for the test's row lock. */
  private String awaitBlockedBy(int holder, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> blocked =
          dba.queryForList(
              "select application_name from pg_stat_activity"
                  + " where ? = any(pg_blocking_pids(pid))",
              String.class,
              holder);
      if (!blocked.isEmpty()) {
        assertThat(blocked).hasSize(1);
        return blocked.get(0);
      }
      Node.sleep(200);
    }
    throw new AssertionError("no node executed the timer job within " + timeout);
  }

  private String lastAddress(String caseNumber) {
    return dba.queryForObject(
        "select network_address from zp_access_log where case_number = ?"
            + " and user_id = 'demo-verloskundige' order by id desc limit 1",
        String.class,
        caseNumber);
  }

  private static String lastSessionCookie(WebSession session) {
    return session.setCookieHeaders().stream()
        .filter(header -> header.startsWith(WebSession.SESSION_COOKIE + "="))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  private static Map<String, Object> heads(JdbcTemplate jdbc) {
    Map<String, Object> heads = new TreeMap<>();
    jdbc.queryForList("select chain_id, last_seq, last_hash from zp_hash_chain_head")
        .forEach(
            row ->
                heads.put(
                    (String) row.get("chain_id"),
                    row.get("last_seq") + ":" + row.get("last_hash")));
    return heads;
  }

  private static SSLContext trustingEveryone() throws Exception {
    TrustManager trustAll =
        new X509TrustManager() {
          @Override
          public void checkClientTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public void checkServerTrusted(X509Certificate[] chain, String authType) {}

          @Override
          public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
          }
        };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
    return context;
  }

  private static void deleteRecursively(Path path) throws java.io.IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var files = Files.walk(path)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    }
  }
}
