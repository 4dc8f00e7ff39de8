package nl.zorgpad.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cluster-safe guard of a periodic check (a row of {@code zp_notification_check}): a node
 * runs the check only after its UPDATE claimed the row, which succeeds for one node while the
 * claim lasts. The row also holds the check's watermark (when it last completed).
 */
@Component
class CheckLock {

  private final JdbcTemplate jdbc;

  CheckLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the check; empty when another node holds it. Gives the last run's moment, if any. */
  Optional<Claim> claim(String name, Instant now, Duration timeout) {
    int claimed =
        jdbc.update(
            "update zp_notification_check set locked_until = ?, locked_by = ?"
                + " where check_id = ? and (locked_until is null or locked_until < ? or locked_by = ?)",
            Timestamp.from(now.plus(timeout)),
            NodeId.VALUE,
            name,
            Timestamp.from(now),
            NodeId.VALUE);
    if (claimed != 1) {
      return Optional.empty();
    }
    List<Timestamp> last =
        jdbc.queryForList(
            "select last_run_at from zp_notification_check where check_id = ?",
            Timestamp.class,
            name);
    Timestamp lastRun = last.isEmpty() ? null : last.get(0);
    return Optional.of(new Claim(name, lastRun == null ? null : lastRun.toInstant()));
  }

  /** Releases the claim; with a moment, the check completed up to it (the new watermark). */
  void release(Claim claim, Instant completedUpTo) {
    if (completedUpTo == null) {
      jdbc.update(
          "update zp_notification_check set locked_until = null, locked_by = null"
              + " where check_id = ? and locked_by = ?",
          claim.name(),
          NodeId.VALUE);
    } else {
      jdbc.update(
          "update zp_notification_check set locked_until = null, locked_by = null,"
              + " last_run_at = ? where check_id = ? and locked_by = ?",
          Timestamp.from(completedUpTo),
          claim.name(),
          NodeId.VALUE);
    }
  }

  record Claim(String name, Instant lastRun) {}
}
