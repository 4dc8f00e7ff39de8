package nl.zorgpad.notification;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: deadlines are the engine's, so "overdue" and the retry times of mails
 * follow the same clock (tests move it).
 */
final class NotificationClock {

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  private NotificationClock() {
  }
}
