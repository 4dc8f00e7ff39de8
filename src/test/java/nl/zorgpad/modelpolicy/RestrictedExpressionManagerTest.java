package nl.zorgpad.modelpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Defence in depth (decision 0006): a definition that reached the database without the policy
 * (deployed before it existed, or written by SQL) is stored by a stock engine, then run by an
 * engine with the policy on the same database, as after an upgrade. The stock engine runs the
 * issue's expression (the control: the threat is real and the test can fail); the guarded engine
 * refuses it at run time, resolves no unmarked bean, runs no script and loads no Java class that
 * is not on the allow-list, while marked bean methods and the variable accessors keep working.
 */
class RestrictedExpressionManagerTest {

  @TempDir static Path temp;

  static ProcessEngine stock;
  static ProcessEngine guarded;
  static TestPathwayBean marked = new TestPathwayBean();
  static UnmarkedBean unmarked = new UnmarkedBean();

  @BeforeAll
  static void engines() {
    String url = "jdbc:h2:mem:zorgpad-policy-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    stock = engine("zorgpad-policy-stock", url, false);
    guarded = engine("zorgpad-policy-guarded", url, true);
  }

  @AfterAll
  static void close() {
    guarded.close();
    stock.close();
  }

  private static ProcessEngine engine(String name, String url, boolean policy) {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl(url);
    configuration.setDatabaseSchemaUpdate("true");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    Map<Object, Object> beans = new HashMap<>();
    beans.put("greeter", marked);
    beans.put("registry", unmarked);
    configuration.setBeans(beans);
    if (policy) {
      configuration
          .getProcessEnginePlugins()
          .add(new ModelPolicyPlugin(new com.fasterxml.jackson.databind.ObjectMapper()));
    }
    return configuration.buildProcessEngine();
  }

  /** Deployed by the stock engine: no policy looked at it. */
  private static void deployWithoutPolicy(String key, String element) {
    stock
        .getRepositoryService()
        .createDeployment()
        .name(key)
        .addInputStream(
            key + ".bpmn",
            new ByteArrayInputStream(
                HostileModels.definitions(key, element).getBytes(StandardCharsets.UTF_8)))
        .deploy();
  }

  private static Path file(String name) {
    return temp.resolve(name);
  }

