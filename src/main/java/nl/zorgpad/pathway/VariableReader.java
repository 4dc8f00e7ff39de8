package nl.zorgpad.pathway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads form input from process variables, whatever route it came by: the Tasklist (form-js)
 * submits dates as "yyyy-MM-dd" strings, numbers as Integer, Long or Double, and checklists as
 * JSON; a Java caller may pass LocalDate, Date or a List. A value that cannot be read is returned
 * as null (or, for lists, kept as its text) so that the rules report it in Dutch.
 */
final class VariableReader {

  private final VariableScope scope;

  private VariableReader(VariableScope scope) {
    this.scope = scope;
  }

  static VariableReader of(VariableScope scope) {
    return new VariableReader(scope);
  }

  String string(String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }

  LocalDate date(String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    try {
      return Deadlines.toLocalDate(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  Integer integer(String name) {
    Object value = scope.getVariable(name);
    try {
      if (value instanceof Number number) {
        return new BigDecimal(number.toString()).intValueExact();
      }
      if (value instanceof String text) {
        return Integer.valueOf(text.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  Boolean bool(String name) {
    Object value = scope.getVariable(name);
    if (value instanceof Boolean flag) {
      return flag;
    }
    if (value instanceof String text && (text.equals("true") || text.equals("false"))) {
      return Boolean.valueOf(text);
    }
    return null;
  }

  /**
   * A list of codes: a Java collection, or JSON (a Spin JSON value or a JSON string), read with
   * {@code json}, Spring's mapper, handed down by the bean that reads the list.
   */
  List<String> codes(String name, ObjectMapper json) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof Collection<?> collection) {
      return collection.stream().map(String::valueOf).toList();
    }
    String text = value.toString();
    try {
      JsonNode node = json.readTree(text);
      if (node != null && node.isArray()) {
        List<String> codes = new ArrayList<>();
        node.forEach(
            element -> codes.add(element.isTextual() ? element.asText() : element.toString()));
        return codes;
      }
    } catch (JsonProcessingException e) {
      // not JSON: a single value, reported by the rules when it is not a known code
    }
    return List.of(text);
  }
}
