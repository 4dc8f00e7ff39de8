package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.InputExpression;
import org.junit.jupiter.api.Test;

/**
 * The literal answers give what the Scala FEEL engine gives — the value or the failure — for every
 * input entry and input expression of the deployed decisions ({@code processes/*.dmn}) and for
 * hand-picked cells, against inputs of every kind the pathways write.
 */
class LiteralFeelEngineTest {

  private static final String INPUT = "cellInput";

  private final FeelEngine scala = new ScalaFeelEngine(new ArrayList<>());
  private final FeelEngine literal = new LiteralFeelEngine(scala);

  @Test
  void everyInputEntryOfTheDecisionsAnswersAsTheInterpreterDoes() throws IOException {
    Set<String> entries = new LinkedHashSet<>();
    Set<String> expressions = new LinkedHashSet<>();
    for (DmnModelInstance model : decisions()) {
      model.getModelElementsByType(InputEntry.class).forEach(e -> entries.add(e.getTextContent()));
      model
          .getModelElementsByType(InputExpression.class)
          .forEach(e -> expressions.add(e.getTextContent()));
    }
    entries.addAll(
        List.of(
            " - ",
            "\"ja\"",
            "\"a\\\"b\"",
            "\"ja\",\"nee\"",
            "not(\"ja\")",
            "true",
            "false",
            "null",
            "3",
            "< 4",
            "[4..8[",
            "\"\""));
    expressions.addAll(List.of("true", "null", "not", "missingVariable", "a.b", "riskScore + 1"));
    assertThat(entries).hasSizeGreaterThan(20);

    List<Object> inputs = inputs(entries);
    int compared = 0;
    for (String entry : entries) {
      for (Object input : inputs) {
        VariableContext context =
            Variables.createVariables().putValue(INPUT, input).asVariableContext();
        assertThat(outcome(() -> literal.evaluateSimpleUnaryTests(entry, INPUT, context)))
            .as("entry %s on %s", entry, input)
            .isEqualTo(outcome(() -> scala.evaluateSimpleUnaryTests(entry, INPUT, context)));
        compared++;
      }
    }
    for (String expression : expressions) {
      for (Object input : inputs) {
        VariableContext context =
            Variables.createVariables().putValue(expression.trim(), input).asVariableContext();
        assertThat(outcome(() -> literal.evaluateSimpleExpression(expression, context)))
            .as("expression %s = %s", expression, input)
            .isEqualTo(outcome(() -> scala.evaluateSimpleExpression(expression, context)));
        compared++;
      }
      VariableContext empty = Variables.createVariables().asVariableContext();
      assertThat(outcome(() -> literal.evaluateSimpleExpression(expression, empty)))
          .as("expression %s without its variable", expression)
          .isEqualTo(outcome(() -> scala.evaluateSimpleExpression(expression, empty)));
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void theLiteralsAreAnsweredWithoutTheInterpreter() {
    FeelEngine refusing = new LiteralFeelEngine(new Refusing());
    VariableContext ja = Variables.createVariables().putValue(INPUT, "ja").asVariableContext();
    VariableContext yes = Variables.createVariables().putValue(INPUT, true).asVariableContext();
    assertThat(refusing.evaluateSimpleUnaryTests("-", INPUT, ja)).isTrue();
    assertThat(refusing.evaluateSimpleUnaryTests("\"ja\"", INPUT, ja)).isTrue();
    assertThat(refusing.evaluateSimpleUnaryTests("\"nee\"", INPUT, ja)).isFalse();
    assertThat(refusing.evaluateSimpleUnaryTests("true", INPUT, yes)).isTrue();
    assertThat(refusing.evaluateSimpleUnaryTests("false", INPUT, yes)).isFalse();
    VariableContext discipline =
        Variables.createVariables().putValue("signallingDiscipline", "jgz").asVariableContext();
    assertThat((Object) refusing.evaluateSimpleExpression("signallingDiscipline", discipline))
        .isEqualTo("jgz");
  }

  @Test
  void numbersListsAndMissingInputsGoToTheInterpreter() {
    FeelEngine refusing = new LiteralFeelEngine(new Refusing());
    VariableContext three = Variables.createVariables().putValue(INPUT, 3).asVariableContext();
    VariableContext none = Variables.createVariables().putValue(INPUT, null).asVariableContext();
    for (Runnable call :
        List.<Runnable>of(
            () -> refusing.evaluateSimpleUnaryTests("3", INPUT, three),
            () -> refusing.evaluateSimpleUnaryTests("\"ja\"", INPUT, three),
            () -> refusing.evaluateSimpleUnaryTests("\"ja\"", INPUT, none),
            () -> refusing.evaluateSimpleUnaryTests("true", INPUT, none),
            () -> refusing.evaluateSimpleUnaryTests("\"ja\",\"nee\"", INPUT, none),
            () -> refusing.evaluateSimpleExpression("riskScore", three),
            () -> refusing.evaluateSimpleExpression("true", three))) {
      assertThat(outcomeOf(call)).isEqualTo("failure " + Refused.class.getName());
    }
  }

  private static List<Object> inputs(Set<String> entries) {
    List<Object> inputs = new ArrayList<>(Arrays.asList(null, "", "ja", "nee", "JA", " ja"));
    for (String entry : entries) {
      String text = entry.trim();
      if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
        inputs.add(text.substring(1, text.length() - 1));
      }
    }
    inputs.addAll(List.of(true, false, 0, 3, 4L, 8.5, List.of("ggz"), List.of()));
    return inputs;
  }

  private static List<DmnModelInstance> decisions() throws IOException {
    List<DmnModelInstance> models = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".dmn")).sorted().toList()) {
        models.add(Dmn.readModelFromFile(file.toFile()));
      }
    }
    assertThat(models).hasSizeGreaterThanOrEqualTo(3);
    return models;
  }

  /** The value, or the kind of failure (the messages may name different internals). */
  private static String outcome(java.util.function.Supplier<Object> call) {
    try {
      Object value = call.get();
      return "value " + value + (value == null ? "" : " (" + value.getClass().getName() + ")");
    } catch (RuntimeException e) {
      return "failure " + e.getClass().getName();
    }
  }

  private static String outcomeOf(Runnable call) {
    return outcome(
        () -> {
          call.run();
          return "done";
        });
  }

  private static final class Refused extends RuntimeException {}

  /** An interpreter that must not be asked. */
  private static final class Refusing implements FeelEngine {
    @Override
    public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
      throw new Refused();
    }

    @Override
    public boolean evaluateSimpleUnaryTests(
        String unaryTests, String inputName, VariableContext variables) {
      throw new Refused();
    }
  }
}