  @Test
  void theStockEngineRunsTheIssuesExpression() throws Exception {
    Path touched = file("touched-by-the-stock-engine");
    deployWithoutPolicy(
        "stock-exec",
        "<bpmn:serviceTask id=\"Task_Run\" name=\"Stap\""
            + " camunda:expression=\""
            + HostileModels.exec(touched)
            + "\" />");
    stock.getRuntimeService().startProcessInstanceByKey("stock-exec");
    for (int i = 0; i < 50 && !Files.exists(touched); i++) {
      Thread.sleep(100);
    }
    assertThat(touched).as("the stock engine ran the command").exists();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "expression",
        "listener",
        "input",
        "dueDate",
        "candidateGroup",
        "timer",
        "condition"
      })
  void anExpressionDeployedWithoutThePolicyDoesNotRunOnTheGuardedEngine(String where)
      throws Exception {
    Path touched = file("touched-" + where);
    String exec = HostileModels.exec(touched);
    String key = "old-" + where;
    String element =
        switch (where) {
          case "expression" ->
              "<bpmn:serviceTask id=\"Task_Run\" camunda:expression=\"" + exec + "\" />";
          case "listener" ->
              "<bpmn:task id=\"Task_Run\"><bpmn:extensionElements>"
                  + "<camunda:executionListener event=\"start\" expression=\""
                  + exec
                  + "\" />"
                  + "</bpmn:extensionElements></bpmn:task>";
          case "input" ->
              "<bpmn:task id=\"Task_Run\"><bpmn:extensionElements><camunda:inputOutput>"
                  + "<camunda:inputParameter name=\"x\">"
                  + exec
                  + "</camunda:inputParameter>"
                  + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>";
          case "dueDate" -> "<bpmn:userTask id=\"Task_Run\" camunda:dueDate=\"" + exec + "\" />";
          case "candidateGroup" ->
              "<bpmn:userTask id=\"Task_Run\" camunda:candidateGroups=\"" + exec + "\" />";
          case "timer" ->
              "<bpmn:intermediateCatchEvent id=\"Timer_Run\"><bpmn:timerEventDefinition>"
                  + "<bpmn:timeDuration>"
                  + exec
                  + "</bpmn:timeDuration></bpmn:timerEventDefinition>"
                  + "</bpmn:intermediateCatchEvent>";
          default -> "<bpmn:task id=\"Task_Run\" />";
        };
    if (where.equals("condition")) {
      stock
          .getRepositoryService()
          .createDeployment()
          .name(key)
          .addInputStream(
              key + ".bpmn",
              new ByteArrayInputStream(
                  HostileModels.all(touched, "old-").stream()
                      .filter(m -> m.name().equals("condition"))
                      .findFirst()
                      .orElseThrow()
                      .content()))
          .deploy();
      key = "old-condition";
    } else {
      deployWithoutPolicy(key, element);
    }
    String processKey = key;
    assertThatThrownBy(() -> guarded.getRuntimeService().startProcessInstanceByKey(processKey))
        .satisfies(
            e ->
                assertThat(blocked(e))
                    .satisfies(
                        blocked -> {
                          assertThat(blocked.status()).isEqualTo(400);
                          assertThat(blocked.code()).isEqualTo("model-policy");
                          assertThat(blocked.userMessage())
                              .startsWith("Deze stap is niet uitgevoerd");
                        }))
        .satisfies(
            e -> {
              // however the engine wraps it, every door (nl.zorgpad.rest.EngineRefusals) answers
              // 400 with the Dutch text, and the engine logs it as an expected refusal (no ERROR)
              assertThat(nl.zorgpad.rest.EngineRefusals.refusal(e, false))
                  .get()
                  .satisfies(
                      r -> {
                        assertThat(r.status()).isEqualTo(400);
                        assertThat(r.userMessage()).startsWith("Deze stap is niet uitgevoerd");
                      });
              assertThat(nl.zorgpad.rest.EngineRefusals.isExpected(e)).isTrue();
            });
    Thread.sleep(300);
    assertThat(touched).doesNotExist();
  }

  @Test
  void onlyMarkedBeansResolveAndOnlyTheirMarkedMethodsRun() {
    deployWithoutPolicy(
        "old-beans",
        "<bpmn:task id=\"Task_Run\"><bpmn:extensionElements>"
            + "<camunda:inputOutput>"
            + "<camunda:outputParameter name=\"greeting\">${greeter.greet('Zorgpad')}"
            + "</camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:task>");
    String instance = guarded.getRuntimeService().startProcessInstanceByKey("old-beans").getId();
    assertThat(
            guarded
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName("greeting")
                .singleResult()
                .getValue())
        .isEqualTo("hallo Zorgpad");

    deployWithoutPolicy(
        "old-secret",
        "<bpmn:serviceTask id=\"Task_Run\"" + " camunda:expression=\"${greeter.secret()}\" />");
    assertThatThrownBy(() -> guarded.getRuntimeService().startProcessInstanceByKey("old-secret"))
        .satisfies(RestrictedExpressionManagerTest::blocked);
    assertThat(marked.secretCalled()).isFalse();

    deployWithoutPolicy(
        "old-unmarked",
        "<bpmn:serviceTask id=\"Task_Run\"" + " camunda:expression=\"${registry.clear()}\" />");
    assertThatThrownBy(() -> guarded.getRuntimeService().startProcessInstanceByKey("old-unmarked"))
        .hasMessageContaining("Unknown property");
    assertThat(unmarked.called()).isFalse();
  }

  @Test
  void theVariableAccessorsAndCollectionsStillWork() {
    deployWithoutPolicy(
        "old-accessors",
        "<bpmn:task id=\"Task_Run\"><bpmn:extensionElements>"
            + "<camunda:executionListener event=\"start\" expression=\"${execution.setVariable("
            + "'picked', items.get(1))}\" />"
            + "<camunda:executionListener event=\"end\" expression=\"${execution.setVariable("
            + "'key', execution.processBusinessKey)}\" />"
            + "</bpmn:extensionElements></bpmn:task>");
    String instance =
        guarded
            .getRuntimeService()
            .startProcessInstanceByKey(
                "old-accessors",
                "ZP-1",
                Variables.createVariables().putValue("items", List.of("a", "b")))
            .getId();
    var history =
        guarded
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance);
    assertThat(history.variableName("picked").singleResult().getValue()).isEqualTo("b");
    assertThat(
            guarded
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(instance)
                .variableName("key")
                .singleResult()
                .getValue())
        .isEqualTo("ZP-1");
  }

  @Test
  void aScriptDeployedWithoutThePolicyDoesNotRun() throws Exception {
    Path touched = file("touched-by-a-script");
    deployWithoutPolicy(
        "old-script",
        "<bpmn:scriptTask id=\"Task_Run\" scriptFormat=\"juel\">"
            + "<bpmn:script>"
            + HostileModels.exec(touched)
            + "</bpmn:script></bpmn:scriptTask>");
    assertThatThrownBy(() -> guarded.getRuntimeService().startProcessInstanceByKey("old-script"))
        .satisfies(RestrictedExpressionManagerTest::blocked);
    Thread.sleep(300);
    assertThat(touched).doesNotExist();
  }

  @Test
  void aJavaClassOutsideTheAllowListIsNeverLoaded() {
    deployWithoutPolicy(
        "old-class",
        "<bpmn:serviceTask id=\"Task_Run\" camunda:class=\""
            + "nl.zorgpad.modelpolicy.LoadedMarker\" />");
    deployWithoutPolicy(
        "old-listener-class",
        "<bpmn:task id=\"Task_Run\">"
            + "<bpmn:extensionElements><camunda:executionListener event=\"start\""
            + " class=\"nl.zorgpad.modelpolicy.LoadedMarker\" /></bpmn:extensionElements>"
            + "</bpmn:task>");
    assertThatThrownBy(() -> guarded.getRuntimeService().startProcessInstanceByKey("old-class"))
        .satisfies(RestrictedExpressionManagerTest::blocked);
    assertThatThrownBy(
            () -> guarded.getRuntimeService().startProcessInstanceByKey("old-listener-class"))
        .satisfies(RestrictedExpressionManagerTest::blocked);
    assertThat(LoadedMarker.Flag.LOADED).isFalse();
  }

  @Test
  void aDecisionWithJuelDeployedWithoutThePolicyDoesNotRunCode() throws Exception {
    Path touched = file("touched-by-a-decision");
    HostileModels.Hostile dmn =
        HostileModels.all(touched, "old-dmn-").stream()
            .filter(m -> m.resource().endsWith(".dmn"))
            .findFirst()
            .orElseThrow();
    stock
        .getRepositoryService()
        .createDeployment()
        .name("old-dmn")
        .addInputStream(dmn.resource(), new ByteArrayInputStream(dmn.content()))
        .deploy();
    assertThatThrownBy(
            () ->
                guarded
                    .getDecisionService()
                    .evaluateDecisionTableByKey("old-dmn-juel", Variables.createVariables()))
        .satisfies(RestrictedExpressionManagerTest::blocked);
    Thread.sleep(300);
    assertThat(touched).doesNotExist();
  }

  @Test
  void theGuardedEnginesSettingsAreThePolicys() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) guarded.getProcessEngineConfiguration();
    assertThat(configuration.getExpressionManager()).isInstanceOf(PolicyExpressionManager.class);
    assertThat(configuration.isDmnFeelEnableLegacyBehavior()).isFalse();
    assertThat(configuration.isEnableFetchScriptEngineFromProcessApplication()).isFalse();
  }

  /** The policy's run-time refusal, wherever the engine wrapped it. */
  private static BlockedByPolicyException blocked(Throwable e) {
    return causes(e).stream()
        .filter(BlockedByPolicyException.class::isInstance)
        .map(BlockedByPolicyException.class::cast)
        .findFirst()
        .orElseThrow(() -> new AssertionError("not refused by the policy", e));
  }

  private static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new java.util.ArrayList<>();
    for (Throwable current = e;
        current != null && !all.contains(current);
        current = current.getCause()) {
      all.add(current);
    }
    return all;
  }
}
