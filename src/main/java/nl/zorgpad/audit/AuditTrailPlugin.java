package nl.zorgpad.audit;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Adds the audit trail handler to the engine's history: with the default database handler
 * enabled, the engine builds a {@code CompositeDbHistoryEventHandler} of its
 * {@code DbHistoryEventHandler} plus the custom handlers, so the engine's own history stays as
 * it is and every event also reaches {@link AuditTrailHistoryEventHandler}.
 */
@Component
class AuditTrailPlugin extends AbstractProcessEnginePlugin {

  private final AuditTrailHistoryEventHandler handler;

  AuditTrailPlugin(
      ObjectProvider<JdbcTemplate> jdbc,
      @Qualifier("engineAuditChain") ObjectProvider<HashChain> chain,
      ObjectProvider<ChainSealing> sealing) {
    // beans resolved at the first event, not while the engine is built
    this.handler =
        new AuditTrailHistoryEventHandler(jdbc::getObject, chain::getObject, sealing::getObject);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers =
        configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(handler);
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }

  /**
   * Once the engine has built its composite handler: the dossier-only fields of a signal never
   * reach it (issue 11, {@link DossierOnlyHistoryFilter}).
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!(configuration.getHistoryEventHandler() instanceof DossierOnlyHistoryFilter)) {
      configuration.setHistoryEventHandler(
          new DossierOnlyHistoryFilter(configuration.getHistoryEventHandler()));
    }
  }
}
