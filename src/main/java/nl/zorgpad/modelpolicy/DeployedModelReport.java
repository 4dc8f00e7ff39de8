package nl.zorgpad.modelpolicy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which deployed definitions break the model policy (decision 0006): what got into the database
 * without the deployment check, e.g. before the policy existed or written by SQL. Only what can
 * run is read, page by page: the latest version of every pathway and decision (per coalition),
 * every pathway version with running cases, and the latest version of every form those pathways
 * name. Each file is read and checked once. Also reports whether the engine runs with the
 * policy's settings (expression manager, no scripts, FEEL without external functions).
 */
public class DeployedModelReport {

  private static final Logger LOG = LoggerFactory.getLogger(DeployedModelReport.class);
  static final int PAGE = 100;

  private final ProcessEngineConfigurationImpl configuration;
  private final ModelPolicy policy;
  private final Clock clock;

  public DeployedModelReport(
      ProcessEngineConfigurationImpl configuration, ModelPolicy policy, Clock clock) {
    this.configuration = configuration;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * One definition that breaks the policy.
   *
   * @param definition e.g. {@code zorgpad-kwetsbare-zwangerschap:3} (key and version)
   * @param tenantId its coalition, or null for the shared installation
   * @param runningCases whether cases run on this version (only counted for pathways)
   */
  public record Finding(
      String definition,
      String tenantId,
      String deploymentId,
      String resource,
      String elementId,
      String rule,
      String message,
      boolean runningCases) {}

  /** @param engineProblems settings of the engine that are not the policy's (English) */
  public record Result(
      Instant checkedAt,
      int resourcesChecked,
      List<Finding> findings,
      List<String> engineProblems) {

    public boolean clean() {
      return findings.isEmpty() && engineProblems.isEmpty();
    }
  }

  private record ResourceKey(String deploymentId, String resource) {}

  private record Definition(String label, String tenantId, boolean running) {}

  public Result scan() {
    RepositoryService repository = configuration.getRepositoryService();
    ManagementService management = configuration.getManagementService();
    Map<ResourceKey, List<Definition>> toCheck = new LinkedHashMap<>();
    Set<String> tenants = new LinkedHashSet<>();
    tenants.add(null);

    for (int first = 0; ; first += PAGE) {
      List<ProcessDefinition> page =
          repository
              .createProcessDefinitionQuery()
              .latestVersion()
              .orderByProcessDefinitionId()
              .asc()
              .listPage(first, PAGE);
      page.forEach(
          d -> {
            add(
                toCheck,
                d.getDeploymentId(),
                d.getResourceName(),
                label(d),
                d.getTenantId(),
                false);
            tenants.add(d.getTenantId());
          });
      if (page.size() < PAGE) {
        break;
      }
    }
    for (int first = 0; ; first += PAGE) {
      List<ProcessDefinitionStatistics> page =
          management.createProcessDefinitionStatisticsQuery().listPage(first, PAGE);
      page.stream()
          .filter(s -> s.getInstances() > 0)
          .forEach(
              s ->
                  add(
                      toCheck,
                      s.getDeploymentId(),
                      s.getResourceName(),
                      label(s),
                      s.getTenantId(),
                      true));
      if (page.size() < PAGE) {
        break;
      }
    }
    for (int first = 0; ; first += PAGE) {
      List<DecisionDefinition> page =
          repository
              .createDecisionDefinitionQuery()
              .latestVersion()
              .orderByDecisionDefinitionId()
              .asc()
              .listPage(first, PAGE);
      page.forEach(
          d ->
              add(
                  toCheck,
                  d.getDeploymentId(),
                  d.getResourceName(),
                  d.getKey() + ":" + d.getVersion(),
                  d.getTenantId(),
                  false));
      if (page.size() < PAGE) {
        break;
      }
    }

    List<Finding> findings = new ArrayList<>();
    Set<String> formRefs = new LinkedHashSet<>();
    int checked = 0;
    for (Map.Entry<ResourceKey, List<Definition>> entry : toCheck.entrySet()) {
      ModelPolicy.Inspection inspection = inspect(repository, entry.getKey());
      checked++;
      formRefs.addAll(inspection.formRefs());
      report(findings, entry.getKey(), entry.getValue(), inspection.violations());
    }
    for (CamundaFormDefinitionEntity form : latestForms(formRefs, tenants)) {
      ResourceKey key = new ResourceKey(form.getDeploymentId(), form.getResourceName());
      checked++;
      // the coalition from the deployment: the entity read by key does not carry it reliably
      var deployment =
          repository.createDeploymentQuery().deploymentId(form.getDeploymentId()).singleResult();
      report(
          findings,
          key,
          List.of(
              new Definition(
                  form.getKey() + ":" + form.getVersion(),
                  deployment == null ? null : deployment.getTenantId(),
                  false)),
          inspect(repository, key).violations());
    }

    List<String> engineProblems = engineProblems();
    Result result = new Result(clock.instant(), checked, List.copyOf(findings), engineProblems);
    log(result);
    return result;
  }

  private static void add(
      Map<ResourceKey, List<Definition>> toCheck,
      String deploymentId,
      String resource,
      String label,
      String tenantId,
      boolean running) {
    toCheck
        .computeIfAbsent(new ResourceKey(deploymentId, resource), k -> new ArrayList<>())
        .add(new Definition(label, tenantId, running));
  }

  private ModelPolicy.Inspection inspect(RepositoryService repository, ResourceKey key) {
    try (InputStream in = repository.getResourceAsStream(key.deploymentId(), key.resource())) {
      return policy.inspect(key.resource(), in.readAllBytes());
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "Model policy: cannot read {} of deployment {}: {}",
          key.resource(),
          key.deploymentId(),
          e.getMessage());
      return new ModelPolicy.Inspection(List.of(), Set.of());
    }
  }

