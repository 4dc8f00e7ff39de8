package nl.zorgpad.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.stereotype.Component;

/**
 * What is deployed, seen as files: every pathway ({@code processes/….bpmn}), decision
 * ({@code processes/….dmn}) and form ({@code forms/….form}) with all its versions, who deployed
 * each and how many cases run on it. Read as the system (not as the coordinator): the numbers are
 * counts, not case data.
 */
@Component
public class ResourceCatalog {

  /** Deployment name shared with {@code nl.zorgpad.pathway.PathwayDeployer}. */
  public static final String DEPLOYMENT_NAME = "zorgpad";

  /** Source of the packaged resources (PathwayDeployer) – shown as "meegeleverd". */
  public static final String SOURCE_PACKAGED = "zorgpad";

  /** Source of the workbench's deployments. */
  public static final String SOURCE_WORKBENCH = "zorgpad-workbench";

  private final RepositoryService repositoryService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final ObjectMapper json;

  ResourceCatalog(
      RepositoryService repositoryService,
      ManagementService managementService,
      HistoryService historyService,
      ObjectMapper json) {
    this.json = json;
    this.repositoryService = repositoryService;
    this.managementService = managementService;
    this.historyService = historyService;
  }

  public enum Kind {
    PROCESS,
    DECISION,
    FORM;

    static Optional<Kind> of(String resourceName) {
      if (resourceName.endsWith(".bpmn")) {
        return Optional.of(PROCESS);
      }
      if (resourceName.endsWith(".dmn")) {
        return Optional.of(DECISION);
      }
      if (resourceName.endsWith(".form")) {
        return Optional.of(FORM);
      }
      return Optional.empty();
    }
  }

  /** A process or decision definition that one version of a file produced. */
  public record Definition(String id, String key, String name, int version, long runningCases) {}

  /** One deployed version of a file. {@code number} counts the versions of this file from 1. */
  public record Version(
      int number,
      String deploymentId,
      Instant deployedAt,
      String deployedBy,
      String source,
      String tenantId,
      List<Definition> definitions) {

    public boolean fromWorkbench() {
      return SOURCE_WORKBENCH.equals(source);
    }

    public long runningCases() {
      return definitions.stream().mapToLong(Definition::runningCases).sum();
    }
  }

  /** A file (per tenant) with its versions, newest first. */
  public record Entry(String name, String tenantId, Kind kind, List<Version> versions) {

    public Version latest() {
      return versions.get(0);
    }

    public String title() {
      return latest().definitions().stream()
          .map(Definition::name)
          .filter(Objects::nonNull)
          .findFirst()
          .orElse(name.substring(name.lastIndexOf('/') + 1));
    }

    public Optional<Version> version(String deploymentId) {
      return versions.stream().filter(v -> v.deploymentId().equals(deploymentId)).findFirst();
    }
  }

