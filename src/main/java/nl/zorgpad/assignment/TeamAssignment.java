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
 * discipline group keeps the task (see {@link TeamResolver}) and the task shows why: its
 * description (the Tasklist's description tab) starts with the Dutch warning, and the task-local
 * variable {@value #WARNING_VARIABLE} holds the {@link AssignmentResult.Outcome} code (e.g.
 * {@code NO_TEAM}) — a code, not the text, because process data never holds free text
 * (docs/architecture.md; the pathway's variable guard checks it). Filters can select on it.
 *
 * <p>A team of the discipline that is already involved in the case ({@link CaseTeamLookup}: the
 * signaller's own team, a team that had a task or took the case over) keeps the case's tasks of
 * its discipline, whatever the neighbourhood (issue 11: the Utrecht midwife keeps her tasks when
 * the client turns out to live in Amersfoort). The neighbourhood decides for disciplines that are
 * not involved yet.
 *
 * <p>The case's neighbourhood comes from {@link CaseNeighbourhoodLookup}; the case number is the
 * process variable {@code caseNumber}, else the business key of the process or of the process
 * that called it.
 */
@Component(TeamAssignment.BEAN_NAME)
public class TeamAssignment implements TaskListener {

  public static final String BEAN_NAME = "teamAssignment";

  /** Task-local variable with the outcome code of a fallback (NO_NEIGHBOURHOOD, NO_TEAM, …). */
  public static final String WARNING_VARIABLE = "assignmentWarning";

  /** Separates the warning from the task's own description. */
  static final String DESCRIPTION_SEPARATOR = "\n\n";

  /** Every warning starts with this (messages assignment.warning.*). */
  static final String WARNING_PREFIX = "Let op:";

  private static final int MAX_DESCRIPTION = 4000;
  static final String CASE_NUMBER_VARIABLE = "caseNumber";
  private static final Logger LOG = LoggerFactory.getLogger(TeamAssignment.class);
  private static final int MAX_PENDING = 1000;

  private final TeamResolver resolver;
  private final CaseNeighbourhoodLookup neighbourhoods;
  private final CaseTeamLookup caseTeams;

  /**
   * Warnings found while the candidate groups were resolved, until the task's create event: keyed
   * by activity instance, which is the same in both moments and unique per task.
   */
  private final ThreadLocal<Map<String, List<AssignmentResult>>> pending =
      ThreadLocal.withInitial(HashMap::new);

  TeamAssignment(
      TeamResolver resolver, CaseNeighbourhoodLookup neighbourhoods, CaseTeamLookup caseTeams) {
    this.resolver = resolver;
    this.neighbourhoods = neighbourhoods;
    this.caseTeams = caseTeams;
  }

  /** The candidate groups the task gets instead of {@code groups} (the BPMN's). */
  public List<String> candidateGroups(Collection<String> groups, DelegateExecution execution) {
    if (groups.stream().noneMatch(ZorgpadGroups::isDiscipline)) {
      return new ArrayList<>(groups);
    }
    String caseNumber = caseNumber(execution);
    Optional<String> neighbourhood =
        neighbourhoods.neighbourhoodOf(caseNumber, name -> variable(execution, name));
    Set<String> result = new LinkedHashSet<>();
    List<AssignmentResult> warnings = new ArrayList<>();
    for (String group : groups) {
      List<String> involved =
          ZorgpadGroups.isDiscipline(group)
              ? caseTeams.involvedTeams(caseNumber, group)
              : List.of();
      if (!involved.isEmpty()) {
        result.addAll(involved);
        continue;
      }
      AssignmentResult assignment = resolver.resolve(group, neighbourhood.orElse(null));
      result.addAll(assignment.candidateGroups());
      if (assignment.isFallback()) {
        warnings.add(assignment);
        LOG.warn(
            "Task {} of case {} goes to discipline group {} ({})",
            execution.getCurrentActivityId(),
            caseNumber,
            group,
            assignment.outcome());
      }
    }
    if (!warnings.isEmpty()) {
      Map<String, List<AssignmentResult>> map = pending.get();
      if (map.size() > MAX_PENDING) {
        map.clear(); // leftovers of tasks whose creation failed
      }
      map.computeIfAbsent(key(execution), key -> new ArrayList<>()).addAll(warnings);
    }
    return new ArrayList<>(result);
  }

  /** On create: shows the warnings of this task's assignment on the task. */
  @Override
  public void notify(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    if (execution == null) {
      return;
    }
    List<AssignmentResult> warnings = pending.get().remove(key(execution));
    if (warnings == null || warnings.isEmpty()) {
      return;
    }
    task.setVariableLocal(WARNING_VARIABLE, warnings.get(0).outcome().name());
    Set<String> texts = new LinkedHashSet<>();
    warnings.forEach(warning -> texts.add(warning.warning()));
    String description = String.join(" ", texts);
    if (task.getDescription() != null && !task.getDescription().isBlank()) {
      description += DESCRIPTION_SEPARATOR + task.getDescription();
    }
    task.setDescription(
        description.length() <= MAX_DESCRIPTION
            ? description
            : description.substring(0, MAX_DESCRIPTION));
  }

  /**
   * The task's description without the warning {@link #notify} put in front of it (when the task
   * no longer falls back, e.g. after reassignment to a team).
   */
  static String withoutWarning(String description) {
    if (description == null || !description.startsWith(WARNING_PREFIX)) {
      return description;
    }
    int end = description.indexOf(DESCRIPTION_SEPARATOR);
    return end < 0 ? null : description.substring(end + DESCRIPTION_SEPARATOR.length());
  }

  private static String key(DelegateExecution execution) {
    return execution.getId() + "/" + execution.getActivityInstanceId();
  }

  private static String caseNumber(DelegateExecution execution) {
    Object variable = variable(execution, CASE_NUMBER_VARIABLE);
    if (variable != null) {
      return variable.toString();
    }
    for (DelegateExecution current = execution;
        current != null;
        current = current.getProcessInstance().getSuperExecution()) {
      if (current.getProcessBusinessKey() != null) {
        return current.getProcessBusinessKey();
      }
    }
    return null;
  }

  /** A variable of the task's process, or else of the processes that called it. */
  private static Object variable(DelegateExecution execution, String name) {
    for (DelegateExecution current = execution;
        current != null;
        current = current.getProcessInstance().getSuperExecution()) {
      Object value = current.getVariable(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }
}
