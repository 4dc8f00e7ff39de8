package nl.zorgpad.modelpolicy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The policy for one Camunda Forms file ({@code *.form}, JSON, rendered by the Tasklist's
 * form-js 1.8.7): valid JSON, only component types that form-js 1.8.7 renders and that cannot
 * load code or another site (no {@code html}, no {@code iframe}), keys that are variable names,
 * images only embedded, and no HTML or script in any text.
 */
final class FormPolicy {

  /** Component types form-js 1.8.7 registers, without {@code html} and {@code iframe}. */
  static final Set<String> ALLOWED_TYPES =
      Set.of(
          "default",
          "textfield",
          "textarea",
          "number",
          "datetime",
          "expression",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "text",
          "image",
          "table",
          "spacer",
          "separator",
          "group",
          "dynamiclist",
          "button");

  /** Rendered by form-js 1.8.7, but able to run code or show another site in the Tasklist. */
  static final Set<String> REFUSED_TYPES = Set.of("html", "iframe");

  /** Fields whose value names a process variable. */
  private static final Set<String> KEY_FIELDS = Set.of("key", "path", "valuesKey");

  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern EMBEDDED_IMAGE =
      Pattern.compile("data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\\s]*");
  private static final List<String> MARKUP =
      List.of(
          "<script",
          "</script",
          "<iframe",
          "<object",
          "<embed",
          "<link",
          "<meta",
          "<base",
          "<style",
          "<svg",
          "<math",
          "<form",
          "javascript:",
          "vbscript:",
          "data:text/html",
          "srcdoc");
  private static final Pattern EVENT_HANDLER =
      Pattern.compile("<[a-z][^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

  private final String resource;
  private final ObjectMapper json;
  private final List<PolicyViolation> violations = new ArrayList<>();

  FormPolicy(String resource, ObjectMapper json) {
    this.resource = resource;
    this.json = json;
  }

  List<PolicyViolation> check(byte[] content) {
    JsonNode form;
    try {
      form = json.readTree(content);
    } catch (IOException e) {
      form = null;
    }
    if (form == null || !form.isObject()) {
      violations.add(
          new PolicyViolation(
              resource,
              null,
              ModelPolicy.RULE_UNREADABLE,
              PolicyMessages.text("file.unreadableJson"),
              resource + ": not a JSON object"));
      return violations;
    }
    component(form, true);
    return violations;
  }

  private void component(JsonNode component, boolean root) {
    String type = component.path("type").asText("");
    String id = component.path("id").asText(null);
    String label = describe(component, type);
    if (!root || component.has("type")) {
      if (REFUSED_TYPES.contains(type)) {
        add(id, "form-component-type", "type " + type, "form.typeNotAllowed", label, type);
      } else if (!ALLOWED_TYPES.contains(type)) {
        add(id, "form-component-type", "type " + type, "form.type", label, type);
      }
    }
    for (String field : KEY_FIELDS) {
      JsonNode value = component.get(field);
      if (value != null
          && !(value.isTextual() && VARIABLE_NAME.matcher(value.asText()).matches())) {
        add(id, "form-key", field + " " + value, "form.key", label, value.asText());
      }
    }
    if ("image".equals(type)) {
      String source = component.path("source").asText("");
      if (!source.isEmpty() && !EMBEDDED_IMAGE.matcher(source.strip()).matches()) {
        add(id, "form-image", "image source", "form.image", label);
      }
    }
    boolean markup = false;
    Iterator<Map.Entry<String, JsonNode>> fields = component.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getKey().equals("components")) {
        continue;
      }
      markup |= hasMarkup(field.getValue());
    }
    if (markup) {
      add(id, "form-markup", "HTML or script in a text", "form.markup", label);
    }
    for (JsonNode child : component.path("components")) {
      if (child.isObject()) {
        component(child, false);
      }
    }
  }

  private static boolean hasMarkup(JsonNode value) {
    if (value.isTextual()) {
      String text = value.asText();
      String lower = text.toLowerCase(Locale.ROOT);
      return MARKUP.stream().anyMatch(lower::contains) || EVENT_HANDLER.matcher(text).find();
    }
    for (JsonNode child : value) {
      if (hasMarkup(child)) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonNode component, String type) {
    String id = component.path("id").asText("");
    String label = component.path("label").asText(component.path("key").asText(""));
    if (label.isBlank()) {
      return id.isEmpty() ? "'" + type + "'" : id;
    }
    return PolicyMessages.text("form.component.named", label.strip(), id.isEmpty() ? type : id);
  }

  private void add(String id, String rule, String detail, String key, Object... args) {
    violations.add(
        new PolicyViolation(
            resource,
            id,
            rule,
            PolicyMessages.text(key, args),
            resource + "#" + id + ": " + rule + " (" + detail + ")"));
  }
}
