package nl.zorgpad.rest;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Adds {@link BusinessKeySubquery} to the engine's MyBatis configuration, so a task query by
 * business key from every door (Zorgpad's pages and checks, {@code /engine-rest}, the Tasklist's
 * search, the Java API) looks the key up in its index instead of reading every task. {@code
 * zorgpad.engine.business-key-subquery=false} leaves the engine's statement as it is.
 */
@Component
@ConditionalOnProperty(
    name = "zorgpad.engine.business-key-subquery",
    havingValue = "true",
    matchIfMissing = true)
public class BusinessKeySubqueryPlugin extends AbstractProcessEnginePlugin {

  private final BusinessKeySubquery interceptor = new BusinessKeySubquery();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(interceptor);
  }

  public BusinessKeySubquery interceptor() {
    return interceptor;
  }
}
