package nl.zorgpad.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    this.selectColumns = spec.idColumn() + ", chain_seq, previous_hash, hash, "
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
    for (Long id : sorted) {
      List<Map<String, Object>> rows = jdbc.queryForList("select " + selectColumns + " from "
          + spec.table() + " where " + spec.idColumn() + " = ? and chain_seq is null", id);
      if (rows.isEmpty()) {
        throw new IllegalStateException("record " + id + " of " + spec.table()
            + " is missing or already sealed");
      }
      seq++;
      previous = sealRow(seq, previous, rows.get(0));
    }
    updateHead(seq, previous);
  }

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
    List<Map<String, Object>> pending = jdbc.queryForList("select " + selectColumns + " from "
        + spec.table() + " where chain_seq is null order by " + spec.idColumn());
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
    int updated = jdbc.update("update " + spec.table()
        + " set chain_seq = ?, previous_hash = ?, hash = ? where " + spec.idColumn()
        + " = ? and chain_seq is null", seq, previous, hash, id);
    if (updated != 1) {
      throw new IllegalStateException("record " + id + " of " + spec.table()
          + " was sealed concurrently: the chain head lock did not hold");
    }
    return hash;
  }

  private void updateHead(long seq, String hash) {
    jdbc.update("update zp_hash_chain_head set last_seq = ?, last_hash = ? where chain_id = ?",
        seq, hash, spec.chainId());
  }

  /**
   * Walks the chain from its first record and reports the first broken one: a record whose
   * content no longer matches its hash, whose previous hash is not the hash before it, whose
   * place follows a gap (deleted records), a record outside the chain, or missing records at the
   * end (checked against the head).
   */
  public ChainVerification verify() {
    Map<String, Object> head = jdbc.queryForMap(
        "select last_seq, last_hash from zp_hash_chain_head where chain_id = ?", spec.chainId());
    long headSeq = ((Number) head.get("last_seq")).longValue();
    String headHash = (String) head.get("last_hash");
    List<Map<String, Object>> rows = jdbc.queryForList("select " + selectColumns + " from "
        + spec.table() + " where chain_seq is not null and chain_seq <= ? order by chain_seq",
        headSeq);
    long expected = 1;
    String previous = GENESIS;
    for (Map<String, Object> row : rows) {
      long seq = ((Number) value(row, "chain_seq")).longValue();
      Object id = value(row, spec.idColumn());
      if (seq != expected) {
        return ChainVerification.broken(spec, rows.size(), id, seq,
            ChainVerification.Problem.RECORDS_MISSING_BEFORE, headSeq, headHash);
      }
      if (!previous.equals(value(row, "previous_hash"))) {
        return ChainVerification.broken(spec, rows.size(), id, seq,
            ChainVerification.Problem.PREVIOUS_HASH_MISMATCH, headSeq, headHash);
      }
      String stored = (String) value(row, "hash");
      if (!hash(seq, previous, row).equals(stored)) {
        return ChainVerification.broken(spec, rows.size(), id, seq,
            ChainVerification.Problem.CONTENT_CHANGED, headSeq, headHash);
      }
      previous = stored;
      expected++;
    }
    if (expected - 1 != headSeq || !previous.equals(headHash)) {
      return ChainVerification.broken(spec, rows.size(), null, expected,
          ChainVerification.Problem.RECORDS_MISSING_AT_END, headSeq, headHash);
    }
    // committed rows are always sealed before commit; an unsealed or out-of-chain row was
    // written around the application. The head is re-read in the same statement: a commit in
    // between may have extended the chain, and must not look like a row outside it.
    List<Map<String, Object>> outside = jdbc.queryForList("select " + spec.idColumn()
        + ", chain_seq from " + spec.table() + " where chain_seq is null or chain_seq >"
        + " (select last_seq from zp_hash_chain_head where chain_id = ?) order by "
        + spec.idColumn(), spec.chainId());
    if (!outside.isEmpty()) {
      Map<String, Object> row = outside.get(0);
      Number seq = (Number) value(row, "chain_seq");
      return ChainVerification.broken(spec, rows.size(), value(row, spec.idColumn()),
          seq == null ? null : seq.longValue(), ChainVerification.Problem.RECORD_OUTSIDE_CHAIN,
          headSeq, headHash);
    }
    return ChainVerification.intact(spec, rows.size(), headSeq, headHash);
  }

  /** The stored hash of the record at the given place in the chain, or null if there is none. */
  public String hashAt(long seq) {
    List<String> hashes = jdbc.queryForList("select hash from " + spec.table()
        + " where chain_seq = ?", String.class, seq);
    return hashes.size() == 1 ? hashes.get(0) : null;
  }

  /** SHA-256 (hex) over the canonical serialisation of one record at its place in the chain. */
  String hash(long seq, String previous, Map<String, Object> row) {
    return sha256(canonical(seq, previous, row));
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
      return timestamp.toInstant().toString();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant().toString();
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
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
