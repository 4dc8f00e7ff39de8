package nl.zorgpad.input;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Size;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Every text in a JSON request body of a Zorgpad controller, after it is read and before the
 * controller sees it: at most the {@code @Size(max)} of its record component (a model from the
 * workbench may be long, a tenant id short), else {@link InputLimitsProperties#maxTextLength()}
 * characters, and no control
 * character. Walks records, lists, maps and JSON trees.
 */
@ControllerAdvice(basePackages = "nl.zorgpad")
class RequestBodyLimits extends RequestBodyAdviceAdapter {

  private static final int MAX_DEPTH = 32;

  private final InputRules rules;

  RequestBodyLimits(InputRules rules) {
    this.rules = rules;
  }

  @Override
  public boolean supports(
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object afterBodyRead(
      Object body,
      HttpInputMessage inputMessage,
      MethodParameter parameter,
      Type targetType,
      Class<? extends HttpMessageConverter<?>> converterType) {
    walk(body, "", rules.maxTextLength(), 0);
    return body;
  }

  private void walk(Object value, String path, int max, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return;
    }
    if (value instanceof CharSequence text) {
      rules.check(path.isEmpty() ? "body" : path, text.toString(), max);
    } else if (value instanceof JsonNode node) {
      walkJson(node, path, max, depth);
    } else if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        walk(item, path + "[" + i++ + "]", max, depth + 1);
      }
    } else if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        walk(entry.getKey(), path, rules.maxTextLength(), depth + 1);
        walk(entry.getValue(), join(path, String.valueOf(entry.getKey())), max, depth + 1);
      }
    } else if (value instanceof Object[] items) {
      for (int i = 0; i < items.length; i++) {
        walk(items[i], path + "[" + i + "]", max, depth + 1);
      }
    } else if (value.getClass().isRecord()) {
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        Size size = component.getAnnotation(Size.class);
        if (size == null) {
          size = component.getAccessor().getAnnotation(Size.class);
        }
        // its own @Size exactly (no Bean Validation runs on request bodies), else the default
        int componentMax = size == null ? rules.maxTextLength() : size.max();
        try {
          component.getAccessor().setAccessible(true);
          walk(
              component.getAccessor().invoke(value),
              join(path, component.getName()),
              componentMax,
              depth + 1);
        } catch (ReflectiveOperationException unreadable) {
          // not a property of the request: nothing to check
        }
      }
    }
  }

  private void walkJson(JsonNode node, String path, int max, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    if (node.isTextual()) {
      rules.check(path.isEmpty() ? "body" : path, node.textValue(), max);
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walkJson(node.get(i), path + "[" + i + "]", max, depth + 1);
      }
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        rules.check(join(path, "name"), field.getKey(), rules.maxTextLength());
        walkJson(field.getValue(), join(path, field.getKey()), max, depth + 1);
      }
    }
  }

  private static String join(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }
}
