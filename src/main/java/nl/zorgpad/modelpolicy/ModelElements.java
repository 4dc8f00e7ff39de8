package nl.zorgpad.modelpolicy;

import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Naming model elements in the policy's Dutch messages: "Taak 'Toestemming vragen' (Task_X)". */
final class ModelElements {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final Set<String> CAMUNDA_NS =
      Set.of(
          "http://camunda.org/schema/1.0/bpmn",
          "http://activiti.org/bpmn",
          "http://camunda.org/schema/1.0/dmn");

  /** BPMN elements a coordinator recognises; a finding is reported on the nearest of them. */
  static final Set<String> BPMN_KINDS =
      Set.of(
          "process",
          "subProcess",
          "transaction",
          "adHocSubProcess",
          "task",
          "userTask",
          "serviceTask",
          "sendTask",
          "receiveTask",
          "manualTask",
          "businessRuleTask",
          "scriptTask",
          "callActivity",
          "startEvent",
          "endEvent",
          "intermediateCatchEvent",
          "intermediateThrowEvent",
          "boundaryEvent",
          "exclusiveGateway",
          "inclusiveGateway",
          "parallelGateway",
          "eventBasedGateway",
          "complexGateway",
          "sequenceFlow",
          "message",
          "signal",
          "error",
          "escalation",
          "collaboration",
          "participant");

  private ModelElements() {}

  static boolean isCamunda(String namespace) {
    return namespace != null && CAMUNDA_NS.contains(namespace);
  }

  /** The nearest BPMN element a coordinator recognises, or null (the whole file). */
  static Element bpmnOwner(Element element) {
    Node current = element;
    while (current instanceof Element e) {
      if (BPMN_NS.equals(e.getNamespaceURI())
          && BPMN_KINDS.contains(e.getLocalName())
          && !e.getAttribute("id").isEmpty()) {
        return e;
      }
      current = e.getParentNode();
    }
    return null;
  }

  /** The nearest element with an id (DMN: decision, input, rule, cell …), or null. */
  static Element withId(Element element) {
    Node current = element;
    while (current instanceof Element e) {
      if (!e.getAttribute("id").isEmpty()) {
        return e;
      }
      current = e.getParentNode();
    }
    return null;
  }

  static String id(Element owner) {
    return owner == null ? null : owner.getAttribute("id");
  }

  /** "Taak 'Naam' (Id)", "Pijl Flow_X", or "Het bestand". */
  static String describe(Element owner) {
    if (owner == null) {
      return PolicyMessages.text("element.file");
    }
    String kind = kind(owner.getLocalName());
    String id = owner.getAttribute("id");
    String name = owner.getAttribute("name").strip().replaceAll("\\s+", " ");
    return name.isEmpty()
        ? PolicyMessages.text("element.unnamed", kind, id)
        : PolicyMessages.text("element.named", kind, name, id);
  }

  private static String kind(String localName) {
    try {
      return PolicyMessages.text("kind." + localName);
    } catch (IllegalStateException missing) {
      return PolicyMessages.text("kind.element");
    }
  }
}
