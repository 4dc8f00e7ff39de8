package nl.zorgpad.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import nl.zorgpad.support.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.util.PSQLException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The PostgreSQL-only V40 triggers in detail, without the application: Flyway migrates a fresh
 * database with the locations of application-postgres.yaml as the owner role, then the
 * application role tries what the application does (insert, seal once, move a chain head
 * forward) and what it must not (change content while sealing, re-seal, rewind, delete).
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppendOnlyTriggersIT {

  static final String DATABASE = "zorgpad_triggers_it";

  @BeforeAll
  void migrate() {
    PostgresServer.createDatabase(DATABASE);
    Flyway.configure()
        .dataSource(PostgresServer.url(DATABASE), PostgresServer.OWNER, PostgresServer.PASSWORD)
        // as spring.flyway.* in application.yaml and application-postgres.yaml
        .table("zp_schema_history")
        .baselineOnMigrate(true)
        .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
        .load()
        .migrate();
  }

  @Test
  void sealingOnceIsAllowedAndNothingElse() throws SQLException {
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.APP)) {
      JdbcTemplate app = new JdbcTemplate(connection);
      long id = insertAuditRecord(app);

      // sealing that also changes the content is refused
      assertRefused(
          () ->
              app.update(
                  "update zp_audit_record set chain_seq = 1,"
                      + " previous_hash = 'p', hash = 'h', user_id = 'someone-else' where id = ?",
                  id));
      // sealing: only the three chain columns, from unsealed to sealed
      assertThat(
              app.update(
                  "update zp_audit_record set chain_seq = 1, previous_hash = 'p',"
                      + " hash = 'h' where id = ? and chain_seq is null",
                  id))
          .isEqualTo(1);
      // a sealed record cannot be sealed again, changed or deleted
      assertRefused(
          () ->
              app.update(
                  "update zp_audit_record set chain_seq = 2, hash = 'x'" + " where id = ?", id));
      assertRefused(
          () -> app.update("update zp_audit_record set chain_seq = null where id = ?", id));
      assertRefused(
          () -> app.update("update zp_audit_record set value_text = 'x' where id = ?", id));
      assertRefused(() -> app.update("delete from zp_audit_record where id = ?", id));
      // an unsealed record cannot be changed or deleted either
      long unsealed = insertAuditRecord(app);
      assertRefused(
          () -> app.update("update zp_audit_record set user_id = 'x' where id = ?", unsealed));
      assertRefused(() -> app.update("delete from zp_audit_record where id = ?", unsealed));
      assertThat(app.queryForObject("select count(*) from zp_audit_record", Long.class))
          .isEqualTo(2);
    }
  }

  @Test
  void theAccessLogIsAppendOnlyToo() {
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.APP)) {
      JdbcTemplate app = new JdbcTemplate(connection);
      app.update(
          "insert into zp_access_log (occurred_at, user_id, responsible_user_id,"
              + " object_type, action, outcome, source_system, purpose_of_use, emergency) values"
              + " (current_timestamp, 'demo-jgz', 'demo-jgz', 'Client', 'READ', 'ALLOWED',"
              + " 'zorgpad', 'care', false)");
      long id = app.queryForObject("select max(id) from zp_access_log", Long.class);
      assertRefused(
          () ->
              app.update(
                  "update zp_access_log set outcome = 'DENIED',"
                      + " chain_seq = 1, previous_hash = 'p', hash = 'h' where id = ?",
                  id));
      assertThat(
              app.update(
                  "update zp_access_log set chain_seq = 1, previous_hash = 'p',"
                      + " hash = 'h' where id = ?",
                  id))
          .isEqualTo(1);
      assertRefused(() -> app.update("update zp_access_log set emergency = true where id = ?", id));
      assertRefused(() -> app.update("delete from zp_access_log"));
      // and so is the index of the cases a listing showed (V78, V80)
      app.update(
          "insert into zp_access_log_listed (case_number, access_log_id) values"
              + " ('ZP-2026-00001', ?)",
          id);
      assertRefused(
          () ->
              app.update(
                  "update zp_access_log_listed set case_number ="
                      + " 'ZP-2026-00002' where access_log_id = ?",
                  id));
      assertRefused(
          () -> app.update("delete from zp_access_log_listed where access_log_id = ?", id));
    }
  }

  @Test
  void aChainHeadOnlyMovesForward() {
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.APP)) {
      JdbcTemplate app = new JdbcTemplate(connection);
      String chain = "access-log";
      long seq =
          app.queryForObject(
              "select last_seq from zp_hash_chain_head where chain_id = ?", Long.class, chain);
      // unchanged (an empty chain adopting no rows) and forward are allowed
      assertThat(
              app.update(
                  "update zp_hash_chain_head set last_seq = last_seq" + " where chain_id = ?",
                  chain))
          .isEqualTo(1);
      assertThat(
              app.update(
                  "update zp_hash_chain_head set last_seq = ?, last_hash = 'h2'"
                      + " where chain_id = ?",
                  seq + 2,
                  chain))
          .isEqualTo(1);
      assertRefused(
          () ->
              app.update(
                  "update zp_hash_chain_head set last_seq = ?" + " where chain_id = ?",
                  seq + 1,
                  chain));
      assertRefused(
          () ->
              app.update(
                  "update zp_hash_chain_head set last_hash = 'other'" + " where chain_id = ?",
                  chain));
      assertRefused(
          () ->
              app.update(
                  "update zp_hash_chain_head set chain_id = 'x', last_seq ="
                      + " last_seq + 1 where chain_id = ?",
                  chain));
      assertRefused(() -> app.update("delete from zp_hash_chain_head where chain_id = ?", chain));
    }
  }

  @Test
  void otherTablesAreNotProtected() {
    try (SingleConnectionDataSource connection =
        PostgresServer.connect(DATABASE, PostgresServer.APP)) {
      JdbcTemplate app = new JdbcTemplate(connection);
      // the case-number counter is updated on every new case
      assertThat(
              app.update(
                  "update zp_case_number_counter set last_number = last_number + 1"
                      + " where counter_id = 'case-file'"))
          .isEqualTo(1);
    }
  }

  private static long insertAuditRecord(JdbcTemplate app) {
    app.update(
        "insert into zp_audit_record (occurred_at, event_type, user_id)"
            + " values (current_timestamp, 'task-complete', 'demo-jgz')");
    return app.queryForObject("select max(id) from zp_audit_record", Long.class);
  }

  private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable sql) {
    assertThatThrownBy(sql)
        .satisfies(
            e -> {
              Throwable cause = e;
              while (cause.getCause() != null) {
                cause = cause.getCause();
              }
              assertThat(cause).isInstanceOf(PSQLException.class);
              assertThat(((PSQLException) cause).getSQLState()).isEqualTo("42501");
              assertThat(cause.getMessage()).contains("zorgpad:").contains("refused");
            });
  }
}
