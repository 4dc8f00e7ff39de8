package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import nl.zorgpad.modelpolicy.HostileModels;
import nl.zorgpad.modelpolicy.ModelRefusedException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The start-up deployer's door (decision 0006): a code-running file on the deployer's resource
 * path ({@code processes/} or {@code forms/} on the classpath) stops the deployment of the whole
 * release, with the file and element named; nothing of it is deployed and nothing runs.
 */
class PathwayDeployerPolicyTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @TempDir static Path temp;

  static Stream<HostileModels.Hostile> hostile() {
    return HostileModels.all(temp.resolve("touched-by-the-start-up-deployer"), "packaged-")
        .stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void aCodeRunningPackagedFileStopsTheDeployment(HostileModels.Hostile model, @TempDir Path root)
      throws IOException {
    Path classes = root.resolve("classes");
    write(classes.resolve(model.resource()), model.content());
    // a good file beside it: the release is deployed as a whole or not at all
    write(
        classes.resolve("forms/zorgpad-signaal.form"),
        Files.readAllBytes(Path.of("forms/zorgpad-signaal.form")));
    RepositoryService repository = extension.getProcessEngine().getRepositoryService();
    long deployments = repository.createDeploymentQuery().count();

    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      PathwayDeployer deployer = new PathwayDeployer(repository, loader);
      assertThatThrownBy(deployer::deployPackagedResources)
          .isInstanceOf(ModelRefusedException.class)
          .hasMessageContaining(model.resource())
          .hasMessageContaining(model.elementText());
    }

    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    if (model.processKey() != null) {
      assertThat(
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(model.processKey())
                  .count())
          .isZero();
    }
    assertThat(temp.resolve("touched-by-the-start-up-deployer")).doesNotExist();
  }

  @Test
  void theShippedPathwaysDeployThroughTheStartUpDeployer() {
    RepositoryService repository = extension.getProcessEngine().getRepositoryService();
    PathwayDeployer deployer = new PathwayDeployer(repository);
    deployer.deployPackagedResources();
    assertThat(
            repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
                .count())
        .isPositive();
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }
}
