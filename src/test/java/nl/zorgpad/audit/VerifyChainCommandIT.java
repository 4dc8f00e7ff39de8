package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.zorgpad.ZorgpadApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --zorgpad.verify-audit-chain} as an operator runs it: the application in its own JVM
 * on an H2 file database. The first run fills the database (demo data: cases made step by step
 * by demo users, so both chains have records), verifies and exits 0; then one row of each chain
 * is changed directly with JDBC, and the second run prints the changed rows as the first broken
 * records and exits 2.
 */
class VerifyChainCommandIT {

  @TempDir Path dataDir;

  @Test
  void commandLineVerificationExitsZeroWhenIntactAndNamesTheChangedRow() throws Exception {
    Run intact = run();
    assertThat(intact.exitCode()).as(intact.output()).isZero();
    assertThat(intact.output())
        .containsPattern(
            "engine-audit \\(zp_audit_record\\): intact, [1-9]\\d* records, head" + " [0-9a-f]{64}")
        .containsPattern(
            "access-log \\(zp_access_log\\): intact, [1-9]\\d* records, head" + " [0-9a-f]{64}");

    long auditRecord;
    long accessRecord;
    try (Connection db = DriverManager.getConnection(jdbcUrl(), "sa", "")) {
      auditRecord = tamper(db, "zp_audit_record", "user_id");
      accessRecord = tamper(db, "zp_access_log", "user_id");
    }

    Run broken = run();
    assertThat(broken.exitCode()).as(broken.output()).isEqualTo(2);
    assertThat(broken.output())
        .contains("engine-audit (zp_audit_record): BROKEN at record id " + auditRecord + ",")
        .contains("access-log (zp_access_log): BROKEN at record id " + accessRecord + ",")
        .contains("CONTENT_CHANGED");
  }

  /** Changes one column of the record in the middle of the chain; returns its id. */
  private static long tamper(Connection db, String table, String column) throws SQLException {
    long id;
    try (PreparedStatement select =
            db.prepareStatement(
                "select id from "
                    + table
                    + " where chain_seq = (select max(chain_seq) / 2 from "
                    + table
                    + ")");
        ResultSet rows = select.executeQuery()) {
      assertThat(rows.next()).as(table).isTrue();
      id = rows.getLong(1);
    }
    try (PreparedStatement update =
        db.prepareStatement(
            "update " + table + " set " + column + " = 'someone-else' where id = ?")) {
      update.setLong(1, id);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
    return id;
  }

  private String jdbcUrl() {
    return "jdbc:h2:file:" + dataDir.resolve("zorgpad").toAbsolutePath();
  }

  record Run(int exitCode, String output) {}

  /** The application with the demo profile, in a child JVM on this test's class path. */
  private Run run() throws IOException, InterruptedException {
    Path log = Files.createTempFile(dataDir, "run", ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                ZorgpadApplication.class.getName(),
                "--spring.profiles.active=demo",
                "--zorgpad.data-dir=" + dataDir.toAbsolutePath(),
                "--server.port=0",
                "--camunda.bpm.job-execution.enabled=false",
                // the monitor's year of demo cases would take minutes: the seven demo cases suffice
                "--zorgpad.demo.monitor-cases=false",
                "--zorgpad.verify-audit-chain"));
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the verification did not finish within 5 minutes:\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }
}
