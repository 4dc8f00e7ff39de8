package nl.zorgpad.modeling;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.zorgpad.modelpolicy.ModelRefusedException;
import nl.zorgpad.modelpolicy.PolicyViolation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Validates and deploys what a coordinator changed in the workbench: only files whose content
 * differs from their latest version become a new version (running cases stay on theirs), under
 * the same resource names as the packaged pathways ({@code processes/…}, {@code forms/…}) and
 * the same deployment name, with the coordinator's engine authentication so that the engine
 * decides whether she may deploy.
 */
@Component
public class WorkbenchDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(WorkbenchDeployer.class);

  /** Only the file kinds and folders Zorgpad deploys; no other resources, no "..". */
  static final Pattern RESOURCE_NAME =
      Pattern.compile(
          "(processes/([A-Za-z0-9_-]+/)*[A-Za-z0-9_.-]+\\.(bpmn|dmn))"
              + "|(forms/([A-Za-z0-9_-]+/)*[A-Za-z0-9_.-]+\\.form)");

  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ResourceCatalog catalog;
  private final ModelValidator validator;
  private final EngineModelCheck engineCheck;
  private final CandidateGroupCatalog groups;
  private final ModelDiff diffs;

  WorkbenchDeployer(
      RepositoryService repositoryService,
      IdentityService identityService,
      ResourceCatalog catalog,
      ModelValidator validator,
      EngineModelCheck engineCheck,
      CandidateGroupCatalog groups,
      ModelDiff diffs) {
    this.diffs = diffs;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.catalog = catalog;
    this.validator = validator;
    this.engineCheck = engineCheck;
    this.groups = groups;
  }

  /**
   * @param deployed whether a new deployment was made
   * @param deploymentId the new deployment, or null
   * @param changed files deployed as a new version
   * @param unchanged files left alone because their latest version has the same content
   * @param issues validation findings (a deploy with errors does not happen)
   *     <p>Serializable: a rollback's result is a flash attribute, kept in the HTTP session, which
   *     lives in the database (decision 0009).
   */
  public record Result(
      boolean deployed,
      String deploymentId,
      List<String> changed,
      List<String> unchanged,
      List<ValidationIssue> issues)
      implements java.io.Serializable {

    public boolean hasErrors() {
      return issues.stream().anyMatch(ValidationIssue::isError);
    }
  }

  /**
   * Engine parse plus Zorgpad's rules for each file, seen together with the others. The rules
   * include the engine's model policy (decision 0006); a file it cannot read safely (a DOCTYPE,
   * not XML or JSON) is not given to the engine's parser.
   */
  public List<ValidationIssue> validate(Map<String, byte[]> resources, String tenantId) {
    List<ValidationIssue> issues = new ArrayList<>();
    ValidationContext context = null;
    for (Map.Entry<String, byte[]> resource : resources.entrySet()) {
      String name = resource.getKey();
      if (name == null || !RESOURCE_NAME.matcher(name).matches()) {
        issues.add(
            ValidationIssue.error(
                name,
                null,
                "resource-name",
                nl.zorgpad.refusal.DutchText.of("modeling.deploy.resourceName", name)));
        continue;
      }
      if (context == null) {
        context =
            catalog.context(
                tenantId,
                groups.candidateGroups().stream().map(CandidateGroupCatalog.Option::id).toList(),
                resources);
      }
      List<ValidationIssue> rules = validator.validate(name, resource.getValue(), context);
      if (rules.stream().noneMatch(ModelValidator::unreadable)) {
        issues.addAll(engineCheck.check(name, resource.getValue()));
      }
      issues.addAll(rules);
    }
    return issues;
  }

  public Result deploy(Map<String, byte[]> resources, String tenantId, EngineUser user) {
    checkCoalition(tenantId, user);
    List<ValidationIssue> issues = validate(resources, tenantId);
    if (issues.stream().anyMatch(ValidationIssue::isError)) {
      return new Result(false, null, List.of(), List.of(), issues);
    }
    Map<String, byte[]> changed = new LinkedHashMap<>();
    List<String> unchanged = new ArrayList<>();
    resources.forEach(
        (name, content) -> {
          // issue 15: the editor writes an untouched model differently (defaults left out,
          // prefixes, indentation): equal as a pathway and in its layout is unchanged
          if (latestContent(name, tenantId)
              .map(latest -> Arrays.equals(latest, content) || diffs.same(name, latest, content))
              .orElse(false)) {
            unchanged.add(name);
          } else {
            changed.put(name, content);
          }
        });
    if (changed.isEmpty()) {
      return new Result(false, null, List.of(), unchanged, issues);
    }
    Deployment deployment;
    try {
      deployment =
          user.run(
              identityService,
              () -> {
                DeploymentBuilder builder =
                    repositoryService
                        .createDeployment()
                        .name(ResourceCatalog.DEPLOYMENT_NAME)
                        .source(ResourceCatalog.SOURCE_WORKBENCH);
                if (tenantId != null) {
                  builder.tenantId(tenantId);
                }
                changed.forEach(
                    (name, content) ->
                        builder.addInputStream(name, new ByteArrayInputStream(content)));
                return builder.deploy();
              });
    } catch (ModelRefusedException refused) {
      // the engine's own check (the same policy as validate): shown on the elements as well
      List<ValidationIssue> refusedIssues = new ArrayList<>(issues);
      for (PolicyViolation violation : refused.violations()) {
        refusedIssues.add(
            ValidationIssue.error(
                violation.resource(),
                violation.elementId(),
                violation.rule(),
                violation.message()));
      }
      return new Result(false, null, List.of(), unchanged, refusedIssues);
    }
    LOG.info(
        "User {} deployed {} (tenant {}) as deployment {}",
        user.userId(),
        changed.keySet(),
        tenantId,
        deployment.getId());
    return new Result(true, deployment.getId(), List.copyOf(changed.keySet()), unchanged, issues);
  }

  /**
   * Decision 0005: a coalition's coordinator deploys for her own coalition only, the central
   * coordinator (no coalition) the shared pathways only. The engine checks tenant membership
   * too (a second line); this gives the Dutch reason before anything is parsed.
   */
  static void checkCoalition(String tenantId, EngineUser user) {
    if (user.manages(tenantId)) {
      return;
    }
    if (tenantId == null) {
      throw new CoalitionRefusedException(
          "User "
              + user.userId()
              + " of coalition(s) "
              + user.tenantIds()
              + " may not deploy shared definitions",
          nl.zorgpad.refusal.DutchText.of(
              "modeling.deploy.sharedRefused", String.join(", ", user.tenantIds())));
    }
    throw new CoalitionRefusedException(
        "User " + user.userId() + " may not deploy for tenant " + tenantId,
        nl.zorgpad.refusal.DutchText.of("modeling.deploy.coalitionRefused", tenantId));
  }

  /** Deploys the content of an earlier version again, as the newest version. */
  public Result rollback(String name, String tenantId, String deploymentId, EngineUser user) {
    ResourceCatalog.Entry entry =
        catalog.entry(name, tenantId).orElseThrow(() -> unknownVersion("Unknown resource " + name));
    entry
        .version(deploymentId)
        .orElseThrow(() -> unknownVersion("Unknown version " + deploymentId + " of " + name));
    return deploy(Map.of(name, catalog.content(deploymentId, name)), tenantId, user);
  }

  /** A rollback to a file or version that does not exist (issue 10: a Dutch 404, not a 500). */
  private static nl.zorgpad.refusal.RefusalException unknownVersion(String englishMessage) {
    return new nl.zorgpad.refusal.RefusalException(
        404,
        "unknown-version",
        englishMessage,
        nl.zorgpad.refusal.DutchText.of("modeling.rollback.unknownVersion"));
  }

  /** The latest content of this file for the tenant, or else the shared one. */
  Optional<byte[]> latestContent(String name, String tenantId) {
    Optional<ResourceCatalog.Entry> entry = catalog.entry(name, tenantId);
    if (entry.isEmpty() && tenantId != null) {
      entry = catalog.entry(name, null);
    }
    return entry.map(e -> catalog.content(e.latest().deploymentId(), name));
  }
}
