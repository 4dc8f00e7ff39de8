package nl.zorgpad.notification;

/** What a mail is about. */
public enum NotificationKind {
  /** A task arrived for a team (its candidate group). */
  NEW_TASK,
  /** A task's due date passed while it was open. */
  OVERDUE,
  /** A warm handover got stuck: the regiehouder's escalation task. */
  ESCALATION,
  /** The daily digest: everything of one day in one mail. */
  DIGEST
}
