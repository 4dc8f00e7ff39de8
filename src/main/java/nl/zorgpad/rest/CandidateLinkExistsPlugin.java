package nl.zorgpad.rest;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CandidateLinkExists} to the engine's MyBatis configuration, so the task query of
 * every door (the Tasklist's filters, {@code /engine-rest}, the Java API, Zorgpad's own pages)
 * tests a candidate criterion with a subquery instead of joining every task's links. {@code
 * zorgpad.engine.candidate-link-exists=false} leaves the engine's statement as it is (to compare,
 * docs/benchmarks.md).
 */
@Component
@ConditionalOnProperty(
    name = "zorgpad.engine.candidate-link-exists",
    havingValue = "true",
    matchIfMissing = true)
public class CandidateLinkExistsPlugin extends AbstractProcessEnginePlugin {

  private final CandidateLinkExists interceptor = new CandidateLinkExists();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the SQL session factory is built in init(); MyBatis applies interceptors to every
    // statement handler it creates afterwards
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(interceptor);
  }

  public CandidateLinkExists interceptor() {
    return interceptor;
  }
}
