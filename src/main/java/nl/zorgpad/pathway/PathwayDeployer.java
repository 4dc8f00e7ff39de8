package nl.zorgpad.pathway;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.zorgpad.modelpolicy.ModelRefusedException;
import nl.zorgpad.startup.StartupStep;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the pathways ({@code processes/}: BPMN, DMN) and forms ({@code forms/}) that are
 * packaged with Zorgpad, under stable resource names relative to the classpath root
 * ({@code processes/zorgpad-….bpmn}, {@code forms/….form}).
 *
 * <p>The starter's auto-deployment names resources by absolute path under
 * {@code spring-boot:run} and by file name under {@code java -jar}, so switching run mode created
 * a new version of every pathway. Here the name is the same in both, and only resources whose
 * content changed get a new version (duplicate filtering per resource).
 *
 * <p>The engine's model policy (decision 0006) checks these files like any other deployment: a
 * packaged file it refuses stops the start (nothing of the release is deployed), with the file,
 * element and rule in the log.
 */
@Component
@Order(StartupStep.PATHWAYS)
public class PathwayDeployer implements StartupStep {

  static final String DEPLOYMENT_NAME = "zorgpad";
  private static final Logger LOG = LoggerFactory.getLogger(PathwayDeployer.class);
  private static final String[][] SOURCES = {
    {"processes", "**/*.bpmn"}, {"processes", "**/*.dmn"}, {"forms", "**/*.form"}
  };

  private final RepositoryService repositoryService;
  private final ResourcePatternResolver resolver;

  @org.springframework.beans.factory.annotation.Autowired
  PathwayDeployer(RepositoryService repositoryService) {
    this(repositoryService, PathwayDeployer.class.getClassLoader());
  }

  PathwayDeployer(RepositoryService repositoryService, ClassLoader classLoader) {
    this.repositoryService = repositoryService;
    this.resolver = new PathMatchingResourcePatternResolver(classLoader);
  }

  /** Start-up step (nl.zorgpad.startup): after the authorizations. */
  @Override
  public void run() {
    deployPackagedResources();
  }

  /** Deploys what changed; returns the new deployment, or null when nothing changed. */
  public Deployment deployPackagedResources() {
    List<NamedResource> resources = findPackagedResources();
    if (resources.isEmpty()) {
      LOG.warn("No pathways or forms found on the classpath under processes/ and forms/");
      return null;
    }
    DeploymentBuilder builder =
        repositoryService
            .createDeployment()
            .name(DEPLOYMENT_NAME)
            .source(DEPLOYMENT_NAME)
            .enableDuplicateFiltering(true);
    List<InputStream> streams = new ArrayList<>();
    try {
      for (NamedResource resource : resources) {
        InputStream in = resource.resource().getInputStream();
        streams.add(in);
        builder.addInputStream(resource.name(), in);
      }
      Deployment before = latestDeployment();
      Deployment deployment = builder.deploy();
      if (before != null && before.getId().equals(deployment.getId())) {
        LOG.info("Pathways and forms unchanged ({} resources)", resources.size());
        return null;
      }
      LOG.info("Deployed changed pathways/forms as deployment {}", deployment.getId());
      return deployment;
    } catch (ModelRefusedException refused) {
      LOG.error("Packaged pathways not deployed: {}", refused.englishMessage());
      throw refused;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read packaged pathways", e);
    } finally {
      for (InputStream in : streams) {
        try {
          in.close();
        } catch (IOException ignored) {
          // nothing to do
        }
      }
    }
  }

  private Deployment latestDeployment() {
    return repositoryService
        .createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .findFirst()
        .orElse(null);
  }

  List<NamedResource> findPackagedResources() {
    List<NamedResource> result = new ArrayList<>();
    try {
      for (String[] source : SOURCES) {
        String folder = source[0];
        Resource root = resolver.getResource("classpath:" + folder + "/");
        if (!root.exists()) {
          continue;
        }
        String rootUrl = root.getURL().toString();
        for (Resource resource : resolver.getResources("classpath:" + folder + "/" + source[1])) {
          String url = resource.getURL().toString();
          if (!url.startsWith(rootUrl)) {
            continue; // a resource of another classpath entry (e.g. a library), not ours
          }
          result.add(new NamedResource(folder + "/" + url.substring(rootUrl.length()), resource));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list packaged pathways", e);
    }
    result.sort(Comparator.comparing(NamedResource::name));
    return result;
  }

  record NamedResource(String name, Resource resource) {}
}
