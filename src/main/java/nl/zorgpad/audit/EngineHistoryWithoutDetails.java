package nl.zorgpad.audit;

import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;

/**
 * The engine's own history handler without the rows that only repeat the audit trail: no
 * variable-update details and no submitted form fields in {@code ACT_HI_DETAIL}. Every variable
 * change is kept once, in {@code zp_audit_record}, hash-chained, with its value, user, task and
 * time ({@link AuditTrailHistoryEventHandler}); {@code ACT_HI_VARINST} keeps each variable's
 * current value for the engine's history queries, as at history level FULL. Everything else (task,
 * activity, process, decision, incident, operation-log and job history) is written as the engine
 * writes it. docs/decisions/0012-history-written-once.md.
 */
final class EngineHistoryWithoutDetails extends DbHistoryEventHandler {

  @Override
  public void handleEvent(HistoryEvent event) {
    if (event instanceof HistoricFormPropertyEventEntity) {
      // a submitted form field: the same value reaches the audit trail as a variable change
      return;
    }
    super.handleEvent(event);
  }

  @Override
  protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
    return false;
  }
}
