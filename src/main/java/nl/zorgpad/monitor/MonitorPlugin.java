package nl.zorgpad.monitor;

import jakarta.persistence.EntityManagerFactory;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.CaseStatusChanged;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Adds {@link MonitorHistoryEventHandler} to the engine's history, beside the default one, and
 * hands it the dossier's status changes that come without a pathway event.
 */
@Component
class MonitorPlugin extends AbstractProcessEnginePlugin {

  private final MonitorHistoryEventHandler handler;

  MonitorPlugin(
      ObjectProvider<MonitorProjection> projection,
      ObjectProvider<EntityManagerFactory> entityManagers) {
    // beans resolved at the first event, not while the engine is built
    this.handler =
        new MonitorHistoryEventHandler(projection::getObject, entityManagers::getIfAvailable);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers =
        configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(handler);
    // the engine's database handler is the audit package's (EngineHistoryWithoutDetails, ADR
    // 0012), so the engine's default one stays off whichever plugin runs first
    configuration.setCustomHistoryEventHandlers(handlers);
  }

  /** A case closed in the dossier alone (e.g. a merged duplicate whose pathway still runs). */
  @EventListener
  void statusChanged(CaseStatusChanged changed) {
    handler.markCase(changed.caseNumber());
  }
}
