package nl.zorgpad.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What changed between two versions of a pathway, decision or form, element by element id:
 * added, removed, changed. Layout (diagram interchange) is ignored: moving a box is no change to
 * the pathway.
 */
@Component
class ModelDiff {

  private final ObjectMapper json;
  private static final String DI_NAMESPACES =
      "http://www.omg.org/spec/BPMN/20100524/DI "
          + "http://www.omg.org/spec/DMN/20180521/DMNDI/ http://www.omg.org/spec/DMN/20191111/DMNDI/";

  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  /**
   * Attribute values that are the BPMN/Camunda schema defaults: bpmn-js leaves them out when it
   * saves (e.g. {@code camunda:decisionRefBinding="latest"}), so their presence is no change.
   */
  private static final Map<String, String> DEFAULTS =
      Map.ofEntries(
          Map.entry("decisionRefBinding", "latest"), Map.entry("calledElementBinding", "latest"),
          Map.entry("caseBinding", "latest"), Map.entry("asyncBefore", "false"),
          Map.entry("asyncAfter", "false"), Map.entry("exclusive", "true"),
          Map.entry("isInterrupting", "true"), Map.entry("cancelActivity", "true"),
          Map.entry("isForCompensation", "false"), Map.entry("completionQuantity", "1"),
          Map.entry("startQuantity", "1"), Map.entry("gatewayDirection", "Unspecified"),
          Map.entry("parallelMultiple", "false"), Map.entry("triggeredByEvent", "false"),
          Map.entry("isSequential", "false"), Map.entry("isClosed", "false"),
          Map.entry("processType", "None"), Map.entry("isStartableInTasklist", "true"),
          Map.entry("isImmediate", "true"), Map.entry("instantiate", "false"),
          Map.entry("eventGatewayType", "Exclusive"), Map.entry("method", "##unspecified"));

  enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  record Entry(Change change, String elementId, String type, String name) {}

  private record Element2(String type, String name, String signature) {}

  ModelDiff(ObjectMapper json) {
    this.json = json;
  }

  List<Entry> diff(String resourceName, byte[] before, byte[] after) {
    Map<String, Element2> old = elements(resourceName, before);
    Map<String, Element2> now = elements(resourceName, after);
    List<Entry> entries = new ArrayList<>();
    now.forEach(
        (id, element) -> {
          Element2 previous = old.get(id);
          if (previous == null) {
            entries.add(new Entry(Change.ADDED, id, element.type(), element.name()));
          } else if (!previous.signature().equals(element.signature())) {
            entries.add(new Entry(Change.CHANGED, id, element.type(), element.name()));
          }
        });
    old.forEach(
        (id, element) -> {
          if (!now.containsKey(id)) {
            entries.add(new Entry(Change.REMOVED, id, element.type(), element.name()));
          }
        });
    return entries;
  }

  /**
   * Whether two versions are the same pathway, decision or form with the same layout: no
   * element added, removed or changed, and every shape and edge of the diagram where it was.
   */
  boolean same(String resourceName, byte[] before, byte[] after) {
    if (!diff(resourceName, before, after).isEmpty()) {
      return false;
    }
    if (resourceName.endsWith(".form")) {
      return formComponents(before).equals(formComponents(after))
          && layouts(before).equals(layouts(after));
    }
    Map<String, String> layoutBefore = diagram(before);
    return layoutBefore != null && layoutBefore.equals(diagram(after));
  }

  /** The layout of each form component (form-js keeps it beside the component). */
  private Map<String, String> layouts(byte[] content) {
    Map<String, String> result = new LinkedHashMap<>();
    try {
      collectLayouts(json.readTree(content).path("components"), result);
    } catch (IOException e) {
      return Map.of();
    }
    return result;
  }

  private void collectLayouts(JsonNode components, Map<String, String> result) {
    for (JsonNode component : components) {
      result.put(
          component.path("id").asText(component.path("key").asText("")),
          component.path("layout").toString());
      collectLayouts(component.path("components"), result);
    }
  }

