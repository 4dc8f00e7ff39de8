package nl.zorgpad.modeling;

import static nl.zorgpad.modeling.ModelingApiController.blankToNull;

import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import nl.zorgpad.input.TextLimits;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The coordinator workbench pages: overview, editor, version history, migration. */
@Controller
@RequestMapping("/modeling")
@PreAuthorize("hasAuthority('GROUP_coordinator')")
class ModelingController {

  private final ResourceCatalog catalog;
  private final WorkbenchDeployer deployer;
  private final CaseMigration migration;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final ModelDiff diffs;

  ModelingController(
      ResourceCatalog catalog,
      WorkbenchDeployer deployer,
      CaseMigration migration,
      RepositoryService repositoryService,
      IdentityService identityService,
      ModelDiff diffs) {
    this.diffs = diffs;
    this.catalog = catalog;
    this.deployer = deployer;
    this.migration = migration;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
  }

  @GetMapping
  String index(Principal principal, Model model) {
    EngineUser user = EngineUser.of(principal.getName(), identityService);
    // decision 0005: shared files and those of her own coalition(s), never another coalition's
    List<ResourceCatalog.Entry> entries =
        catalog.entries().stream().filter(e -> user.sees(e.tenantId())).toList();
    model.addAttribute("coalitions", user.tenantIds());
    model.addAttribute("processes", ofKind(entries, ResourceCatalog.Kind.PROCESS));
    model.addAttribute("decisions", ofKind(entries, ResourceCatalog.Kind.DECISION));
    model.addAttribute("forms", ofKind(entries, ResourceCatalog.Kind.FORM));
    return "modeling/index";
  }

  @GetMapping("/edit")
  String edit(
      @RequestParam @Size(max = TextLimits.RESOURCE_NAME) String name,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String tenant,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String deployment,
      Principal principal,
      Model model) {
    EngineUser user = EngineUser.of(principal.getName(), identityService);
    ResourceCatalog.Entry entry = entry(name, tenant, user);
    // where "Publiceren" goes: her coalition(s); the shared pathways only for the central one
    model.addAttribute("coalitions", user.tenantIds());
    ResourceCatalog.Version version =
        deployment == null || deployment.isBlank()
            ? entry.latest()
            : entry.version(deployment).orElseThrow(this::notFound);
    model.addAttribute("entry", entry);
    model.addAttribute("version", version);
    model.addAttribute("kind", entry.kind().name().toLowerCase());
    return "modeling/editor";
  }

  @GetMapping("/history")
  String history(
      @RequestParam @Size(max = TextLimits.RESOURCE_NAME) String name,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String tenant,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String from,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String to,
      Principal principal,
      Model model) {
    ResourceCatalog.Entry entry =
        entry(name, tenant, EngineUser.of(principal.getName(), identityService));
    model.addAttribute("entry", entry);
    if (from != null && to != null) {
      ResourceCatalog.Version before = entry.version(from).orElseThrow(this::notFound);
      ResourceCatalog.Version after = entry.version(to).orElseThrow(this::notFound);
      model.addAttribute("diffFrom", before);
      model.addAttribute("diffTo", after);
      model.addAttribute(
          "diff", diffs.diff(name, catalog.content(from, name), catalog.content(to, name)));
    }
    return "modeling/history";
  }

  @PostMapping("/rollback")
  String rollback(
      @RequestParam @Size(max = TextLimits.RESOURCE_NAME) String name,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String tenant,
      @RequestParam @Size(max = TextLimits.CODE) String deployment,
      Principal principal,
      RedirectAttributes redirect) {
    WorkbenchDeployer.Result result =
        deployer.rollback(
            name,
            blankToNull(tenant),
            deployment,
            EngineUser.of(principal.getName(), identityService));
    redirect.addFlashAttribute("rollback", result);
    return "redirect:"
        + UriComponentsBuilder.fromPath("/modeling/history")
            .queryParam("name", name)
            .queryParamIfPresent("tenant", java.util.Optional.ofNullable(blankToNull(tenant)))
            .encode()
            .toUriString();
  }

