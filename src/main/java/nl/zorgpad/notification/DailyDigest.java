package nl.zorgpad.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import nl.zorgpad.time.ZorgpadTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Once a day, at {@code zorgpad.notifications.digest-time}: one mail per recipient with all
 * her digest items since the last digest (at most {@value #MAX_ITEMS} listed, the rest
 * counted). One node composes it (a claim on its row of {@code zp_notification_check}); each
 * recipient's mail and the marking of her items are one transaction.
 */
@Component
class DailyDigest {

  static final String NAME = "digest";
  static final int MAX_ITEMS = 100;

  private final CheckLock lock;
  private final JdbcTemplate jdbc;
  private final MailComposer composer;
  private final Outbox outbox;
  private final TransactionTemplate transaction;
  private final NotificationProperties properties;
  private final ZoneId zone;
  private final Clock clock;

  DailyDigest(
      CheckLock lock,
      JdbcTemplate jdbc,
      MailComposer composer,
      Outbox outbox,
      TransactionTemplate transaction,
      NotificationProperties properties,
      Clock clock) {
    this.clock = clock;
    this.lock = lock;
    this.jdbc = jdbc;
    this.composer = composer;
    this.outbox = outbox;
    this.transaction = transaction;
    this.properties = properties;
    this.zone = ZorgpadTime.ZONE;
  }

  /** Composes the digests when today's digest time has passed and no node did so yet. */
  int runIfDue() {
    if (!properties.enabled()) {
      return 0;
    }
    Instant now = clock.instant();
    Instant today =
        ZonedDateTime.ofInstant(now, zone)
            .toLocalDate()
            .atTime(properties.digestTime())
            .atZone(zone)
            .toInstant();
    if (now.isBefore(today)) {
      return 0;
    }
    Optional<CheckLock.Claim> claim = lock.claim(NAME, now, properties.claimTimeout());
    if (claim.isEmpty()) {
      return 0;
    }
    if (claim.get().lastRun() != null && !claim.get().lastRun().isBefore(today)) {
      lock.release(claim.get(), null);
      return 0;
    }
    try {
      int composed = composeNow();
      lock.release(claim.get(), now);
      return composed;
    } catch (RuntimeException e) {
      lock.release(claim.get(), null);
      throw e;
    }
  }

  /** Composes a digest for every recipient with waiting items; returns the number of mails. */
  int composeNow() {
    List<String> recipients =
        jdbc.queryForList(
            "select distinct recipient from" + " zp_notification_digest_item where mail_id is null",
            String.class);
    int composed = 0;
    for (String recipient : recipients) {
      Boolean done = transaction.execute(status -> compose(recipient));
      if (Boolean.TRUE.equals(done)) {
        composed++;
      }
    }
    return composed;
  }

  private boolean compose(String recipient) {
    List<Row> rows =
        jdbc.query(
            "select i.id, i.team_mail, i.team_title, e.kind, e.case_number,"
                + " e.task_id, e.task_title, e.due_at from zp_notification_digest_item i"
                + " join zp_notification_event e on e.id = i.event_id"
                + " where i.recipient = ? and i.mail_id is null order by i.id limit ?",
            (rs, n) ->
                new Row(
                    rs.getLong("id"),
                    rs.getBoolean("team_mail"),
                    new MailItem(
                        NotificationKind.valueOf(rs.getString("kind")),
                        rs.getString("case_number"),
                        rs.getString("task_id"),
                        rs.getString("task_title"),
                        rs.getTimestamp("due_at") == null
                            ? null
                            : rs.getTimestamp("due_at").toInstant(),
                        rs.getString("team_title"))),
            recipient,
            MAX_ITEMS + 1);
    if (rows.isEmpty()) {
      return false;
    }
    Long maxId =
        jdbc.queryForObject(
            "select max(id) from zp_notification_digest_item"
                + " where recipient = ? and mail_id is null",
            Long.class,
            recipient);
    Long total =
        jdbc.queryForObject(
            "select count(*) from zp_notification_digest_item"
                + " where recipient = ? and mail_id is null and id <= ?",
            Long.class,
            recipient,
            maxId);
    List<Row> listed = rows.subList(0, Math.min(rows.size(), MAX_ITEMS));
    long lastId = listed.get(listed.size() - 1).id();
    int more = (int) (total == null ? 0 : total - listed.size());
    RenderedMail mail =
        composer.digest(listed.stream().map(Row::item).toList(), more, listed.get(0).teamMail());
    String key = "DIGEST:" + recipient.toLowerCase(Locale.ROOT) + ":" + lastId;
    Instant now = clock.instant();
    outbox.add(key, NotificationKind.DIGEST, recipient, mail, now);
    Long mailId =
        jdbc.queryForObject(
            "select id from zp_notification_mail where dedupe_key = ?",
            Long.class,
            key.length() <= 200 ? key : key.substring(0, 200));
    // the counted-only rest is part of this digest too
    jdbc.update(
        "update zp_notification_digest_item set mail_id = ? where recipient = ?"
            + " and mail_id is null and id <= ?",
        mailId,
        recipient,
        maxId);
    return true;
  }

  private record Row(long id, boolean teamMail, MailItem item) {}
}
