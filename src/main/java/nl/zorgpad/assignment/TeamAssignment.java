package nl.zorgpad.assignment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.security.ZorgpadGroups;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends each user task to the team that serves the case's neighbourhood. Applied to every user
 * task by {@link TeamAssignmentPlugin} — no BPMN needs to mention it.
 *
 * <p>While the engine creates a task, each candidate group that is a discipline (e.g. {@code jgz})
 * is replaced by the group of the team that serves the case's neighbourhood (e.g.
 * {@code jgz-utrecht-west}), before the group is linked to the task: the discipline group never
 * gets an authorization on a task that belongs to a team. When there is no such team the
 * discipline group keeps the task and the task gets the local variable
 * {@value #WARNING_VARIABLE} with a Dutch text saying why (see {@link TeamResolver}).
 *
 * <p>The case's neighbourhood comes from {@link CaseNeighbourhoodLookup}; the case number is the
 * process variable {@code caseNumber}, else the business key of the process or of the process
 * that called it.
 */
@Component(TeamAssignment.BEAN_NAME)
public class TeamAssignment implements TaskListener {

  public static final String BEAN_NAME = "teamAssignment";
  /** Task-local variable with the Dutch warning of a fallback. */
  public static final String WARNING_VARIABLE = "assignmentWarning";
  static final String CASE_NUMBER_VARIABLE = "caseNumber";
  private static final Logger LOG = LoggerFactory.getLogger(TeamAssignment.class);
  private static final int MAX_PENDING = 1000;

  private final TeamResolver resolver;
  private final CaseNeighbourhoodLookup neighbourhoods;
  /**
   * Warnings found while the candidate groups were resolved, until the task's create event: keyed
   * by activity instance, which is the same in both moments and unique per task.
   */
  private final ThreadLocal<Map<String, List<String>>> pending =
      ThreadLocal.withInitial(HashMap::new);

  TeamAssignment(TeamResolver resolver, CaseNeighbourhoodLookup neighbourhoods) {
    this.resolver = resolver;
    this.neighbourhoods = neighbourhoods;
  }

  /** The candidate groups the task gets instead of {@code groups} (the BPMN's). */
  public List<String> candidateGroups(Collection<String> groups, DelegateExecution execution) {
    if (groups.stream().noneMatch(ZorgpadGroups::isDiscipline)) {
      return new ArrayList<>(groups);
    }
    String caseNumber = caseNumber(execution);
    Optional<String> neighbourhood = neighbourhoods.neighbourhoodOf(caseNumber,
        name -> variable(execution, name));
    Set<String> result = new LinkedHashSet<>();
    List<String> warnings = new ArrayList<>();
    for (String group : groups) {
      AssignmentResult assignment = resolver.resolve(group, neighbourhood.orElse(null));
      result.addAll(assignment.candidateGroups());
      assignment.warningText().ifPresent(warning -> {
        warnings.add(warning);
        LOG.warn("Task {} of case {} goes to discipline group {} ({})",
            execution.getCurrentActivityId(), caseNumber, group, assignment.outcome());
      });
    }
    if (!warnings.isEmpty()) {
      Map<String, List<String>> map = pending.get();
      if (map.size() > MAX_PENDING) {
        map.clear(); // leftovers of tasks whose creation failed
      }
      map.computeIfAbsent(key(execution), key -> new ArrayList<>()).addAll(warnings);
    }
    return new ArrayList<>(result);
  }

  /** On create: records the warnings of this task's assignment on the task. */
  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return;
    }
    List<String> warnings = pending.get().remove(key(execution));
    if (warnings != null && !warnings.isEmpty()) {
      task.setVariableLocal(WARNING_VARIABLE, String.join(" ", new LinkedHashSet<>(warnings)));
    }
  }

  private static String key(DelegateExecution execution) {
    return execution.getId() + "/" + execution.getActivityInstanceId();
  }

  private static String caseNumber(DelegateExecution execution) {
    Object variable = variable(execution, CASE_NUMBER_VARIABLE);
    if (variable != null) {
      return variable.toString();
    }
    for (DelegateExecution current = execution; current != null;
        current = current.getProcessInstance().getSuperExecution()) {
      if (current.getProcessBusinessKey() != null) {
        return current.getProcessBusinessKey();
      }
    }
    return null;
  }

  /** A variable of the task's process, or else of the processes that called it. */
  private static Object variable(DelegateExecution execution, String name) {
    for (DelegateExecution current = execution; current != null;
        current = current.getProcessInstance().getSuperExecution()) {
      Object value = current.getVariable(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
