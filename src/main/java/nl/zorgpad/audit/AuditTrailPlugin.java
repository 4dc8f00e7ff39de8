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
 * Builds the engine's history handlers: its database handler without the detail rows
 * ({@link EngineHistoryWithoutDetails}), then any other custom handler, then the audit trail
 * ({@link AuditTrailHistoryEventHandler}); the engine combines them in a {@code
 * CompositeHistoryEventHandler}, so every event reaches both the engine's history tables and the
 * audit trail.
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
    List<HistoryEventHandler> handlers = new ArrayList<>();
    // the engine's database handler first, as the engine's own composite puts it, but without
    // the detail rows the audit trail already holds (EngineHistoryWithoutDetails)
    handlers.add(new EngineHistoryWithoutDetails());
    if (configuration.getCustomHistoryEventHandlers() != null) {
      handlers.addAll(configuration.getCustomHistoryEventHandlers());
    }
    handlers.add(handler);
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
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
