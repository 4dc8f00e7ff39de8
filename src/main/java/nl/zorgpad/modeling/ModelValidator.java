package nl.zorgpad.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgpad.modelpolicy.ModelPolicy;
import nl.zorgpad.modelpolicy.PolicyViolation;
import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;

/**
 * Zorgpad's rules for pathways, decisions and forms, checked before a coordinator deploys
 * (the BPMN is the covenant's flowchart). Each finding names the element it is about so
 * the workbench can show it on the diagram. Pure: what the model may refer to comes in through
 * {@link ValidationContext}; the engine's own parse is {@link EngineModelCheck}.
 *
 * <p>What a model may not do at all (scripts, Java classes, expressions outside the grammar,
 * DOCTYPE, unsafe forms) is the engine's {@link ModelPolicy} (decision 0006): its findings come
 * first, from the same implementation the engine applies to every deployment.
 */
public class ModelValidator {

  /** The newest form schema the Tasklist of Camunda 7.24 (form-js 1.8.7) renders. */
  public static final int MAX_FORM_SCHEMA_VERSION = 16;

  private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  /** {@code ${recipientDiscipline}}: a discipline chosen at run time from a process variable. */
  private static final Pattern VARIABLE_REFERENCE =
      Pattern.compile("^[$#]\\{\\s*[A-Za-z_][A-Za-z0-9_]*\\s*}$");

  private final ModelPolicy policy;
  private final ObjectMapper json;

  /** Zorgpad's pathway rules only, without the model policy (tools, tests of the rules). */
  public ModelValidator(ObjectMapper json) {
    this(null, json);
  }

  public ModelValidator(ModelPolicy policy, ObjectMapper json) {
    this.policy = policy;
    this.json = json;
  }

  /** Rules whose finding means nothing else in the file may be parsed. */
  static boolean unreadable(ValidationIssue issue) {
    return issue.rule().equals(ModelPolicy.RULE_DOCTYPE)
        || issue.rule().equals(ModelPolicy.RULE_UNREADABLE)
        || issue.rule().equals(ModelPolicy.RULE_RESOURCE_TYPE);
  }

  public List<ValidationIssue> validate(
      String resource, byte[] content, ValidationContext context) {
    List<ValidationIssue> issues = new ArrayList<>();
    if (policy != null) {
      List<PolicyViolation> violations = policy.check(resource, content);
      for (PolicyViolation violation : violations) {
        issues.add(
            ValidationIssue.error(
                resource, violation.elementId(), violation.rule(), violation.message()));
      }
      if (violations.stream().anyMatch(PolicyViolation::unreadable)) {
        return issues; // no other parser may see this file
      }
    }
    ModelPolicy.Kind kind = ModelPolicy.kind(resource);
    List<ValidationIssue> own =
        kind == ModelPolicy.Kind.BPMN
            ? validateBpmn(resource, content, context)
            : kind == ModelPolicy.Kind.DMN
                ? validateDmn(resource, content)
                : kind == ModelPolicy.Kind.FORM ? validateForm(resource, content) : List.of();
    // a warning ("an expression, cannot be checked") on an element the policy refuses says
    // nothing more and would repeat the refused expression
    Set<String> refused = new HashSet<>();
    issues.forEach(issue -> refused.add(issue.elementId()));
    own.stream()
        .filter(issue -> issue.isError() || !refused.contains(issue.elementId()))
        .forEach(issues::add);
    return issues;
  }

  // --- BPMN -------------------------------------------------------------------------------

