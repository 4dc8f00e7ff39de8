package nl.zorgpad.notification;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Gives every user task of every pathway a built-in create listener ({@link TaskArrival}), as
 * {@code nl.zorgpad.assignment.TeamAssignmentPlugin} does for team assignment: no BPMN mentions
 * notifications. The listener runs after the engine resolved the task's candidate groups.
 */
@Component
class NotificationEnginePlugin extends AbstractProcessEnginePlugin {

  private final Supplier<TaskArrival> arrival;

  @Autowired
  NotificationEnginePlugin(ObjectProvider<TaskArrival> arrival) {
    // resolved at the first task, not while the engine is built (it needs the database)
    this.arrival = arrival::getObject;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    TaskListener onCreate = task -> arrival.get().taskCreated(task);
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
              behavior
                  .getTaskDefinition()
                  .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }
}
