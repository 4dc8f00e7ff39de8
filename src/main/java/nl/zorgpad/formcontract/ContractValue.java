package nl.zorgpad.formcontract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * A submitted variable value reduced to what a form field can hold, whatever route it came by:
 * the REST API's typed values ({@code {"value":…,"type":…}}; untyped for form-js' plain values;
 * {@code Json} or a JSON {@code Object} for checklists), or plain Java values from a Java caller.
 * Anything else (bytes, files, XML, Java-serialized or arbitrary objects, maps) is
 * {@link Other}, which no field accepts.
 */
sealed interface ContractValue {

  record Null() implements ContractValue {}

  record Text(String value) implements ContractValue {}

  record Number(BigDecimal value) implements ContractValue {}

  record Bool(boolean value) implements ContractValue {}

  /** A date or time value (a {@code Date} variable, or a java.time value of a Java caller). */
  record Instant() implements ContractValue {}

  record Items(List<ContractValue> values) implements ContractValue {}

  record Other(String description) implements ContractValue {}

  /** JSON lists as a Java list type (how the engine stores a list from a Java caller). */
  Pattern JAVA_LIST_TYPE = Pattern.compile("java\\.util\\.[\\w$]*List(12|N)?");

  /** The value as submitted; {@code mapper} (Spring's) reads serialized JSON values. */
  static ContractValue of(Object value, ObjectMapper mapper) {
    if (value instanceof TypedValue typed) {
      return ofTyped(typed, mapper);
    }
    if (value == null) {
      return new Null();
    }
    if (value instanceof String text) {
      return new Text(text);
    }
    if (value instanceof Boolean bool) {
      return new Bool(bool);
    }
    if (value instanceof java.lang.Number number) {
      try {
        return new Number(new BigDecimal(number.toString()));
      } catch (NumberFormatException notFinite) {
        return new Other("non-finite number");
      }
    }
    if (value instanceof Date || value instanceof TemporalAccessor) {
      return new Instant();
    }
    if (value instanceof Collection<?> collection) {
      List<ContractValue> items = new ArrayList<>();
      for (Object item : collection) {
        items.add(of(item, mapper));
      }
      return new Items(items);
    }
    return new Other(value.getClass().getSimpleName());
  }

  private static ContractValue ofTyped(TypedValue typed, ObjectMapper mapper) {
    ValueType type = typed.getType();
    if (type == null) {
      // untyped: the engine decides the type from the Java value
      return of(typed.getValue(), mapper);
    }
    String name = type.getName();
    if (typed instanceof SerializableValue serializable) {
      // JSON only; Java serialization, XML and other formats are not form input
      boolean json =
          "json".equals(name)
              || "application/json".equals(serializable.getSerializationDataFormat());
      if (!json) {
        return new Other(name);
      }
      if ("object".equals(name) && !isJavaList(serializable)) {
        return new Other("object of another type than a list");
      }
      String serialized;
      try {
        serialized = serializable.getValueSerialized();
      } catch (RuntimeException notSerialized) {
        serialized = null;
      }
      if (serialized == null) {
        Object deserialized = serializable.isDeserialized() ? serializable.getValue() : null;
        if (deserialized == null) {
          return new Null();
        }
        // a Spin JSON node prints as JSON; an object value is a Java list
        return "json".equals(name)
            ? ofJson(deserialized.toString(), mapper)
            : of(deserialized, mapper);
      }
      return ofJson(serialized, mapper);
    }
    return switch (name) {
      case "null" -> new Null();
      case "string", "integer", "long", "short", "double", "boolean", "number" ->
          of(typed.getValue(), mapper);
      case "date" -> typed.getValue() == null ? new Null() : new Instant();
      default -> new Other(name);
    };
  }

  private static boolean isJavaList(SerializableValue value) {
    if (!(value instanceof org.camunda.bpm.engine.variable.value.ObjectValue object)) {
      return false;
    }
    String typeName = object.getObjectTypeName();
    if (typeName == null && object.isDeserialized() && object.getValue() != null) {
      typeName = object.getValue().getClass().getName();
    }
    return typeName != null && JAVA_LIST_TYPE.matcher(typeName).matches();
  }

  private static ContractValue ofJson(String serialized, ObjectMapper mapper) {
    try {
      return ofJson(mapper.readTree(serialized));
    } catch (IOException notJson) {
      return new Other("malformed JSON");
    }
  }

  private static ContractValue ofJson(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return new Null();
    }
    if (node.isTextual()) {
      return new Text(node.asText());
    }
    if (node.isBoolean()) {
      return new Bool(node.asBoolean());
    }
    if (node.isNumber()) {
      return new Number(node.decimalValue());
    }
    if (node.isArray()) {
      List<ContractValue> items = new ArrayList<>();
      node.forEach(item -> items.add(ofJson(item)));
      return new Items(items);
    }
    return new Other("JSON object");
  }
}
