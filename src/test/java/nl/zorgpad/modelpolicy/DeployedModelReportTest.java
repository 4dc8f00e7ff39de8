package nl.zorgpad.modelpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgpad.pathway.Deadlines;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

/**
 * The start-up report (decision 0006): definitions that reached the database without the policy
 * (stored by a stock engine, as before an upgrade) and can still run are named with element and
 * rule, and the health contributor reports POLICY_BREACH; what can no longer run (an old version
 * without cases) is not read at all.
 */
class DeployedModelReportTest {

  static ProcessEngine stock;
  static ProcessEngine guarded;

  @BeforeAll
  static void engines() throws Exception {
    String url = "jdbc:h2:mem:zorgpad-report-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    stock = engine("zorgpad-report-stock", url, false);
    guarded = engine("zorgpad-report-guarded", url, true);

    // v1 breaks the policy after a wait state and has a running case; v2 is fine
    deploy(
        "waits.bpmn",
        HostileModels.definitions(
                "report-waits", "<bpmn:userTask id=\"Task_Run\" name=\"Wachten\" />")
            .replace(
                "<bpmn:endEvent id=\"End\" />",
                "<bpmn:serviceTask id=\"Task_Later\" name=\"Later\""
                    + " camunda:expression=\"${''.getClass()}\" /><bpmn:endEvent id=\"End\" />")
            .replace("targetRef=\"End\"", "targetRef=\"Task_Later\"")
            .replace(
                "</bpmn:process>",
                "<bpmn:sequenceFlow id=\"Flow_3\" sourceRef=\"Task_Later\""
                    + " targetRef=\"End\" /></bpmn:process>"));
    stock.getRuntimeService().startProcessInstanceByKey("report-waits");
    deploy(
        "waits.bpmn",
        HostileModels.definitions(
            "report-waits", "<bpmn:userTask id=\"Task_Run\" name=\"Wachten\" />"));
    // an old version without cases that broke the policy: cannot run any more
    deploy(
        "old.bpmn",
        HostileModels.definitions(
            "report-old",
            "<bpmn:serviceTask id=\"Task_Run\" name=\"Oud\" camunda:class=\"java.lang.Runtime\" />"));
    deploy(
        "old.bpmn",
        HostileModels.definitions("report-old", "<bpmn:task id=\"Task_Run\" name=\"Nieuw\" />"));
    // the latest version breaks it, and names a form that breaks it
    deploy(
        "latest.bpmn",
        HostileModels.definitions(
            "report-latest",
            "<bpmn:userTask id=\"Task_Run\" name=\"Stap\" camunda:formRef=\"report-form\" camunda:formRefBinding=\"latest\""
                + " camunda:dueDate=\"${deadlines.now()}\" />"));
    deploy(
        "report.form",
        "{\"id\":\"report-form\",\"type\":\"default\",\"components\":["
            + "{\"type\":\"html\",\"id\":\"Html_X\",\"content\":\"<script>x()</script>\"}]}");
    // and a decision in JUEL
    HostileModels.Hostile dmn =
        HostileModels.all(Path.of("/tmp/unused"), "report-").stream()
            .filter(m -> m.resource().endsWith(".dmn"))
            .findFirst()
            .orElseThrow();
    deploy("report.dmn", new String(dmn.content(), StandardCharsets.UTF_8));
    // what the guarded engine took keeps the policy: a shipped form and a pathway using it
    guarded
        .getRepositoryService()
        .createDeployment()
        .addInputStream(
            "forms/zorgpad-toestemming-vragen.form",
            new ByteArrayInputStream(
                Files.readAllBytes(Path.of("forms/zorgpad-toestemming-vragen.form"))))
        .addInputStream(
            "good.bpmn",
            new ByteArrayInputStream(
                HostileModels.definitions(
                        "report-good",
                        "<bpmn:userTask id=\"Task_Run\" name=\"Stap\""
                            + " camunda:formRef=\"zorgpad-toestemming-vragen\" camunda:formRefBinding="
                            + "\"latest\" camunda:dueDate=\"${deadlines.inWorkingDays(2)}\" />")
                    .getBytes(StandardCharsets.UTF_8)))
        .deploy();
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
    Map<Object, Object> beans = new HashMap<>();
    beans.put("deadlines", Deadlines.withDefaults());
    configuration.setBeans(beans);
    if (policy) {
      configuration
          .getProcessEnginePlugins()
          .add(new ModelPolicyPlugin(new com.fasterxml.jackson.databind.ObjectMapper()));
    }
    return configuration.buildProcessEngine();
  }

