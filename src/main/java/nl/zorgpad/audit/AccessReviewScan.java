package nl.zorgpad.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The unusual-access review worked out once per access-log record (issue 13): the records
 * sealed since the last scan ({@code zp_access_review_point}, V86) are read in the order of their
 * place in the chain, in batches, and their findings stored in {@code zp_access_finding} — a caregiver's read without
 * need-to-know (or refused) and every emergency access by one insert each, and the one-hour
 * windows in which a caregiver read {@link AccessLogReview#BURST_DOSSIERS} or more dossiers from
 * the batch's reads plus the hour before each of them. A scheduled job keeps up with the log; the
 * auditor's page first reads what is still pending, at most {@code catch-up-limit} records, so
 * that its cost does not follow the length of the log or of the period.
 *
 * <p>Cluster-safe: a batch locks the review's point row ({@code select … for update}), so two
 * nodes scan one after the other and each continues where the other stopped. The scan follows
 * {@code chain_seq}, not the id: a record's id is taken at its insert, so a transaction still at
 * work can commit a lower id after a higher one was read; its place in the chain is given when it
 * is sealed, under the chain's head lock held until the commit, so the places are committed in
 * their order and none can appear behind the scan. A row outside the chain (no place) is not
 * reviewed; the chain check reports it.
 *
 * <p>A read recorded after reads of a later time (a clock set back) is judged with the reads
 * before it in time, as the page did when it worked out the windows per request; the windows
 * already reported are not reopened.
 */
@Component
public class AccessReviewScan {

  private static final Logger LOG = LoggerFactory.getLogger(AccessReviewScan.class);

  /** Records per batch (one transaction each). */
  static final int BATCH = 2_000;

  /** A caregiver's read: not the system's, not the auditor's own reads for an audit. */
  static final String CAREGIVERS_READ =
      "action = 'READ' and user_id <> 'system' and (purpose_of_use is null or purpose_of_use <> '"
          + AuditReads.PURPOSE
          + "')";

  private static final String WITHOUT_NEED_TO_KNOW =
      CAREGIVERS_READ
          + " and (outcome = 'DENIED' or consent_basis is null or (consent_basis <> 'involvement'"
          + " and consent_basis not like 'involvement:%' and consent_basis <> 'task'"
          + " and consent_basis not like 'task:%'))";

  private static final String EMERGENCY = "(emergency = true or action = 'EMERGENCY_ACCESS')";

  static final String READ_COLUMNS = "id, occurred_at, user_id, client_id, case_number";

  /** How far the review has read the log: the time of its last record, and whether more wait. */
  public record Point(Instant scannedAt, boolean behind) {}

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final int catchUpLimit;

  AccessReviewScan(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      @Value("${zorgpad.audit.access-review.catch-up-limit:20000}") int catchUpLimit) {
    this.jdbc = jdbc;
    this.catchUpLimit = catchUpLimit;
    this.ownTransaction = new TransactionTemplate(transactionManager);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** The scheduled scan: reads everything pending (interval: docs/operations.md). */
  @Scheduled(
      initialDelayString = "${zorgpad.audit.access-review.initial-delay:PT30S}",
      fixedDelayString = "${zorgpad.audit.access-review.interval:PT1M}")
  void scheduledScan() {
    try {
      long scanned = scan(Long.MAX_VALUE);
      if (scanned > 0) {
        LOG.debug("access review: {} access-log records scanned", scanned);
      }
    } catch (RuntimeException e) {
      LOG.warn("access review scan failed: {}", e.toString());
    }
  }

  /**
   * What the auditor's page does first: scans at most the configured catch-up limit of pending
   * records, then tells how far the review has read.
   */
  Point catchUp() {
    scan(catchUpLimit);
    return point();
  }

  /** Scans pending records in batches until none is left or {@code limit} were read. */
  public long scan(long limit) {
    long scanned = 0;
    while (scanned < limit) {
      int batch = (int) Math.min(BATCH, limit - scanned);
      Integer read = ownTransaction.execute(status -> scanBatch(batch));
      if (read == null || read == 0) {
        break;
      }
      scanned += read;
    }
    return scanned;
  }

  /** How far the review has read the log, and whether records wait (one index probe). */
  Point point() {
    Map<String, Object> row =
        jdbc.queryForMap("select scanned_seq, scanned_at from zp_access_review_point where id = 1");
    boolean behind =
        !jdbc.queryForList(
                "select chain_seq from zp_access_log where chain_seq > ?"
                    + " order by chain_seq limit 1",
                Long.class,
                ((Number) row.get("scanned_seq")).longValue())
            .isEmpty();
    return new Point(ClientAccessReport.instant(row.get("scanned_at")), behind);
  }

  private int scanBatch(int size) {
    long last =
        jdbc.queryForObject(
            "select scanned_seq from zp_access_review_point where id = 1 for update", Long.class);
    List<Map<String, Object>> upper =
        jdbc.queryForList(
            "select chain_seq, occurred_at from zp_access_log where chain_seq > ?"
                + " order by chain_seq limit "
                + size,
            last);
    if (upper.isEmpty()) {
      return 0;
    }
    Map<String, Object> lastRow = upper.get(upper.size() - 1);
    long until = ((Number) lastRow.get("chain_seq")).longValue();
    jdbc.update(
        "insert into zp_access_finding (kind, access_log_id, user_id, occurred_at)"
            + " select 'WITHOUT_NEED_TO_KNOW', id, user_id, occurred_at from zp_access_log"
            + " where chain_seq > ? and chain_seq <= ? and "
            + WITHOUT_NEED_TO_KNOW,
        last,
        until);
    jdbc.update(
        "insert into zp_access_finding (kind, access_log_id, user_id, occurred_at)"
            + " select 'EMERGENCY', id, user_id, occurred_at from zp_access_log"
            + " where chain_seq > ? and chain_seq <= ? and "
            + EMERGENCY,
        last,
        until);
    storeBursts(last, until);
    jdbc.update(
        "update zp_access_review_point set scanned_seq = ?, scanned_at = ? where id = 1",
        until,
        lastRow.get("occurred_at"));
    return upper.size();
  }

  /** The bursts completed by the caregivers' reads with a place in {@code (last, until]}. */
  private void storeBursts(long last, long until) {
    List<AccessLogReview.Entry> fresh =
        reads(
            "select "
                + READ_COLUMNS
                + " from zp_access_log where chain_seq > ? and chain_seq <= ?"
                + " and client_id is not null and "
                + CAREGIVERS_READ,
            List.of(last, until));
    if (fresh.isEmpty()) {
      return;
    }
    Map<String, List<AccessLogReview.Entry>> byUser = new LinkedHashMap<>();
    fresh.forEach(read -> byUser.computeIfAbsent(read.user(), u -> new ArrayList<>()).add(read));
    Map<String, Instant> reportedUntil = reportedUntil(byUser.keySet());
    java.util.Set<Long> freshIds = new java.util.HashSet<>();
    fresh.forEach(read -> freshIds.add(read.id()));
    List<AccessLogReview.Burst> found = new ArrayList<>();
    List<Long> completedBy = new ArrayList<>();
    byUser.forEach(
        (user, reads) -> {
          List<AccessLogReview.Entry> window = withHourBefore(user, reads, until);
          AccessLogReview.slide(
              window,
              read -> freshIds.contains(read.id()),
              reportedUntil.getOrDefault(user, Instant.MIN),
              (burst, read) -> {
                found.add(burst);
                completedBy.add(read.id());
              });
        });
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      AccessLogReview.Burst burst = found.get(i);
      rows.add(
          new Object[] {
            completedBy.get(i),
            burst.user(),
            Timestamp.from(burst.from()),
            Timestamp.from(burst.to()),
            burst.dossiers()
          });
    }
    if (!rows.isEmpty()) {
      jdbc.batchUpdate(
          "insert into zp_access_finding (kind, access_log_id, user_id, occurred_at, until_at,"
              + " dossiers) values ('BURST', ?, ?, ?, ?, ?)",
          rows);
    }
  }

  /**
   * The user's new reads together with her reads of the hour before each of them (one indexed
   * range per stretch of reads; {@code ix_access_log_user}), in time order.
   */
  private List<AccessLogReview.Entry> withHourBefore(
      String user, List<AccessLogReview.Entry> reads, long until) {
    List<Instant[]> ranges = new ArrayList<>();
    reads.stream()
        .map(AccessLogReview.Entry::at)
        .sorted()
        .forEach(
            at -> {
              Instant from = at.minus(AccessLogReview.BURST_WINDOW);
              Instant[] open = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
              if (open != null && !from.isAfter(open[1])) {
                open[1] = at.isAfter(open[1]) ? at : open[1];
              } else {
                ranges.add(new Instant[] {from, at});
              }
            });
    Map<Long, AccessLogReview.Entry> all = new HashMap<>();
    reads.forEach(read -> all.put(read.id(), read));
    for (int start = 0; start < ranges.size(); start += 50) {
      List<Instant[]> part = ranges.subList(start, Math.min(ranges.size(), start + 50));
      StringBuilder sql = new StringBuilder();
      List<Object> args = new ArrayList<>();
      for (Instant[] range : part) {
        if (!sql.isEmpty()) {
          sql.append(" union all ");
        }
        sql.append("select ")
            .append(READ_COLUMNS)
            .append(" from zp_access_log where user_id = ? and occurred_at >= ?")
            .append(" and occurred_at <= ? and chain_seq <= ? and client_id is not null and ")
            .append(CAREGIVERS_READ);
        args.addAll(List.of(user, Timestamp.from(range[0]), Timestamp.from(range[1]), until));
      }
      reads(sql.toString(), args).forEach(read -> all.putIfAbsent(read.id(), read));
    }
    List<AccessLogReview.Entry> ordered = new ArrayList<>(all.values());
    ordered.sort(
        Comparator.comparing(AccessLogReview.Entry::at).thenComparing(AccessLogReview.Entry::id));
    return ordered;
  }

  /** Per user the end of her last reported burst (the window after it starts after it). */
  private Map<String, Instant> reportedUntil(java.util.Collection<String> users) {
    Map<String, Instant> until = new HashMap<>();
    List<String> list = new ArrayList<>(users);
    for (int start = 0; start < list.size(); start += 500) {
      List<String> part = list.subList(start, Math.min(list.size(), start + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(part.size(), "?"));
      jdbc.query(
          "select user_id, max(until_at) as until_at from zp_access_finding where kind = 'BURST'"
              + " and user_id in ("
              + marks
              + ") group by user_id",
          rs -> {
            until.put(
                rs.getString("user_id"), ClientAccessReport.instant(rs.getObject("until_at")));
          },
          part.toArray());
    }
    return until;
  }

  /** A caregiver's read as the burst window needs it ({@link #READ_COLUMNS}). */
  static final org.springframework.jdbc.core.RowMapper<AccessLogReview.Entry> READ =
      (rs, n) ->
          new AccessLogReview.Entry(
              rs.getLong("id"),
              ClientAccessReport.instant(rs.getObject("occurred_at")),
              rs.getString("user_id"),
              null,
              null,
              null,
              rs.getString("client_id"),
              rs.getString("case_number"),
              null,
              "READ",
              null,
              null,
              null,
              false);

  private List<AccessLogReview.Entry> reads(String sql, List<Object> args) {
    return jdbc.query(sql, READ, args.toArray());
  }
}
