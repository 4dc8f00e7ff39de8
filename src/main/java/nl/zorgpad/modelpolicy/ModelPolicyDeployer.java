package nl.zorgpad.modelpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's first deployer: every new deployment, through any door ({@code /engine-rest},
 * the webapps' API, the workbench, {@code RepositoryService}, the start-up deployer), passes the
 * {@link ModelPolicy} before the engine's own deployers parse anything; a refusal rolls the whole
 * deployment back. A deployment read back into the cache (already in the database) is not
 * refused here: the start-up report names it and the run-time guards stop what it must not do.
 */
final class ModelPolicyDeployer implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelPolicyDeployer.class);

  private final ModelPolicy policy;

  ModelPolicyDeployer(ModelPolicy policy) {
    this.policy = policy;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    List<PolicyViolation> violations = new ArrayList<>();
    for (Map.Entry<String, ResourceEntity> resource : deployment.getResources().entrySet()) {
      violations.addAll(policy.check(resource.getKey(), resource.getValue().getBytes()));
    }
    if (!violations.isEmpty()) {
      ModelRefusedException refused = new ModelRefusedException(violations);
      LOG.warn(
          "{} (deployment '{}', source {})",
          refused.englishMessage(),
          deployment.getName(),
          deployment.getSource());
      throw refused;
    }
  }
}
