package nl.zorgpad.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mails waiting to go out ({@code zp_notification_mail}). A mail is delivered by whichever
 * node claims it first; after a failure it waits (doubling, up to a maximum) and is tried again,
 * and after the last attempt it is marked FAILED. A mail's dedupe key makes writing it twice
 * harmless.
 */
@Component
class Outbox {

  private static final int MAX_KEY = 200;
  private static final int MAX_SUBJECT = 300;
  private static final int MAX_ERROR = 500;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;

  Outbox(JdbcTemplate jdbc, TransactionTemplate transaction) {
    this.jdbc = jdbc;
    this.transaction = transaction;
  }

  record Mail(
      long id,
      NotificationKind kind,
      String recipient,
      String subject,
      String text,
      String html,
      int attempts) {}

  /** Puts a mail in the outbox, unless one with the same key is there; true when added. */
  boolean add(
      String dedupeKey, NotificationKind kind, String recipient, RenderedMail mail, Instant now) {
    String key = dedupeKey.length() <= MAX_KEY ? dedupeKey : dedupeKey.substring(0, MAX_KEY);
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from zp_notification_mail where dedupe_key = ?", Integer.class, key);
    if (existing != null && existing > 0) {
      return false;
    }
    String subject =
        mail.subject().length() <= MAX_SUBJECT
            ? mail.subject()
            : mail.subject().substring(0, MAX_SUBJECT);
    jdbc.update(
        "insert into zp_notification_mail (dedupe_key, kind, recipient, subject,"
            + " body_text, body_html, status, attempts, next_attempt_at, created_at)"
            + " values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
        key,
        kind.name(),
        recipient,
        subject,
        mail.text(),
        mail.html(),
        Timestamp.from(now),
        Timestamp.from(now));
    return true;
  }

  /**
   * The mails that are due, oldest first. Ordered from status on, so the order is the index's
   * (V85) and not a sort of every pending mail: mails pile up while the relay is down.
   */
  static final String DUE =
      "select id from zp_notification_mail"
          + " where status = 'PENDING' and next_attempt_at <= ?"
          + " and (claimed_until is null or claimed_until < ?)"
          + " order by status, next_attempt_at, id limit ?";

  /**
   * Claims up to {@code limit} mails that are due, for this node: one update for all of them (one
   * commit, not one per mail), then the rows it won (another node may have claimed some between
   * the select and the update).
   */
  List<Mail> claimDue(int limit, Instant now, Duration timeout) {
    List<Long> due =
        jdbc.queryForList(DUE, Long.class, Timestamp.from(now), Timestamp.from(now), limit);
    if (due.isEmpty()) {
      return List.of();
    }
    String ids = String.join(",", due.stream().map(id -> "?").toList());
    // to the millisecond: the column keeps microseconds, and the rows won are read back by it
    Timestamp until =
        Timestamp.from(now.plus(timeout).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    List<Object> claim = new ArrayList<>(List.of(until, NodeId.VALUE));
    claim.addAll(due);
    claim.add(Timestamp.from(now));
    int rows =
        jdbc.update(
            "update zp_notification_mail set claimed_until = ?, claimed_by = ?"
                + " where id in ("
                + ids
                + ") and status = 'PENDING' and (claimed_until is null or claimed_until < ?)",
            claim.toArray());
    if (rows == 0) {
      return List.of();
    }
    List<Object> won = new ArrayList<>(due);
    won.add(NodeId.VALUE);
    won.add(until);
    return jdbc.query(
        "select id, kind, recipient, subject, body_text, body_html, attempts"
            + " from zp_notification_mail where id in ("
            + ids
            + ") and claimed_by = ? and claimed_until = ? order by next_attempt_at, id",
        (rs, n) ->
            new Mail(
                rs.getLong("id"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getString("body_text"),
                rs.getString("body_html"),
                rs.getInt("attempts")),
        won.toArray());
  }

  void markSent(Mail mail, Instant now) {
    jdbc.update(
        "update zp_notification_mail set status = 'SENT', sent_at = ?,"
            + " attempts = attempts + 1, last_error = null, claimed_until = null"
            + " where id = ? and claimed_by = ?",
        Timestamp.from(now),
        mail.id(),
        NodeId.VALUE);
  }

  /** A failed attempt to deliver a mail: the error and when to try again. */
  record Failure(Mail mail, String error, Instant nextAttempt) {}

  /**
   * Records the failed attempts of a round in one transaction (while the relay is down every mail
   * of a round fails: one commit, not one per mail); returns the mails given up (their last
   * attempt, now FAILED).
   */
  List<Failure> markFailed(List<Failure> failures, int maxAttempts) {
    if (failures.isEmpty()) {
      return List.of();
    }
    List<Failure> givenUp = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>(failures.size());
    for (Failure failure : failures) {
      boolean last = failure.mail().attempts() + 1 >= maxAttempts;
      if (last) {
        givenUp.add(failure);
      }
      String message = failure.error() == null ? "unknown" : failure.error();
      rows.add(
          new Object[] {
            last ? "FAILED" : "PENDING",
            Timestamp.from(failure.nextAttempt()),
            message.length() <= MAX_ERROR ? message : message.substring(0, MAX_ERROR),
            failure.mail().id(),
            NodeId.VALUE
          });
    }
    transaction.executeWithoutResult(
        status ->
            jdbc.batchUpdate(
                "update zp_notification_mail set status = ?, attempts = attempts + 1,"
                    + " next_attempt_at = ?, last_error = ?, claimed_until = null"
                    + " where id = ? and claimed_by = ?",
                rows));
    return givenUp;
  }

  /** Number of mails waiting to be delivered (for the logs and the tests). */
  long pending() {
    Long count =
        jdbc.queryForObject(
            "select count(*) from zp_notification_mail where status = 'PENDING'", Long.class);
    return count == null ? 0 : count;
  }
}
