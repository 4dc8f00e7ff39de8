package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13, finding 3: the full verification rate (records/s) of the engine-audit chain on an
 * in-memory H2 with the real migration, and the heap it needs. A figure, not a timed assertion:
 * tagged {@code benchmark}, run with
 * {@code ./mvnw -Pbenchmark test -Dtest=ChainVerificationRateTest -Dchain.records=50000} (add
 * {@code -Dchain.file=true} for an H2 file in {@code target/} with the application's URL flags
 * instead of memory, and {@code -Dchain.flags=;CACHE_SIZE=…} for more flags).
 */
@Tag("benchmark")
class ChainVerificationRateTest {

  @Test
  void fullVerificationRate() throws Exception {
    int records = Integer.getInteger("chain.records", 50_000);
    // -Dchain.file=true: an H2 file with the application's URL flags instead of memory
    String url =
        Boolean.getBoolean("chain.file")
            ? "jdbc:h2:file:./target/chain-rate-"
                + UUID.randomUUID()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=5000"
                + System.getProperty("chain.flags", "")
            : "jdbc:h2:mem:rate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url, "sa", "");
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String sql =
        Files.readString(Path.of("src/main/resources/db/migration/V30__audit_trail.sql"))
            .replaceAll("(?m)--.*$", "");
    for (String statement : sql.split(";")) {
      if (!statement.isBlank()) {
        jdbc.execute(statement);
      }
    }
    TransactionTemplate transactions =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    HashChain chain = new HashChain(AuditConfiguration.ENGINE_AUDIT, jdbc);
    for (int done = 0; done < records; done += 1000) {
      int batch = Math.min(1000, records - done);
      transactions.executeWithoutResult(
          status -> {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
              rows.add(
                  new Object[] {
                    Timestamp.from(Instant.now()), "demo-jgz", "value of variable " + i
                  });
            }
            jdbc.batchUpdate(
                "insert into zp_audit_record (occurred_at, event_type,"
                    + " process_instance_id, user_id, variable_key, value_text) values (?,"
                    + " 'variable-update', 'pi-1', ?, 'consentGiven', ?)",
                rows);
            chain.seal(
                jdbc.queryForList(
                    "select id from zp_audit_record where chain_seq is null", Long.class));
          });
    }
    assertThat(chain.verify().intact()).isTrue(); // warm-up
    assertThat(before(jdbc, chain)).isTrue();
    List<Double> streamed = new ArrayList<>();
    List<Double> whole = new ArrayList<>();
    System.out.println("chain verification, load at start " + load());
    for (int round = 0; round < 5; round++) {
      // interleaved, alternating which goes first
      for (int which = 0; which < 2; which++) {
        boolean now = (round + which) % 2 == 0;
        System.gc();
        long start = System.nanoTime();
        boolean intact = now ? chain.verify().intact() : before(jdbc, chain);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(intact).isTrue();
        (now ? streamed : whole).add(records / seconds);
      }
    }
    streamed.sort(null);
    whole.sort(null);
    System.out.printf(
        "chain verification of %d records, records/s median [min-max] over 5"
            + " rounds: streamed (issue 13) %.0f [%.0f-%.0f], whole table in memory (before) %.0f"
            + " [%.0f-%.0f], ratio %.2f; load at end %s%n",
        records,
        streamed.get(2),
        streamed.get(0),
        streamed.get(4),
        whole.get(2),
        whole.get(0),
        whole.get(4),
        streamed.get(2) / whole.get(2),
        load());
  }

  private static String load() throws java.io.IOException {
    return Files.readString(Path.of("/proc/loadavg")).strip();
  }

  /** The verification before issue 13: the whole table as a List of Maps, then hashed. */
  private static boolean before(JdbcTemplate jdbc, HashChain chain) {
    HashChain.Spec spec = chain.spec();
    java.util.Map<String, Object> head =
        jdbc.queryForMap(
            "select last_seq, last_hash from zp_hash_chain_head where chain_id = ?",
            spec.chainId());
    long headSeq = ((Number) head.get("last_seq")).longValue();
    List<java.util.Map<String, Object>> rows =
        jdbc.queryForList(
            "select "
                + spec.idColumn()
                + ", chain_seq, previous_hash, hash, "
                + String.join(", ", spec.contentColumns())
                + " from "
                + spec.table()
                + " where chain_seq is not null and chain_seq <= ? order by"
                + " chain_seq",
            headSeq);
    String previous = HashChain.GENESIS;
    long expected = 1;
    for (java.util.Map<String, Object> row : rows) {
      long seq = ((Number) row.get("CHAIN_SEQ")).longValue();
      if (seq != expected || !previous.equals(row.get("PREVIOUS_HASH"))) {
        return false;
      }
      String stored = (String) row.get("HASH");
      if (!chain.hash(seq, previous, row).equals(stored)) {
        return false;
      }
      previous = stored;
      expected++;
    }
    return jdbc.queryForList(
            "select "
                + spec.idColumn()
                + " from "
                + spec.table()
                + " where chain_seq is null or chain_seq > ?",
            headSeq)
        .isEmpty();
  }
}
