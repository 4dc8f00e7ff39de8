package nl.zorgpad.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Applies {@link TeamAssignment} to every user task of every pathway, so that a BPMN only names
 * the discipline ({@code camunda:candidateGroups="jgz"} or an expression that yields one) and
 * the sociale kaart decides the team. Each candidate-group expression is wrapped: its value is
 * passed through {@link TeamAssignment#candidateGroups} before the engine links the groups; a
 * built-in create listener records a fallback warning on the task.
 */
@Component
public class TeamAssignmentPlugin extends AbstractProcessEnginePlugin {

  private final Supplier<TeamAssignment> assignment;

  @Autowired
  TeamAssignmentPlugin(ObjectProvider<TeamAssignment> assignment) {
    // resolved at the first task, not while the engine is built (it needs JPA)
    this(assignment::getObject);
  }

  TeamAssignmentPlugin(Supplier<TeamAssignment> assignment) {
    this.assignment = assignment;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new UserTaskParseListener(assignment));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static final class UserTaskParseListener extends AbstractBpmnParseListener {

    private final Supplier<TeamAssignment> assignment;
    private final TaskListener onCreate;

    UserTaskParseListener(Supplier<TeamAssignment> assignment) {
      this.assignment = assignment;
      this.onCreate = task -> assignment.get().notify(task);
    }

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior)) {
        return;
      }
      TaskDefinition definition = behavior.getTaskDefinition();
      Set<Expression> original = new LinkedHashSet<>(definition.getCandidateGroupIdExpressions());
      if (original.isEmpty()) {
        return;
      }
      definition.getCandidateGroupIdExpressions().clear();
      for (Expression expression : original) {
        definition.addCandidateGroupIdExpression(new TeamCandidateGroups(expression, assignment));
      }
      definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
    }
  }

  /** A candidate-group expression whose discipline groups become team groups. */
  static final class TeamCandidateGroups implements Expression {

    private final Expression original;
    private final Supplier<TeamAssignment> assignment;

    TeamCandidateGroups(Expression original, Supplier<TeamAssignment> assignment) {
      this.original = original;
      this.assignment = assignment;
    }

    @Override
    public Object getValue(VariableScope variableScope) {
      Object value = original.getValue(variableScope);
      if (!(variableScope instanceof DelegateExecution execution)) {
        return value;
      }
      Collection<String> groups;
      if (value instanceof String text) {
        groups = new ArrayList<>();
        for (String group : text.split(",")) {
          if (!group.isBlank()) {
            groups.add(group.strip());
          }
        }
      } else if (value instanceof Collection<?> collection) {
        groups = collection.stream().map(String::valueOf).toList();
      } else {
        return value; // the engine reports what is wrong with it
      }
      return assignment.get().candidateGroups(groups, execution);
    }

    @Override
    public void setValue(Object value, VariableScope variableScope) {
      original.setValue(value, variableScope);
    }

    @Override
    public String getExpressionText() {
      return original.getExpressionText();
    }

    /** Never literal: its value is not its text. */
    @Override
    public boolean isLiteralText() {
      return false;
    }
  }
}
