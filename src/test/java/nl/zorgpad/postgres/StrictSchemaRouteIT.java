package nl.zorgpad.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.ZorgpadApplication;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.PostgresServer;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The strict route of docs/operations.md on a real PostgreSQL: a DBA creates the engine's schema
 * ahead of time with Camunda's own SQL scripts (from the engine jar, as
 * {@code deploy/engine-schema.sh} extracts them), as the schema owner; the application role may
 * no longer create anything in the schema; Zorgpad starts with
 * {@code ZORGPAD_DB_SCHEMA_UPDATE=false}. Flyway then baselines below V1 and runs every one of its
 * migrations (it skipped V1 and failed on V3 before), the engine only checks its schema, and a
 * case can be started.
 */
@Tag("postgres")
class StrictSchemaRouteIT {

  static final String DATABASE = "zorgpad_strict_route_it";

  /** The order in which the engine itself runs its create scripts. */
  static final List<String> ENGINE_SCRIPTS =
      List.of(
          "engine",
          "history",
          "identity",
          "case.engine",
          "case.history",
          "decision.engine",
          "decision.history");

  @Test
  void aSchemaCreatedAheadOfTimeIsUsedAsItIs() throws Exception {
    PostgresServer.createDatabase(DATABASE);
    try (SingleConnectionDataSource owner = PostgresServer.connect(DATABASE, PostgresServer.OWNER);
        Connection connection = owner.getConnection()) {
      ScriptUtils.executeSqlScript(
          connection, new ByteArrayResource(engineSchema().getBytes(StandardCharsets.UTF_8)));
    }
    try (SingleConnectionDataSource dba =
        PostgresServer.connect(DATABASE, PostgresServer.SUPERUSER)) {
      // the application creates nothing in the strict route
      new JdbcTemplate(dba).execute("revoke create on schema public from " + PostgresServer.APP);
    }

    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(ZorgpadApplication.class)
            .profiles("postgres")
            .run(
                "--ZORGPAD_DB_URL=" + PostgresServer.url(DATABASE),
                "--ZORGPAD_DB_USER=" + PostgresServer.APP,
                "--ZORGPAD_DB_PASSWORD=" + PostgresServer.PASSWORD,
                "--ZORGPAD_DB_OWNER_USER=" + PostgresServer.OWNER,
                "--ZORGPAD_DB_OWNER_PASSWORD=" + PostgresServer.PASSWORD,
                "--ZORGPAD_DB_SCHEMA_UPDATE=false",
                "--ZORGPAD_DB_POOL_SIZE=5",
                "--zorgpad.admin.password=strict-route-admin",
                "--zorgpad.match.secret=strict-route-match-secret-0123456789abcdef",
                "--server.port=0",
                "--camunda.bpm.process-engine-name=strictroute",
                "--camunda.bpm.job-execution.enabled=false")) {
      JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
      List<Map<String, Object>> history =
          jdbc.queryForList(
              "select version, type, success" + " from zp_schema_history order by installed_rank");
      assertThat(history.get(0)).containsEntry("version", "0").containsEntry("type", "BASELINE");
      assertThat(history.subList(1, history.size()))
          .extracting(row -> row.get("version"))
          .startsWith("1", "2", "3", "4")
          .contains("40", "60", "61");
      assertThat(history).allSatisfy(row -> assertThat(row.get("success")).isEqualTo(true));
      assertThat(
              jdbc.queryForObject(
                  "select tableowner from pg_tables where tablename =" + " 'act_ru_task'",
                  String.class))
          .isEqualTo(PostgresServer.OWNER);
      assertThat(jdbc.queryForList("select version_ from act_ge_schema_log", String.class))
          .as("the DBA's schema, unchanged by the engine")
          .containsExactly("7.24.0");

      // a midwife starts a case: the schema works
      IdentityService identity = app.getBean(IdentityService.class);
      User midwife = identity.newUser("strict-midwife");
      midwife.setPassword("strict-route");
      identity.saveUser(midwife);
      identity.createMembership("strict-midwife", "verloskundige");
      Http http = new Http(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
      HttpResponse<String> signal =
          http.postJson(
              "/api/signals",
              "strict-midwife:strict-route",
              """
          {"clientReference": "STRICT-1", "dueDate": "%s", "gestationalAgeWeeks": 20,
           "riskDomains": ["stress"], "signallingDiscipline": "verloskundige"}
          """
                  .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
      assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
      assertThat(new ObjectMapper().readTree(signal.body()).path("caseNumber").asText())
          .startsWith("ZP-");
    }
  }

  /**
   * The SQL as deploy/engine-schema.sh takes it from the packaged jar (the documented route);
   * the same scripts from the test class path when no jar was built ({@code -Dit.test} after
   * {@code test-compile}).
   */
  private static String engineSchema() throws Exception {
    Path jar = null;
    try (var files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(file -> file.getFileName().toString().matches("zorgpad-.*\\.jar"))
              .findFirst()
              .orElse(null);
    }
    if (jar != null && Files.isExecutable(Path.of("/usr/bin/unzip"))) {
      Process script =
          new ProcessBuilder("deploy/engine-schema.sh", jar.toString(), "postgres")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      String sql = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(script.waitFor()).as("deploy/engine-schema.sh").isZero();
      assertThat(sql).contains("create table ACT_GE_PROPERTY");
      return sql;
    }
    StringBuilder sql = new StringBuilder();
    for (String part : ENGINE_SCRIPTS) {
      sql.append(
              new ClassPathResource(
                      "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql")
                  .getContentAsString(StandardCharsets.UTF_8))
          .append('\n');
    }
    return sql.toString();
  }
}
