package nl.zorgpad.modelpolicy;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * What an expression may call or read besides the {@link PathwayBean}s: the variable accessors
 * of {@code execution} and {@code task}, a few of their ids, the decision result's accessors and
 * reading lists and maps. One list for the check at deployment ({@link ExpressionPolicy}, by
 * name) and the resolver at run time ({@link PolicyElResolver}, by the object's type).
 */
final class InvocationRules {

  /** The objects the engine puts into every expression (VariableScopeElResolver). */
  static final Set<String> SCOPE_OBJECTS = Set.of("execution", "task");

  /** The name the engine gives the result of a business rule task in its output mapping. */
  static final String DECISION_RESULT = "decisionResult";

  static final Set<String> VARIABLE_ACCESSORS =
      Set.of(
          "getVariable",
          "getVariableLocal",
          "hasVariable",
          "hasVariableLocal",
          "hasVariables",
          "hasVariablesLocal",
          "setVariable",
          "setVariableLocal",
          "removeVariable",
          "removeVariableLocal",
          "getVariables",
          "getVariablesLocal",
          "getVariableNames",
          "getVariableNamesLocal");

  /** Ids and names of the execution or task, readable as {@code execution.processBusinessKey}. */
  static final Set<String> SCOPE_PROPERTIES =
      Set.of(
          "id",
          "processInstanceId",
          "processBusinessKey",
          "businessKey",
          "processDefinitionId",
          "currentActivityId",
          "currentActivityName",
          "activityInstanceId",
          "eventName",
          "tenantId",
          "name",
          "taskDefinitionKey",
          "executionId",
          "assignee",
          "owner",
          "dueDate",
          "followUpDate",
          "priority",
          "createTime");

  /** {@link #VARIABLE_ACCESSORS} and the getters of {@link #SCOPE_PROPERTIES}. */
  static final Set<String> SCOPE_METHODS;

  static final Set<String> DECISION_RESULT_METHODS =
      Set.of(
          "getSingleResult",
          "getFirstResult",
          "getResultList",
          "collectEntries",
          "getSingleEntry",
          "getFirstEntry",
          "getEntry",
          "getEntryMap");

  /** Reading a list or map variable, e.g. {@code ${mdoActions.get(loopCounter)}}. */
  static final Set<String> COLLECTION_METHODS =
      Set.of("get", "size", "isEmpty", "contains", "containsKey", "indexOf");

  /** Never readable as a property, whatever the object (reflection starts here). */
  static final Set<String> FORBIDDEN_PROPERTIES =
      Set.of(
          "class",
          "classLoader",
          "declaringClass",
          "module",
          "protectionDomain",
          "metaClass",
          "processEngine",
          "processEngineServices");

  static {
    Set<String> methods = new HashSet<>(VARIABLE_ACCESSORS);
    for (String property : SCOPE_PROPERTIES) {
      methods.add("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
    }
    SCOPE_METHODS = Set.copyOf(methods);
  }

  private InvocationRules() {}

  /** At run time: may {@code method} be called on {@code base}? */
  static boolean allowsInvoke(Object base, String method, int arity) {
    if (base == null || method == null) {
      return false;
    }
    if (PathwayBeans.isPathwayBeanClass(base.getClass())) {
      return PathwayBeans.allowsMethod(base.getClass(), method, arity);
    }
    if (base instanceof VariableScope) {
      return SCOPE_METHODS.contains(method);
    }
    if (base instanceof DmnDecisionResult
        || base instanceof DmnDecisionResultEntries
        || base instanceof DmnDecisionTableResult
        || base instanceof DmnDecisionRuleResult) {
      return DECISION_RESULT_METHODS.contains(method) || COLLECTION_METHODS.contains(method);
    }
    if (base instanceof Collection<?> || base instanceof Map<?, ?>) {
      return COLLECTION_METHODS.contains(method);
    }
    return false;
  }

  /** At run time: may {@code property} be read from {@code base}? */
  static boolean allowsProperty(Object base, Object property) {
    if (base == null) {
      return true; // an identifier: a variable, execution/task or an allowed bean
    }
    if (base instanceof Map<?, ?>) {
      return true; // a key (MapELResolver), no reflection
    }
    String name = String.valueOf(property);
    if (base instanceof java.util.List<?> || base.getClass().isArray()) {
      return !FORBIDDEN_PROPERTIES.contains(name); // an index (List/ArrayELResolver)
    }
    if (FORBIDDEN_PROPERTIES.contains(name)) {
      return false;
    }
    if (PathwayBeans.isPathwayBeanClass(base.getClass())) {
      return PathwayBeans.allowsGetter(base.getClass(), name);
    }
    if (base instanceof VariableScope) {
      return SCOPE_PROPERTIES.contains(name);
    }
    return false;
  }
}
