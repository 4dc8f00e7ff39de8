package nl.zorgpad.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The last verified point of every hash chain ({@code zp_hash_chain_checkpoint}, V75) and the
 * result of its last verification (issue 13). A scheduled job continues each chain from its
 * checkpoint ({@link HashChain#verifyFrom}: only the records written since, plus the checkpoint
 * record's own hash), so its cost follows the new records, not the chain's length; a full
 * verification (the auditor's page, the command line) stores its result here too and moves the
 * checkpoint back to the last intact record when it finds a break. {@code /actuator/health}
 * answers from the stored results ({@link #lastResults()}, one query) and never verifies.
 *
 * <p>Cluster-safe: a check locks the chain's checkpoint row ({@code select … for update}) for
 * its transaction, so two nodes check one after the other, and the second continues from the
 * point the first stored (a few records at most).
 */
@Component
public class ChainCheckpoints {

  private static final Logger LOG = LoggerFactory.getLogger(ChainCheckpoints.class);

  /**
   * A chain's stored result; {@code checkedAt} null while it was never checked. {@code
   * verifiedSeq} / {@code verifiedHash}: the last record found intact (the anchor point). {@code
   * lastFull}: the last full check (null: none yet); {@code fullStartedAt} / {@code fullStartedBy}:
   * a full check claimed and not yet ended (null: none).
   */
  public record Stored(
      ChainVerification result,
      long verifiedSeq,
      String verifiedHash,
      Instant checkedAt,
      boolean fullCheck,
      FullResult lastFull,
      Instant fullStartedAt,
      String fullStartedBy) {}

  /** The outcome of a chain's last full check: when, by whom, how many records, how long. */
  public record FullResult(
      Instant checkedAt,
      String checkedBy,
      boolean intact,
      long records,
      long durationMillis,
      String summary) {

    /** Records per second ({@code records} when it took less than a millisecond). */
    public long recordsPerSecond() {
      return durationMillis <= 0 ? records : Math.round(records * 1000.0 / durationMillis);
    }
  }

  private final List<HashChain> chains;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  ChainCheckpoints(
      List<HashChain> chains,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.clock = clock;
    this.chains = chains;
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The scheduled incremental check of every chain (interval: docs/operations.md). */
  @Scheduled(
      initialDelayString = "${zorgpad.audit.chain-check.initial-delay:PT20S}",
      fixedDelayString = "${zorgpad.audit.chain-check.interval:PT5M}")
  void scheduledCheck() {
    try {
      for (ChainVerification result : checkIncrementally()) {
        if (result.intact()) {
          LOG.debug("hash chain check: {}", result.summary());
        } else {
          LOG.warn("hash chain check: {}", result.summary());
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("hash chain check failed: {}", e.toString());
    }
  }

  /** Continues every chain from its checkpoint and stores the results. */
  public List<ChainVerification> checkIncrementally() {
    List<ChainVerification> results = new ArrayList<>();
    for (HashChain chain : chains) {
      results.add(checkIncrementally(chain));
    }
    return results;
  }

  /** Continues one chain from its checkpoint, in its own transaction, and stores the result. */
  public ChainVerification checkIncrementally(HashChain chain) {
    return ownTransaction.execute(
        status -> {
          Map<String, Object> point = lock(chain);
          long seq = ((Number) point.get("verified_seq")).longValue();
          String hash = (String) point.get("verified_hash");
          Number outside = (Number) point.get("outside_max_id");
          HashChain.Walk walk =
              chain.verifyFrom(seq, hash, outside == null ? null : outside.longValue());
          store(chain, walk, false, outside == null ? null : outside.longValue());
          return walk.result();
        });
  }

  /**
   * Stores the result of a full verification (which started at the chain's first record), how
   * long it took and who asked for it, and ends the chain's claim ({@link #claimFullCheck}).
   */
  void storeFullCheck(HashChain chain, HashChain.Walk walk, String by, long durationMillis) {
    ownTransaction.executeWithoutResult(
        status -> {
          lock(chain);
          store(chain, walk, true, null);
          String summary = walk.result().summary();
          jdbc.update(
              "update zp_hash_chain_checkpoint set full_checked_at = ?, full_checked_by = ?,"
                  + " full_intact = ?, full_records = ?, full_duration_ms = ?, full_summary = ?,"
                  + " full_started_at = null, full_started_by = null where chain_id = ?",
              OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
              by,
              walk.result().intact(),
              walk.result().checked(),
              durationMillis,
              summary.length() > 500 ? summary.substring(0, 500) : summary,
              chain.spec().chainId());
        });
  }

  /**
   * Claims the full check of every chain for this node: one conditional update that succeeds
   * only when no chain has a claim, or its claim started before {@code abandonedBefore} (a node
   * that stopped during its check). False: a full check is running (here or on another node).
   */
  boolean claimFullCheck(String by, Instant abandonedBefore) {
    Boolean claimed =
        ownTransaction.execute(
            status -> {
              chains.forEach(this::lock);
              List<String> ids = chains.stream().map(chain -> chain.spec().chainId()).toList();
              String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
              List<Object> arguments = new ArrayList<>();
              arguments.add(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
              arguments.add(by);
              arguments.addAll(ids);
              arguments.add(OffsetDateTime.ofInstant(abandonedBefore, ZoneOffset.UTC));
              int updated =
                  jdbc.update(
                      "update zp_hash_chain_checkpoint set full_started_at = ?, full_started_by"
                          + " = ? where chain_id in ("
                          + marks
                          + ") and (full_started_at is null or full_started_at < ?)",
                      arguments.toArray());
              if (updated != ids.size()) {
                status.setRollbackOnly();
                return false;
              }
              return true;
            });
    return Boolean.TRUE.equals(claimed);
  }

  /** Ends a chain's claim without a result (its check failed; the reason is in the log). */
  void releaseFullCheck(HashChain chain) {
    jdbc.update(
        "update zp_hash_chain_checkpoint set full_started_at = null, full_started_by = null"
            + " where chain_id = ?",
        chain.spec().chainId());
  }

  /** The last stored result of every chain, one query per chain; nothing is verified. */
  public List<Stored> lastResults() {
    List<Stored> stored = new ArrayList<>();
    for (HashChain chain : chains) {
      HashChain.Spec spec = chain.spec();
      List<Map<String, Object>> rows =
          jdbc.queryForList(
              "select * from zp_hash_chain_checkpoint" + " where chain_id = ?", spec.chainId());
      if (rows.isEmpty()) {
        stored.add(
            new Stored(
                ChainVerification.intact(spec, 0, 0, HashChain.GENESIS),
                0,
                HashChain.GENESIS,
                null,
                false,
                null,
                null,
                null));
        continue;
      }
      Map<String, Object> row = rows.get(0);
      boolean intact = Boolean.TRUE.equals(row.get("intact"));
      long headSeq = ((Number) row.get("head_seq")).longValue();
      String headHash = (String) row.get("head_hash");
      long checked = ((Number) row.get("records_checked")).longValue();
      ChainVerification result =
          intact
              ? ChainVerification.intact(spec, checked, headSeq, headHash)
              : ChainVerification.broken(
                  spec,
                  checked,
                  row.get("broken_record_id"),
                  row.get("broken_seq") == null
                      ? null
                      : ((Number) row.get("broken_seq")).longValue(),
                  row.get("problem") == null
                      ? null
                      : ChainVerification.Problem.valueOf((String) row.get("problem")),
                  headSeq,
                  headHash);
      Instant fullCheckedAt = instant(row.get("full_checked_at"));
      FullResult lastFull =
          fullCheckedAt == null
              ? null
              : new FullResult(
                  fullCheckedAt,
                  (String) row.get("full_checked_by"),
                  Boolean.TRUE.equals(row.get("full_intact")),
                  ((Number) row.get("full_records")).longValue(),
                  ((Number) row.get("full_duration_ms")).longValue(),
                  (String) row.get("full_summary"));
      stored.add(
          new Stored(
              result,
              ((Number) row.get("verified_seq")).longValue(),
              (String) row.get("verified_hash"),
              instant(row.get("checked_at")),
              Boolean.TRUE.equals(row.get("full_check")),
              lastFull,
              instant(row.get("full_started_at")),
              (String) row.get("full_started_by")));
    }
    return stored;
  }

  private Map<String, Object> lock(HashChain chain) {
    String id = chain.spec().chainId();
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select verified_seq, verified_hash,"
                + " outside_max_id from zp_hash_chain_checkpoint where chain_id = ? for update",
            id);
    if (!rows.isEmpty()) {
      return rows.get(0);
    }
    // a chain added after V75: its checkpoint starts at the genesis
    jdbc.update(
        "insert into zp_hash_chain_checkpoint (chain_id, verified_seq, verified_hash,"
            + " full_check, intact, records_checked, head_seq, head_hash) values (?, 0, ?, false,"
            + " true, 0, 0, ?)",
        id,
        HashChain.GENESIS,
        HashChain.GENESIS);
    return lock(chain);
  }

  private void store(HashChain chain, HashChain.Walk walk, boolean full, Long previousOutside) {
    ChainVerification result = walk.result();
    Long outside =
        result.intact()
            ? walk.maxId()
            : result.problem() == ChainVerification.Problem.RECORD_OUTSIDE_CHAIN
                ? previousOutside
                : walk.maxId();
    if (result.intact() && walk.maxId() != null && previousOutside != null) {
      outside = Math.max(walk.maxId(), previousOutside);
    }
    String summary = result.summary();
    jdbc.update(
        "update zp_hash_chain_checkpoint set verified_seq = ?, verified_hash = ?,"
            + " outside_max_id = ?, checked_at = ?, full_check = ?, intact = ?, records_checked = ?,"
            + " head_seq = ?, head_hash = ?, problem = ?, broken_record_id = ?, broken_seq = ?,"
            + " summary = ? where chain_id = ?",
        walk.goodSeq(),
        walk.goodHash(),
        outside,
        OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
        full,
        result.intact(),
        result.checked(),
        result.headSeq(),
        result.headHash(),
        result.problem() == null ? null : result.problem().name(),
        result.brokenRecordId() == null ? null : String.valueOf(result.brokenRecordId()),
        result.brokenSeq(),
        summary.length() > 500 ? summary.substring(0, 500) : summary,
        chain.spec().chainId());
  }

  private static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    }
    if (value instanceof java.time.ZonedDateTime time) {
      return time.toInstant();
    }
    return Instant.parse(value.toString());
  }
}
