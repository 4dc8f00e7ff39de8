package nl.zorgpad.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.input.TextLimits;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The workbench editors' API: load a deployed file, validate, deploy; coordinators only. */
@RestController
@RequestMapping("/modeling/api")
@PreAuthorize("hasAuthority('GROUP_coordinator')")
class ModelingApiController {

  private final ResourceCatalog catalog;
  private final WorkbenchDeployer deployer;
  private final CandidateGroupCatalog groups;
  private final IdentityService identityService;
  private final ObjectMapper json;

  ModelingApiController(
      ResourceCatalog catalog,
      WorkbenchDeployer deployer,
      CandidateGroupCatalog groups,
      IdentityService identityService,
      ObjectMapper json) {
    this.json = json;
    this.catalog = catalog;
    this.deployer = deployer;
    this.groups = groups;
    this.identityService = identityService;
  }

  /** One submitted file; {@code content} is the XML or form JSON as text. */
  record SubmittedResource(
      @Size(max = TextLimits.RESOURCE_NAME) String name,
      @Size(max = TextLimits.MODEL) String content) {}

  record Submission(
      List<SubmittedResource> resources, @Size(max = TextLimits.CODE) String tenantId) {}

  @GetMapping(value = "/resource", produces = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<String> resource(
      @RequestParam @Size(max = TextLimits.RESOURCE_NAME) String name,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String tenant,
      @RequestParam(required = false) @Size(max = TextLimits.CODE) String deployment,
      Principal principal) {
    if (!EngineUser.of(principal.getName(), identityService).sees(blankToNull(tenant))) {
      return notFound(); // another coalition's file (decision 0005)
    }
    return catalog
        .entry(name, blankToNull(tenant))
        .map(
            entry ->
                deployment == null || deployment.isBlank()
                    ? entry.latest()
                    : entry.version(deployment).orElse(null))
        .map(
            version ->
                ResponseEntity.ok()
                    .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
                    .body(
                        new String(
                            catalog.content(version.deploymentId(), name), StandardCharsets.UTF_8)))
        .orElseGet(ModelingApiController::notFound);
  }

  /** The same Dutch text as every other door's 404, not an empty answer. */
  private static ResponseEntity<String> notFound() {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .body(nl.zorgpad.refusal.DutchText.of("refusal.notFound"));
  }

  /** What the Dutch panel offers: disciplines, forms, pathways, decisions, own coalitions. */
  @GetMapping("/catalog")
  Map<String, Object> catalog(Principal principal) {
    List<Map<String, String>> forms = new ArrayList<>();
    List<String> processes = new ArrayList<>();
    List<String> decisions = new ArrayList<>();
    EngineUser user = EngineUser.of(principal.getName(), identityService);
    for (ResourceCatalog.Entry entry : catalog.entries()) {
      if (!user.sees(entry.tenantId())) {
        continue;
      }
      switch (entry.kind()) {
        case FORM -> {
          byte[] content = catalog.content(entry.latest().deploymentId(), entry.name());
          catalog
              .formId(content)
              .ifPresent(
                  id ->
                      forms.add(
                          Map.of(
                              "id",
                              id,
                              "name",
                              entry.name(),
                              "title",
                              catalog.formTitle(content).orElse(id))));
        }
        case PROCESS -> entry.latest().definitions().forEach(d -> processes.add(d.key()));
        case DECISION -> entry.latest().definitions().forEach(d -> decisions.add(d.key()));
        default -> {}
      }
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("candidateGroups", groups.candidateGroups());
    result.put("forms", forms.stream().distinct().toList());
    result.put("processes", processes.stream().distinct().sorted().toList());
    result.put("decisions", decisions.stream().distinct().sorted().toList());
    result.put("tenants", user.tenantIds());
    return result;
  }

  /** Zorgpad's element templates ({@code processes/element-templates/*.json}), as one list. */
  @GetMapping("/element-templates")
  JsonNode elementTemplates() throws IOException {
    ArrayNode all = json.createArrayNode();
    Resource[] files =
        new PathMatchingResourcePatternResolver(getClass().getClassLoader())
            .getResources("classpath*:processes/element-templates/*.json");
    for (Resource file : files) {
      try (InputStream in = file.getInputStream()) {
        JsonNode node = json.readTree(in);
        if (node.isArray()) {
          all.addAll((ArrayNode) node);
        } else {
          all.add(node);
        }
      }
    }
    return all;
  }

  @PostMapping("/validate")
  Map<String, Object> validate(@RequestBody Submission submission) {
    return Map.of(
        "issues", deployer.validate(contents(submission), blankToNull(submission.tenantId())));
  }

  @PostMapping("/deploy")
  ResponseEntity<Object> deploy(@RequestBody Submission submission, Principal principal) {
    WorkbenchDeployer.Result result =
        deployer.deploy(
            contents(submission),
            blankToNull(submission.tenantId()),
            EngineUser.of(principal.getName(), identityService));
    if (!result.deployed() && !result.hasErrors() && result.changed().isEmpty()) {
      // issue 15: publishing what is already the newest version is refused, in Dutch
      String message = nl.zorgpad.refusal.DutchText.of("modeling.deploy.noChanges");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("status", HttpStatus.CONFLICT.value());
      body.put("error", "no-changes");
      body.put("message", message);
      body.put("userMessage", message);
      body.put("deployed", false);
      body.put("unchanged", result.unchanged());
      body.put("issues", result.issues());
      return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
    return ResponseEntity.status(
            result.hasErrors() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
        .body(result);
  }

  /** A coalition refusal (decision 0005): 403 with the Dutch reason for the editor's status. */
  @ExceptionHandler(CoalitionRefusedException.class)
  ResponseEntity<Map<String, String>> refused(CoalitionRefusedException refused) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN)
        .body(Map.of("error", "coalition", "message", refused.userMessage()));
  }

  private static Map<String, byte[]> contents(Submission submission) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    if (submission.resources() != null) {
      for (SubmittedResource resource : submission.resources()) {
        contents.put(
            resource.name(),
            resource.content() == null
                ? new byte[0]
                : resource.content().getBytes(StandardCharsets.UTF_8));
      }
    }
    return contents;
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
