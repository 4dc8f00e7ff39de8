package nl.zorgpad.formcontract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The variables one form (or one message of Zorgpad's API) may write: field name → rule. A
 * submitted variable must be one of the fields, with a value of the field's kind and within its
 * options and limits; {@code null} is accepted for every field (form-js submits empty fields as
 * null or ""). Whether a field is required is left to the form and the pathway's own checks:
 * form-js leaves out required fields that its conditions hide.
 *
 * @param name names the contract in logs (form id, message name)
 * @param fields the fields by variable name
 * @param scope what the fields belong to, for the user's message
 */
public record Contract(String name, Map<String, FieldRule> fields, Scope scope) {

  /** What a contract's fields belong to. */
  public enum Scope {
    /** one form (of a task or a start event) */
    FORM("formcontract.unknownField"),
    /** all forms of a pathway (a direct change of a case's variables) */
    PATHWAY("formcontract.unknownPathwayField"),
    /** a message or signal (Zorgpad's API contract) */
    MESSAGE("formcontract.unknownMessageField");

    private final String unknownFieldKey;

    Scope(String unknownFieldKey) {
      this.unknownFieldKey = unknownFieldKey;
    }
  }

  public Contract(String name, Map<String, FieldRule> fields) {
    this(name, fields, Scope.FORM);
  }

  private static final Pattern CODE = Pattern.compile("[\\p{Alnum}_.:-]{0,100}");
  private static final Pattern NUMERIC = Pattern.compile("-?\\d{1,30}([.,]\\d{1,30})?");

  public Contract {
    fields = Map.copyOf(fields);
    scope = scope == null ? Scope.FORM : scope;
  }

  /** A contract without fields: a task or start event without a form accepts no variables. */
  public static Contract none(String name) {
    return new Contract(name, Map.of());
  }

  /**
   * One refused variable. {@code problem} is English (logs); {@code code} is the key of the Dutch
   * text in the message bundle and {@code arguments} fill in its placeholders.
   */
  public record Violation(String variable, String problem, String code, List<String> arguments) {

    public Violation {
      arguments = List.copyOf(arguments);
    }

    Violation(String variable, String problem, String code, String... arguments) {
      this(variable, problem, code, List.of(arguments));
    }

    /** What the user reads (Dutch, from the bundle). */
    public String userMessage() {
      return DutchText.of(code, arguments.toArray());
    }
  }

  /**
   * Every variable that breaks this contract (empty when all fit); {@code json} (Spring's
   * mapper) reads values submitted as serialized JSON.
   */
  public List<Violation> check(Map<String, ?> variables, ObjectMapper json) {
    List<Violation> violations = new ArrayList<>();
    if (variables == null) {
      return violations;
    }
    for (Map.Entry<String, ?> variable : variables.entrySet()) {
      String name = variable.getKey();
      FieldRule rule = name == null ? null : fields.get(name);
      if (rule == null) {
        violations.add(
            new Violation(
                loggable(name),
                "is not a field of " + this.name,
                scope.unknownFieldKey,
                shown(name)));
        continue;
      }
      // a VariableMap hands out plain values; its typed value keeps JSON as JSON
      Object value =
          variables instanceof VariableMap typed ? typed.getValueTyped(name) : variable.getValue();
      Violation violation = check(rule, ContractValue.of(value, json));
      if (violation != null) {
        violations.add(violation);
      }
    }
    return violations;
  }

  private static Violation check(FieldRule rule, ContractValue value) {
    if (value instanceof ContractValue.Null) {
      return null;
    }
    return switch (rule.kind()) {
      case TEXT -> text(rule, value);
      case NUMBER -> number(rule, value);
      case BOOLEAN -> value instanceof ContractValue.Bool ? null : wrongType(rule, "a boolean");
      case CHOICE -> option(rule, value);
      case MULTI_CHOICE -> options(rule, value);
      case DATE -> date(rule, value);
      case SCALAR -> scalar(rule, value);
    };
  }

  private static Violation text(FieldRule rule, ContractValue value) {
    if (!(value instanceof ContractValue.Text text)) {
      return wrongType(rule, "a text");
    }
    int max = rule.maxLength() == null ? FieldRule.DEFAULT_TEXTFIELD_LENGTH : rule.maxLength();
    if (text.value().codePointCount(0, text.value().length()) > max) {
      return new Violation(
          rule.key(),
          "is longer than " + max + " characters",
          "formcontract.tooLong",
          rule.label(),
          String.valueOf(max));
    }
    if (rule.pattern() != null && !text.value().isEmpty()) {
      Pattern pattern = compile(rule.pattern());
      // form-js tests the pattern as new RegExp(pattern).test(value): a match anywhere
      if (pattern != null && !pattern.matcher(text.value()).find()) {
        return new Violation(
            rule.key(), "does not match the field's pattern", "formcontract.pattern", rule.label());
      }
    }
    return null;
  }

  private static Violation number(FieldRule rule, ContractValue value) {
    BigDecimal number;
    if (value instanceof ContractValue.Number n) {
      number = n.value();
    } else if (value instanceof ContractValue.Text text
        && NUMERIC.matcher(text.value()).matches()) {
      // form-js keeps what is typed as a string when the field serializes to string
      number = new BigDecimal(text.value().replace(',', '.'));
    } else {
      return wrongType(rule, "a number");
    }
    if (rule.decimalDigits() != null
        && Math.max(0, number.stripTrailingZeros().scale()) > rule.decimalDigits()) {
      return wrongType(rule, "a number with at most " + rule.decimalDigits() + " decimals");
    }
    if (rule.min() != null && number.compareTo(rule.min()) < 0
        || rule.max() != null && number.compareTo(rule.max()) > 0) {
      return new Violation(
          rule.key(),
          "is out of range",
          "formcontract.range",
          rule.label(),
          rule.min() == null ? "-" : rule.min().toPlainString(),
          rule.max() == null ? "-" : rule.max().toPlainString());
    }
    return null;
  }

  private static Violation option(FieldRule rule, ContractValue value) {
    String code = code(value);
    if (code == null) {
      return wrongType(rule, "one option");
    }
    return isOption(rule, code) ? null : notAnOption(rule);
  }

  private static Violation options(FieldRule rule, ContractValue value) {
    if (!(value instanceof ContractValue.Items items)) {
      return wrongType(rule, "a list of options");
    }
    for (ContractValue item : items.values()) {
      String code = code(item);
      if (code == null) {
        return wrongType(rule, "a list of options");
      }
      if (!isOption(rule, code)) {
        return notAnOption(rule);
      }
    }
    return null;
  }

  private static boolean isOption(FieldRule rule, String code) {
    return rule.dynamicOptions() ? CODE.matcher(code).matches() : rule.options().contains(code);
  }

  /** An option value: a string, or a number or boolean (form-js allows those as values). */
  private static String code(ContractValue value) {
    if (value instanceof ContractValue.Text text) {
      return text.value();
    }
    if (value instanceof ContractValue.Number number) {
      return number.value().toPlainString();
    }
    if (value instanceof ContractValue.Bool bool) {
      return String.valueOf(bool.value());
    }
    return null;
  }

  private static Violation date(FieldRule rule, ContractValue value) {
    if (value instanceof ContractValue.Instant) {
      return null;
    }
    if (value instanceof ContractValue.Text text && isDate(rule.dateSubtype(), text.value())) {
      return null;
    }
    return new Violation(
        rule.key(), "is not a valid " + rule.dateSubtype(), "formcontract.date", rule.label());
  }

  /** The formats form-js 1.8 submits: date {@code yyyy-MM-dd}, time {@code HH:mm}, both. */
  static boolean isDate(String subtype, String text) {
    if (text.isEmpty()) {
      return true;
    }
    try {
      switch (subtype == null ? "date" : subtype) {
        case "time" -> parseTime(text);
        case "datetime" -> parseDateTime(text);
        default -> LocalDate.parse(text);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static void parseTime(String text) {
    try {
      LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      // with a UTC offset or Z (form-js' time serialising formats)
      java.time.OffsetTime.parse(text.endsWith("Z") ? text.replace("Z", "+00:00") : text);
    }
  }

  private static void parseDateTime(String text) {
    try {
      LocalDateTime.parse(text);
    } catch (DateTimeParseException e) {
      OffsetDateTime.parse(text);
    }
  }

  private static Violation scalar(FieldRule rule, ContractValue value) {
    if (value instanceof ContractValue.Bool || value instanceof ContractValue.Number) {
      return null;
    }
    if (value instanceof ContractValue.Text text
        && text.value().length() <= FieldRule.DEFAULT_SCALAR_LENGTH) {
      return null;
    }
    return wrongType(rule, "a short value");
  }

  private static Violation wrongType(FieldRule rule, String expected) {
    return new Violation(rule.key(), "must be " + expected, "formcontract.wrongType", rule.label());
  }

  private static Violation notAnOption(FieldRule rule) {
    return new Violation(
        rule.key(), "is not one of the form's options", "formcontract.notAnOption", rule.label());
  }

  private static Pattern compile(String javascriptPattern) {
    try {
      return Pattern.compile(javascriptPattern);
    } catch (PatternSyntaxException notJava) {
      // a JavaScript-only construct: form-js checks it in the browser
      return null;
    }
  }

  /** A submitted name for logs: bounded, since a name itself could hold anything. */
  static String loggable(String name) {
    if (name == null) {
      return "(null)";
    }
    String printable = name.replaceAll("\\p{Cntrl}", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
  }

  /** A submitted name as the user reads it back. */
  private static String shown(String name) {
    return loggable(name);
  }
}
