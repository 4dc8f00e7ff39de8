package nl.zorgpad.modelpolicy;

import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.CallableElementActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.ClassDelegateActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.core.model.CoreModelElement;
import org.camunda.bpm.engine.impl.delegate.ClassDelegate;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.PvmTransition;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityBehavior;
import org.camunda.bpm.engine.impl.pvm.delegate.ActivityExecution;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.pvm.process.TransitionImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Defence in depth for Java classes (decision 0006): when the engine parses a definition (a new
 * deployment, or an old one read back into the cache after a restart), every
 * {@code camunda:class} that is not on the allow-list is replaced by a step that refuses to run
 * and never loads the class. New deployments never get here with such a class (the
 * {@link ModelPolicyDeployer} refuses them); a definition from before the policy does, and then
 * only its forbidden steps stop, so its cases can still be migrated or ended.
 */
final class ModelPolicyParseListener extends AbstractBpmnParseListener {

  private static final Logger LOG = LoggerFactory.getLogger(ModelPolicyParseListener.class);

  private final PathwayBeans beans;

  ModelPolicyParseListener(PathwayBeans beans) {
    this.beans = beans;
  }

  @Override
  public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> definitions) {
    for (ProcessDefinitionEntity definition : definitions) {
      guardListeners(definition, definition);
      guardScope(definition, definition);
    }
  }

  private void guardScope(ProcessDefinitionEntity definition, ScopeImpl scope) {
    for (ActivityImpl activity : scope.getActivities()) {
      guardListeners(definition, activity);
      ActivityBehavior behavior = activity.getActivityBehavior();
      String className =
          behavior instanceof ClassDelegateActivityBehavior
                  || behavior instanceof CallableElementActivityBehavior
              ? (String) field(behavior, "className")
              : null;
      if (className != null && !beans.isAllowedClass(className)) {
        warn(definition, activity.getId(), className);
        activity.setActivityBehavior(new Refused(className, activity.getId()));
      }
      if (behavior instanceof UserTaskActivityBehavior userTask) {
        guardTaskListeners(definition, activity.getId(), userTask.getTaskDefinition());
      }
      for (PvmTransition transition : activity.getOutgoingTransitions()) {
        guardListeners(definition, (TransitionImpl) transition);
      }
      guardScope(definition, activity);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private void guardListeners(ProcessDefinitionEntity definition, CoreModelElement element) {
    for (List<DelegateListener<?>> listeners :
        (Iterable<List<DelegateListener<?>>>) (Iterable) element.getListeners().values()) {
      for (int i = 0; i < listeners.size(); i++) {
        if (listeners.get(i) instanceof ClassDelegate delegate
            && !beans.isAllowedClass(delegate.getClassName())) {
          warn(definition, element.getId(), delegate.getClassName());
          ((List) listeners).set(i, new Refused(delegate.getClassName(), element.getId()));
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void guardTaskListeners(
      ProcessDefinitionEntity definition, String activityId, TaskDefinition task) {
    for (List<TaskListener> listeners : task.getTaskListeners().values()) {
      for (int i = 0; i < listeners.size(); i++) {
        if (listeners.get(i) instanceof ClassDelegate delegate
            && !beans.isAllowedClass(delegate.getClassName())) {
          warn(definition, activityId, delegate.getClassName());
          listeners.set(i, new Refused(delegate.getClassName(), activityId));
        }
      }
    }
    Map<String, TaskListener> timeouts =
        (Map<String, TaskListener>) field(task, "timeoutTaskListeners");
    if (timeouts != null) {
      timeouts.replaceAll(
          (id, listener) ->
              listener instanceof ClassDelegate delegate
                      && !beans.isAllowedClass(delegate.getClassName())
                  ? new Refused(delegate.getClassName(), activityId)
                  : listener);
    }
  }

  private static void warn(ProcessDefinitionEntity definition, String element, String type) {
    LOG.warn(
        "Model policy: definition {} (deployment {}) names Java class {} at {}; that step"
            + " is refused when it runs",
        definition.getKey(),
        definition.getDeploymentId(),
        type,
        element);
  }

  private static Object field(Object target, String name) {
    Class<?> type = target.getClass();
    while (type != null) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        type = type.getSuperclass();
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + name + " of " + target, e);
      }
    }
    return null;
  }

  /** A step, listener or variable mapping that refuses to run; the class is never loaded. */
  private record Refused(String className, String element)
      implements ActivityBehavior, ExecutionListener, TaskListener {

    @Override
    public void execute(ActivityExecution execution) {
      throw BlockedByPolicyException.javaClass(className, element);
    }

    @Override
    public void notify(DelegateExecution execution) {
      throw BlockedByPolicyException.javaClass(className, element);
    }

    @Override
    public void notify(DelegateTask task) {
      throw BlockedByPolicyException.javaClass(className, element);
    }
  }
}
