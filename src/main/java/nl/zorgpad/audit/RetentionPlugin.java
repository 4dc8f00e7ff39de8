package nl.zorgpad.audit;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The engine's history cleanup as docs/decisions/0004-retention.md decides: removal-time based
 * (every history row carries the time it may be removed: end of the root process instance + the
 * process's historyTimeToLive), run by the engine's cleanup job in a nightly window. It removes
 * only the engine's ACT_HI_* data: Zorgpad's audit trail ({@code zp_audit_record}) and access log
 * ({@code zp_access_log}) are not engine history and are kept (at least 5 years, NEN 7513).
 */
@Component
class RetentionPlugin extends AbstractProcessEnginePlugin {

  private final RetentionProperties properties;

  RetentionPlugin(RetentionProperties properties) {
    this.properties = properties;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryCleanupStrategy("removalTimeBased");
    configuration.setHistoryRemovalTimeStrategy(properties.removalTimeStrategy());
    configuration.setHistoryCleanupBatchWindowStartTime(properties.batchWindowStart());
    configuration.setHistoryCleanupBatchWindowEndTime(properties.batchWindowEnd());
    configuration.setHistoryCleanupBatchSize(properties.batchSize());
    configuration.setEnforceHistoryTimeToLive(true);
  }
}
