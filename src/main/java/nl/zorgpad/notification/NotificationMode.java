package nl.zorgpad.notification;

/** How a user or a team mailbox is told: not at all, one mail per event, or one mail a day. */
public enum NotificationMode {
  OFF,
  EVENT,
  DIGEST
}
