package nl.zorgpad.casus;

import java.util.Arrays;
import java.util.List;
import nl.zorgpad.refusal.DutchText;

/**
 * One reason why input for a case was refused. The caregiver's Dutch text lives in the message
 * bundle ({@code messages.properties}) under {@code code}; {@link #dutchMessage()} fills in the
 * arguments.
 *
 * @param field the input field (the variable name users and API callers send)
 * @param problem a short English description for logs and API documentation
 * @param code the key of the Dutch text in the message bundle, e.g.
 *     {@code violation.signal.clientReference.required}
 * @param arguments the values for {@code {0}}, {@code {1}}… of that text, each as its text
 *     ({@link String#valueOf(Object)}, as string concatenation writes it)
 */
public record Violation(String field, String problem, String code, List<String> arguments) {

  public Violation {
    arguments = List.copyOf(arguments);
  }

  /** A violation whose text has these arguments (none for a text without placeholders). */
  public Violation(String field, String problem, String code, Object... arguments) {
    this(field, problem, code, Arrays.stream(arguments).map(String::valueOf).toList());
  }

  /** The message shown to the caregiver (Dutch, from the bundle). */
  public String dutchMessage() {
    return DutchText.of(code, arguments.toArray());
  }
}
