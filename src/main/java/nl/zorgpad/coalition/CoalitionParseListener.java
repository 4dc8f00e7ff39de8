package nl.zorgpad.coalition;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.DmnBusinessRuleTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.model.BaseCallableElement;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Applies the coalition resolution rule ({@link CoalitionDefinitionTenant}) to every call
 * activity and DMN business rule task once, at parse time, so that no BPMN needs a
 * {@code camunda:calledElementTenantId} or {@code camunda:decisionRefTenantId}. An element that
 * states one explicitly keeps it.
 */
public class CoalitionParseListener extends AbstractBpmnParseListener {

  @Override
  public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof CallableElementActivityBehavior behavior) {
      apply(behavior.getCallableElement(), CoalitionDefinitionTenant.Kind.PROCESS);
    }
  }

  @Override
  public void parseBusinessRuleTask(Element element, ScopeImpl scope, ActivityImpl activity) {
    if (activity.getActivityBehavior() instanceof DmnBusinessRuleTaskActivityBehavior behavior) {
      apply(callableElementOf(behavior), CoalitionDefinitionTenant.Kind.DECISION);
    }
  }

  private static void apply(
      BaseCallableElement callableElement, CoalitionDefinitionTenant.Kind kind) {
    if (callableElement != null && callableElement.getTenantIdProvider() == null) {
      callableElement.setTenantIdProvider(new CoalitionDefinitionTenant(callableElement, kind));
    }
  }

  /** Camunda 7.24 keeps the decision reference in a protected field without a getter. */
  private static BaseCallableElement callableElementOf(
      DmnBusinessRuleTaskActivityBehavior behavior) {
    try {
      Field field = DmnBusinessRuleTaskActivityBehavior.class.getDeclaredField("callableElement");
      field.setAccessible(true);
      return (BaseCallableElement) field.get(behavior);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "Cannot apply the coalition rule to business rule tasks" + " of this engine version", e);
    }
  }
}
