package nl.zorgpad.audit;

import java.util.List;
import java.util.Set;
import nl.zorgpad.casus.SignalledClient;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Drops every history event about a dossier-only field of a signal ({@link SignalledClient#FIELDS}:
 * the client's BSN, birth date, postcode) before it reaches any handler: the engine's
 * {@code ACT_HI_VARINST} and {@code ACT_HI_DETAIL} (variable and form-property events) and the
 * audit trail ({@code zp_audit_record}) never see them. The start form hands them to the engine
 * as variables, and the engine fires those events before any listener can move the values into
 * the dossier; the dossier is their only place (docs/dossier.md).
 */
final class DossierOnlyHistoryFilter implements HistoryEventHandler {

  private final HistoryEventHandler next;
  private final Set<String> names;

  DossierOnlyHistoryFilter(HistoryEventHandler next) {
    this(next, SignalledClient.FIELDS);
  }

  DossierOnlyHistoryFilter(HistoryEventHandler next, Set<String> names) {
    this.next = next;
    this.names = Set.copyOf(names);
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    if (!isDossierOnly(event)) {
      next.handleEvent(event);
    }
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    next.handleEvents(events.stream().filter(event -> !isDossierOnly(event)).toList());
  }

  boolean isDossierOnly(HistoryEvent event) {
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      return names.contains(variable.getVariableName());
    }
    if (event instanceof HistoricFormPropertyEventEntity property) {
      return names.contains(property.getPropertyId());
    }
    return false;
  }

  HistoryEventHandler next() {
    return next;
  }
}
