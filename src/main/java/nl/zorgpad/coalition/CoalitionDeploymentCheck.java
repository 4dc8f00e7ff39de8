package nl.zorgpad.coalition;

import java.util.List;
import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TenantManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own gate for coalition deployments (decision 0005), for {@code /engine-rest} and
 * the workbench alike: Camunda 7.24 lets anyone with DEPLOYMENT CREATE deploy for any tenant.
 * A user who belongs to coalitions deploys only for one of them; a user of the shared
 * installation only shared definitions (the engine's tenant check would hide anything else from
 * her anyway). The system (start-up, no user) and administrators are not checked.
 */
class CoalitionDeploymentCheck implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(CoalitionDeploymentCheck.class);

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // a definition read back into the cache, not a new deployment
    }
    TenantManager tenants = Context.getCommandContext().getTenantManager();
    if (!tenants.isTenantCheckEnabled()) {
      return;
    }
    String coalition = deployment.getTenantId();
    List<String> own = Context.getCommandContext().getAuthentication().getTenantIds();
    String user = Context.getCommandContext().getAuthenticatedUserId();
    if (coalition != null && !tenants.isAuthenticatedTenant(coalition)) {
      LOG.info("user {} may not deploy for tenant {}", user, coalition);
      throw new AuthorizationException(DutchText.of("coalition.deploy.notMember", coalition));
    }
    if (coalition == null && own != null && !own.isEmpty()) {
      LOG.info("user {} of tenants {} may not deploy shared definitions", user, own);
      throw new AuthorizationException(
          DutchText.of("coalition.deploy.sharedByCoordinator", String.join(", ", own)));
    }
  }
}
