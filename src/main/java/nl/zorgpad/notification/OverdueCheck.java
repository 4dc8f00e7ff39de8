package nl.zorgpad.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds the open tasks that became overdue since the last run — due date in (last run, now] on
 * the engine's clock, one paged {@code dueAfter/dueBefore} query, never a scan of all tasks —
 * and records one OVERDUE event per task. One node at a time runs it (a claim on its row of
 * {@code zp_notification_check}); the events and the new watermark are written in one
 * transaction, so a crash repeats the window instead of losing it, and the event's unique key
 * keeps a task from being told twice. The first run ever only sets the watermark: tasks that
 * were overdue before notifications were switched on are not mailed.
 */
@Component
class OverdueCheck {

  private static final Logger LOG = LoggerFactory.getLogger(OverdueCheck.class);
  static final String NAME = "overdue";

  /** Window overlap: a task due exactly at the watermark is not missed (dedupe keeps it once). */
  private static final long OVERLAP_MILLIS = 1000;

  private static final int MAX_PAGES = 20;

  private final CheckLock lock;
  private final NotificationEvents events;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final NotificationProperties properties;
  private final Clock clock;

  OverdueCheck(
      CheckLock lock,
      NotificationEvents events,
      TaskService taskService,
      RuntimeService runtimeService,
      TransactionTemplate transaction,
      NotificationProperties properties,
      Clock clock) {
    this.clock = clock;
    this.lock = lock;
    this.events = events;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
    this.properties = properties;
  }

  /** Runs the check if no other node does; returns the number of events recorded. */
  int run() {
    if (!properties.enabled()) {
      return 0;
    }
    Instant now = clock.instant();
    Optional<CheckLock.Claim> claim = lock.claim(NAME, now, properties.claimTimeout());
    if (claim.isEmpty()) {
      return 0;
    }
    try {
      Integer recorded = transaction.execute(status -> check(claim.get(), now));
      return recorded == null ? 0 : recorded;
    } catch (RuntimeException e) {
      lock.release(claim.get(), null);
      throw e;
    }
  }

  private int check(CheckLock.Claim claim, Instant now) {
    Instant last = claim.lastRun();
    if (last == null || last.isAfter(now)) {
      // first run, or the clock went back: start counting from now
      lock.release(claim, now);
      return 0;
    }
    Date from = Date.from(last.minusMillis(OVERLAP_MILLIS));
    Date to = Date.from(now);
    int size = properties.batchSize();
    int recorded = 0;
    Instant upTo = now;
    for (int page = 0; ; page++) {
      List<Task> tasks =
          taskService
              .createTaskQuery()
              .dueAfter(from)
              .dueBefore(to)
              .orderByDueDate()
              .asc()
              .orderByTaskId()
              .asc()
              .listPage(page * size, size);
      for (Task task : tasks) {
        if (record(task, now)) {
          recorded++;
        }
      }
      if (tasks.size() < size) {
        break;
      }
      if (page + 1 >= MAX_PAGES) {
        // the rest in the next run: continue from the last due date seen
        upTo = tasks.get(tasks.size() - 1).getDueDate().toInstant();
        LOG.info("Overdue check stopped at {} tasks; continues from {}", (page + 1) * size, upTo);
        break;
      }
    }
    lock.release(claim, upTo);
    return recorded;
  }

  private boolean record(Task task, Instant now) {
    List<String> groups =
        taskService.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .filter(java.util.Objects::nonNull)
            .toList();
    String caseNumber = null;
    if (task.getProcessInstanceId() != null) {
      ProcessInstance instance =
          runtimeService
              .createProcessInstanceQuery()
              .processInstanceId(task.getProcessInstanceId())
              .singleResult();
      caseNumber = instance == null ? null : instance.getBusinessKey();
    }
    return events.record(
        NotificationKind.OVERDUE,
        task.getId(),
        caseNumber,
        task.getName(),
        task.getDueDate().toInstant(),
        groups,
        task.getAssignee(),
        task.getTenantId(),
        now);
  }
}
