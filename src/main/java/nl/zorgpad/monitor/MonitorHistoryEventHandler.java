package nl.zorgpad.monitor;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricActivityInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps {@code zp_monitor_fact} up to date in the same transaction: an event that changes an
 * indicator (a pathway instance starts or ends, one of the few measured steps finishes, a task is
 * finished late) marks its case; before the commit, after the engine and JPA have flushed,
 * {@link MonitorProjection#project} replaces that case's facts. Every other event (most task
 * completions, variable updates) costs a set lookup. If the projection fails the transaction
 * fails: the monitor is never silently out of step (the rebuild recomputes everything).
 */
class MonitorHistoryEventHandler implements HistoryEventHandler {

  private static final Logger LOG = LoggerFactory.getLogger(MonitorHistoryEventHandler.class);

  /** Elements whose end changes an indicator (besides the end of any pathway instance). */
  static final Set<String> MEASURED_ENDS =
      Set.of(
          "Task_RecordHandover",
          "Task_ConfirmContact",
          "Task_HoldMdo",
          "Task_ReportToVeiligThuis",
          "Gateway_ContactRecorded",
          "Task_DecideHomeVisit",
          "Gateway_PlanMerge",
          "Task_PlanHomeVisit",
          "Task_InformMidwife",
          "Task_InformGeneralPractitioner",
          // the withdrawal is recorded in the dossier by the listener on this start event's end
          "Start_ConsentWithdrawn");

  /** Elements whose start changes an indicator. */
  static final Set<String> MEASURED_STARTS =
      Set.of(
          "Task_EscalateHandover",
          "Start_NewSignal",
          "Gateway_ContactRecorded",
          "Task_PlanHomeVisit",
          "Task_InformMidwife",
          "Task_InformGeneralPractitioner");

  private final Supplier<MonitorProjection> projection;
  private final Supplier<EntityManagerFactory> entityManagers;

  MonitorHistoryEventHandler(
      Supplier<MonitorProjection> projection, Supplier<EntityManagerFactory> entityManagers) {
    this.projection = projection;
    this.entityManagers = entityManagers;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!relevant(event)) {
      return;
    }
    String root =
        event.getRootProcessInstanceId() != null
            ? event.getRootProcessInstanceId()
            : event.getProcessInstanceId();
    if (root == null) {
      return;
    }
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      LOG.debug("no transaction for monitor event of {}; the rebuild covers it", root);
      return;
    }
    pending().add(root, businessKey(event, root));
  }

  /**
   * Marks a case whose dossier changed without a pathway event (its status, through
   * {@code casus.CaseStatusChanged}): projected before the commit with the cases the engine's
   * events marked, or at once outside a transaction.
   */
  void markCase(String caseNumber) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      projection.get().project(caseNumber);
      return;
    }
    pending().add(null, caseNumber);
  }

  /** This transaction's set of cases to project, registered at its first mark. */
  private Pending pending() {
    for (TransactionSynchronization registered :
        TransactionSynchronizationManager.getSynchronizations()) {
      if (registered instanceof Pending pending) {
        return pending;
      }
    }
    Pending pending = new Pending();
    TransactionSynchronizationManager.registerSynchronization(pending);
    return pending;
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  static boolean relevant(HistoryEvent event) {
    String type = event.getEventType();
    if (event instanceof HistoricProcessInstanceEventEntity) {
      return HistoryEventTypes.PROCESS_INSTANCE_START.getEventName().equals(type)
          || HistoryEventTypes.PROCESS_INSTANCE_END.getEventName().equals(type);
    }
    if (event instanceof HistoricTaskInstanceEventEntity task) {
      return HistoryEventTypes.TASK_INSTANCE_COMPLETE.getEventName().equals(type)
          && task.getDueDate() != null
          && task.getEndTime() != null
          && task.getEndTime().after(task.getDueDate());
    }
    if (event instanceof HistoricActivityInstanceEventEntity activity) {
      if (HistoryEventTypes.ACTIVITY_INSTANCE_END.getEventName().equals(type)) {
        return MEASURED_ENDS.contains(activity.getActivityId());
      }
      if (HistoryEventTypes.ACTIVITY_INSTANCE_START.getEventName().equals(type)) {
        return MEASURED_STARTS.contains(activity.getActivityId());
      }
    }
    return false;
  }

  private static String businessKey(HistoryEvent event, String root) {
    if (event instanceof HistoricProcessInstanceEventEntity process
        && root.equals(process.getProcessInstanceId())
        && process.getBusinessKey() != null) {
      return process.getBusinessKey();
    }
    CommandContext context = Context.getCommandContext();
    if (context == null) {
      return null;
    }
    ExecutionEntity execution =
        context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, root);
    return execution == null ? null : execution.getBusinessKey();
  }

  /** The cases this transaction moved; projected before it commits. */
  private final class Pending implements TransactionSynchronization {
    private final Set<String> roots = new LinkedHashSet<>();
    private final Set<String> caseNumbers = new LinkedHashSet<>();

    void add(String root, String caseNumber) {
      if (caseNumber != null) {
        caseNumbers.add(caseNumber);
      } else {
        roots.add(root);
      }
    }

    @Override
    public void beforeCommit(boolean readOnly) {
      EntityManagerFactory factory = entityManagers.get();
      if (factory != null) {
        EntityManager entityManager =
            EntityManagerFactoryUtils.getTransactionalEntityManager(factory);
        if (entityManager != null) {
          entityManager.flush();
        }
      }
      MonitorProjection projector = projection.get();
      Set<String> cases = new LinkedHashSet<>(caseNumbers);
      for (String root : roots) {
        String caseNumber = projector.caseNumberOfRoot(root);
        if (caseNumber != null) {
          cases.add(caseNumber);
        }
      }
      cases.forEach(projector::project);
    }

    @Override
    public int getOrder() {
      // before the audit trail's sealing (lowest precedence), after ordinary synchronizations
      return LOWEST_PRECEDENCE - 100;
    }
  }
}
