package nl.zorgpad.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.zorgpad.ZorgpadApplication;
import nl.zorgpad.audit.ChainVerification;
import nl.zorgpad.audit.ChainVerificationService;
import nl.zorgpad.audit.HashChain;
import nl.zorgpad.rest.AuthorizationSets;
import nl.zorgpad.rest.AuthorizationSetsPlugin;
import nl.zorgpad.rest.CandidateLinkExists;
import nl.zorgpad.rest.CandidateLinkExistsPlugin;
import nl.zorgpad.support.FullChainCheckPage;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.PostgresServer;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The whole application with profiles {@code postgres,demo} on a real PostgreSQL server
 * ({@link PostgresServer}): the profile's own configuration, only the ZORGPAD_DB_* settings
 * pointed at the test database (as an operator would), with the owner/application role split of
 * docs/operations.md. Flyway migrates db/migration and the PostgreSQL-only V40 (append-only
 * triggers), the engine creates its schema, the demo data loads; a caregiver starts a case over
 * the API and works Tasklist tasks over /engine-rest; the case pages, the hash chains, tampering
 * (as a DBA past the triggers), the client access report, history cleanup and a restart on the
 * same database all work on PostgreSQL. The tests run in this order, on one application.
 *
 * <p>Deviation from the profile: the job executor is off (as in every IT), so that the moved
 * engine clock of the history cleanup test does not let a demo case's timers fire in between.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PostgresProfileIT {

  static final String DATABASE = "zorgpad_profile_it";
  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String BUURTTEAM = "demo-buurtteam:demo";
  static final String AUDITOR = "demo-auditor:demo";
  static final ObjectMapper JSON = new ObjectMapper();

  ConfigurableApplicationContext app;
  Http http;
  JdbcTemplate jdbc;
  String caseNumber;

  @BeforeAll
  void startOnPostgres() {
    PostgresServer.createDatabase(DATABASE);
    app = start();
  }

  @AfterAll
  void stop() {
    ClockUtil.reset();
    if (app != null) {
      app.close();
    }
  }

  private ConfigurableApplicationContext start() {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(ZorgpadApplication.class)
            .profiles("postgres", "demo")
            .run(
                "--ZORGPAD_DB_URL=" + PostgresServer.url(DATABASE),
                "--ZORGPAD_DB_USER=" + PostgresServer.APP,
                "--ZORGPAD_DB_PASSWORD=" + PostgresServer.PASSWORD,
                "--ZORGPAD_DB_OWNER_USER=" + PostgresServer.OWNER,
                "--ZORGPAD_DB_OWNER_PASSWORD=" + PostgresServer.PASSWORD,
                "--ZORGPAD_DB_POOL_SIZE=5",
                "--server.port=0",
                // the demo year of the monitor (13 months of cases through the pathways, ~90 s on
                // PostgreSQL) is MonitorBrowserIT's; here the demo accounts and cases suffice
                "--zorgpad.demo.monitor-cases=false",
                "--camunda.bpm.job-execution.enabled=false");
    http = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    jdbc = context.getBean(JdbcTemplate.class);
    return context;
  }

  @Test
  @Order(1)
  void flywayTheEngineAndTheDemoDataRunOnPostgres() throws SQLException {
    try (var connection = app.getBean(DataSource.class).getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(connection.getMetaData().getUserName()).isEqualTo(PostgresServer.APP);
    }
    List<Map<String, Object>> migrations =
        jdbc.queryForList(
            "select version, success from zp_schema_history where version is not null"
                + " order by installed_rank");
    assertThat(migrations)
        .extracting(row -> row.get("version"))
        .containsExactly(
            "1", "2", "3", "4", "10", "20", "30", "31", "40", "45", "50", "51", "55", "60", "61",
            "65", "70", "75", "76", "77", "78", "79", "80", "85", "86", "87", "88", "89", "90");
    assertThat(migrations).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
    // Zorgpad's tables belong to the owner role, the engine's to the application role
    assertThat(
            jdbc.queryForObject(
                "select tableowner from pg_tables where tablename =" + " 'zp_access_log'",
                String.class))
        .isEqualTo(PostgresServer.OWNER);
    assertThat(
            jdbc.queryForObject(
                "select tableowner from pg_tables where tablename =" + " 'act_ru_task'",
                String.class))
        .isEqualTo(PostgresServer.APP);
    assertThat(
            ((ProcessEngineConfigurationImpl) engine().getProcessEngineConfiguration())
                .getDatabaseType())
        .isEqualTo("postgres");
    assertThat(
            engine()
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
                .count())
        .isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from zp_case_file", Long.class))
        .as("demo cases")
        .isPositive();
    assertThat(engine().getRuntimeService().createProcessInstanceQuery().count()).isPositive();
  }

  @Test
  @Order(2)
  void aCaregiverStartsACaseAndWorksTasklistTasksOverEngineRest() throws Exception {
    String dueDate = LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20).toString();
    HttpResponse<String> signal =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            """
        {"clientReference": "PG-0001", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(dueDate));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();
    assertThat(caseNumber).matches("^ZP-\\d{4}-\\d{5,}$");

    // the Tasklist's calls: find my task, submit its form
    submit(
        MIDWIFE,
        "Task_AskConsent",
        """
        {"consentDecision": {"value": "GIVEN"}}""");
    submit(
        BUURTTEAM,
        "Task_AcceptCase",
        """
        {"handoverRecipients": {"value": "[]", "type": "Json"},
         "homeVisitRequestingDiscipline": {"value": "verloskundige"},
         "startMeldcode": {"value": false}}""");
    submit(
        MIDWIFE,
        "Task_DecideHomeVisit",
        """
        {"homeVisitDecision": {"value": "niet-nodig"},
         "homeVisitOptOutReason": {"value": "al-in-zorg-jgz"}}""");

    assertThat(taskKeys(MIDWIFE)).doesNotContain("Task_AskConsent", "Task_DecideHomeVisit");
    assertThat(
            jdbc.queryForList(
                "select decision from zp_consent_record where case_number = ?",
                String.class,
                caseNumber))
        .containsExactly("GIVEN");
    assertThat(
            jdbc.queryForList(
                "select user_id from zp_audit_record where case_number = ?"
                    + " and event_type = 'task-complete' order by chain_seq",
                String.class,
                caseNumber))
        .containsExactly("demo-verloskundige", "demo-buurtteam", "demo-verloskundige");
    assertThat(
            engine()
                .getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_ReportBirth")
                .count())
        .isEqualTo(1);

    // a second case gets the next number from the counter row
    HttpResponse<String> second =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            """
        {"clientReference": "PG-0002", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(dueDate));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
    String next = JSON.readTree(second.body()).path("caseNumber").asText();
    assertThat(Integer.parseInt(next.substring(next.lastIndexOf('-') + 1)))
        .isEqualTo(Integer.parseInt(caseNumber.substring(caseNumber.lastIndexOf('-') + 1)) + 1);
  }

  @Test
  @Order(3)
  void caseOverviewAndDossierReadsWorkAndAreLogged() {
    long logBefore = jdbc.queryForObject("select count(*) from zp_access_log", Long.class);
    HttpResponse<String> page = http.get("/casus/" + caseNumber, MIDWIFE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Casus " + caseNumber)
        .contains("Betrokkenen")
        .contains("id=\"case-diagram\"");
    assertThat(http.get("/casus", MIDWIFE).body()).contains(caseNumber);
    assertThat(http.get("/casus/" + caseNumber + "/client", MIDWIFE).statusCode()).isEqualTo(200);
    assertThat(http.get("/casus/" + caseNumber + "/diagram", MIDWIFE).statusCode()).isEqualTo(200);
    assertThat(http.get("/audit/casus/" + caseNumber, AUDITOR).body())
        .contains("Geschiedenis van casus " + caseNumber)
        .contains("Taak afgerond");
    assertThat(jdbc.queryForObject("select count(*) from zp_access_log", Long.class))
        .isGreaterThan(logBefore);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_access_log where case_number = ?"
                    + " and user_id = 'demo-verloskundige' and action = 'READ'",
                Long.class,
                caseNumber))
        .isPositive();
  }

  @Test
  @Order(4)
  void searchesThatBuildTheirOwnQueriesWorkOnPostgres() {
    // sociale kaart: postcode ranges (string comparison), discipline + neighbourhood, like/escape
    HttpResponse<String> postcode = http.get("/sociale-kaart?postcode=3531+ab", MIDWIFE);
    assertThat(postcode.statusCode()).isEqualTo(200);
    assertThat(postcode.body())
        .contains("Postcode 3531 AB ligt in wijk Lombok (Utrecht).", "id=\"team-jgz-utrecht-west\"")
        .doesNotContain("id=\"team-jgz-amersfoort\"");
    assertThat(http.get("/sociale-kaart?discipline=jgz&wijk=amersfoort-noord", MIDWIFE).body())
        .contains("id=\"team-jgz-amersfoort\"")
        .doesNotContain("id=\"team-jgz-utrecht-west\"");
    assertThat(http.get("/sociale-kaart?zoek=VERBEEK", MIDWIFE).body())
        .contains("Hanna Verbeek")
        .doesNotContain("id=\"team-jgz-amersfoort\"");
    assertThat(http.get("/sociale-kaart?zoek=100%25_", MIDWIFE).statusCode()).isEqualTo(200);
    // access-log review: every filter, and none
    http.get("/audit/casus/" + caseNumber, AUDITOR);
    assertThat(http.get("/audit/toegang", AUDITOR).body()).contains("Toegangslog (NEN 7513)");
    assertThat(
            http.get(
                    "/audit/toegang?gebruiker=demo-auditor&actie=READ&client=" + caseNumber,
                    AUDITOR)
                .body())
        .contains("demo-auditor")
        .contains("Ingezien");
    assertThat(http.get("/audit/toegang?gebruiker=nobody", AUDITOR).body())
        .contains("Gevonden records: 0");
    assertThat(
            http.get("/audit/toegang?nood=true&van=2020-01-01&tot=2099-12-31", AUDITOR)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  @Order(5)
  void bothHashChainsVerifyIntactOnPostgres() {
    List<ChainVerification> all = verifyAll();
    assertThat(all)
        .extracting(ChainVerification::chainId)
        .containsExactlyInAnyOrder("engine-audit", "access-log");
    assertThat(all)
        .allSatisfy(
            chain -> {
              assertThat(chain.intact()).as(chain.summary()).isTrue();
              assertThat(chain.checked()).isPositive();
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_access_log where chain_seq is null", Long.class))
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_audit_record where chain_seq is null", Long.class))
        .isZero();
    assertThat(FullChainCheckPage.run(http.port(), AUDITOR))
        .contains("Intact")
        .doesNotContain("Verbroken");
  }

  @Test
  @Order(6)
  void chainsSealedInOneTimeZoneVerifyInAnother() {
    // timestamptz comes back as an instant whatever the JVM's and the session's time zone: a
    // node in another zone (or a changed server setting) verifies the same chain intact
    java.util.TimeZone original = java.util.TimeZone.getDefault();
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Chatham"));
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.APP)) {
      JdbcTemplate elsewhere = new JdbcTemplate(connection);
      assertThat(elsewhere.queryForObject("show timezone", String.class))
          .isEqualTo("Pacific/Chatham");
      for (String name : List.of("accessLogChain", "engineAuditChain")) {
        ChainVerification result = new HashChain(chain(name).spec(), elsewhere).verify();
        assertThat(result.intact()).as(result.summary()).isTrue();
        assertThat(result.checked()).isPositive();
      }
    } finally {
      java.util.TimeZone.setDefault(original);
    }
  }

  @Test
  @Order(7)
  void theApplicationRoleCannotChangeOrDeleteLoggedRecords() {
    Long accessId = jdbc.queryForObject("select min(id) from zp_access_log", Long.class);
    Long auditId = jdbc.queryForObject("select min(id) from zp_audit_record", Long.class);
    for (String user : List.of(PostgresServer.APP, PostgresServer.OWNER)) {
      try (SingleConnectionDataSource connection = PostgresServer.connect(DATABASE, user)) {
        JdbcTemplate as = new JdbcTemplate(connection);
        assertRefused(
            () -> as.update("update zp_access_log set user_id = 'x' where id = ?", accessId),
            "UPDATE on zp_access_log refused: the table is append-only");
        assertRefused(
            () -> as.update("delete from zp_access_log where id = ?", accessId),
            "DELETE on zp_access_log refused: the table is append-only");
        assertRefused(
            () -> as.update("update zp_audit_record set user_id = 'x' where id = ?", auditId),
            "UPDATE on zp_audit_record refused: the table is append-only");
        assertRefused(
            () -> as.update("delete from zp_audit_record"),
            "DELETE on zp_audit_record refused: the table is append-only");
        // re-sealing a sealed row, or rewinding a chain head, is refused too
        assertRefused(
            () -> as.update("update zp_audit_record set hash = 'x' where id = ?", auditId),
            "UPDATE on zp_audit_record refused");
        assertRefused(
            () -> as.update("update zp_hash_chain_head set last_seq = 1"),
            "UPDATE on zp_hash_chain_head refused: a hash chain head only moves forward");
        assertRefused(
            () -> as.update("delete from zp_hash_chain_head"),
            "DELETE on zp_hash_chain_head refused");
      }
    }
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.OWNER)) {
      assertRefused(
          () -> new JdbcTemplate(connection).execute("truncate zp_access_log"),
          "TRUNCATE on zp_access_log refused");
      assertRefused(
          () -> new JdbcTemplate(connection).execute("truncate zp_access_log_listed"),
          "TRUNCATE on zp_access_log_listed refused");
    }
    // the application role does not own the tables: it cannot switch the triggers off
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.APP)) {
      assertThatThrownBy(
              () ->
                  new JdbcTemplate(connection)
                      .execute(
                          "alter table zp_access_log disable trigger zp_access_log_append_only"))
          .satisfies(
              e ->
                  assertThat(rootCause(e).getMessage())
                      .contains("must be owner of table zp_access_log"));
    }
    assertThat(verifyAll()).allSatisfy(chain -> assertThat(chain.intact()).isTrue());
  }

  @Test
  @Order(8)
  void tamperingAsADbaPastTheTriggersIsNamedAtTheRightRecord() {
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.SUPERUSER)) {
      JdbcTemplate dba = new JdbcTemplate(connection);
      // the DBA switches the triggers off for this session only (superuser)
      dba.execute("set session_replication_role = replica");
      ChainTampering.changeDeleteAndInsert(
          dba,
          chain("accessLogChain"),
          "zp_access_log",
          "user_id",
          "insert into zp_access_log (occurred_at, user_id, responsible_user_id,"
              + " object_type, action, outcome, source_system, purpose_of_use, emergency)"
              + " values (current_timestamp, 'x', 'x', 'Client', 'READ', 'ALLOWED', 'zorgpad',"
              + " 'care', false)");
      ChainTampering.changeDeleteAndInsert(
          dba,
          chain("engineAuditChain"),
          "zp_audit_record",
          "user_id",
          "insert into zp_audit_record (occurred_at, event_type, case_number,"
              + " user_id) values (current_timestamp, 'task-complete', '"
              + caseNumber
              + "',"
              + " 'demo-auditor')");
      // the page names it too
      Map<String, Object> row =
          dba.queryForMap(
              "select id, user_id from zp_audit_record"
                  + " where chain_seq = (select max(chain_seq) / 2 from zp_audit_record)");
      dba.update("update zp_audit_record set user_id = 'someone-else' where id = ?", row.get("id"));
      try {
        assertThat(FullChainCheckPage.run(http.port(), AUDITOR))
            .contains("Verbroken bij record " + row.get("id"));
      } finally {
        dba.update(
            "update zp_audit_record set user_id = ? where id = ?",
            row.get("user_id"),
            row.get("id"));
      }
    }
    assertThat(verifyAll())
        .allSatisfy(chain -> assertThat(chain.intact()).as(chain.summary()).isTrue());
  }

  @Test
  @Order(9)
  void theClientAccessReportAnswersAsPageCsvAndPdf() throws Exception {
    HttpResponse<String> page = http.get("/audit/inzage/" + caseNumber, AUDITOR);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Overzicht van inzage in uw gegevens")
        .contains("demo-verloskundige")
        .contains("Het toegangslog is bij het maken van dit overzicht gecontroleerd");
    HttpResponse<String> csv =
        http.get("/audit/inzage/" + caseNumber + "/inzageverzoek.csv", AUDITOR);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body().lines().toList())
        .anySatisfy(
            line -> assertThat(line).contains("\"demo-verloskundige\"").contains("\"Ingezien\""));
    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                http.builder("/audit/inzage/" + caseNumber + "/inzageverzoek.pdf", AUDITOR)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
  }

  @Test
  @Order(10)
  void historyCleanupRemovesWhatIsDueAndNothingElse() {
    RepositoryService repository = engine().getRepositoryService();
    HistoryService history = engine().getHistoryService();
    Deployment deployment =
        repository
            .createDeployment()
            .name("retention-test")
            .addModelInstance("retention-short.bpmn", process("retention-short", 30))
            .addModelInstance("retention-long.bpmn", process("retention-long", 7305))
            .deploy();
    try {
      String shortCase = finishCase("retention-short", "RET-SHORT");
      String longCase = finishCase("retention-long", "RET-LONG");
      long others = history.createHistoricProcessInstanceQuery().count() - 2;
      long shortRecords =
          jdbc.queryForObject(
              "select count(*) from zp_audit_record" + " where case_number = 'RET-SHORT'",
              Long.class);
      assertThat(shortRecords).isPositive();

      ClockUtil.setCurrentTime(daysFromNow(29));
      runCleanup();
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(shortCase).count())
          .isEqualTo(1);

      ClockUtil.setCurrentTime(daysFromNow(31));
      runCleanup();
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(shortCase).count())
          .isZero();
      assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(shortCase).count())
          .isZero();
      assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(shortCase).count())
          .isZero();
      assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(longCase).count())
          .isEqualTo(1);
      assertThat(history.createHistoricProcessInstanceQuery().count() - 1).isEqualTo(others);
      // the audit trail is not engine history: kept whole (the triggers would refuse otherwise)
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from zp_audit_record" + " where case_number = 'RET-SHORT'",
                  Long.class))
          .isEqualTo(shortRecords);
    } finally {
      ClockUtil.reset();
      repository.deleteDeployment(deployment.getId(), true);
    }
    assertThat(verifyAll())
        .allSatisfy(chain -> assertThat(chain.intact()).as(chain.summary()).isTrue());
  }

  @Test
  @Order(11)
  void aRestartOnTheSameDatabaseWithTheAdvisedRevokeKeepsCasesAndDeploysNothing() {
    Set<String> cases = businessKeys();
    Set<String> tasks =
        engine().getTaskService().createTaskQuery().list().stream()
            .map(Task::getId)
            .collect(Collectors.toSet());
    long deployments = engine().getRepositoryService().createDeploymentQuery().count();
    long definitions = engine().getRepositoryService().createProcessDefinitionQuery().count();
    long demoCases = jdbc.queryForObject("select count(*) from zp_case_file", Long.class);
    assertThat(cases).contains(caseNumber);

    app.close();
    // the REVOKE docs/operations.md advises on top of the triggers: the application keeps only
    // select, insert and update (sealing) on the append-only tables
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.OWNER)) {
      new JdbcTemplate(connection)
          .execute(
              "revoke delete, truncate on zp_access_log,"
                  + " zp_audit_record, zp_hash_chain_head from "
                  + PostgresServer.APP);
    }
    app = start();

    assertThat(businessKeys()).isEqualTo(cases);
    assertThat(engine().getTaskService().createTaskQuery().list())
        .extracting(Task::getId)
        .containsExactlyInAnyOrderElementsOf(tasks);
    assertThat(engine().getRepositoryService().createDeploymentQuery().count())
        .isEqualTo(deployments);
    assertThat(engine().getRepositoryService().createProcessDefinitionQuery().count())
        .isEqualTo(definitions);
    assertThat(jdbc.queryForObject("select count(*) from zp_case_file", Long.class))
        .as("no second set of demo data")
        .isEqualTo(demoCases);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_schema_history where version = '40'", Long.class))
        .isEqualTo(1);
    long sealed =
        jdbc.queryForObject(
            "select last_seq from zp_hash_chain_head" + " where chain_id = 'access-log'",
            Long.class);
    assertThat(http.get("/casus/" + caseNumber, MIDWIFE).statusCode()).isEqualTo(200);
    assertThat(
            jdbc.queryForObject(
                "select last_seq from zp_hash_chain_head" + " where chain_id = 'access-log'",
                Long.class))
        .as("reads logged and sealed")
        .isGreaterThan(sealed);
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.APP)) {
      assertThatThrownBy(() -> new JdbcTemplate(connection).update("delete from zp_audit_record"))
          .satisfies(
              e ->
                  assertThat(rootCause(e).getMessage())
                      .contains("permission denied for table zp_audit_record"));
    }
    assertThat(verifyAll())
        .allSatisfy(chain -> assertThat(chain.intact()).as(chain.summary()).isTrue());
  }

  @Test
  @Order(12)
  void candidateTaskQueriesAreRewrittenAndAnswerAsTheirJoinOnPostgres() {
    // rest.CandidateLinkExists writes the candidate test as an exists subquery on every database
    CandidateLinkExists interceptor = app.getBean(CandidateLinkExistsPlugin.class).interceptor();
    List<String> groups =
        jdbc.queryForList(
            "select distinct group_id_ from act_ru_identitylink"
                + " where type_ = 'candidate' and group_id_ is not null and task_id_ is not null"
                + " order by group_id_",
            String.class);
    assertThat(groups).as("the demo data has candidate tasks").isNotEmpty();
    String user = "demo-jgz";
    for (String group : groups) {
      Set<String> candidates =
          Set.copyOf(
              jdbc.queryForList(
                  "select distinct t.id_ from act_ru_task t join act_ru_identitylink i"
                      + " on i.task_id_ = t.id_ where i.type_ = 'candidate' and i.group_id_ = ?",
                  String.class,
                  group));
      Set<String> mineOrUnclaimed =
          Set.copyOf(
              jdbc.queryForList(
                  "select t.id_ from act_ru_task t where t.assignee_ = ? union"
                      + " select t.id_ from act_ru_task t join act_ru_identitylink i"
                      + " on i.task_id_ = t.id_ where t.assignee_ is null"
                      + " and i.type_ = 'candidate' and i.group_id_ = ?",
                  String.class,
                  user,
                  group));
      long before = interceptor.rewrittenStatements();
      var tasks = engine().getTaskService();
      assertThat(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().list())
          .extracting(Task::getId)
          .as(group)
          .containsExactlyInAnyOrderElementsOf(candidates);
      assertThat(tasks.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count())
          .isEqualTo(candidates.size());
      assertThat(
              tasks
                  .createTaskQuery()
                  .or()
                  .taskAssignee(user)
                  .taskCandidateGroup(group)
                  .endOr()
                  .list())
          .extracting(Task::getId)
          .as(user + " or " + group)
          .containsExactlyInAnyOrderElementsOf(mineOrUnclaimed);
      assertThat(interceptor.rewrittenStatements() - before).isEqualTo(3);
    }
  }

  @Test
  @Order(13)
  void tasksCheckedAgainstTheCallersGrantsAsSetsAnswerAsTheEnginesJoinOnPostgres() {
    // rest.AuthorizationSets drops the authorization join for subqueries of her grants
    AuthorizationSets interceptor = app.getBean(AuthorizationSetsPlugin.class).interceptor();
    var identity = engine().getIdentityService();
    var tasks = engine().getTaskService();
    int compared = 0;
    for (var user : identity.createUserQuery().list()) {
      List<String> groups =
          identity.createGroupQuery().groupMember(user.getId()).list().stream()
              .map(org.camunda.bpm.engine.identity.Group::getId)
              .toList();
      List<java.util.function.Supplier<Object>> queries =
          List.of(
              () -> tasks.createTaskQuery().count(),
              () -> ids(tasks.createTaskQuery().orderByTaskId().asc().listPage(0, 15)),
              () ->
                  tasks
                      .createTaskQuery()
                      .taskCandidateGroupIn(groups.isEmpty() ? List.of("jgz") : groups)
                      .count(),
              () ->
                  ids(
                      tasks
                          .createTaskQuery()
                          .or()
                          .taskAssignee(user.getId())
                          .taskCandidateGroupIn(groups.isEmpty() ? List.of("jgz") : groups)
                          .endOr()
                          .orderByTaskCreateTime()
                          .desc()
                          .orderByTaskId()
                          .asc()
                          .list()));
      for (int q = 0; q < queries.size(); q++) {
        var query = queries.get(q);
        identity.setAuthentication(user.getId(), groups);
        try {
          long was = interceptor.rewrittenStatements();
          Object withSets = query.get();
          System.out.println(
              "DEBUGSETS "
                  + user.getId()
                  + " "
                  + groups
                  + " q"
                  + q
                  + " "
                  + (interceptor.rewrittenStatements() - was));
          interceptor.setEnabled(false);
          Object withJoin;
          try {
            withJoin = query.get();
          } finally {
            interceptor.setEnabled(true);
          }
          assertThat(withSets).as(user.getId()).isEqualTo(withJoin);
          compared++;
        } finally {
          identity.clearAuthentication();
        }
      }
    }
    assertThat(compared).isPositive();
  }

  private static List<String> ids(List<Task> tasks) {
    return tasks.stream().map(Task::getId).toList();
  }

  // --- helpers ---

  private ProcessEngine engine() {
    return app.getBean(ProcessEngine.class);
  }

  private HashChain chain(String name) {
    return app.getBean(name, HashChain.class);
  }

  private List<ChainVerification> verifyAll() {
    SecurityContextHolder.getContext()
        .setAuthentication(new TestingAuthenticationToken("demo-auditor", null, "GROUP_auditor"));
    try {
      return app.getBean(ChainVerificationService.class).verifyAll();
    } finally {
      SecurityContextHolder.clearContext();
    }
  }

  private Set<String> businessKeys() {
    return engine().getRuntimeService().createProcessInstanceQuery().list().stream()
        .map(ProcessInstance::getBusinessKey)
        .collect(Collectors.toSet());
  }

  private List<String> taskKeys(String user) throws Exception {
    HttpResponse<String> response =
        http.get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber, user);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode tasks = JSON.readTree(response.body());
    return java.util.stream.StreamSupport.stream(tasks.spliterator(), false)
        .map(task -> task.path("taskDefinitionKey").asText())
        .toList();
  }

  private void submit(String user, String taskKey, String variables) throws Exception {
    HttpResponse<String> list =
        http.get(
            "/engine-rest/task?processInstanceBusinessKey="
                + caseNumber
                + "&taskDefinitionKey="
                + taskKey,
            user);
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
    JsonNode tasks = JSON.readTree(list.body());
    assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
    String taskId = tasks.get(0).path("id").asText();
    // the Tasklist loads the task's Camunda Form (a deployed resource, bytea on PostgreSQL)
    HttpResponse<String> form = http.get("/engine-rest/task/" + taskId + "/deployed-form", user);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).path("components").isArray()).isTrue();
    HttpResponse<String> done =
        http.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            user,
            "{\"variables\": " + variables + "}");
    assertThat(done.statusCode()).as(taskKey + ": " + done.body()).isIn(200, 204);
  }

  private static void assertRefused(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable sql, String message) {
    assertThatThrownBy(sql)
        .hasRootCauseInstanceOf(org.postgresql.util.PSQLException.class)
        .satisfies(e -> assertThat(rootCause(e).getMessage()).contains("zorgpad: " + message))
        .satisfies(
            e ->
                assertThat(((org.postgresql.util.PSQLException) rootCause(e)).getSQLState())
                    .isEqualTo("42501"));
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  private void runCleanup() {
    HistoryService history = engine().getHistoryService();
    ManagementService management = engine().getManagementService();
    Job job = history.cleanUpHistoryAsync(true);
    management.executeJob(job.getId());
  }

  private String finishCase(String key, String businessKey) {
    String id = engine().getRuntimeService().startProcessInstanceByKey(key, businessKey).getId();
    engine().getRuntimeService().setVariable(id, "reviewed", true);
    engine()
        .getTaskService()
        .complete(
            engine()
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(id)
                .singleResult()
                .getId());
    return id;
  }

  private static Date daysFromNow(int days) {
    return new Date(System.currentTimeMillis() + days * 24L * 3600 * 1000);
  }

  private static BpmnModelInstance process(String key, int days) {
    return Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(days)
        .startEvent()
        .userTask("Task_Review")
        .name("Beoordelen")
        .endEvent()
        .done();
  }
}
