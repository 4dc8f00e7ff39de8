package nl.zorgpad.modelpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The policy inside the plain engine of the process tests ({@code camunda.cfg.xml}): the Java
 * API's door ({@code RepositoryService.createDeployment()}) refuses every code-running model of
 * issue 10 before anything is parsed or stored, and every shipped pathway, decision and form
 * passes, with the engine's own allow-list (the marked beans of its beans map).
 */
class ModelPolicyEngineTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  @TempDir static Path temp;

  ProcessEngine engine;
  RepositoryService repository;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    repository = engine.getRepositoryService();
  }

  static Stream<HostileModels.Hostile> hostile() {
    return HostileModels.all(temp.resolve("touched-by-the-java-api"), "engine-").stream();
  }

  @Test
  void theEngineRunsWithThePolicysExpressionManagerAndWithoutScripts() {
    ProcessEngineConfigurationImpl configuration = configuration();
    assertThat(configuration.getExpressionManager()).isInstanceOf(PolicyExpressionManager.class);
    assertThat(configuration.getScriptEngineResolver()).isInstanceOf(NoScriptEngineResolver.class);
    assertThat(configuration.getCustomPreDeployers().get(0))
        .isInstanceOf(ModelPolicyDeployer.class);
    assertThat(policy().beans().names())
        .contains("deadlines", "consentCheck", "caseClosing")
        .doesNotContain("caseRegistry", "consentRegistry");
  }

  @Test
  void everyShippedModelPassesThePolicy() throws IOException {
    List<Path> shipped = new ArrayList<>();
    for (String folder : List.of("processes", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        files.filter(file -> ModelPolicy.kind(file.toString()) != null).forEach(shipped::add);
      }
    }
    assertThat(shipped).hasSizeGreaterThan(40);
    for (Path file : shipped) {
      String resource = file.getParent().getFileName() + "/" + file.getFileName();
      assertThat(policy().check(resource, Files.readAllBytes(file))).as(resource).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void codeRunningModelsAreRefusedThroughTheJavaApi(HostileModels.Hostile model) {
    long deployments = repository.createDeploymentQuery().count();
    assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .name(model.name())
                    .addInputStream(model.resource(), new ByteArrayInputStream(model.content()))
                    .deploy())
        .isInstanceOf(ModelRefusedException.class)
        .isInstanceOf(ParseException.class)
        .hasMessageStartingWith(
            "Niet gepubliceerd: het modelbeleid van Zorgpad staat dit niet" + " toe.")
        .hasMessageContaining(model.resource())
        .hasMessageContaining(model.elementText())
        .satisfies(
            e -> {
              ModelRefusedException refused = (ModelRefusedException) e;
              assertThat(refused.status()).isEqualTo(400);
              assertThat(refused.code()).isEqualTo("model-policy");
              assertThat(refused.getResorceReports())
                  .singleElement()
                  .satisfies(
                      report -> {
                        assertThat(report.getResourceName()).isEqualTo(model.resource());
                        assertThat(report.getErrors()).isNotEmpty();
                      });
            });
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    if (model.processKey() != null) {
      assertThat(
              repository
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(model.processKey())
                  .count())
          .isZero();
    }
    assertThat(temp.resolve("touched-by-the-java-api")).doesNotExist();
  }

  @Test
  void aRefusalNamesEveryFileAndElementAsTheRestApiShowsThem() {
    List<HostileModels.Hostile> models = HostileModels.all(temp.resolve("x"), "engine-many-");
    var builder = repository.createDeployment().name("many");
    models
        .subList(0, 3)
        .forEach(
            model ->
                builder.addInputStream(
                    model.resource(), new ByteArrayInputStream(model.content())));
    assertThatThrownBy(builder::deploy)
        .isInstanceOfSatisfying(
            ModelRefusedException.class,
            refused -> {
              assertThat(refused.getResorceReports()).hasSize(3);
              assertThat(refused.getResorceReports())
                  .allSatisfy(
                      report ->
                          assertThat(report.getErrors())
                              .allSatisfy(
                                  problem -> {
                                    assertThat(problem.getMainElementId()).isEqualTo("Task_Run");
                                    assertThat(problem.getMessage()).contains("(Task_Run)");
                                  }));
              assertThat(refused.violations()).hasSize(3);
            });
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private ModelPolicy policy() {
    return configuration().getProcessEnginePlugins().stream()
        .filter(ModelPolicyPlugin.class::isInstance)
        .map(ModelPolicyPlugin.class::cast)
        .findFirst()
        .orElseThrow()
        .policy();
  }
}