  @GetMapping("/migration")
  String migrationPreview(
      @RequestParam @Size(max = TextLimits.CODE) String source,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String target,
      Principal principal,
      Model model) {
    EngineUser user = EngineUser.of(principal.getName(), identityService);
    ProcessDefinition sourceDefinition = definition(source, user);
    // decision 0005: a case of coalition X moves only to a version of X or a shared one, so the
    // targets are the source's own tenant and, from a shared version, her coalitions' variants
    List<ProcessDefinition> versions =
        repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey(sourceDefinition.getKey())
            .list()
            .stream()
            .filter(
                d ->
                    (Objects.equals(d.getTenantId(), sourceDefinition.getTenantId())
                            // issue 15: only a newer version of its own line ("versie 1 → versie 1"
                            // moved
                            // nothing); a coalition's variant of a shared pathway is a line of its
                            // own
                            && d.getVersion() > sourceDefinition.getVersion())
                        || (sourceDefinition.getTenantId() == null
                            && d.getTenantId() != null
                            && user.manages(d.getTenantId())))
            .sorted(
                Comparator.comparing(
                        (ProcessDefinition d) -> d.getTenantId() == null ? "" : d.getTenantId())
                    .thenComparing(
                        Comparator.comparingInt(ProcessDefinition::getVersion).reversed()))
            .toList();
    if (versions.isEmpty()) {
      if (target != null && !target.isBlank()) {
        // a target that is not offered (not newer, another coalition's) is not found, as below
        throw notFound();
      }
      model.addAttribute("source", sourceDefinition);
      model.addAttribute("noNewer", true);
      return "modeling/migration";
    }
    String targetId = target != null && !target.isBlank() ? target : versions.get(0).getId();
    if (versions.stream().noneMatch(d -> d.getId().equals(targetId))) {
      throw notFound();
    }
    model.addAttribute("versions", versions);
    model.addAttribute("preview", migration.preview(source, targetId, user));
    return "modeling/migration";
  }

  @PostMapping("/migration")
  String migrationStart(
      @RequestParam @Size(max = TextLimits.CODE) String source,
      @RequestParam @Size(max = TextLimits.CODE) String target,
      @RequestParam(name = "case", required = false)
          List<@Size(max = TextLimits.CODE) String> cases,
      Principal principal,
      RedirectAttributes redirect) {
    if (cases == null || cases.isEmpty()) {
      redirect.addFlashAttribute("noCases", true);
      return "redirect:/modeling/migration?source=" + source + "&target=" + target;
    }
    CaseMigration.Run run =
        migration.start(source, target, cases, EngineUser.of(principal.getName(), identityService));
    return "redirect:/modeling/migration/" + run.batchId();
  }

  @GetMapping("/migration/{batchId}")
  String migrationReport(@PathVariable String batchId, Model model, Principal principal) {
    EngineUser user = EngineUser.of(principal.getName(), identityService);
    model.addAttribute("report", migration.report(batchId, user).orElseThrow(this::notFound));
    return "modeling/migration-report";
  }

  /** Another coalition's file does not exist for her (404), as the engine's tenant check does. */
  private ResourceCatalog.Entry entry(String name, String tenant, EngineUser user) {
    String coalition = blankToNull(tenant);
    if (!user.sees(coalition)) {
      throw notFound();
    }
    return catalog.entry(name, coalition).orElseThrow(this::notFound);
  }

  private ProcessDefinition definition(String id, EngineUser user) {
    ProcessDefinition definition =
        repositoryService.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
    if (definition == null || !user.sees(definition.getTenantId())) {
      throw notFound();
    }
    return definition;
  }

  @ExceptionHandler(CoalitionRefusedException.class)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String refused(CoalitionRefusedException refused, Model model) {
    model.addAttribute("status", 403);
    model.addAttribute("detail", refused.userMessage());
    return "error";
  }

  private static List<ResourceCatalog.Entry> ofKind(
      List<ResourceCatalog.Entry> entries, ResourceCatalog.Kind kind) {
    return entries.stream().filter(e -> e.kind() == kind).toList();
  }

  private ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
