package nl.zorgpad.pathway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines of the pathways that an operator may tune ({@code zorgpad.deadlines.*}). Deadlines
 * that belong to one step of a covenant stay in the BPMN, where a coordinator sees them.
 *
 * @param handoverReminderWorkingDays after how many working days without a confirmed contact
 *     the sender of a warm handover gets a reminder (N, default 3)
 * @param handoverEscalationWorkingDays after how many working days without a confirmed contact
 *     the regiehouder gets the handover (M, default 5; at least N + 1, so the sender is reminded
 *     first)
 * @param consentAskAgainWorkingDays after how many working days a refused consent is asked
 *     again when the client agreed to be asked later (default 20, about four weeks)
 */
@ConfigurationProperties("zorgpad.deadlines")
public record DeadlineProperties(
    @DefaultValue("3") int handoverReminderWorkingDays,
    @DefaultValue("5") int handoverEscalationWorkingDays,
    @DefaultValue("20") int consentAskAgainWorkingDays) {

  @ConstructorBinding
  public DeadlineProperties {
    if (handoverReminderWorkingDays < 1) {
      throw new IllegalArgumentException(
          "zorgpad.deadlines.handover-reminder-working-days must be at least 1");
    }
    if (handoverEscalationWorkingDays <= handoverReminderWorkingDays) {
      throw new IllegalArgumentException(
          "zorgpad.deadlines.handover-escalation-working-days must"
              + " be more than handover-reminder-working-days: the sender is reminded first");
    }
    if (consentAskAgainWorkingDays < 1) {
      throw new IllegalArgumentException(
          "zorgpad.deadlines.consent-ask-again-working-days must be at least 1");
    }
  }

  /** The reminder setting with the other settings at their defaults (tools, tests). */
  public DeadlineProperties(int handoverReminderWorkingDays) {
    this(handoverReminderWorkingDays, Math.max(5, handoverReminderWorkingDays + 2), 20);
  }
}
