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
              "Het zorgpad kan niet worden gelezen (geen geldig BPMN): " + rootMessage(e)));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    for (Process process : model.getModelElementsByType(Process.class)) {
      if (process.isExecutable() && isBlank(process.getCamundaHistoryTimeToLiveString())) {
        issues.add(
            ValidationIssue.error(
                resource,
                process.getId(),
                "history-time-to-live",
                "Zorgpad "
                    + label(process)
                    + " heeft geen bewaartermijn (historyTimeToLive)."
                    + " Vul het aantal dagen in dat afgeronde casussen bewaard blijven."));
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
                "Beslistaak "
                    + label(task)
                    + " kiest de beslistabel met een expressie ("
                    + decisionRef
                    + "); Zorgpad kan niet controleren of die bestaat."));
      } else if (!context.decisionKeys().contains(decisionRef)) {
        issues.add(
            ValidationIssue.error(
                resource,
                task.getId(),
                "decision-exists",
                "Beslistaak "
                    + label(task)
                    + " gebruikt beslistabel '"
                    + decisionRef
                    + "', maar die bestaat niet. Publiceer de beslistabel eerst of tegelijk."));
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
              "Taak "
                  + label(task)
                  + " heeft geen discipline. Kies wie deze taak krijgt"
                  + " (kandidaatgroep)."));
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
                "De discipline van taak "
                    + label(task)
                    + " is een expressie ("
                    + group
                    + "); Zorgpad kan niet controleren of die bestaat."));
      } else if (!context.candidateGroups().contains(group)) {
        issues.add(
            ValidationIssue.error(
                resource,
                task.getId(),
                "discipline-known",
                "Taak "
                    + label(task)
                    + ": discipline '"
                    + group
                    + "' bestaat niet op de sociale kaart."));
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
                "Taak " + label(element) + " heeft geen formulier. Kies een formulier (formRef)."));
      }
      return;
    }
    if (isExpression(formRef)) {
      issues.add(
          ValidationIssue.warning(
              resource,
              element.getId(),
              "form-exists",
              "Het formulier van "
                  + label(element)
                  + " is een expressie ("
                  + formRef
                  + "); Zorgpad kan niet controleren of het bestaat."));
    } else if (!context.formIds().contains(formRef)) {
      issues.add(
          ValidationIssue.error(
              resource,
              element.getId(),
              "form-exists",
              "Formulier '"
                  + formRef
                  + "' van "
                  + label(element)
                  + " bestaat niet."
                  + " Publiceer het formulier eerst of tegelijk."));
    }
    if ("deployment".equals(element.getAttributeValueNs(CAMUNDA_NS, "formRefBinding"))) {
      issues.add(
          ValidationIssue.error(
              resource,
              element.getId(),
              "form-binding",
              label(element)
                  + " zoekt het formulier in dezelfde publicatie (binding 'deployment')."
                  + " De werkbank publiceert alleen gewijzigde bestanden: kies binding 'latest'"
                  + " of 'version'."));
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
              "Deelproces "
                  + label(call)
                  + " roept een CMMN-case aan; Zorgpad gebruikt alleen"
                  + " zorgpaden (BPMN)."));
      return;
    }
    String key = call.getCalledElement();
    if (isBlank(key)) {
      issues.add(
          ValidationIssue.error(
              resource,
              call.getId(),
              "called-process-exists",
              "Deelproces "
                  + label(call)
                  + " roept geen zorgpad aan. Kies het zorgpad dat hier"
                  + " wordt uitgevoerd."));
    } else if (isExpression(key)) {
      issues.add(
          ValidationIssue.warning(
              resource,
              call.getId(),
              "called-process-exists",
              "Deelproces "
                  + label(call)
                  + " kiest het zorgpad met een expressie ("
                  + key
                  + "); Zorgpad kan niet controleren of het bestaat."));
    } else if (!context.processKeys().contains(key)) {
      issues.add(
          ValidationIssue.error(
              resource,
              call.getId(),
              "called-process-exists",
              "Deelproces "
                  + label(call)
                  + " roept zorgpad '"
                  + key
                  + "' aan, maar dat bestaat"
                  + " niet. Publiceer dat zorgpad eerst of tegelijk."));
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
              "De beslistabel kan niet worden gelezen (geen geldig DMN): " + rootMessage(e)));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      if (isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        issues.add(
            ValidationIssue.error(
                resource,
                decision.getId(),
                "history-time-to-live",
                "Beslissing "
                    + (isBlank(decision.getName())
                        ? "'" + decision.getId() + "'"
                        : "'" + decision.getName() + "'")
                    + " heeft geen bewaartermijn"
                    + " (historyTimeToLive)."));
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
              resource,
              null,
              "form-parse",
              "Het formulier kan niet worden gelezen (geen geldige JSON)."));
    }
    List<ValidationIssue> issues = new ArrayList<>();
    if (form == null || !form.isObject() || isBlank(form.path("id").asText(null))) {
      issues.add(
          ValidationIssue.error(
              resource,
              null,
              "form-id",
              "Het formulier heeft geen id; taken verwijzen met dat id naar het formulier."));
      return issues;
    }
    JsonNode version = form.get("schemaVersion");
    if (version != null && version.asInt() > MAX_FORM_SCHEMA_VERSION) {
      issues.add(
          ValidationIssue.error(
              resource,
              form.path("id").asText(),
              "form-schema-version",
              "Het formulier heeft schemaVersion "
                  + version.asInt()
                  + "; de takenlijst (form-js"
                  + " 1.8.7) toont formulieren tot en met schemaVersion "
                  + MAX_FORM_SCHEMA_VERSION
                  + ". Maak het in de werkbank of in Camunda Modeler"
                  + " voor Camunda 7.24."));
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