  /** All files, pathways first, then decisions and forms, by name. */
  public List<Entry> entries() {
    List<Deployment> deployments =
        repositoryService
            .createDeploymentQuery()
            .orderByDeploymentTime()
            .asc()
            .orderByDeploymentId()
            .asc()
            .list();
    Map<String, String> deployedBy = deployedBy();
    Map<String, Long> running = new HashMap<>();
    for (ProcessDefinitionStatistics statistics :
        managementService.createProcessDefinitionStatisticsQuery().list()) {
      running.put(statistics.getId(), (long) statistics.getInstances());
    }
    Map<String, List<Definition>> processesByResource = new HashMap<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().list()) {
      processesByResource
          .computeIfAbsent(
              definition.getDeploymentId() + "|" + definition.getResourceName(),
              k -> new ArrayList<>())
          .add(
              new Definition(
                  definition.getId(),
                  definition.getKey(),
                  definition.getName(),
                  definition.getVersion(),
                  running.getOrDefault(definition.getId(), 0L)));
    }
    for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().list()) {
      processesByResource
          .computeIfAbsent(
              definition.getDeploymentId() + "|" + definition.getResourceName(),
              k -> new ArrayList<>())
          .add(
              new Definition(
                  definition.getId(),
                  definition.getKey(),
                  definition.getName(),
                  definition.getVersion(),
                  0));
    }

    Map<String, List<Version>> versions = new LinkedHashMap<>();
    Map<String, String[]> keys = new HashMap<>();
    for (Deployment deployment : deployments) {
      for (String name : repositoryService.getDeploymentResourceNames(deployment.getId())) {
        if (Kind.of(name).isEmpty()) {
          continue;
        }
        String key = name + "|" + Objects.toString(deployment.getTenantId(), "");
        keys.putIfAbsent(key, new String[] {name, deployment.getTenantId()});
        List<Version> list = versions.computeIfAbsent(key, k -> new ArrayList<>());
        List<Definition> definitions =
            processesByResource.getOrDefault(deployment.getId() + "|" + name, List.of());
        list.add(
            new Version(
                list.size() + 1,
                deployment.getId(),
                deployment.getDeploymentTime().toInstant(),
                deployedBy.get(deployment.getId()),
                deployment.getSource(),
                deployment.getTenantId(),
                List.copyOf(definitions)));
      }
    }
    List<Entry> entries = new ArrayList<>();
    versions.forEach(
        (key, list) -> {
          List<Version> newestFirst = new ArrayList<>(list);
          java.util.Collections.reverse(newestFirst);
          String[] nameAndTenant = keys.get(key);
          entries.add(
              new Entry(
                  nameAndTenant[0],
                  nameAndTenant[1],
                  Kind.of(nameAndTenant[0]).orElseThrow(),
                  List.copyOf(newestFirst)));
        });
    entries.sort(
        Comparator.comparing(Entry::kind)
            .thenComparing(Entry::name)
            .thenComparing(e -> Objects.toString(e.tenantId(), "")));
    return entries;
  }

  public Optional<Entry> entry(String name, String tenantId) {
    return entries().stream()
        .filter(e -> e.name().equals(name) && Objects.equals(e.tenantId(), tenantId))
        .findFirst();
  }

  public byte[] content(String deploymentId, String name) {
    try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What a model deployed for {@code tenantId} may refer to: shared and the tenant's own
   * definitions and forms, plus those deployed together with it.
   */
  public ValidationContext context(
      String tenantId, Collection<String> candidateGroups, Map<String, byte[]> together) {
    Set<String> forms = new HashSet<>();
    Set<String> processes = new HashSet<>();
    Set<String> decisions = new HashSet<>();
    for (Entry entry : entries()) {
      if (entry.tenantId() != null && !entry.tenantId().equals(tenantId)) {
        continue;
      }
      if (entry.kind() == Kind.FORM) {
        formId(content(entry.latest().deploymentId(), entry.name())).ifPresent(forms::add);
      }
    }
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().list()) {
      if (definition.getTenantId() == null || definition.getTenantId().equals(tenantId)) {
        processes.add(definition.getKey());
      }
    }
    for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().list()) {
      if (definition.getTenantId() == null || definition.getTenantId().equals(tenantId)) {
        decisions.add(definition.getKey());
      }
    }
    together.forEach(
        (name, content) -> {
          switch (Kind.of(name).orElse(Kind.FORM)) {
            case FORM -> formId(content).ifPresent(forms::add);
            case PROCESS -> processes.addAll(processKeys(content));
            case DECISION -> decisions.addAll(decisionKeys(content));
            default -> {}
          }
        });
    return new ValidationContext(Set.copyOf(candidateGroups), forms, processes, decisions);
  }

  Optional<String> formId(byte[] content) {
    try {
      JsonNode id = json.readTree(content).get("id");
      return id == null || id.asText().isBlank() ? Optional.empty() : Optional.of(id.asText());
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The title a coordinator knows a form by (issue 15: the workbench's form drop-down showed
   * ids): the first heading of its first text ("### Casus aannemen als regiehouder"), else its
   * id.
   */
  Optional<String> formTitle(byte[] content) {
    try {
      for (JsonNode component : json.readTree(content).path("components")) {
        if ("text".equals(component.path("type").asText())) {
          for (String line : component.path("text").asText("").split("\\R")) {
            String heading = line.strip();
            if (heading.startsWith("#")) {
              heading = heading.replaceFirst("^#+\\s*", "").replace("*", "").strip();
              if (!heading.isEmpty() && !heading.contains("{{")) {
                return Optional.of(heading);
              }
            }
          }
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // no title: the id is shown
    }
    return formId(content);
  }

  static List<String> processKeys(byte[] content) {
    try {
      return Bpmn.readModelFromStream(new ByteArrayInputStream(content))
          .getModelElementsByType(Process.class)
          .stream()
          .map(Process::getId)
          .toList();
    } catch (ModelException e) {
      return List.of();
    }
  }

  static List<String> decisionKeys(byte[] content) {
    try {
      return Dmn.readModelFromStream(new ByteArrayInputStream(content))
          .getModelElementsByType(Decision.class)
          .stream()
          .map(Decision::getId)
          .toList();
    } catch (ModelException e) {
      return List.of();
    }
  }

  /** Who created each deployment, from the engine's user operation log (history level full). */
  private Map<String, String> deployedBy() {
    Map<String, String> result = new HashMap<>();
    for (UserOperationLogEntry entry :
        historyService
            .createUserOperationLogQuery()
            .entityType(org.camunda.bpm.engine.EntityTypes.DEPLOYMENT)
            .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
            .list()) {
      if (entry.getDeploymentId() != null && entry.getUserId() != null) {
        result.putIfAbsent(entry.getDeploymentId(), entry.getUserId());
      }
    }
    return result;
  }
}
