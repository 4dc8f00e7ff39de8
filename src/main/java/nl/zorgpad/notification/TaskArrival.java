package nl.zorgpad.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.pathway.PathwayVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * On a task's creation: records the event "a task arrived for these groups" (or "a handover is
 * escalated", for the configured escalation tasks) in the engine's own transaction, so that a
 * rollback tells nobody, and wakes the dispatcher after the commit. One INSERT: working out who
 * gets a mail happens afterwards, outside the engine's transaction.
 */
@Component
class TaskArrival {

  private final NotificationProperties properties;
  private final NotificationEvents events;
  private final NotificationWorker worker;
  private final Clock clock;

  TaskArrival(
      NotificationProperties properties,
      NotificationEvents events,
      NotificationWorker worker,
      Clock clock) {
    this.clock = clock;
    this.properties = properties;
    this.events = events;
    this.worker = worker;
  }

  void taskCreated(DelegateTask task) {
    if (!properties.enabled()) {
      return;
    }
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    if (groups.isEmpty() && task.getAssignee() == null) {
      return;
    }
    NotificationKind kind =
        properties.escalationTasks().contains(task.getTaskDefinitionKey())
            ? NotificationKind.ESCALATION
            : NotificationKind.NEW_TASK;
    Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
    if (events.record(
        kind,
        task.getId(),
        caseNumber(task),
        task.getName(),
        due,
        groups,
        task.getAssignee(),
        task.getTenantId(),
        clock.instant())) {
      worker.wakeAfterCommit();
    }
  }

  /** The case number: the business key of the task's process or of a process that called it. */
  static String caseNumber(DelegateTask task) {
    for (DelegateExecution current = task.getExecution();
        current != null;
        current = current.getProcessInstance().getSuperExecution()) {
      if (current.getProcessBusinessKey() != null) {
        return current.getProcessBusinessKey();
      }
      Object variable = current.getVariable(PathwayVariables.CASE_NUMBER);
      if (variable != null) {
        return variable.toString();
      }
    }
    return null;
  }
}
