package nl.zorgpad.modelpolicy;

import java.lang.reflect.Field;
import java.util.Optional;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.Tree;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * The small expression language a pathway model may use (decision 0006), checked on the tree of
 * JUEL's own parser (the engine's {@code ExpressionFactoryImpl} builds the same tree):
 *
 * <pre>
 * expression  := text | ${ value } | #{ value } | a mix of those
 * value       := literal | variable | value op value | not/!/-/empty value
 *              | value ? value : value | ( value )
 *              | value.name | value['name'] | value[value]     (maps, lists, decision results)
 *              | call
 * call        := bean.method(value, …)          a {@link PathwayCallable} method of a {@link PathwayBean}
 *              | execution|task.accessor(…)     getVariable, setVariable, hasVariable, …
 *              | decisionResult….accessor(…)    getSingleResult, collectEntries, getSingleEntry, …
 *              | value.get|size|isEmpty|contains|containsKey|indexOf(…)   reading lists and maps
 * op          := == != &lt; &gt; &lt;= &gt;= and or &amp;&amp; || + - * / div % mod
 * </pre>
 *
 * Not allowed: functions ({@code fn()}, {@code ns:fn()}), methods computed by name
 * ({@code x['getClass']()}), other methods, properties of beans other than marked getters,
 * {@code execution}/{@code task} properties other than their ids, and the property
 * {@code class} (and its relatives) on anything. Delegate expressions must be exactly
 * {@code ${bean}} of an allowed bean.
 */
public final class ExpressionPolicy {

  /** As the engine's {@code ExpressionFactoryImpl} parses (method invocations, varargs). */
  private static final Builder PARSER =
      new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private static final Field DOT_PROPERTY = dotPropertyField();

  private final PathwayBeans beans;

  public ExpressionPolicy(PathwayBeans beans) {
    this.beans = beans;
  }

  /**
   * Why an expression falls outside the grammar.
   *
   * @param rule a stable rule id
   * @param reason what the coordinator reads (Dutch), to follow the element's name
   * @param detail English, for logs
   */
  public record Verdict(String rule, String reason, String detail) {}

  private static final class Refused extends Exception {
    private final transient Verdict verdict;

    Refused(String rule, String detail, String key, Object... args) {
      super(detail, null, false, false);
      this.verdict = new Verdict(rule, PolicyMessages.text(key, args), detail);
    }
  }

  /** True when the text holds an expression the engine would evaluate. */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** The first reason an expression (or text with expressions) is outside the grammar. */
  public Optional<Verdict> check(String text) {
    try {
      walk(parse(text));
      return Optional.empty();
    } catch (Refused refused) {
      return Optional.of(refused.verdict);
    }
  }

  /** A delegate expression: exactly {@code ${bean}} of an allowed bean. */
  public Optional<Verdict> checkDelegate(String text) {
    try {
      Node root = parse(text);
      if (root instanceof AstEval eval && eval.getChild(0) instanceof AstIdentifier id) {
        if (beans.contains(id.getName())) {
          return Optional.empty();
        }
        throw new Refused(
            "expression-bean",
            "delegate bean not allowed: " + id.getName(),
            "expression.delegateUnknown",
            id.getName());
      }
      throw new Refused(
          "expression-delegate", "delegate expression is not ${bean}", "expression.delegateShape");
    } catch (Refused refused) {
      return Optional.of(refused.verdict);
    }
  }

  private static Node parse(String text) throws Refused {
    try {
      Tree tree = PARSER.build(text);
      return tree.getRoot();
    } catch (TreeBuilderException | IllegalArgumentException e) {
      throw new Refused("expression-syntax", "unreadable expression", "expression.syntax");
    }
  }

  private void walk(Node node) throws Refused {
    if (node instanceof AstText
        || node instanceof AstString
        || node instanceof AstNumber
        || node instanceof AstBoolean
        || node instanceof AstNull
        || node instanceof AstIdentifier) {
      return;
    }
    if (node instanceof AstEval
        || node instanceof AstComposite
        || node instanceof AstNested
        || node instanceof AstParameters
        || node instanceof AstUnary
        || node instanceof AstBinary
        || node instanceof AstChoice) {
      children(node);
      return;
    }
    if (node instanceof AstMethod method) {
      call(method);
      return;
    }
    if (node instanceof AstDot dot) {
      property(dot.getChild(0), dotName(dot));
      return;
    }
    if (node instanceof AstBracket bracket) {
      Node key = bracket.getChild(1);
      if (key instanceof AstString literal) {
        property(bracket.getChild(0), String.valueOf(literal.eval(null, null)));
      } else {
        Node prefix = bracket.getChild(0);
        if (prefix instanceof AstIdentifier id && !isVariable(id.getName())) {
          throw new Refused(
              "expression-property",
              "computed property of " + id.getName(),
              "expression.computedProperty",
              id.getName());
        }
        walk(prefix);
        walk(key);
      }
      return;
    }
    if (node instanceof AstFunction function) {
      throw new Refused(
          "expression-function",
          "function " + function.getName(),
          "expression.function",
          function.getName());
    }
    throw new Refused(
        "expression-syntax",
        "unsupported node " + node.getClass().getSimpleName(),
        "expression.unsupported");
  }

