package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CONTACT_DATE;
import static nl.zorgpad.pathway.PathwayVariables.CONTACT_METHOD;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import nl.zorgpad.casus.HandoverRegistry;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps the dossier's involvement in step with the pathways, without any BPMN mentioning it:
 * every user task of every pathway gets two built-in listeners.
 *
 * <ul>
 *   <li>On create: the task's candidate groups (after team assignment has resolved them) become
 *       involved in the case (role TASK). {@code ZorgpadAuthorizationProvider} separately grants
 *       those groups READ on the task's process instances in the engine; this plugin does not
 *       touch engine authorizations.</li>
 *   <li>On complete: when the completed task submitted a contact date ({@code contactDate}, the
 *       recipient's confirmation in the warm handover) and its process has an open handover
 *       record, the handover is confirmed and the task's candidate groups are involved with role
 *       HANDOVER.</li>
 * </ul>
 */
@Component
public class DossierTaskPlugin extends AbstractProcessEnginePlugin {

  private final Supplier<HandoverRegistry> dossier;

  @Autowired
  DossierTaskPlugin(ObjectProvider<HandoverRegistry> dossier) {
    // resolved at the first task, not while the engine is built (it needs JPA)
    this.dossier = dossier::getObject;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new UserTaskParseListener(this::onCreate, this::onComplete));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  void onCreate(DelegateTask task) {
    List<String> groups = candidateGroups(task);
    if (!groups.isEmpty()) {
      dossier
          .get()
          .involveForTask(
              caseNumber(task), groups, Actors.current(task.getProcessEngineServices()));
    }
  }

  void onComplete(DelegateTask task) {
    if (task.getExecution() == null || task.getVariable(CONTACT_DATE) == null) {
      return;
    }
    VariableReader input = VariableReader.of(task);
    dossier
        .get()
        .confirmHandover(
            task.getProcessInstanceId(),
            input.date(CONTACT_DATE),
            input.string(CONTACT_METHOD),
            candidateGroups(task),
            Actors.current(task.getProcessEngineServices()));
  }

  private static List<String> candidateGroups(DelegateTask task) {
    List<String> groups = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
    }
    return groups;
  }

  private static String caseNumber(DelegateTask task) {
    if (task.getExecution() == null) {
      return null;
    }
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (businessKey != null) {
      return businessKey;
    }
    Object variable = task.getVariable(CASE_NUMBER);
    return variable == null ? null : variable.toString();
  }

  static final class UserTaskParseListener extends AbstractBpmnParseListener {

    private final TaskListener onCreate;
    private final TaskListener onComplete;

    UserTaskParseListener(TaskListener onCreate, TaskListener onComplete) {
      this.onCreate = onCreate;
      this.onComplete = onComplete;
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        behavior
            .getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
        behavior
            .getTaskDefinition()
            .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
      }
    }
  }
}
