package nl.zorgpad.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A hash chain over one append-only table: every record carries the SHA-256 of the previous
 * record ({@code previous_hash}), its place in the chain ({@code chain_seq}) and its own hash over
 * a canonical serialisation of its id, place, previous hash and content columns ({@code hash}).
 * A changed, deleted or inserted row breaks the chain at that row.
 *
 * <p>Records are written unsealed (chain_seq null) by whoever owns the table and sealed by
 * {@link #seal} just before the transaction commits ({@link ChainSealing}). Sealing
 * locks the chain's row in {@code zp_hash_chain_head} with {@code select … for update}: a second
 * transaction (on this node or another node of a cluster on the same database) waits at that
 * statement until the first commits or rolls back, then reads the new head. So the chain grows
 * one transaction at a time without forks or gaps, and a rolled-back transaction leaves nothing.
 * The lock is held only from the seal to the commit (the end of the transaction), not while the
 * work of the transaction is done.
 *
 * <p>Generic: a table needs an id column, the three chain columns and a head row; the access log
 * uses the same mechanism as the engine's audit trail.
 */
public final class HashChain {

  public static final String GENESIS = "0".repeat(64);
  private static final String FORMAT = "zorgpad-hash-chain/1";
  private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]*");

  /** What a chain is made of: its head row id, table, id column and hashed content columns. */
  public record Spec(String chainId, String table, String idColumn, List<String> contentColumns) {
    public Spec {
      Objects.requireNonNull(chainId);
      contentColumns = List.copyOf(contentColumns);
      for (String name : concat(table, idColumn, contentColumns)) {
        if (!IDENTIFIER.matcher(name).matches()) {
          throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
      }
    }

    private static List<String> concat(String table, String id, List<String> columns) {
      java.util.ArrayList<String> all = new java.util.ArrayList<>(columns);
      all.add(table);
      all.add(id);
      return all;
    }
  }

  private final Spec spec;
  private final JdbcTemplate jdbc;
  private final String selectColumns;

  public HashChain(Spec spec, JdbcTemplate jdbc) {
    this.spec = spec;
    this.jdbc = jdbc;
    this.selectColumns =
        spec.idColumn()
            + ", chain_seq, previous_hash, hash, "
            + String.join(", ", spec.contentColumns());
  }

  public Spec spec() {
    return spec;
  }

  /**
   * Seals the given records (written by this transaction), in id order. Must run inside a
   * transaction: the head lock is held until it ends. Only the records the application wrote are
   * sealed; a row someone inserted around the application stays outside the chain and is
   * reported by {@link #verify()}.
   */
  public void seal(java.util.Collection<? extends Number> ids) {
    if (ids.isEmpty()) {
      return;
    }
    List<Long> sorted = ids.stream().map(Number::longValue).distinct().sorted().toList();
    Map<String, Object> head = lockHead();
    long seq = ((Number) head.get("last_seq")).longValue();
    String previous = (String) head.get("last_hash");
    MessageDigest digest = newDigest();
    List<Object[]> updates = new java.util.ArrayList<>(sorted.size());
    // the records are read in chunks of SEAL_CHUNK ids (one statement each, not one per record)
    // and sealed with one batched update: a transaction that wrote 30 records costs two
    // statements, not sixty
    for (int from = 0; from < sorted.size(); from += SEAL_CHUNK) {
      List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + SEAL_CHUNK));
      String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select "
                  + selectColumns
                  + " from "
                  + spec.table()
                  + " where "
                  + spec.idColumn()
                  + " in ("
                  + marks
                  + ")"
                  + " and chain_seq is null order by "
                  + spec.idColumn(),
              chunk.toArray());
      if (rows.size() != chunk.size()) {
        java.util.Set<Long> found = new java.util.HashSet<>();
        rows.forEach(row -> found.add(((Number) value(row, spec.idColumn())).longValue()));
        Long missing = chunk.stream().filter(id -> !found.contains(id)).findFirst().orElse(null);
        throw new IllegalStateException(
            "record " + missing + " of " + spec.table() + " is missing or already sealed");
      }
      for (Map<String, Object> row : rows) {
        seq++;
        String hash = sha256(digest, canonical(seq, previous, row));
        updates.add(new Object[] {seq, previous, hash, value(row, spec.idColumn())});
        previous = hash;
      }
    }
    int[] counts =
        jdbc.batchUpdate(
            "update "
                + spec.table()
                + " set chain_seq = ?, previous_hash = ?, hash = ? where "
                + spec.idColumn()
                + " = ? and chain_seq is null",
            updates);
    for (int i = 0; i < counts.length; i++) {
      // SUCCESS_NO_INFO (-2) is a driver's "done, count unknown"; 0 means another transaction
      // sealed the row although the head lock should have kept it out
      if (counts[i] == 0) {
        throw new IllegalStateException(
            "record "
                + updates.get(i)[3]
                + " of "
                + spec.table()
                + " was sealed concurrently: the chain head lock did not hold");
      }
    }
    updateHead(seq, previous);
  }

  /** Ids per select while sealing (well below every database's limit of bind parameters). */
  static final int SEAL_CHUNK = 500;

  /**
   * Takes existing rows into an empty chain once (the chain's first use on a table that already
   * had rows, e.g. the access log written before its chain existed). Does nothing once the chain
   * has records, so rows inserted around the application later are never adopted.
   */
  public int adoptExistingRows() {
    Map<String, Object> head = lockHead();
    long seq = ((Number) head.get("last_seq")).longValue();
    if (seq != 0) {
      return 0;
    }
    String previous = (String) head.get("last_hash");
    List<Map<String, Object>> pending =
        jdbc.queryForList(
            "select "
                + selectColumns
                + " from "
                + spec.table()
                + " where chain_seq is null order by "
                + spec.idColumn());
    for (Map<String, Object> row : pending) {
      seq++;
      previous = sealRow(seq, previous, row);
    }
    updateHead(seq, previous);
    return pending.size();
  }

  private Map<String, Object> lockHead() {
    return jdbc.queryForMap(
        "select last_seq, last_hash from zp_hash_chain_head where chain_id = ? for update",
        spec.chainId());
  }

  private String sealRow(long seq, String previous, Map<String, Object> row) {
    Object id = value(row, spec.idColumn());
    String hash = hash(seq, previous, row);
    int updated =
        jdbc.update(
            "update "
                + spec.table()
                + " set chain_seq = ?, previous_hash = ?, hash = ? where "
                + spec.idColumn()
                + " = ? and chain_seq is null",
            seq,
            previous,
            hash,
            id);
    if (updated != 1) {
      throw new IllegalStateException(
          "record "
              + id
              + " of "
              + spec.table()
              + " was sealed concurrently: the chain head lock did not hold");
    }
    return hash;
  }

  private void updateHead(long seq, String hash) {
    jdbc.update(
        "update zp_hash_chain_head set last_seq = ?, last_hash = ? where chain_id = ?",
        seq,
        hash,
        spec.chainId());
  }

  /** Records read per keyset page while verifying: memory is bounded by this, not the chain. */
  static final int VERIFY_PAGE = 2000;

  /**
   * Walks the chain from its first record and reports the first broken one: a record whose
   * content no longer matches its hash, whose previous hash is not the hash before it, whose
   * place follows a gap (deleted records), a record outside the chain, or missing records at the
   * end (checked against the head). Streamed: keyset pages of {@link #VERIFY_PAGE} records by
   * {@code chain_seq}, so memory stays constant whatever the chain's length. The full check of
   * the auditor's page and the command line.
   */
  public ChainVerification verify() {
    return walk(0, GENESIS, null, checked -> {}).result();
  }

  /**
   * Continues from a verified point (its place and hash, e.g. the last checkpoint): checks that
   * the record there still has that hash, then walks only the records after it, and looks for
   * rows outside the chain among the ids above {@code outsideAfterId}. Changes to records before
   * the point are found by the full {@link #verify()} only.
   */
  public Walk verifyFrom(long verifiedSeq, String verifiedHash, Long outsideAfterId) {
    return walk(verifiedSeq, verifiedHash, outsideAfterId, checked -> {});
  }

  /**
   * {@link #verifyFrom(long, String, Long)} that reports the number of records checked so far
   * after every keyset page (the progress the auditor's page shows while a full check runs).
   */
  public Walk verifyFrom(
      long verifiedSeq,
      String verifiedHash,
      Long outsideAfterId,
      java.util.function.LongConsumer progress) {
    return walk(verifiedSeq, verifiedHash, outsideAfterId, progress);
  }

  /**
   * A verification and where it got: the last record found intact ({@code goodSeq},
   * {@code goodHash}; 0 and the genesis hash for none) and the highest id looked at for rows
   * outside the chain.
   */
  public record Walk(ChainVerification result, long goodSeq, String goodHash, Long maxId) {}

  private Walk walk(
      long fromSeq,
      String fromHash,
      Long outsideAfterId,
      java.util.function.LongConsumer progress) {
    Map<String, Object> head =
        jdbc.queryForMap(
            "select last_seq, last_hash from zp_hash_chain_head where chain_id = ?",
            spec.chainId());
    long headSeq = ((Number) head.get("last_seq")).longValue();
    String headHash = (String) head.get("last_hash");
    long checked = 0;
    if (fromSeq > 0) {
      String stored = hashAt(fromSeq);
      if (!fromHash.equals(stored)) {
        Object id =
            jdbc
                .queryForList(
                    "select " + spec.idColumn() + " from " + spec.table() + " where chain_seq = ?",
                    fromSeq)
                .stream()
                .findFirst()
                .map(row -> value(row, spec.idColumn()))
                .orElse(null);
        return new Walk(
            ChainVerification.broken(
                spec,
                0,
                id,
                fromSeq,
                id == null
                    ? ChainVerification.Problem.RECORDS_MISSING_BEFORE
                    : ChainVerification.Problem.CONTENT_CHANGED,
                headSeq,
                headHash),
            0,
            GENESIS,
            null);
      }
    }
    long expected = fromSeq + 1;
    String previous = fromHash;
    String page =
        "select "
            + selectColumns
            + " from "
            + spec.table()
            + " where chain_seq > ? and chain_seq <= ? order by chain_seq limit "
            + VERIFY_PAGE;
    int columns = 4 + spec.contentColumns().size();
    MessageDigest digest = newDigest();
    long after = fromSeq;
    // a long walk reads the next page on a second thread while this one hashes the current page
    // (reading and hashing take about half the time each): an incremental check of a few
    // records reads in this thread only
    ExecutorService ahead =
        headSeq - fromSeq > VERIFY_PAGE
            ? Executors.newSingleThreadExecutor(
                runnable -> {
                  Thread thread = new Thread(runnable, "zorgpad-chain-read-ahead");
                  thread.setDaemon(true);
                  return thread;
                })
            : null;
    try {
      Future<List<Object[]>> next = null;
      while (after < headSeq) {
        List<Object[]> rows = next != null ? take(next) : readPage(page, columns, after, headSeq);
        next = null;
        if (rows.isEmpty()) {
          break;
        }
        long last = ((Number) rows.get(rows.size() - 1)[1]).longValue();
        if (ahead != null && last < headSeq) {
          next = ahead.submit(() -> readPage(page, columns, last, headSeq));
        }
        for (Object[] row : rows) {
          long seq = ((Number) row[1]).longValue();
          Object id = row[0];
          checked++;
          if (seq != expected) {
            return new Walk(
                ChainVerification.broken(
                    spec,
                    checked,
                    id,
                    seq,
                    ChainVerification.Problem.RECORDS_MISSING_BEFORE,
                    headSeq,
                    headHash),
                expected - 1,
                previous,
                null);
          }
          if (!previous.equals(row[2])) {
            return new Walk(
                ChainVerification.broken(
                    spec,
                    checked,
                    id,
                    seq,
                    ChainVerification.Problem.PREVIOUS_HASH_MISMATCH,
                    headSeq,
                    headHash),
                expected - 1,
                previous,
                null);
          }
          String stored = (String) row[3];
          if (!sha256(digest, canonical(seq, previous, row)).equals(stored)) {
            return new Walk(
                ChainVerification.broken(
                    spec,
                    checked,
                    id,
                    seq,
                    ChainVerification.Problem.CONTENT_CHANGED,
                    headSeq,
                    headHash),
                expected - 1,
                previous,
                null);
          }
          previous = stored;
          expected++;
          after = seq;
        }
        progress.accept(checked);
      }
    } finally {
      if (ahead != null) {
        ahead.shutdownNow();
      }
    }
    if (expected - 1 != headSeq || !previous.equals(headHash)) {
      return new Walk(
          ChainVerification.broken(
              spec,
              checked,
              null,
              expected,
              ChainVerification.Problem.RECORDS_MISSING_AT_END,
              headSeq,
              headHash),
          expected - 1,
          previous,
          null);
    }
    // committed rows are always sealed before commit; an unsealed or out-of-chain row was
    // written around the application. The head is re-read in the same statement: a commit in
    // between may have extended the chain, and must not look like a row outside it. Only the
    // first such row is read.
    String outsideQuery =
        "select "
            + spec.idColumn()
            + ", chain_seq from "
            + spec.table()
            + " where (chain_seq is null"
            + (outsideAfterId == null ? "" : " and " + spec.idColumn() + " > ?")
            + ") or chain_seq > (select last_seq from zp_hash_chain_head where chain_id = ?)"
            + " order by "
            + spec.idColumn()
            + " limit 1";
    List<Map<String, Object>> outside =
        outsideAfterId == null
            ? jdbc.queryForList(outsideQuery, spec.chainId())
            : jdbc.queryForList(outsideQuery, outsideAfterId, spec.chainId());
    Long maxId =
        jdbc.queryForObject(
            "select max(" + spec.idColumn() + ") from " + spec.table() + " where chain_seq <= ?",
            Long.class,
            headSeq);
    if (!outside.isEmpty()) {
      Map<String, Object> row = outside.get(0);
      Number seq = (Number) value(row, "chain_seq");
      return new Walk(
          ChainVerification.broken(
              spec,
              checked,
              value(row, spec.idColumn()),
              seq == null ? null : seq.longValue(),
              ChainVerification.Problem.RECORD_OUTSIDE_CHAIN,
              headSeq,
              headHash),
          expected - 1,
          previous,
          outsideAfterId);
    }
    return new Walk(
        ChainVerification.intact(spec, checked, headSeq, headHash), headSeq, headHash, maxId);
  }

  private List<Object[]> readPage(String page, int columns, long after, long headSeq) {
    return jdbc.query(
        page,
        (rs, n) -> {
          Object[] row = new Object[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = rs.getObject(i + 1);
          }
          return row;
        },
        after,
        headSeq);
  }

  private static List<Object[]> take(Future<List<Object[]>> page) {
    try {
      return page.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the chain", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The stored hash of the record at the given place in the chain, or null if there is none. */
  public String hashAt(long seq) {
    List<String> hashes =
        jdbc.queryForList(
            "select hash from " + spec.table() + " where chain_seq = ?", String.class, seq);
    return hashes.size() == 1 ? hashes.get(0) : null;
  }

  /** SHA-256 (hex) over the canonical serialisation of one record at its place in the chain. */
  String hash(long seq, String previous, Map<String, Object> row) {
    return sha256(canonical(seq, previous, row));
  }

  /**
   * {@link #canonical(long, String, Map)} of a row read as an array in the order of
   * {@code selectColumns}: id, chain_seq, previous_hash, hash, then the content columns.
   */
  private String canonical(long seq, String previous, Object[] row) {
    StringBuilder text = new StringBuilder(256).append(FORMAT).append('\n');
    field(text, "chain", spec.chainId());
    field(text, "seq", seq);
    field(text, "previous", previous);
    field(text, spec.idColumn(), row[0]);
    List<String> content = spec.contentColumns();
    for (int i = 0; i < content.size(); i++) {
      field(text, content.get(i), row[4 + i]);
    }
    return text.toString();
  }

  /**
   * One line per field, {@code name=length:value} (or {@code name=null}), in the order of the
   * spec: unambiguous, and the same on H2 and PostgreSQL (times as UTC instants).
   */
  String canonical(long seq, String previous, Map<String, Object> row) {
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    field(text, "chain", spec.chainId());
    field(text, "seq", seq);
    field(text, "previous", previous);
    field(text, spec.idColumn(), value(row, spec.idColumn()));
    for (String column : spec.contentColumns()) {
      field(text, column, value(row, column));
    }
    return text.toString();
  }

  private static void field(StringBuilder text, String name, Object value) {
    text.append(name).append('=');
    if (value == null) {
      text.append("null");
    } else {
      String string = canonicalValue(value);
      text.append(string.length()).append(':').append(string);
    }
    text.append('\n');
  }

  static String canonicalValue(Object value) {
    if (value instanceof Timestamp timestamp) {
      return instantText(timestamp.toInstant().atOffset(ZoneOffset.UTC));
    }
    if (value instanceof OffsetDateTime time) {
      return instantText(
          time.getOffset().equals(ZoneOffset.UTC)
              ? time
              : time.withOffsetSameInstant(ZoneOffset.UTC));
    }
    if (value instanceof ZonedDateTime time) {
      return time.toInstant().toString();
    }
    if (value instanceof java.time.Instant instant) {
      return instant.toString();
    }
    if (value instanceof java.math.BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }

  /**
   * {@code time.toInstant().toString()} of a time at offset UTC, without the conversion to epoch
   * seconds and the {@code DateTimeFormatter} (a third of the hashing time of a full check):
   * {@code yyyy-MM-ddTHH:mm:ss}, the fraction in groups of three digits as far as needed, then
   * {@code Z}. Years outside 0000–9999 take the formatter's path. {@code HashChainTest} compares
   * both on random times.
   */
  static String instantText(OffsetDateTime utc) {
    int year = utc.getYear();
    if (year < 0 || year > 9999) {
      return utc.toInstant().toString();
    }
    char[] text = new char[30];
    int at = 0;
    at = digits(text, at, year, 4);
    text[at++] = '-';
    at = digits(text, at, utc.getMonthValue(), 2);
    text[at++] = '-';
    at = digits(text, at, utc.getDayOfMonth(), 2);
    text[at++] = 'T';
    at = digits(text, at, utc.getHour(), 2);
    text[at++] = ':';
    at = digits(text, at, utc.getMinute(), 2);
    text[at++] = ':';
    at = digits(text, at, utc.getSecond(), 2);
    int nano = utc.getNano();
    if (nano != 0) {
      text[at++] = '.';
      if (nano % 1_000_000 == 0) {
        at = digits(text, at, nano / 1_000_000, 3);
      } else if (nano % 1_000 == 0) {
        at = digits(text, at, nano / 1_000, 6);
      } else {
        at = digits(text, at, nano, 9);
      }
    }
    text[at++] = 'Z';
    return new String(text, 0, at);
  }

  private static int digits(char[] text, int at, int value, int width) {
    for (int i = at + width - 1; i >= at; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
    return at + width;
  }

  /** Column lookup that does not depend on the database's case of identifiers. */
  private static Object value(Map<String, Object> row, String column) {
    if (row.containsKey(column)) {
      return row.get(column);
    }
    for (Map.Entry<String, Object> entry : row.entrySet()) {
      if (entry.getKey().equalsIgnoreCase(column)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no column " + column);
  }

  static String sha256(String text) {
    return sha256(newDigest(), text);
  }

  /** SHA-256 (hex) with a digest reused within one seal or walk (getInstance per record is slow). */
  private static String sha256(MessageDigest digest, String text) {
    digest.reset();
    return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
