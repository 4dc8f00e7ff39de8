package nl.zorgpad.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Engine settings that belong to security: picked up by the Camunda starter as a plugin. */
@Component
public class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  /** User, group and tenant ids: letters, digits and inner hyphens. */
  public static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new ZorgpadAuthorizationProvider());
    // discipline and team ids use hyphens (poh-ggz, jgz-utrecht-west, demo-jgz)
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    // Expressions in ad-hoc task queries are refused by the engine; stored filter queries may
    // hold ${currentUser()} and the like, and only administrators may create filters.
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(true);
  }
}