  List<ValidationIssue> validateBpmn(String resource, byte[] content, ValidationContext context) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException e) {
      return List.of(
          ValidationIssue.error(
              resource,
              null,
              "bpmn-parse",
              DutchText.of("modelvalidator.bpmn-parse", rootMessage(e))));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
        issues.add(
            ValidationIssue.error(
                resource,
                process.getId(),
                "history-time-to-live",
                DutchText.of("modelvalidator.history-time-to-live.process", label(process))));
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkCandidateGroups(resource, task, context, issues);
      checkForm(resource, task, task.getCamundaFormKey(), context, true, issues);
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      checkForm(resource, start, start.getCamundaFormKey(), context, false, issues);
    }
    for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
      checkCallActivity(resource, call, context, issues);
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      String decisionRef = task.getCamundaDecisionRef();
      if (decisionRef == null) {
        continue; // implemented by a delegate; the engine parse checks that
      }
      if (isExpression(decisionRef)) {
        issues.add(
            ValidationIssue.warning(
                resource,
                task.getId(),
                "decision-exists",
                DutchText.of(
                    "modelvalidator.decision-exists.expression", label(task), decisionRef)));
      } else if (!context.decisionKeys().contains(decisionRef)) {
        issues.add(
            ValidationIssue.error(
                resource,
                task.getId(),
                "decision-exists",
                DutchText.of("modelvalidator.decision-exists.missing", label(task), decisionRef)));
      }
    }
    return issues;
  }

  private void checkCandidateGroups(
      String resource, UserTask task, ValidationContext context, List<ValidationIssue> issues) {
    List<String> groups = split(task.getCamundaCandidateGroups());
    if (groups.isEmpty()) {
      issues.add(
          ValidationIssue.error(
              resource,
              task.getId(),
              "discipline-required",
              DutchText.of("modelvalidator.discipline-required", label(task))));
      return;
    }
    for (String group : groups) {
      if (VARIABLE_REFERENCE.matcher(group).matches()) {
        continue; // the discipline is decided while the case runs (e.g. the signalling one)
      }
      if (isExpression(group)) {
        issues.add(
            ValidationIssue.warning(
                resource,
                task.getId(),
                "discipline-known",
                DutchText.of("modelvalidator.discipline-known.expression", label(task), group)));
      } else if (!context.candidateGroups().contains(group)) {
        issues.add(
            ValidationIssue.error(
                resource,
                task.getId(),
                "discipline-known",
                DutchText.of("modelvalidator.discipline-known.missing", label(task), group)));
      }
    }
  }

  private void checkForm(
      String resource,
      BaseElement element,
      String formKey,
      ValidationContext context,
      boolean required,
      List<ValidationIssue> issues) {
    String formRef = element.getAttributeValueNs(CAMUNDA_NS, "formRef");
    if (isBlank(formRef)) {
      // a formKey (embedded or external form) is refused by the model policy ("form-key")
      if (isBlank(formKey) && required) {
        issues.add(
            ValidationIssue.error(
                resource,
                element.getId(),
                "form-required",
                DutchText.of("modelvalidator.form-required", label(element))));
      }
      return;
    }
    if (isExpression(formRef)) {
      issues.add(
          ValidationIssue.warning(
              resource,
              element.getId(),
              "form-exists",
              DutchText.of("modelvalidator.form-exists.expression", label(element), formRef)));
    } else if (!context.formIds().contains(formRef)) {
      issues.add(
          ValidationIssue.error(
              resource,
              element.getId(),
              "form-exists",
              DutchText.of("modelvalidator.form-exists.missing", formRef, label(element))));
    }
    if ("deployment".equals(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
      issues.add(
          ValidationIssue.error(
              resource,
              element.getId(),
              "form-binding",
              DutchText.of("modelvalidator.form-binding", label(element))));
    }
  }

  private void checkCallActivity(
      String resource, CallActivity call, ValidationContext context, List<ValidationIssue> issues) {
    if (call.getAttributeValueNs(CAMUNDA_NS, "caseRef") != null) {
      issues.add(
          ValidationIssue.error(
              resource,
              call.getId(),
              "called-process-exists",
              DutchText.of("modelvalidator.called-process-exists.cmmn", label(call))));
      return;
    }
    String key = call.getCalledElement();
    if (isBlank(key)) {
      issues.add(
          ValidationIssue.error(
              resource,
              call.getId(),
              "called-process-exists",
              DutchText.of("modelvalidator.called-process-exists.none", label(call))));
    } else if (isExpression(key)) {
      issues.add(
          ValidationIssue.warning(
              resource,
              call.getId(),
              "called-process-exists",
              DutchText.of("modelvalidator.called-process-exists.expression", label(call), key)));
    } else if (!context.processKeys().contains(key)) {
      issues.add(
          ValidationIssue.error(
              resource,
              call.getId(),
              "called-process-exists",
              DutchText.of("modelvalidator.called-process-exists.missing", label(call), key)));
    }
  }

  // --- DMN --------------------------------------------------------------------------------

  List<ValidationIssue> validateDmn(String resource, byte[] content) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (ModelException e) {
      return List.of(
          ValidationIssue.error(
              resource,
              null,
              "dmn-parse",
              DutchText.of("modelvalidator.dmn-parse", rootMessage(e))));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        issues.add(
            ValidationIssue.error(
                resource,
                decision.getId(),
                "history-time-to-live",
                DutchText.of(
                    "modelvalidator.history-time-to-live.decision",
                    isBlank(decision.getName()) ? decision.getId() : decision.getName())));
      }
    }
    return issues;
  }

  // --- forms ------------------------------------------------------------------------------

  List<ValidationIssue> validateForm(String resource, byte[] content) {
    JsonNode form;
    try {
      form = json.readTree(content);
    } catch (IOException e) {
      return List.of(
          ValidationIssue.error(
              resource, null, "form-parse", DutchText.of("modelvalidator.form-parse")));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    if (form == null || !form.isObject() || isBlank(form.path("id").asText(null))) {
      issues.add(
          ValidationIssue.error(resource, null, "form-id", DutchText.of("modelvalidator.form-id")));
      return issues;
    }
    JsonNode version = form.get("schemaVersion");
    if (version != null && version.asInt() > MAX_FORM_SCHEMA_VERSION) {
      issues.add(
          ValidationIssue.error(
              resource,
              form.path("id").asText(),
              "form-schema-version",
              DutchText.of(
                  "modelvalidator.form-schema-version",
                  String.valueOf(version.asInt()),
                  String.valueOf(MAX_FORM_SCHEMA_VERSION))));
    }
    // the component types (what form-js 1.8.7 can show and may show) are the model policy's
    return issues;
  }

  // --- helpers ----------------------------------------------------------------------------

  static String label(BaseElement element) {
    String name =
        element instanceof FlowElement flow
            ? flow.getName()
            : element instanceof Process process ? process.getName() : null;
    return "'" + (isBlank(name) ? element.getId() : name.strip().replaceAll("\\s+", " ")) + "'";
  }

  private static List<String> split(String list) {
    if (isBlank(list)) {
      return List.of();
    }
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  private static boolean isExpression(String value) {
    return value.contains("${") || value.contains("#{");
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? e.getMessage() : root.getMessage();
  }
}
