package nl.zorgpad.notification;

import java.time.Instant;
import java.util.List;

/**
 * Something to tell (a row of {@code zp_notification_event}): codes, ids, a task name and a
 * deadline — never anything from the dossier.
 *
 * @param groupIds the task's candidate groups (team groups or discipline groups)
 * @param tenantId the task's coalition (engine tenant), or null for the shared installation
 */
record NotificationEvent(
    long id,
    NotificationKind kind,
    String taskId,
    String caseNumber,
    String taskName,
    Instant dueAt,
    List<String> groupIds,
    String assignee,
    String tenantId,
    Instant createdAt) {}
