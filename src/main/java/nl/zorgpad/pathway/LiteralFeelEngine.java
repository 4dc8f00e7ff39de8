package nl.zorgpad.pathway;

import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The DMN engine's FEEL with the most common cells answered without the FEEL interpreter: the
 * Scala FEEL engine (feel-scala 1.19) builds its whole table of built-in functions again for every
 * evaluation ({@code FeelEngine.rootContext}), which was 27 % of a case creation's CPU
 * (docs/benchmarks.md, "Decision cells without the interpreter"). Answered here, with FEEL's
 * meaning:
 *
 * <ul>
 *   <li>the input entry {@code -} (any value, also null): true;
 *   <li>a string literal without escapes ({@code "ja"}) against a string input: equal or not;
 *   <li>{@code true} / {@code false} against a boolean input: equal or not;
 *   <li>an input expression that is one variable name (not a FEEL keyword) whose value is a string
 *       or a boolean: that value.
 * </ul>
 *
 * Everything else — numbers, ranges, lists, functions, null and other types, a missing variable —
 * goes to the Scala FEEL engine unchanged, with its errors. {@code LiteralFeelEngineTest} compares
 * both engines on every cell of the deployed decisions.
 */
final class LiteralFeelEngine implements FeelEngine {

  private static final Pattern STRING_LITERAL = Pattern.compile("\"[^\"\\\\]*\"");
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Set<String> KEYWORDS =
      Set.of(
          "true",
          "false",
          "null",
          "not",
          "and",
          "or",
          "some",
          "every",
          "if",
          "then",
          "else",
          "for",
          "in",
          "return",
          "satisfies",
          "between",
          "instance",
          "of",
          "function",
          "external");

  private final FeelEngine interpreter;

  LiteralFeelEngine(FeelEngine interpreter) {
    this.interpreter = interpreter;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
    String name = expression == null ? "" : expression.trim();
    if (NAME.matcher(name).matches()
        && !KEYWORDS.contains(name)
        && variables.containsVariable(name)) {
      TypedValue typed = variables.resolve(name);
      Object value = typed == null ? null : typed.getValue();
      if (value instanceof String || value instanceof Boolean) {
        return (T) value;
      }
    }
    return interpreter.evaluateSimpleExpression(expression, variables);
  }

  @Override
  public boolean evaluateSimpleUnaryTests(
      String unaryTests, String inputName, VariableContext variables) {
    String test = unaryTests == null ? "" : unaryTests.trim();
    if ("-".equals(test)) {
      return true;
    }
    Object input = inputValue(inputName, variables);
    if (input instanceof String text && STRING_LITERAL.matcher(test).matches()) {
      return text.equals(test.substring(1, test.length() - 1));
    }
    if (input instanceof Boolean bool && ("true".equals(test) || "false".equals(test))) {
      return bool == Boolean.parseBoolean(test);
    }
    return interpreter.evaluateSimpleUnaryTests(unaryTests, inputName, variables);
  }

  private static Object inputValue(String inputName, VariableContext variables) {
    if (inputName == null || !variables.containsVariable(inputName)) {
      return null;
    }
    TypedValue typed = variables.resolve(inputName);
    return typed == null ? null : typed.getValue();
  }
}
