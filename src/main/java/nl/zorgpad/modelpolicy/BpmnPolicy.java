package nl.zorgpad.modelpolicy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The policy for one BPMN file, on its XML (every attribute and text the engine may evaluate,
 * whichever element carries it): no script anywhere, Java classes and delegate beans only from
 * the allow-list, every expression within {@link ExpressionPolicy}'s grammar, no connectors, no
 * embedded or external forms.
 */
final class BpmnPolicy {

  private static final Set<String> DELEGATE_ATTRIBUTES =
      Set.of("delegateExpression", "variableMappingDelegateExpression");
  private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "variableMappingClass");
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "text");
  private static final Set<String> DIAGRAM_NS =
      Set.of(
          "http://www.omg.org/spec/BPMN/20100524/DI",
          "http://www.omg.org/spec/DD/20100524/DC",
          "http://www.omg.org/spec/DD/20100524/DI");

  private final String resource;
  private final PathwayBeans beans;
  private final ExpressionPolicy expressions;
  private final List<PolicyViolation> violations = new ArrayList<>();
  private final Set<String> formRefs = new LinkedHashSet<>();

  BpmnPolicy(String resource, PathwayBeans beans, ExpressionPolicy expressions) {
    this.resource = resource;
    this.beans = beans;
    this.expressions = expressions;
  }

  List<PolicyViolation> violations() {
    return violations;
  }

  /** The literal {@code camunda:formRef}s (for the start-up report's form check). */
  Set<String> formRefs() {
    return formRefs;
  }

  BpmnPolicy check(Document document) {
    walk(document.getDocumentElement());
    return this;
  }

  private void walk(Element element) {
    String ns = element.getNamespaceURI();
    String local = element.getLocalName();
    if (DIAGRAM_NS.contains(ns)
        || (ModelElements.BPMN_NS.equals(ns) && NOT_EVALUATED.contains(local))) {
      return; // layout, documentation and annotation texts are never evaluated
    }
    boolean camundaElement = ModelElements.isCamunda(ns);
    if (ModelElements.BPMN_NS.equals(ns) && "scriptTask".equals(local)) {
      add(element, "no-script-task", "script task", "bpmn.scriptTask");
    }
    if (camundaElement && "script".equals(local)) {
      add(element, "no-script", "camunda:script", "bpmn.script");
    }
    if (camundaElement && "connector".equals(local)) {
      add(element, "no-connector", "camunda:connector", "bpmn.connector");
    }
    if (camundaElement && ("formData".equals(local) || "formProperty".equals(local))) {
      add(element, "no-form-data", "camunda:" + local, "bpmn.formData");
    }
    attributes(element, camundaElement);
    text(element);
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        walk(child);
      }
    }
  }

  private void attributes(Element element, boolean camundaElement) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String ns = attribute.getNamespaceURI();
      String local =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      String value = attribute.getValue();
      boolean camunda = ModelElements.isCamunda(ns) || (ns == null && camundaElement);
      if (ns == null && "language".equals(local) && !value.isBlank()) {
        add(
            element,
            "no-script",
            "script condition in " + value,
            "bpmn.scriptCondition",
            value.strip());
        continue;
      }
      if (ModelElements.isCamunda(ns) && "resource".equals(local)) {
        add(element, "no-script", "camunda:resource", "bpmn.resource");
        continue;
      }
      if (ModelElements.isCamunda(ns) && "formKey".equals(local) && !value.isBlank()) {
        add(element, "form-key", "camunda:formKey", "bpmn.formKey");
        continue;
      }
      if (ModelElements.isCamunda(ns)
          && "formRef".equals(local)
          && !ExpressionPolicy.isExpression(value)
          && !value.isBlank()) {
        formRefs.add(value.strip());
      }
      if (ModelElements.isCamunda(ns) && "formHandlerClass".equals(local)) {
        add(element, "class-not-allowed", "camunda:formHandlerClass " + value, "bpmn.class");
        continue;
      }
      if (camunda && CLASS_ATTRIBUTES.contains(local)) {
        if (!beans.isAllowedClass(value)) {
          add(element, "class-not-allowed", "class " + value, "bpmn.class");
        }
        continue;
      }
      if (camunda && DELEGATE_ATTRIBUTES.contains(local)) {
        expressions.checkDelegate(value).ifPresent(v -> addExpression(element, local, v));
        continue;
      }
      if (ExpressionPolicy.isExpression(value)) {
        expressions.check(value).ifPresent(v -> addExpression(element, local, v));
      }
    }
  }

  /** The element's own text (conditions, timers, mappings, field injections …). */
  private void text(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    String value = text.toString().strip();
    if (ExpressionPolicy.isExpression(value)) {
      if ("script".equals(element.getLocalName())) {
        return; // reported as a script already
      }
      expressions.check(value).ifPresent(v -> addExpression(element, element.getLocalName(), v));
    }
  }

  private void addExpression(Element element, String where, ExpressionPolicy.Verdict verdict) {
    Element owner = ModelElements.bpmnOwner(element);
    String place = where(where);
    violations.add(
        new PolicyViolation(
            resource,
            ModelElements.id(owner),
            verdict.rule(),
            PolicyMessages.text(
                "bpmn.expression", ModelElements.describe(owner), place, verdict.reason()),
            resource + "#" + ModelElements.id(owner) + " " + where + ": " + verdict.detail()));
  }

  private void add(Element element, String rule, String detail, String key, Object... args) {
    Element owner = ModelElements.bpmnOwner(element);
    Object[] all = new Object[args.length + 1];
    all[0] = ModelElements.describe(owner);
    System.arraycopy(args, 0, all, 1, args.length);
    violations.add(
        new PolicyViolation(
            resource,
            ModelElements.id(owner),
            rule,
            PolicyMessages.text(key, all),
            resource + "#" + ModelElements.id(owner) + ": " + rule + " (" + detail + ")"));
  }

  /** The Dutch name of where an expression sits, or the attribute's own name. */
  private static String where(String attributeOrElement) {
    try {
      return PolicyMessages.text("where." + attributeOrElement);
    } catch (IllegalStateException missing) {
      return attributeOrElement;
    }
  }
}
