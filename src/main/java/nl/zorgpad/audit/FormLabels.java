package nl.zorgpad.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Dutch labels caregivers saw for the process variables they entered: the label of the form
 * field whose key is the variable, and the label of the chosen option of a select, radio or
 * checklist field. Read once from the packaged Camunda Forms ({@code forms/*.form}); a variable
 * that no packaged form asks for keeps its name.
 */
@Component
class FormLabels {

  private static final Logger LOG = LoggerFactory.getLogger(FormLabels.class);

  private final ObjectMapper json;
  private volatile Labels labels;

  FormLabels(ObjectMapper json) {
    this.json = json;
  }

  private record Labels(Map<String, String> fields, Map<String, Map<String, String>> options) {}

  /** The field label of the variable, or null when no packaged form has a field for it. */
  String field(String variable) {
    return variable == null ? null : labels().fields().get(variable);
  }

  /** The option label of a value of the variable, or null when it is not one of its options. */
  String option(String variable, String value) {
    Map<String, String> options = variable == null ? null : labels().options().get(variable);
    return options == null || value == null ? null : options.get(value);
  }

  private Labels labels() {
    Labels loaded = labels;
    if (loaded == null) {
      loaded = load();
      labels = loaded;
    }
    return loaded;
  }

  private Labels load() {
    Map<String, String> fields = new HashMap<>();
    Map<String, Map<String, String>> options = new HashMap<>();
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver().getResources("classpath*:forms/**/*.form")) {
        try (InputStream in = resource.getInputStream()) {
          collect(json.readTree(in), fields, options);
        }
      }
    } catch (IOException e) {
      LOG.warn("Form labels not read; the case history shows variable names: {}", e.getMessage());
    }
    return new Labels(Map.copyOf(fields), Map.copyOf(options));
  }

  private static void collect(
      JsonNode node, Map<String, String> fields, Map<String, Map<String, String>> options) {
    if (node == null) {
      return;
    }
    if (node.isArray()) {
      node.forEach(child -> collect(child, fields, options));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String key = node.path("key").asText(null);
    String label = node.path("label").asText(null);
    if (key != null && label != null && !label.isBlank()) {
      fields.putIfAbsent(key, label.strip());
      for (JsonNode option : node.path("values")) {
        String value = option.path("value").asText(null);
        String optionLabel = option.path("label").asText(null);
        if (value != null && optionLabel != null) {
          options.computeIfAbsent(key, k -> new HashMap<>()).putIfAbsent(value, optionLabel);
        }
      }
    }
    collect(node.get("components"), fields, options);
  }
}
