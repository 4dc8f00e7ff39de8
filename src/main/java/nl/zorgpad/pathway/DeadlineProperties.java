package nl.zorgpad.pathway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of the pathways that an operator may tune ({@code zorgpad.deadlines.*}). Deadlines
 * that belong to one step of a covenant stay in the BPMN, where a coordinator sees them.
 *
 * @param handoverReminderWorkingDays after how many working days without a confirmed contact
 *     the sender of a warm handover gets a reminder (default 3)
 */
@ConfigurationProperties("zorgpad.deadlines")
public record DeadlineProperties(@DefaultValue("3") int handoverReminderWorkingDays) {

  public DeadlineProperties {
    if (handoverReminderWorkingDays < 1) {
      throw new IllegalArgumentException(
          "zorgpad.deadlines.handover-reminder-working-days must be at least 1");
    }
  }
}
