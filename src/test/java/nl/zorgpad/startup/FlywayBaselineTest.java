package nl.zorgpad.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.yaml.snakeyaml.Yaml;

/**
 * Flyway with Zorgpad's settings (application.yaml) never skips a migration: on a database that
 * already holds the engine's tables (a DBA ran Camunda's SQL scripts first, the strict route) the
 * baseline lies below V1, so V1 and everything after it run. With Flyway's default baseline (1),
 * V1 was skipped and V3 failed on the missing zp_case_file.
 */
class FlywayBaselineTest {

  /** Camunda's own create scripts in the engine jar, in the order the engine runs them. */
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
  void aDatabaseWithTheEngineTablesGetsEveryZorgpadMigration() {
    JdbcDataSource database = h2();
    ResourceDatabasePopulator camunda = new ResourceDatabasePopulator();
    ENGINE_SCRIPTS.forEach(
        script ->
            camunda.addScript(
                new ClassPathResource(
                    "org/camunda/bpm/engine/db/create/activiti.h2.create." + script + ".sql")));
    camunda.execute(database);
    JdbcTemplate jdbc = new JdbcTemplate(database);
    assertThat(jdbc.queryForObject("select count(*) from act_ge_property", Long.class))
        .isPositive();

    Flyway flyway = configured(database);
    flyway.migrate();

    MigrationInfo[] applied = flyway.info().applied();
    assertThat(applied[0].getType().isBaseline()).as("baseline first").isTrue();
    assertThat(applied[0].getVersion().getVersion()).isEqualTo("0");
    assertThat(flyway.info().all())
        .filteredOn(info -> !info.getType().isBaseline())
        .isNotEmpty()
        .allSatisfy(
            info ->
                assertThat(info.getState()).as(info.getScript()).isEqualTo(MigrationState.SUCCESS));
    assertThat(jdbc.queryForObject("select count(*) from zp_case_file", Long.class)).isZero();
    assertThat(applied[1].getVersion().getVersion())
        .as("V1 right after the baseline")
        .isEqualTo("1");
  }

  @Test
  void anEmptyDatabaseIsMigratedWithoutABaseline() {
    JdbcDataSource database = h2();
    Flyway flyway = configured(database);
    flyway.migrate();
    assertThat(flyway.info().applied()).noneMatch(info -> info.getType().isBaseline());
    assertThat(flyway.info().applied()[0].getVersion().getVersion()).isEqualTo("1");
  }

  /**
   * V79 (a Java migration) indexes the case-list records written before V78 by the cases their
   * detail names, so a client's access report still finds the listings that showed her case.
   */
  @Test
  void listingsWrittenBeforeTheIndexAreIndexedByTheCasesTheyName() {
    JdbcDataSource database = h2();
    Flyway.configure()
        .configuration(configured(database).getConfiguration())
        .target("78")
        .load()
        .migrate();
    JdbcTemplate jdbc = new JdbcTemplate(database);
    String insert =
        "insert into zp_access_log (occurred_at, user_id, responsible_user_id,"
            + " object_type, action, outcome, source_system, purpose_of_use, emergency, detail)"
            + " values (current_timestamp, 'demo-jgz', 'demo-jgz', ?, ?, 'ALLOWED', 'zorgpad', 'care',"
            + " false, ?)";
    jdbc.update(insert, "CaseList", "SEARCH", "CASE_SUMMARY listed: ZP-2026-00002 ZP-2026-00001");
    jdbc.update(insert, "CaseSummary", "READ", "CASE_SUMMARY listed: ZP-2026-00009");
    jdbc.update(insert, "CaseList", "SEARCH", null);

    configured(database).migrate();

    assertThat(
            jdbc.queryForList(
                "select l.case_number from zp_access_log_listed l join"
                    + " zp_access_log a on a.id = l.access_log_id order by l.case_number",
                String.class))
        .containsExactly("ZP-2026-00001", "ZP-2026-00002");
  }

  private static JdbcDataSource h2() {
    JdbcDataSource database = new JdbcDataSource();
    database.setURL("jdbc:h2:mem:flyway-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    database.setUser("sa");
    return database;
  }

  /** Flyway as application.yaml configures it (table, baseline on migrate, baseline version). */
  @SuppressWarnings("unchecked")
  private static Flyway configured(JdbcDataSource database) {
    Map<String, Object> flyway;
    try (InputStream in = FlywayBaselineTest.class.getResourceAsStream("/application.yaml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      flyway = (Map<String, Object>) ((Map<String, Object>) yaml.get("spring")).get("flyway");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    var configuration =
        Flyway.configure()
            .dataSource(database)
            .locations("classpath:db/migration")
            .table((String) flyway.get("table"))
            .baselineOnMigrate(Boolean.TRUE.equals(flyway.get("baseline-on-migrate")));
    if (flyway.get("baseline-version") != null) {
      configuration.baselineVersion(String.valueOf(flyway.get("baseline-version")));
    }
    return configuration.load();
  }
}
