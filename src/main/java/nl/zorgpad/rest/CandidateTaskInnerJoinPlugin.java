package nl.zorgpad.rest;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Adds {@link CandidateTaskInnerJoin} to the engine's MyBatis configuration, so the task query of
 * every door (the Tasklist's filters, {@code /engine-rest}, the Java API, Zorgpad's own pages)
 * joins a candidate query's identity links as an inner join. {@code
 * zorgpad.engine.task-query-inner-join=false} leaves the engine's statement as it is (to compare,
 * docs/benchmarks.md).
 */
@Component
@ConditionalOnProperty(
    name = "zorgpad.engine.task-query-inner-join",
    havingValue = "true",
    matchIfMissing = true)
public class CandidateTaskInnerJoinPlugin extends AbstractProcessEnginePlugin {

  private final CandidateTaskInnerJoin interceptor = new CandidateTaskInnerJoin();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    // the SQL session factory is built in init(); MyBatis applies interceptors to every
    // statement handler it creates afterwards
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(interceptor);
  }

  public CandidateTaskInnerJoin interceptor() {
    return interceptor;
  }
}
