package nl.zorgpad.system;

import java.util.List;
import nl.zorgpad.pathway.PathwayDeployer;
import nl.zorgpad.security.AuthorizationInitializer;
import nl.zorgpad.security.IdentityInitializer;
import nl.zorgpad.tasklist.TasklistFilters;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the engine into Zorgpad's shape before the web server accepts requests: groups and the
 * administrator (so the setup endpoint never applies), authorizations, pathways and forms,
 * Tasklist filters, then the optional start-up steps (demo data).
 */
@Component
class ZorgpadStartup implements SmartInitializingSingleton {

  private final IdentityInitializer identity;
  private final AuthorizationInitializer authorizations;
  private final PathwayDeployer deployer;
  private final TasklistFilters filters;
  private final List<StartupStep> steps;

  ZorgpadStartup(IdentityInitializer identity, AuthorizationInitializer authorizations,
      PathwayDeployer deployer, TasklistFilters filters, List<StartupStep> steps) {
    this.identity = identity;
    this.authorizations = authorizations;
    this.deployer = deployer;
    this.filters = filters;
    this.steps = steps;
  }

  @Override
  public void afterSingletonsInstantiated() {
    identity.ensureGroupsAndAdmin();
    authorizations.ensureAuthorizations();
    deployer.deployPackagedResources();
    filters.ensureFilters();
    steps.forEach(StartupStep::run);
  }
}
