package nl.zorgpad.rest;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The engine's authorization checks — behind every door (the Tasklist's API, {@code
 * /engine-rest}, the Java API) — use {@link GroupsAsGivenAuthorizationManager}, without a scan of
 * the whole authorization table before each check. {@code
 * zorgpad.engine.authorization-groups-as-given=false} gives the engine's own manager back (to
 * compare, docs/benchmarks.md).
 */
@Component
@ConditionalOnProperty(
    name = "zorgpad.engine.authorization-groups-as-given",
    havingValue = "true",
    matchIfMissing = true)
public class AuthorizationCheckPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<SessionFactory> factories = new ArrayList<>();
    if (configuration.getCustomSessionFactories() != null) {
      factories.addAll(configuration.getCustomSessionFactories());
    }
    // custom session factories replace the engine's own of the same session type
    factories.add(new GroupsAsGivenAuthorizationManager.Factory());
    configuration.setCustomSessionFactories(factories);
  }
}
