package nl.zorgpad.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's due mails through the {@link MailTransport}: a sent mail is marked sent,
 * a failed one waits and is tried again (so the demo, without a mail server, only logs).
 */
@Component
class OutboxSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
  private static final int MAX_ROUNDS = 20;

  private final Outbox outbox;
  private final MailTransport transport;
  private final NotificationProperties properties;
  private final Clock clock;

  OutboxSender(
      Outbox outbox, MailTransport transport, NotificationProperties properties, Clock clock) {
    this.clock = clock;
    this.outbox = outbox;
    this.transport = transport;
    this.properties = properties;
  }

  /** Sends what is due; returns how many mails were delivered. */
  int sendDue() {
    int sent = 0;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Outbox.Mail> due =
          outbox.claimDue(properties.batchSize(), clock.instant(), properties.claimTimeout());
      if (due.isEmpty()) {
        break;
      }
      int failed = 0;
      String firstError = null;
      Duration wait = null;
      for (Outbox.Mail mail : due) {
        try {
          transport.send(
              properties.from(), mail.recipient(), mail.subject(), mail.text(), mail.html());
          outbox.markSent(mail, clock.instant());
          sent++;
        } catch (RuntimeException e) {
          failed++;
          firstError = firstError == null ? e.getMessage() : firstError;
          wait = properties.retryAfter(mail.attempts() + 1);
          Instant next = clock.instant().plus(wait);
          if (outbox.markFailed(mail, e.getMessage(), next, properties.maxAttempts())) {
            LOG.error(
                "Notification mail {} ({}) given up after {} attempts: {}",
                mail.id(),
                mail.kind(),
                properties.maxAttempts(),
                e.getMessage());
          }
        }
      }
      if (failed > 0) {
        // one line per round, not one per mail: a demo without a mail server stays readable
        LOG.warn(
            "{} notification mail(s) not delivered ({}); next attempt in {}",
            failed,
            firstError,
            wait);
        break;
      }
    }
    return sent;
  }
}
