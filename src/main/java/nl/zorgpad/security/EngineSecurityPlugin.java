package nl.zorgpad.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.GenericManagerFactory;
import org.springframework.stereotype.Component;

/** Engine settings that belong to security: picked up by the Camunda starter as a plugin. */
@Component
public class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  /** User, group and tenant ids: letters, digits and inner hyphens. */
  public static final String RESOURCE_ID_PATTERN = "[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setResourceAuthorizationProvider(new ZorgpadAuthorizationProvider());
    // no per-account lock (see postInit): the database identity provider without it
    configuration.setIdentityProviderSessionFactory(
        new GenericManagerFactory(NoLockDbIdentityServiceProvider.class));
    // discipline and team ids use hyphens (poh-ggz, jgz-utrecht-west, demo-jgz)
    configuration.setGeneralResourceWhitelistPattern(RESOURCE_ID_PATTERN);
    // Expressions in ad-hoc task queries are refused by the engine; stored filter queries may
    // hold ${currentUser()} and the like, and only administrators may create filters.
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setEnableExpressionsInStoredQueries(true);
  }

  /**
   * No per-account lock: with the engine's defaults about ten wrong passwords lock an account,
   * and every wrong one locks it for a growing delay, so anyone who knows a user name could lock
   * a midwife out during a night shift. Failed logins are throttled per source address instead
   * ({@link LoginThrottle}). {@link NoLockDbIdentityServiceProvider} ignores these settings;
   * they are switched off here as well (after the starter's generic properties, so a
   * {@code login-max-attempts} in the configuration cannot bring them back) for any other
   * identity provider that reads them.
   */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setLoginMaxAttempts(Integer.MAX_VALUE);
    configuration.setLoginDelayBase(0);
    configuration.setLoginDelayFactor(0);
    configuration.setLoginDelayMaxTime(0);
  }
}
