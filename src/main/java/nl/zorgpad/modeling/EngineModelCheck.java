package nl.zorgpad.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * The engine's own parse of a BPMN or DMN model, without deploying it: what the engine would
 * refuse at deploy time (ENGINE-… problems, with the element ids it reports). Engine messages
 * are English; the workbench shows them behind a Dutch lead-in.
 */
@Component
class EngineModelCheck {

  private final ProcessEngineConfigurationImpl configuration;

  EngineModelCheck(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  List<ValidationIssue> check(String resource, byte[] content) {
    if (resource.endsWith(".bpmn")) {
      return parseBpmn(resource, content);
    }
    if (resource.endsWith(".dmn")) {
      return parseDmn(resource, content);
    }
    return List.of();
  }

  private List<ValidationIssue> parseBpmn(String resource, byte[] content) {
    List<ValidationIssue> issues = new ArrayList<>();
    try {
      configuration
          .getCommandExecutorTxRequired()
          .execute(
              commandContext -> {
                DeploymentEntity deployment = new DeploymentEntity();
                deployment.setName("zorgpad-validation");
                BpmnParse parse =
                    bpmnParser()
                        .createParse()
                        .deployment(deployment)
                        .sourceInputStream(new ByteArrayInputStream(content))
                        .name(resource);
                parse.execute();
                return null;
              });
    } catch (ParseException e) {
      for (ResourceReport report : e.getResorceReports()) {
        for (Problem problem : report.getErrors()) {
          issues.add(
              ValidationIssue.error(
                  resource,
                  problem.getMainElementId(),
                  "engine-parse",
                  nl.zorgpad.refusal.DutchText.of("modeling.engineRefused", problem.getMessage())));
        }
      }
      if (issues.isEmpty()) {
        issues.add(engineError(resource, e));
      }
    } catch (ProcessEngineException | ModelException e) {
      issues.add(engineError(resource, e));
    }
    return issues;
  }

  /** The deployer's parser: the same parse listeners as a real deployment. */
  private BpmnParser bpmnParser() {
    return configuration.getDeployers().stream()
        .filter(BpmnDeployer.class::isInstance)
        .map(BpmnDeployer.class::cast)
        .map(BpmnDeployer::getBpmnParser)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Engine has no BPMN deployer"));
  }

  private List<ValidationIssue> parseDmn(String resource, byte[] content) {
    try {
      configuration
          .getDmnEngine()
          .parseDecisionRequirementsGraph(new ByteArrayInputStream(content));
      return List.of();
    } catch (DmnEngineException | ModelException e) {
      return List.of(engineError(resource, e));
    }
  }

  private static ValidationIssue engineError(String resource, Exception e) {
    return ValidationIssue.error(
        resource,
        null,
        "engine-parse",
        nl.zorgpad.refusal.DutchText.of("modeling.engineRefused", e.getMessage()));
  }
}
