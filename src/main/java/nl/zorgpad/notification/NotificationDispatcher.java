package nl.zorgpad.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns recorded events into mails (mode EVENT) or digest items (mode DIGEST) for their
 * recipients, a claimed round of events per transaction: an event is done exactly when its mails
 * are in the outbox. When one event of a round fails, the round is rolled back and its events are
 * dispatched again one per transaction, so that the others still go out and only the failing one
 * waits for a later round. (One transaction per event was 10.5 of a task completion's 15 commits
 * on the embedded H2 default, each a store of the file; docs/benchmarks.md.)
 */
@Component
class NotificationDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationDispatcher.class);
  private static final int MAX_ROUNDS = 20;

  private final NotificationEvents events;
  private final Recipients recipients;
  private final MailComposer composer;
  private final Outbox outbox;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final NotificationProperties properties;
  private final Clock clock;

  NotificationDispatcher(
      NotificationEvents events,
      Recipients recipients,
      MailComposer composer,
      Outbox outbox,
      JdbcTemplate jdbc,
      TransactionTemplate transaction,
      NotificationProperties properties,
      Clock clock) {
    this.clock = clock;
    this.events = events;
    this.recipients = recipients;
    this.composer = composer;
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.properties = properties;
  }

  /** Dispatches the waiting events; returns how many. */
  int dispatch() {
    int done = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<NotificationEvent> claimed =
          events.claimNew(properties.batchSize(), clock.instant(), properties.claimTimeout());
      if (claimed.isEmpty()) {
        break;
      }
      done +=
          inOneTransactionElseEach(
              transaction,
              claimed,
              this::dispatch,
              (event, e) ->
                  // stays NEW: its claim runs out and a later round tries again
                  LOG.warn(
                      "Notification event {} ({} of task {}) not dispatched: {}",
                      event.id(),
                      event.kind(),
                      event.taskId(),
                      e.toString()));
    }
    return done;
  }

  /**
   * Does the work for all items in one transaction; if that fails, for each item in a transaction
   * of its own, reporting the items that fail. Returns how many items were done.
   */
  static <T> int inOneTransactionElseEach(
      TransactionTemplate transaction,
      List<T> items,
      java.util.function.Consumer<T> work,
      java.util.function.BiConsumer<T, RuntimeException> failed) {
    try {
      transaction.executeWithoutResult(status -> items.forEach(work));
      return items.size();
    } catch (RuntimeException roundFailed) {
      int done = 0;
      for (T item : items) {
        try {
          transaction.executeWithoutResult(status -> work.accept(item));
          done++;
        } catch (RuntimeException e) {
          failed.accept(item, e);
        }
      }
      return done;
    }
  }

  private void dispatch(NotificationEvent event) {
    Instant now = clock.instant();
    for (Recipients.Recipient recipient : recipients.of(event)) {
      if (recipient.mode() == NotificationMode.DIGEST) {
        Integer existing =
            jdbc.queryForObject(
                "select count(*) from zp_notification_digest_item"
                    + " where recipient = ? and event_id = ?",
                Integer.class,
                recipient.address(),
                event.id());
        if (existing == null || existing == 0) {
          jdbc.update(
              "insert into zp_notification_digest_item (recipient, team_mail, event_id,"
                  + " team_title, created_at) values (?, ?, ?, ?, ?)",
              recipient.address(),
              recipient.teamMailbox(),
              event.id(),
              recipient.teamName(),
              Timestamp.from(now));
        }
      } else {
        RenderedMail mail =
            composer.single(MailItem.of(event, recipient.teamName()), recipient.teamMailbox());
        outbox.add(
            event.kind()
                + ":"
                + event.taskId()
                + ":"
                + recipient.address().toLowerCase(Locale.ROOT),
            event.kind(),
            recipient.address(),
            mail,
            now);
      }
    }
    events.markDone(event.id());
  }
}
