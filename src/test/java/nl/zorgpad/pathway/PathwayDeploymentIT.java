package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real application deploys every BPMN, DMN and form of the repository's {@code processes/}
 * and {@code forms/} folders under stable names, and deploying again changes nothing.
 */
@ZorgpadIntegrationTest
class PathwayDeploymentIT {

  @Autowired RepositoryService repositoryService;
  @Autowired PathwayDeployer deployer;

  @Test
  void everyPathwayAndFormOfTheRepositoryIsDeployedUnderItsStableName() throws IOException {
    List<String> expected =
        Stream.concat(files("processes", ".bpmn", ".dmn"), files("forms", ".form"))
            .sorted()
            .toList();
    List<String> deployed =
        repositoryService
            .createDeploymentQuery()
            .deploymentName(PathwayDeployer.DEPLOYMENT_NAME)
            .list()
            .stream()
            .flatMap(
                deployment -> repositoryService.getDeploymentResources(deployment.getId()).stream())
            .map(Resource::getName)
            .distinct()
            .sorted()
            .toList();

    assertThat(deployed).containsAll(expected);
    assertThat(deployed)
        .allMatch(name -> name.startsWith("processes/") || name.startsWith("forms/"));
    for (String name : expected) {
      if (name.endsWith(".bpmn")) {
        assertThat(repositoryService.createProcessDefinitionQuery().list())
            .anyMatch(definition -> definition.getResourceName().equals(name));
      }
    }
  }

  @Test
  void deployingUnchangedResourcesAgainMakesNoNewVersion() {
    long before = repositoryService.createProcessDefinitionQuery().count();
    assertThat(deployer.deployPackagedResources()).isNull();
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(before);
  }

  private static Stream<String> files(String folder, String... endings) throws IOException {
    try (Stream<Path> paths = Files.walk(Path.of(folder))) {
      return paths
          .filter(Files::isRegularFile)
          .filter(path -> Stream.of(endings).anyMatch(path.toString()::endsWith))
          .map(
              path -> folder + "/" + Path.of(folder).relativize(path).toString().replace('\\', '/'))
          .toList()
          .stream();
    }
  }
}
