package nl.zorgpad.modelpolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * The policy for one DMN file: every expression is FEEL (the engine's default; JUEL, JavaScript,
 * Groovy or any other language could call code), and no FEEL text defines an external Java
 * function ({@code function(…) external {java: …}}; the engine's FEEL has them switched off too).
 */
final class DmnPolicy {

  /** What Camunda accepts as FEEL (DefaultDmnEngineConfiguration). */
  private static final Set<String> FEEL =
      Set.of(
          "http://www.omg.org/spec/FEEL/20140401",
          "http://www.omg.org/spec/DMN/20180521/FEEL/",
          "https://www.omg.org/spec/DMN/20191111/FEEL/",
          "https://www.omg.org/spec/DMN/20211108/FEEL/",
          "https://www.omg.org/spec/DMN/20230324/FEEL/");

  private final String resource;
  private final List<PolicyViolation> violations = new ArrayList<>();

  DmnPolicy(String resource) {
    this.resource = resource;
  }

  List<PolicyViolation> check(Document document) {
    walk(document.getDocumentElement());
    return violations;
  }

  private void walk(Element element) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      String local =
          attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
      if ("expressionLanguage".equals(local) && !isFeel(attribute.getValue())) {
        add(
            element,
            "dmn-expression-language",
            "expression language " + attribute.getValue(),
            "dmn.language",
            attribute.getValue().strip());
      }
    }
    if ("text".equals(element.getLocalName())
        && definesExternalFunction(element.getTextContent())) {
      add(element, "dmn-feel-external", "FEEL external function", "dmn.external");
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element child) {
        walk(child);
      }
    }
  }

  static boolean isFeel(String language) {
    String value = language == null ? "" : language.strip();
    return value.isEmpty() || FEEL.contains(value) || value.equalsIgnoreCase("feel");
  }

  /** The FEEL keyword {@code external} outside string literals. */
  static boolean definesExternalFunction(String feel) {
    if (feel == null) {
      return false;
    }
    StringBuilder code = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < feel.length(); i++) {
      char c = feel.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        code.append(' ');
      } else {
        code.append(c);
      }
    }
    String text = code.toString().toLowerCase(Locale.ROOT);
    int from = 0;
    while ((from = text.indexOf("external", from)) >= 0) {
      boolean startsWord = from == 0 || !Character.isLetterOrDigit(text.charAt(from - 1));
      int end = from + "external".length();
      boolean endsWord = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
      if (startsWord && endsWord) {
        return true;
      }
      from = end;
    }
    return false;
  }

  private void add(Element element, String rule, String detail, String key, Object... args) {
    Element owner = ModelElements.withId(element);
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
}