  private void children(Node node) throws Refused {
    for (int i = 0; i < node.getCardinality(); i++) {
      walk(node.getChild(i));
    }
  }

  /** {@code prefix.name} read as a value. */
  private void property(Node prefix, String name) throws Refused {
    if (prefix instanceof AstIdentifier id) {
      String root = id.getName();
      if (InvocationRules.FORBIDDEN_PROPERTIES.contains(name)) {
        throw new Refused("expression-property", "property " + name, "expression.property", name);
      }
      if (beans.contains(root)) {
        if (!beans.isReadable(root, name)) {
          throw new Refused(
              "expression-bean",
              "bean property " + root + "." + name,
              "expression.beanMember",
              root + "." + name);
        }
      } else if (InvocationRules.SCOPE_OBJECTS.contains(root)
          && !InvocationRules.SCOPE_PROPERTIES.contains(name)) {
        throw new Refused(
            "expression-property",
            "property " + root + "." + name,
            "expression.property",
            root + "." + name);
      }
      return; // a map key or list index of a variable
    }
    walk(prefix);
    if (InvocationRules.FORBIDDEN_PROPERTIES.contains(name)) {
      throw new Refused("expression-property", "property " + name, "expression.property", name);
    }
  }

  /** {@code prefix.name(params)}: the prefix first, so the first wrong step is the one named. */
  private void call(AstMethod method) throws Refused {
    Node property = method.getChild(0);
    Node params = method.getChild(1);
    String name;
    if (property instanceof AstDot dot) {
      name = dotName(dot);
    } else if (property instanceof AstBracket bracket
        && bracket.getChild(1) instanceof AstString literal) {
      name = String.valueOf(literal.eval(null, null));
    } else {
      throw new Refused("expression-method", "computed method name", "expression.computedMethod");
    }
    Node prefix = property.getChild(0);
    int arity = params.getCardinality();
    if (prefix instanceof AstIdentifier id) {
      String root = id.getName();
      if (beans.contains(root)) {
        if (!beans.isCallable(root, name, arity)) {
          throw new Refused(
              "expression-bean",
              "bean method " + root + "." + name,
              "expression.beanMember",
              root + "." + name);
        }
      } else if (InvocationRules.SCOPE_OBJECTS.contains(root)) {
        if (!InvocationRules.SCOPE_METHODS.contains(name)) {
          throw new Refused(
              "expression-method", "method " + root + "." + name, "expression.method", name);
        }
      } else if (!InvocationRules.COLLECTION_METHODS.contains(name)
          && !(InvocationRules.DECISION_RESULT.equals(root)
              && InvocationRules.DECISION_RESULT_METHODS.contains(name))) {
        throw new Refused("expression-method", "method " + name, "expression.method", name);
      }
    } else {
      walk(prefix);
      boolean onDecisionResult = InvocationRules.DECISION_RESULT.equals(rootIdentifier(prefix));
      if (!InvocationRules.COLLECTION_METHODS.contains(name)
          && !(onDecisionResult && InvocationRules.DECISION_RESULT_METHODS.contains(name))) {
        throw new Refused("expression-method", "method " + name, "expression.method", name);
      }
    }
    children(params);
  }

  private boolean isVariable(String identifier) {
    return !beans.contains(identifier) && !InvocationRules.SCOPE_OBJECTS.contains(identifier);
  }

  /** The identifier a chain {@code a.b().c[0]} starts with, or null. */
  private static String rootIdentifier(Node node) {
    Node current = node;
    while (current instanceof AstMethod
        || current instanceof AstDot
        || current instanceof AstBracket
        || current instanceof AstNested) {
      current = current.getChild(0);
    }
    return current instanceof AstIdentifier id ? id.getName() : null;
  }

  private static String dotName(AstDot dot) {
    try {
      return (String) DOT_PROPERTY.get(dot);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("Cannot read the property of a JUEL dot node", e);
    }
  }

  private static Field dotPropertyField() {
    try {
      Field field = AstDot.class.getDeclaredField("property");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException("JUEL's AstDot has no field 'property'", e);
    }
  }
}
