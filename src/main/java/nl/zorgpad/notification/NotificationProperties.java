package nl.zorgpad.notification;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zorgpad.notifications.*} (docs/notifications.md). The SMTP relay itself is Spring's
 * {@code spring.mail.*}.
 *
 * @param enabled whether Zorgpad records and sends notifications at all (off by default: a
 *     coalition turns it on once {@code spring.mail.*} points at its relay)
 * @param from the sender address of every mail
 * @param baseUrl how users reach Zorgpad, for the links in a mail (no trailing slash)
 * @param userDefaultMode a user's mode until she chooses one on "Meldingen"
 * @param teamDefaultMode a team mailbox's mode until the coordinator chooses one
 * @param escalationTasks task definition keys whose creation is an escalation (the warm
 *     handover's escalation task), told as such instead of as a new task
 * @param scheduling whether this node runs the periodic work (dispatch and send, overdue check,
 *     digest); tests call the steps themselves
 * @param pollInterval how often waiting events and mails are looked at (besides right after
 *     each commit that recorded one)
 * @param overdueInterval how often the overdue check runs
 * @param digestTime when the daily digest is composed (in Zorgpad's one zone,
 *     {@code ZorgpadTime.ZONE}, which is also the zone of deadlines in mails)
 * @param retryInitial the wait after a first failed delivery; it doubles with each failure
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts after this many failed attempts a mail is given up (status FAILED, logged)
 * @param batchSize how many events or mails one round handles
 * @param claimTimeout how long a node's claim on a mail or a check lasts (a crashed node's claim
 *     runs out after this)
 * @param maxMembers at most this many members of one group are mailed per event
 */
@ConfigurationProperties("zorgpad.notifications")
public record NotificationProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue("zorgpad@localhost") String from,
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("EVENT") NotificationMode userDefaultMode,
    @DefaultValue("EVENT") NotificationMode teamDefaultMode,
    @DefaultValue("Task_EscalateHandover") List<String> escalationTasks,
    @DefaultValue("true") boolean scheduling,
    @DefaultValue("1m") Duration pollInterval,
    @DefaultValue("5m") Duration overdueInterval,
    @DefaultValue("07:00") LocalTime digestTime,
    @DefaultValue("1m") Duration retryInitial,
    @DefaultValue("1h") Duration retryMax,
    @DefaultValue("72") int maxAttempts,
    @DefaultValue("50") int batchSize,
    @DefaultValue("5m") Duration claimTimeout,
    @DefaultValue("200") int maxMembers) {

  public NotificationProperties {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    if (maxAttempts < 1 || batchSize < 1 || maxMembers < 1) {
      throw new IllegalArgumentException(
          "zorgpad.notifications: max-attempts, batch-size and max-members must be at least 1");
    }
  }

  /** The wait before attempt {@code attempts + 1} after {@code attempts} failures. */
  Duration retryAfter(int attempts) {
    Duration wait = retryInitial;
    for (int i = 1; i < attempts && wait.compareTo(retryMax) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(retryMax) > 0 ? retryMax : wait;
  }
}