  private static void report(
      List<Finding> findings,
      ResourceKey key,
      List<Definition> uses,
      List<PolicyViolation> violations) {
    for (PolicyViolation violation : violations) {
      for (Definition use : uses) {
        findings.add(
            new Finding(
                use.label(),
                use.tenantId(),
                key.deploymentId(),
                key.resource(),
                violation.elementId(),
                violation.rule(),
                violation.message(),
                use.running()));
      }
    }
  }

  /** The latest form per key for the shared installation and each coalition seen above. */
  private List<CamundaFormDefinitionEntity> latestForms(Set<String> keys, Set<String> tenants) {
    if (keys.isEmpty()) {
      return List.of();
    }
    return configuration
        .getCommandExecutorTxRequired()
        .execute(
            context -> {
              List<CamundaFormDefinitionEntity> forms = new ArrayList<>();
              Set<String> seen = new LinkedHashSet<>();
              for (String key : keys) {
                for (String tenant : tenants) {
                  CamundaFormDefinitionEntity form =
                      context
                          .getCamundaFormDefinitionManager()
                          .findLatestDefinitionByKeyAndTenantId(key, tenant);
                  if (form != null && seen.add(form.getId())) {
                    forms.add(form);
                  }
                }
              }
              return forms;
            });
  }

  /** The engine's settings the policy relies on. */
  List<String> engineProblems() {
    List<String> problems = new ArrayList<>();
    if (!(configuration.getExpressionManager() instanceof PolicyExpressionManager)) {
      problems.add("the expression manager is not the policy's (any bean and method resolves)");
    }
    if (!(configuration.getScriptEngineResolver() instanceof NoScriptEngineResolver)) {
      problems.add("script engines are available");
    }
    if (configuration.isDmnFeelEnableLegacyBehavior()) {
      problems.add("DMN uses the legacy JUEL defaults");
    }
    if (configuration.getDmnElProvider() != null) {
      problems.add("DMN has its own EL provider, not the policy's expression manager");
    }
    if (configuration.getDmnFeelCustomFunctionProviders() != null
        && !configuration.getDmnFeelCustomFunctionProviders().isEmpty()) {
      problems.add("FEEL has custom function providers");
    }
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn != null && !(dmn.getFeelEngineFactory() instanceof ScalaFeelEngineFactory)) {
      problems.add("FEEL is not Camunda's FEEL engine (external functions may be enabled)");
    }
    return List.copyOf(problems);
  }

  private static String label(ProcessDefinition definition) {
    return definition.getKey() + ":" + definition.getVersion();
  }

  private static String label(ProcessDefinitionStatistics statistics) {
    return statistics.getKey() + ":" + statistics.getVersion();
  }

  private static void log(Result result) {
    for (Finding finding : result.findings()) {
      LOG.error(
          "Model policy: deployed definition {} (coalition {}, deployment {}, {}) breaks"
              + " rule {} at {}{}; that part is refused when it runs",
          finding.definition(),
          finding.tenantId() == null ? "-" : finding.tenantId(),
          finding.deploymentId(),
          finding.resource(),
          finding.rule(),
          finding.elementId() == null ? "the whole file" : finding.elementId(),
          finding.runningCases() ? " (cases run on this version)" : "");
    }
    for (String problem : result.engineProblems()) {
      LOG.error("Model policy: engine setting not as the policy needs: {}", problem);
    }
    if (result.clean()) {
      LOG.info(
          "Model policy: {} deployed files checked, all keep the policy",
          result.resourcesChecked());
    }
  }
}