  private static void deploy(String name, String content) {
    stock
        .getRepositoryService()
        .createDeployment()
        .name(name)
        .addInputStream(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)))
        .deploy();
  }

  private static DeployedModelReport.Result scan(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    return new DeployedModelReport(configuration, policyOf(configuration), Clock.systemUTC())
        .scan();
  }

  private static ModelPolicy policyOf(ProcessEngineConfigurationImpl configuration) {
    return configuration.getProcessEnginePlugins().stream()
        .filter(ModelPolicyPlugin.class::isInstance)
        .map(ModelPolicyPlugin.class::cast)
        .findFirst()
        .map(ModelPolicyPlugin::policy)
        .orElseGet(
            () ->
                new ModelPolicy(
                    PathwayBeans.of(configuration.getBeans()),
                    new com.fasterxml.jackson.databind.ObjectMapper()));
  }

  /** A clock that counts how often it is read: each scan reads it once, for its checkedAt. */
  private static final class CountingClock extends Clock {
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      reads.incrementAndGet();
      return Instant.now();
    }
  }

  @Test
  void theHealthCheckAnswersTheLastScanAndNeverScansItself() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) guarded.getProcessEngineConfiguration();
    CountingClock clock = new CountingClock();
    ModelPolicyHealthIndicator indicator =
        new ModelPolicyHealthIndicator(configuration, policyOf(configuration), clock);
    assertThat(indicator.health().getStatus()).isEqualTo(Status.UNKNOWN);

    indicator.reportAtStartUp();
    assertThat(clock.reads).hasValue(1);
    Health first = indicator.health();
    assertThat(first.getStatus()).isEqualTo(ModelPolicyHealthIndicator.BREACH);
    for (int i = 0; i < 5; i++) {
      assertThat(indicator.health()).isSameAs(first);
    }
    assertThat(clock.reads).as("no scan in a health request").hasValue(1);

    indicator.scheduledRescan();
    assertThat(clock.reads).hasValue(2);
    assertThat(indicator.health()).isNotSameAs(first);
    assertThat(indicator.health().getStatus()).isEqualTo(ModelPolicyHealthIndicator.BREACH);
  }

  @Test
  void definitionsThatCanStillRunAndBreakThePolicyAreNamed() {
    DeployedModelReport.Result result = scan(guarded);
    assertThat(result.engineProblems()).isEmpty();
    assertThat(result.findings())
        .extracting(
            DeployedModelReport.Finding::definition,
            DeployedModelReport.Finding::elementId,
            DeployedModelReport.Finding::rule)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "report-waits:1", "Task_Later", "expression-method"),
            org.assertj.core.groups.Tuple.tuple("report-latest:1", "Task_Run", "expression-bean"),
            org.assertj.core.groups.Tuple.tuple("report-form:1", "Html_X", "form-component-type"),
            org.assertj.core.groups.Tuple.tuple("report-form:1", "Html_X", "form-markup"),
            org.assertj.core.groups.Tuple.tuple(
                "report-juel:1", "Expression_Run", "dmn-expression-language"));
    assertThat(result.findings())
        .filteredOn(f -> f.definition().equals("report-waits:1"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.runningCases()).isTrue();
              assertThat(f.message()).startsWith("Servicetaak 'Later' (Task_Later), expressie:");
              assertThat(f.tenantId()).isNull();
            });
  }

  @Test
  void formsAreReportedWithTheirCoalition() {
    assertThat(scan(guarded).findings())
        .filteredOn(f -> f.definition().startsWith("report-form"))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.tenantId()).isNull());
  }

  @Test
  void anOldVersionWithoutCasesIsNotRead() {
    assertThat(scan(guarded).findings()).noneMatch(f -> f.definition().startsWith("report-old"));
  }

  @Test
  void theHealthContributorReportsABreachWithTheFindingsInItsDetails() {
    Health health = ModelPolicyHealthIndicator.health(scan(guarded));
    assertThat(health.getStatus()).isEqualTo(ModelPolicyHealthIndicator.BREACH);
    assertThat(health.getDetails()).containsKeys("checkedAt", "filesChecked", "findings");
    assertThat((List<?>) health.getDetails().get("findings")).hasSize(5);
  }

  @Test
  void anEngineWithoutThePolicysSettingsIsReported() {
    assertThat(scan(stock).engineProblems())
        .anyMatch(p -> p.contains("expression manager"))
        .anyMatch(p -> p.contains("script engines"));
  }

  @Test
  void aCleanInstallationIsUp() {
    DeployedModelReport.Result clean =
        new DeployedModelReport.Result(java.time.Instant.now(), 12, List.of(), List.of());
    assertThat(ModelPolicyHealthIndicator.health(clean).getStatus()).isEqualTo(Status.UP);
  }

  @Test
  void aBreachDoesNotTakeTheNodeOutOfALoadBalancer() {
    Health breach = ModelPolicyHealthIndicator.health(scan(guarded));
    // Spring Boot's aggregation of the node's overall status (management.endpoint.health)
    Status overall =
        new org.springframework.boot.actuate.health.SimpleStatusAggregator()
            .getAggregateStatus(java.util.Set.of(Status.UP, breach.getStatus()));
    assertThat(overall).isEqualTo(Status.UP);
  }
}
