package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain mechanism on the real migration (H2): sealing, and tampering directly with the rows
 * (change, delete, insert) is reported at the right record.
 */
class HashChainTest {

  private JdbcTemplate jdbc;
  private TransactionTemplate transactions;
  private HashChain chain;

  @BeforeEach
  void database() throws Exception {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:chain-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    jdbc = new JdbcTemplate(dataSource);
    String sql =
        Files.readString(Path.of("src/main/resources/db/migration/V30__audit_trail.sql"))
            .replaceAll("(?m)--.*$", "");
    for (String statement : sql.split(";")) {
      if (!statement.isBlank()) {
        jdbc.execute(statement);
      }
    }
    transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    chain = new HashChain(AuditConfiguration.ENGINE_AUDIT, jdbc);
  }

  @Test
  void emptyChainIsIntact() {
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void sealedRecordsAreIntactAndLinked() {
    List<Long> ids = append(5);
    ChainVerification result = chain.verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.headSeq()).isEqualTo(5);
    assertThat(
            jdbc.queryForObject(
                "select previous_hash from zp_audit_record where id = ?", String.class, ids.get(0)))
        .isEqualTo(HashChain.GENESIS);
    assertThat(
            jdbc.queryForObject(
                "select previous_hash from zp_audit_record where id = ?", String.class, ids.get(3)))
        .isEqualTo(
            jdbc.queryForObject(
                "select hash from zp_audit_record where id = ?", String.class, ids.get(2)));
  }

