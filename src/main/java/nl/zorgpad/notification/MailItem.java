package nl.zorgpad.notification;

import java.time.Instant;

/**
 * One line of a mail: what a caregiver needs to find the work, and nothing about the client —
 * the case number, the task's name and deadline, the team, and the task's id for the link.
 */
record MailItem(
    NotificationKind kind,
    String caseNumber,
    String taskId,
    String taskName,
    Instant dueAt,
    String teamName) {

  static MailItem of(NotificationEvent event, String teamName) {
    return new MailItem(
        event.kind(),
        event.caseNumber(),
        event.taskId(),
        event.taskName(),
        event.dueAt(),
        teamName);
  }
}
