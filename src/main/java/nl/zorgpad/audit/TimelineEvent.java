package nl.zorgpad.audit;

import java.time.Instant;

/**
 * One line of a case's history. {@code subject} is an activity, task, variable or consent
 * purpose; {@code oldValue}/{@code newValue} are set for changes; {@code discipline} is the
 * discipline of the user or of the task's team. Texts users see come from {@code type}'s message
 * key ({@code audit.event.<TYPE>}).
 */
public record TimelineEvent(
    Instant at,
    Type type,
    String processName,
    String subject,
    String discipline,
    String user,
    String oldValue,
    String newValue,
    Long durationMillis,
    String detail) {

  public enum Type {
    PROCESS_STARTED,
    PROCESS_ENDED,
    ACTIVITY,
    TIMER_FIRED,
    TASK_CREATED,
    TASK_CLAIMED,
    TASK_COMPLETED,
    TASK_CANCELLED,
    VARIABLE_CHANGED,
    OPERATION,
    INCIDENT,
    CONSENT,
    ACCESS
  }

  public String typeName() {
    return type.name();
  }
}