  @Test
  void changedRowIsTheFirstBrokenRecord() {
    List<Long> ids = append(5);
    jdbc.update("update zp_audit_record set user_id = 'someone-else' where id = ?", ids.get(2));
    ChainVerification result = chain.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenRecordId()).isEqualTo(ids.get(2));
    assertThat(result.brokenSeq()).isEqualTo(3L);
    assertThat(result.problem()).isEqualTo(ChainVerification.Problem.CONTENT_CHANGED);
  }

  @Test
  void changedTimeIsDetectedToo() {
    List<Long> ids = append(3);
    jdbc.update(
        "update zp_audit_record set occurred_at = ? where id = ?",
        Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")),
        ids.get(1));
    assertThat(chain.verify().brokenRecordId()).isEqualTo(ids.get(1));
  }

  @Test
  void rehashedRowBreaksTheLinkOfTheNextRecord() {
    List<Long> ids = append(4);
    // a tamperer who also rewrites the hash of the changed row breaks its successor's link
    jdbc.update(
        "update zp_audit_record set user_id = 'x', hash = ? where id = ?",
        "f".repeat(64),
        ids.get(1));
    ChainVerification result = chain.verify();
    assertThat(result.brokenRecordId()).isEqualTo(ids.get(1));
    assertThat(result.problem()).isEqualTo(ChainVerification.Problem.CONTENT_CHANGED);
  }

  @Test
  void deletedRowIsReportedAtTheRecordAfterTheGap() {
    List<Long> ids = append(5);
    jdbc.update("delete from zp_audit_record where id = ?", ids.get(1));
    ChainVerification result = chain.verify();
    assertThat(result.brokenRecordId()).isEqualTo(ids.get(2));
    assertThat(result.brokenSeq()).isEqualTo(3L);
    assertThat(result.problem()).isEqualTo(ChainVerification.Problem.RECORDS_MISSING_BEFORE);
  }

  @Test
  void deletedLastRowIsReportedAgainstTheHead() {
    append(3);
    jdbc.update("delete from zp_audit_record where chain_seq = 3");
    ChainVerification result = chain.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.brokenSeq()).isEqualTo(3L);
    assertThat(result.problem()).isEqualTo(ChainVerification.Problem.RECORDS_MISSING_AT_END);
  }

  @Test
  void insertedRowIsReported() {
    append(3);
    jdbc.update(
        "insert into zp_audit_record (occurred_at, event_type) values (?, 'task-complete')",
        Timestamp.from(Instant.now()));
    Long inserted = jdbc.queryForObject("select max(id) from zp_audit_record", Long.class);
    ChainVerification result = chain.verify();
    assertThat(result.brokenRecordId()).isEqualTo(inserted);
    assertThat(result.problem()).isEqualTo(ChainVerification.Problem.RECORD_OUTSIDE_CHAIN);
  }

  @Test
  void insertedRowIsNotTakenIntoTheChainByTheNextAppend() {
    append(2);
    Long inserted = transactions.execute(status -> insertRow("tamperer"));
    append(2);
    ChainVerification result = chain.verify();
    assertThat(result.brokenRecordId()).isEqualTo(inserted);
    assertThat(result.problem()).isEqualTo(ChainVerification.Problem.RECORD_OUTSIDE_CHAIN);
  }

  @Test
  void existingRowsAreAdoptedOnlyByAnEmptyChain() {
    Long before = transactions.execute(status -> insertRow("before-the-chain"));
    assertThat((int) transactions.execute(status -> chain.adoptExistingRows())).isEqualTo(1);
    assertThat(chain.verify().intact()).isTrue();
    Long later = transactions.execute(status -> insertRow("tamperer"));
    assertThat((int) transactions.execute(status -> chain.adoptExistingRows())).isZero();
    assertThat(chain.verify().brokenRecordId()).isEqualTo(later).isNotEqualTo(before);
  }

  @Test
  void insertedRowWithForgedPlaceIsReported() {
    List<Long> ids = append(3);
    String lastHash =
        jdbc.queryForObject(
            "select hash from zp_audit_record where id = ?", String.class, ids.get(2));
    jdbc.update(
        "insert into zp_audit_record (occurred_at, event_type, chain_seq, previous_hash,"
            + " hash) values (?, 'task-complete', 4, ?, ?)",
        Timestamp.from(Instant.now()),
        lastHash,
        "a".repeat(64));
    ChainVerification result = chain.verify();
    assertThat(result.intact()).isFalse();
    assertThat(result.problem()).isEqualTo(ChainVerification.Problem.RECORD_OUTSIDE_CHAIN);
  }

  @Test
  void rolledBackAppendLeavesNoTrace() {
    append(2);
    try {
      transactions.executeWithoutResult(
          status -> {
            chain.seal(List.of(insertRow("rolled-back")));
            throw new IllegalStateException("the engine command failed");
          });
    } catch (IllegalStateException expected) {
      // the action and its record go together
    }
    append(1);
    ChainVerification result = chain.verify();
    assertThat(result.intact()).isTrue();
    assertThat(result.headSeq()).isEqualTo(3);
  }

  @Test
  void concurrentAppendsFormOneChain() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      futures.add(pool.submit(() -> append(2)));
    }
    for (Future<?> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    ChainVerification result = chain.verify();
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.headSeq()).isEqualTo(80);
  }

  @Test
  void aChainLongerThanOnePageIsVerifiedPageByPage() {
    List<Long> ids = append(HashChain.VERIFY_PAGE * 2 + 7);
    ChainVerification result = chain.verify();
    assertThat(result.intact()).as(result.summary()).isTrue();
    assertThat(result.checked()).isEqualTo(HashChain.VERIFY_PAGE * 2L + 7);
    // a change on the second page is found at its record
    Long changed = ids.get(HashChain.VERIFY_PAGE + 3);
    jdbc.update("update zp_audit_record set user_id = 'someone-else' where id = ?", changed);
    assertThat(chain.verify().brokenRecordId()).isEqualTo(changed);
  }

  @Test
  void theIncrementalCheckContinuesFromTheCheckpoint() {
    append(5);
    HashChain.Walk first = chain.verifyFrom(0, HashChain.GENESIS, null);
    assertThat(first.result().intact()).isTrue();
    assertThat(first.goodSeq()).isEqualTo(5);
    List<Long> later = append(3);
    HashChain.Walk next = chain.verifyFrom(first.goodSeq(), first.goodHash(), first.maxId());
    assertThat(next.result().intact()).as(next.result().summary()).isTrue();
    assertThat(next.result().checked()).as("only the records after the checkpoint").isEqualTo(3);
    assertThat(next.goodSeq()).isEqualTo(8);

    // changed, deleted or inserted after the checkpoint: found incrementally
    jdbc.update("update zp_audit_record set user_id = 'x' where id = ?", later.get(1));
    HashChain.Walk changed = chain.verifyFrom(first.goodSeq(), first.goodHash(), first.maxId());
    assertThat(changed.result().brokenRecordId()).isEqualTo(later.get(1));
    assertThat(changed.result().problem()).isEqualTo(ChainVerification.Problem.CONTENT_CHANGED);
    assertThat(changed.goodSeq()).as("the last intact record").isEqualTo(6);
  }

  @Test
  void aDeletedRecordAfterTheCheckpointIsFoundIncrementally() {
    append(4);
    HashChain.Walk point = chain.verifyFrom(0, HashChain.GENESIS, null);
    List<Long> later = append(3);
    jdbc.update("delete from zp_audit_record where id = ?", later.get(0));
    assertThat(
            chain.verifyFrom(point.goodSeq(), point.goodHash(), point.maxId()).result().problem())
        .isEqualTo(ChainVerification.Problem.RECORDS_MISSING_BEFORE);

    assertThat(chain.verify().problem())
        .isEqualTo(ChainVerification.Problem.RECORDS_MISSING_BEFORE);
  }

  @Test
  void anInsertedRowIsFoundByTheIncrementalCheckOfAnIntactChain() {
    append(4);
    HashChain.Walk point = chain.verifyFrom(0, HashChain.GENESIS, null);
    Long inserted = transactions.execute(status -> insertRow("tamperer"));
    HashChain.Walk next = chain.verifyFrom(point.goodSeq(), point.goodHash(), point.maxId());
    assertThat(next.result().brokenRecordId()).isEqualTo(inserted);
    assertThat(next.result().problem()).isEqualTo(ChainVerification.Problem.RECORD_OUTSIDE_CHAIN);
  }

  @Test
  void aChangeBeforeTheCheckpointIsFoundByTheFullCheck() {
    List<Long> ids = append(6);
    HashChain.Walk point = chain.verifyFrom(0, HashChain.GENESIS, null);
    jdbc.update("update zp_audit_record set user_id = 'x' where id = ?", ids.get(1));
    // the incremental check does not read records before its checkpoint ...
    assertThat(chain.verifyFrom(point.goodSeq(), point.goodHash(), point.maxId()).result().intact())
        .isTrue();
    // ... the full check does
    assertThat(chain.verify().brokenRecordId()).isEqualTo(ids.get(1));
    // and a change of the checkpoint record itself is found by the incremental check
    jdbc.update("update zp_audit_record set hash = ? where id = ?", "e".repeat(64), ids.get(5));
    HashChain.Walk atPoint = chain.verifyFrom(point.goodSeq(), point.goodHash(), point.maxId());
    assertThat(atPoint.result().brokenRecordId()).isEqualTo(ids.get(5));
    assertThat(atPoint.goodSeq()).as("back to the genesis: the next check is a full one").isZero();
  }

  @Test
  void canonicalFormIsUnambiguous() {
    java.util.Map<String, Object> a = new java.util.HashMap<>();
    java.util.Map<String, Object> b = new java.util.HashMap<>();
    for (String column : AuditConfiguration.ENGINE_AUDIT.contentColumns()) {
      a.put(column, null);
      b.put(column, null);
    }
    a.put("id", 1L);
    b.put("id", 1L);
    a.put("user_id", "null");
    assertThat(chain.canonical(1, HashChain.GENESIS, a))
        .isNotEqualTo(chain.canonical(1, HashChain.GENESIS, b));
  }

  /** One transaction: insert {@code count} records and seal them, as the engine handler does. */
  private List<Long> append(int count) {
    return transactions.execute(
        status -> {
          List<Long> ids = new ArrayList<>();
          for (int i = 0; i < count; i++) {
            ids.add(insertRow("demo-verloskundige"));
          }
          chain.seal(ids);
          return ids;
        });
  }

  private Long insertRow(String user) {
    org.springframework.jdbc.support.GeneratedKeyHolder keys =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.update(
        connection -> {
          var statement =
              connection.prepareStatement(
                  "insert into zp_audit_record (occurred_at,"
                      + " event_type, process_instance_id, user_id, variable_key, value_text)"
                      + " values (?, 'variable-update', 'pi-1', ?, 'consentGiven', 'true')",
                  new String[] {"id"});
          statement.setTimestamp(1, Timestamp.from(Instant.now()));
          statement.setString(2, user);
          return statement;
        },
        keys);
    return keys.getKey().longValue();
  }

  @Test
  void timesAreWrittenAsInstantToStringWritesThem() {
    java.util.Random random = new java.util.Random(13);
    List<java.time.ZoneOffset> offsets =
        List.of(
            java.time.ZoneOffset.UTC,
            java.time.ZoneOffset.ofHours(1),
            java.time.ZoneOffset.ofHoursMinutes(-9, -30),
            java.time.ZoneOffset.ofHours(14));
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(-70_000_000_000L, 260_000_000_000L);
      int nano =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(seconds, nano);
      java.time.OffsetDateTime time = instant.atOffset(offsets.get(i % offsets.size()));
      assertThat(HashChain.canonicalValue(time)).as(time.toString()).isEqualTo(instant.toString());
      if (instant.isAfter(Instant.parse("0001-01-01T00:00:00Z"))) {
        assertThat(HashChain.canonicalValue(Timestamp.from(instant))).isEqualTo(instant.toString());
      }
    }
  }
}