  /** The diagram interchange: each shape or edge by the element it draws, with its bounds. */
  private Map<String, String> diagram(byte[] content) {
    Map<String, String> result = new TreeMap<>();
    Document document = parse(content);
    if (document == null) {
      return null;
    }
    NodeList all = document.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element element = (Element) all.item(i);
      String drawn =
          element.hasAttribute("bpmnElement")
              ? element.getAttribute("bpmnElement")
              : element.hasAttribute("dmnElementRef")
                  ? element.getAttribute("dmnElementRef")
                  : null;
      if (drawn != null) {
        result.put(element.getLocalName() + ":" + drawn, geometry(element));
      }
    }
    return result;
  }

  /** Bounds and waypoints as numbers (152 and 152.0 are the same place). */
  private String geometry(Element element) {
    StringBuilder text = new StringBuilder();
    NodeList children = element.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < children.getLength(); i++) {
      Element child = (Element) children.item(i);
      text.append(child.getLocalName()).append('(');
      for (String attribute : new String[] {"x", "y", "width", "height"}) {
        if (child.hasAttribute(attribute)) {
          try {
            text.append(Double.parseDouble(child.getAttribute(attribute))).append(' ');
          } catch (NumberFormatException e) {
            text.append(child.getAttribute(attribute)).append(' ');
          }
        }
      }
      text.append(')');
    }
    return text.toString();
  }

  private Document parse(byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return null;
    }
  }

  private Map<String, Element2> elements(String resourceName, byte[] content) {
    return resourceName.endsWith(".form") ? formComponents(content) : xmlElements(content);
  }

  private Map<String, Element2> formComponents(byte[] content) {
    Map<String, Element2> result = new LinkedHashMap<>();
    try {
      collect(json.readTree(content).path("components"), result);
    } catch (IOException e) {
      // an unreadable version has no comparable elements
    }
    return result;
  }

  private void collect(JsonNode components, Map<String, Element2> result) {
    for (JsonNode component : components) {
      ObjectNode own = component.deepCopy();
      own.remove("components");
      own.remove("layout");
      String id = component.path("id").asText(component.path("key").asText(""));
      result.put(
          id,
          new Element2(
              component.path("type").asText(),
              component.path("label").asText(component.path("text").asText(null)),
              own.toString()));
      collect(component.path("components"), result);
    }
  }

  private Map<String, Element2> xmlElements(byte[] content) {
    Map<String, Element2> result = new LinkedHashMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      DocumentBuilder builder = factory.newDocumentBuilder();
      Document document = builder.parse(new ByteArrayInputStream(content));
      walk(document.getDocumentElement(), result);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      // an unreadable version has no comparable elements
    }
    return result;
  }

  private void walk(Element element, Map<String, Element2> result) {
    if (isDiagramInterchange(element)) {
      return;
    }
    if (element.hasAttribute("id") && element.getParentNode() instanceof Element) {
      result.put(
          element.getAttribute("id"),
          new Element2(
              element.getLocalName(),
              element.hasAttribute("name") ? element.getAttribute("name") : null,
              signature(element)));
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        walk(child, result);
      }
    }
  }

  /** The element's own content: attributes, text and children without an id of their own. */
  private String signature(Element element) {
    StringBuilder text = new StringBuilder(element.getLocalName()).append('[');
    NamedNodeMap attributes = element.getAttributes();
    TreeMap<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      if (attribute.getNodeName().startsWith("xmlns")) {
        continue;
      }
      String name =
          attribute.getLocalName() == null ? attribute.getNodeName() : attribute.getLocalName();
      String value = attribute.getNodeValue().strip();
      if ("type".equals(name) && XSI.equals(attribute.getNamespaceURI())) {
        value =
            value.substring(value.indexOf(':') + 1); // bpmn:tFormalExpression = tFormalExpression
      }
      if (value.equals(DEFAULTS.get(name))) {
        continue; // the editor leaves out what the schema defaults to (issue 15)
      }
      // by namespace and local name: the prefix an editor chose is no change
      sorted.put(
          (attribute.getNamespaceURI() == null ? "" : attribute.getNamespaceURI() + " ") + name,
          value);
    }
    text.append(sorted).append(']');
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element childElement) {
        if (isConnectionReference(childElement)) {
          continue; // a changed connection shows as an added or removed sequence flow
        }
        if (!childElement.hasAttribute("id") && !isDiagramInterchange(childElement)) {
          text.append('{').append(signature(childElement)).append('}');
        } else if (childElement.hasAttribute("id")) {
          text.append("{ref:").append(childElement.getAttribute("id")).append('}');
        }
      } else if (child.getNodeType() == Node.TEXT_NODE
          || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String value = child.getNodeValue().strip().replaceAll("\\s+", " ");
        if (!value.isEmpty()) {
          text.append('"').append(value).append('"');
        }
      }
    }
    return text.toString();
  }

  private boolean isConnectionReference(Element element) {
    return "incoming".equals(element.getLocalName()) || "outgoing".equals(element.getLocalName());
  }

  private boolean isDiagramInterchange(Element element) {
    String namespace = element.getNamespaceURI();
    return namespace != null
        && (DI_NAMESPACES.contains(namespace)
            || element.getLocalName().startsWith("BPMNDiagram")
            || element.getLocalName().equals("DMNDI"));
  }
}
