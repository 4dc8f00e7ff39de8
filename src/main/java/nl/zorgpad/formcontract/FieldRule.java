package nl.zorgpad.formcontract;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one field of a form (or of a message of Zorgpad's API) accepts: its kind, and the limits
 * the form gives it. The value checks live in {@link Contract}.
 *
 * @param key the variable name (the form field's {@code key})
 * @param label what the user reads next to the field (Dutch), for messages
 * @param kind what kind of value it holds
 * @param options the values of a select, radio, checklist or taglist (empty otherwise)
 * @param dynamicOptions true when the options come from a variable or expression at run time
 *     ({@code valuesKey}, {@code valuesExpression}): then only short codes are accepted
 * @param maxLength the longest text (a text field without {@code maxLength} gets a default)
 * @param pattern the field's {@code validate.pattern} (a JavaScript regular expression), or null
 * @param min the lowest number, or null
 * @param max the highest number, or null
 * @param decimalDigits the most digits after the decimal point, or null
 * @param dateSubtype {@code date}, {@code time} or {@code datetime} for a date field
 */
public record FieldRule(
    String key,
    String label,
    Kind kind,
    List<String> options,
    boolean dynamicOptions,
    Integer maxLength,
    String pattern,
    BigDecimal min,
    BigDecimal max,
    Integer decimalDigits,
    String dateSubtype) {

  /** Longest text of a text field that sets no {@code maxLength} of its own. */
  public static final int DEFAULT_TEXTFIELD_LENGTH = 500;

  /** Longest text of a text area that sets no {@code maxLength} of its own. */
  public static final int DEFAULT_TEXTAREA_LENGTH = 2000;

  /** Longest value of a field whose kind Zorgpad does not know (e.g. form-js' expression field). */
  public static final int DEFAULT_SCALAR_LENGTH = 200;

  /** The kinds of values form fields hold. */
  public enum Kind {
    /** textfield, textarea: a string. */
    TEXT,
    /** number: a number (form-js may send it as a numeric string). */
    NUMBER,
    /** checkbox: true or false. */
    BOOLEAN,
    /** select, radio: one of the options. */
    CHOICE,
    /** checklist, taglist: a list of options. */
    MULTI_CHOICE,
    /** datetime: an ISO date, time or date-time (form-js sends a string), or a date value. */
    DATE,
    /** a keyed field of a kind Zorgpad does not know: a boolean, a number or a short string. */
    SCALAR
  }

  public FieldRule {
    options = options == null ? List.of() : List.copyOf(options);
    label = label == null || label.isBlank() ? key : label.strip();
  }

  static FieldRule choice(String key, String label, List<String> options) {
    return new FieldRule(
        key, label, Kind.CHOICE, options, false, null, null, null, null, null, null);
  }

  static FieldRule multiChoice(String key, String label, List<String> options) {
    return new FieldRule(
        key, label, Kind.MULTI_CHOICE, options, false, null, null, null, null, null, null);
  }

  static FieldRule date(String key, String label) {
    return new FieldRule(
        key, label, Kind.DATE, List.of(), false, null, null, null, null, null, "date");
  }
}
