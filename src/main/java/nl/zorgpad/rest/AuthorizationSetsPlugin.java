package nl.zorgpad.rest;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Adds {@link AuthorizationSets} to the engine's MyBatis configuration, so the task query of every
 * door (the Tasklist's filters, {@code /engine-rest}, the Java API) works the caller's grants out
 * once per statement instead of once per task. {@code zorgpad.engine.authorization-sets=false}
 * leaves the engine's statement (to compare, docs/benchmarks.md).
 */
@Component
@ConditionalOnProperty(
    name = "zorgpad.engine.authorization-sets",
    havingValue = "true",
    matchIfMissing = true)
public class AuthorizationSetsPlugin extends AbstractProcessEnginePlugin {

  private final AuthorizationSets interceptor = new AuthorizationSets();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.getSqlSessionFactory().getConfiguration().addInterceptor(interceptor);
  }

  public AuthorizationSets interceptor() {
    return interceptor;
  }
}
