package nl.zorgpad.modelpolicy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code modelPolicy} in {@code /actuator/health} (decision 0006): UP when every deployed
 * definition that can run keeps the model policy and the engine runs with the policy's settings;
 * {@code POLICY_BREACH} otherwise, with each definition, file, element and rule in the details.
 * As for {@code auditChain}, details are shown only to auditors and administrators
 * ({@code management.endpoint.health.roles}).
 *
 * <p>The health check itself reads nothing: it answers <b>the last scan</b> (with its
 * {@code checkedAt}), made once at start-up and again every
 * {@code zorgpad.model-policy.rescan-interval} (default 15 minutes) in the background. A scan
 * reads every file that can run and counts the running cases per pathway version, which grows
 * with the installation; in a request it made the auditor's health check 40-70 ms slower (issue
 * 13). Deployments through Zorgpad are checked when they are made, so what a scan can find was
 * written around the application; the interval bounds how long that stays unreported.
 *
 * <p>{@code POLICY_BREACH} is a status of its own, which the health aggregation ignores (as
 * {@code auditChain}'s {@code BROKEN}): the node's overall status stays UP, so a load balancer
 * keeps it in rotation. One definition from before the policy (or written with SQL) must not take
 * every case of the coalition off line: its forbidden parts are refused at run time anyway, and
 * the operator reads the finding here and in the ERROR log (docs/model-policy.md).
 */
@Component("modelPolicyHealthIndicator")
class ModelPolicyHealthIndicator implements HealthIndicator {

  private static final Logger LOG = LoggerFactory.getLogger(ModelPolicyHealthIndicator.class);

  static final Status BREACH =
      new Status("POLICY_BREACH", "a deployed definition breaks the model policy");

  private final DeployedModelReport report;
  private volatile Health last = Health.unknown().build();

  ModelPolicyHealthIndicator(
      ProcessEngineConfigurationImpl configuration, ModelPolicy policy, java.time.Clock clock) {
    this.report = new DeployedModelReport(configuration, policy, clock);
  }

  /** The start-up report: after the packaged pathways are deployed. */
  @EventListener(ApplicationReadyEvent.class)
  void reportAtStartUp() {
    rescan();
  }

  /** The background re-scan (a failed scan keeps the last result and logs why). */
  @Scheduled(
      initialDelayString = "${zorgpad.model-policy.rescan-interval:PT15M}",
      fixedDelayString = "${zorgpad.model-policy.rescan-interval:PT15M}")
  void scheduledRescan() {
    try {
      rescan();
    } catch (RuntimeException e) {
      LOG.warn("model policy re-scan failed: {}", e.toString());
    }
  }

  void rescan() {
    last = health(report.scan());
  }

  @Override
  public Health health() {
    return last;
  }

  static Health health(DeployedModelReport.Result result) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("checkedAt", result.checkedAt().toString());
    details.put("filesChecked", result.resourcesChecked());
    List<Map<String, Object>> findings =
        result.findings().stream()
            .map(
                finding -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("definition", finding.definition());
                  item.put("coalition", finding.tenantId() == null ? "" : finding.tenantId());
                  item.put("deploymentId", finding.deploymentId());
                  item.put("resource", finding.resource());
                  item.put("element", finding.elementId() == null ? "" : finding.elementId());
                  item.put("rule", finding.rule());
                  item.put("message", finding.message());
                  item.put("runningCases", finding.runningCases());
                  return item;
                })
            .toList();
    details.put("findings", findings);
    details.put(
        "engineSettings",
        result.engineProblems().isEmpty() ? "as the policy needs" : result.engineProblems());
    return Health.status(result.clean() ? Status.UP : BREACH).withDetails(details).build();
  }
}
