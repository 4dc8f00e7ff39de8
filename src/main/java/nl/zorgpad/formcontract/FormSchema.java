package nl.zorgpad.formcontract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the fields of a Camunda Form (form-js schema, as the Tasklist 7.24 renders it with
 * form-js 1.8.7) into a {@link Contract}: every keyed field with its kind, options and limits.
 *
 * <p>What form-js submits: the value of every keyed field that is shown and not disabled (a field
 * hidden by its {@code conditional} is left out). The contract accepts every field of the form,
 * shown or hidden, so a genuine submit always fits it; a field that is only displayed
 * ({@code disabled}) keeps its rules too. Not supported (their values are refused): groups with
 * a {@code path} and dynamic lists (their data is nested), and keys with a dot (nested paths).
 */
public final class FormSchema {

  /** form-js 1.8 field types whose value is submitted under their {@code key}. */
  private static final Set<String> KEYED =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "datetime",
          "expression",
          "filepicker");

  private final ObjectMapper json;

  /** With Spring's mapper (passed down from {@link FormContractEnginePlugin}). */
  public FormSchema(ObjectMapper json) {
    this.json = json;
  }

  /** The contract of a form; {@code name} names it in logs (e.g. the form's id). */
  public Contract parse(String name, byte[] formJson) {
    JsonNode root;
    try {
      root = json.readTree(formJson);
    } catch (IOException unreadable) {
      // a form the Tasklist cannot render either: it accepts nothing
      return Contract.none(name + " (unreadable form)");
    }
    Map<String, FieldRule> fields = new LinkedHashMap<>();
    collect(root, fields);
    String id = root.path("id").asText("");
    return new Contract(id.isEmpty() ? name : id, fields);
  }

  private static void collect(JsonNode container, Map<String, FieldRule> fields) {
    for (JsonNode component : container.path("components")) {
      String type = component.path("type").asText("");
      if (component.has("components")) {
        // a group without a path keeps its fields at the top level; with a path (or a dynamic
        // list) the data is nested under the path, which Zorgpad does not accept
        if (!component.hasNonNull("path") || component.path("path").asText("").isEmpty()) {
          if (!"dynamiclist".equals(type)) {
            collect(component, fields);
          }
        }
        continue;
      }
      String key = component.path("key").asText("");
      if (!KEYED.contains(type) || key.isBlank() || key.contains(".")) {
        continue;
      }
      FieldRule rule = rule(type, key, component);
      if (rule != null) {
        fields.put(key, rule);
      }
    }
  }

  private static FieldRule rule(String type, String key, JsonNode component) {
    String label =
        component
            .path("label")
            .asText(component.path("dateLabel").asText(component.path("timeLabel").asText(key)));
    JsonNode validate = component.path("validate");
    return switch (type) {
      case "textfield", "textarea" ->
          new FieldRule(
              key,
              label,
              FieldRule.Kind.TEXT,
              List.of(),
              false,
              validate.path("maxLength").canConvertToInt() && validate.path("maxLength").isNumber()
                  ? validate.path("maxLength").asInt()
                  : "textarea".equals(type)
                      ? FieldRule.DEFAULT_TEXTAREA_LENGTH
                      : FieldRule.DEFAULT_TEXTFIELD_LENGTH,
              validate.path("pattern").isTextual() && !validate.path("pattern").asText().isEmpty()
                  ? validate.path("pattern").asText()
                  : null,
              null,
              null,
              null,
              null);
      case "number" ->
          new FieldRule(
              key,
              label,
              FieldRule.Kind.NUMBER,
              List.of(),
              false,
              64,
              null,
              number(validate.path("min")),
              number(validate.path("max")),
              component.path("decimalDigits").isInt()
                  ? component.path("decimalDigits").asInt()
                  : null,
              null);
      case "checkbox" ->
          new FieldRule(
              key,
              label,
              FieldRule.Kind.BOOLEAN,
              List.of(),
              false,
              null,
              null,
              null,
              null,
              null,
              null);
      case "select", "radio" ->
          new FieldRule(
              key,
              label,
              FieldRule.Kind.CHOICE,
              options(component),
              dynamic(component),
              null,
              null,
              null,
              null,
              null,
              null);
      case "checklist", "taglist" ->
          new FieldRule(
              key,
              label,
              FieldRule.Kind.MULTI_CHOICE,
              options(component),
              dynamic(component),
              null,
              null,
              null,
              null,
              null,
              null);
      case "datetime" ->
          new FieldRule(
              key,
              label,
              FieldRule.Kind.DATE,
              List.of(),
              false,
              null,
              null,
              null,
              null,
              null,
              component.path("subtype").asText("date"));
      // expression (computed) and file fields: no free text beyond a short scalar
      default ->
          new FieldRule(
              key,
              label,
              FieldRule.Kind.SCALAR,
              List.of(),
              false,
              FieldRule.DEFAULT_SCALAR_LENGTH,
              null,
              null,
              null,
              null,
              null);
    };
  }

  private static boolean dynamic(JsonNode component) {
    return component.hasNonNull("valuesKey") || component.hasNonNull("valuesExpression");
  }

  private static List<String> options(JsonNode component) {
    List<String> options = new ArrayList<>();
    for (JsonNode option : component.path("values")) {
      JsonNode value = option.path("value");
      if (!value.isMissingNode() && !value.isNull()) {
        options.add(value.asText());
      }
    }
    return options;
  }

  /** A numeric limit; form-js also allows expressions ("=…"), which are not checked here. */
  private static BigDecimal number(JsonNode node) {
    return node.isNumber() ? node.decimalValue() : null;
  }
}
