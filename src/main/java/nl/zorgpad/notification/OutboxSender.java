package nl.zorgpad.notification;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
      List<Outbox.Failure> failures = new ArrayList<>();
      Duration wait = null;
      for (Outbox.Mail mail : due) {
        try {
          transport.send(
              properties.from(), mail.recipient(), mail.subject(), mail.text(), mail.html());
          // at once, each: a delivered mail must not be sent again after a crash
          outbox.markSent(mail, clock.instant());
          sent++;
        } catch (RuntimeException e) {
          wait = properties.retryAfter(mail.attempts() + 1);
          failures.add(new Outbox.Failure(mail, e.getMessage(), clock.instant().plus(wait)));
        }
      }
      for (Outbox.Failure last : outbox.markFailed(failures, properties.maxAttempts())) {
        LOG.error(
            "Notification mail {} ({}) given up after {} attempts: {}",
            last.mail().id(),
            last.mail().kind(),
            properties.maxAttempts(),
            last.error());
      }
      int failed = failures.size();
      String firstError = failed == 0 ? null : failures.get(0).error();
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
