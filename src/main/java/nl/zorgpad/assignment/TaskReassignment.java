package nl.zorgpad.assignment;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The regiehouder moves a task to another team of the same discipline — or back to the whole
 * discipline — e.g. after a fallback, or when the family moved (vuistregel 8: the regiehouder
 * keeps the overview).
 *
 * <p>The groups that lose the task also lose their authorization on it (the engine keeps it
 * otherwise), and an assignee outside the new team is removed, so that the old team can no
 * longer see or complete it. Their read access to the case itself stays (they were involved).
 * Whether the user is the regiehouder of <em>this</em> case is for the case page to decide; here
 * it takes membership of the {@code regiehouder} or {@code buurtteam} discipline (either can hold
 * the role).
 *
 * <p>The change runs in one engine command with the engine's authorization checks switched off
 * (the regiehouder holds no TASK_ASSIGN on another team's task) but with her authentication
 * kept, so that the engine's user operation log and identity-link history name her as the one
 * who moved the task — the auditor sees who did it.
 */
@Service
public class TaskReassignment {

  private static final Logger LOG = LoggerFactory.getLogger(TaskReassignment.class);

  private final TaskService taskService;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final TeamRepository teams;
  private final ProcessEngineConfigurationImpl engineConfiguration;

  TaskReassignment(
      TaskService taskService,
      IdentityService identityService,
      AuthorizationService authorizationService,
      TeamRepository teams,
      ProcessEngineConfigurationImpl engineConfiguration) {
    this.engineConfiguration = engineConfiguration;
    this.taskService = taskService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.teams = teams;
  }

  /**
   * @param taskId an open user task
   * @param targetGroupId a team's group id, or the discipline id itself
   * @return the candidate groups the task had before
   * @throws ReassignmentException (with a Dutch message key) when the task or team does not exist
   *     or the team has another discipline than the task
   */
  @PreAuthorize("hasAuthority('GROUP_regiehouder') or hasAuthority('GROUP_buurtteam')")
  @Transactional
  public List<String> reassign(String taskId, String targetGroupId) {
    // Zorgpad decided who may do this; the engine skips its own checks but keeps the user
    Authentication previous = identityService.getCurrentAuthentication();
    if (previous == null) {
      identityService.setAuthentication(actor(), List.of());
    }
    try {
      return engineConfiguration
          .getCommandExecutorTxRequired()
          .execute(
              commandContext -> {
                commandContext.disableAuthorizationCheck();
                try {
                  return doReassign(taskId, targetGroupId);
                } finally {
                  commandContext.enableAuthorizationCheck();
                }
              });
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      }
    }
  }

  /**
   * The groups an open task may move to: the teams of its discipline (by name) and the
   * discipline itself; empty when the task has no single discipline.
   */
  @Transactional(readOnly = true)
  public List<Target> targets(String taskId) {
    return targets(taskId, List.of());
  }

  /**
   * The same, limited to the teams of organisations of the given coalitions of the sociale kaart
   * (the case's: issue 11, not ~30 teams of every region); all teams when none is given.
   */
  @Transactional(readOnly = true)
  public List<Target> targets(String taskId, java.util.Collection<String> coalitions) {
    String discipline = singleDiscipline(candidateGroups(taskId));
    if (discipline == null) {
      return List.of();
    }
    List<Target> targets = new java.util.ArrayList<>();
    teams.findByDisciplineOrderByName(discipline).stream()
        .filter(
            team ->
                coalitions.isEmpty()
                    || (team.getOrganisation() != null
                        && coalitions.contains(team.getOrganisation().getCoalition())))
        .forEach(team -> targets.add(new Target(team.getGroupId(), team.getName())));
    targets.add(new Target(discipline, ZorgpadGroups.displayName(discipline)));
    return targets;
  }

  /** A group a task can be given to, with the name users know it by. */
  public record Target(String groupId, String name) {}

  private List<String> doReassign(String taskId, String target) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    if (task == null) {
      throw new ReassignmentException("assignment.reassign.unknownTask");
    }
    List<String> current = candidateGroups(taskId);
    String discipline = singleDiscipline(current);
    if (discipline == null) {
      throw new ReassignmentException("assignment.reassign.noDiscipline");
    }
    String targetDiscipline = disciplineOf(target);
    if (targetDiscipline == null) {
      throw new ReassignmentException("assignment.reassign.unknownTeam", target);
    }
    if (!targetDiscipline.equals(discipline)) {
      throw new ReassignmentException(
          "assignment.reassign.otherDiscipline",
          ZorgpadGroups.displayName(targetDiscipline),
          ZorgpadGroups.displayName(discipline));
    }
    for (String group : current) {
      if (!group.equals(target)) {
        taskService.deleteCandidateGroup(taskId, group);
        revoke(taskId, group, null);
      }
    }
    if (!current.contains(target)) {
      taskService.addCandidateGroup(taskId, target);
    }
    String assignee = task.getAssignee();
    if (assignee != null
        && identityService.createUserQuery().userId(assignee).memberOfGroup(target).count() == 0) {
      taskService.setAssignee(taskId, null);
      revoke(taskId, null, assignee);
    }
    if (!ZorgpadGroups.isDiscipline(target)
        && taskService.getVariableLocal(taskId, TeamAssignment.WARNING_VARIABLE) != null) {
      // the task reached a team: the fallback warning no longer applies
      taskService.removeVariableLocal(taskId, TeamAssignment.WARNING_VARIABLE);
      Task reached = taskService.createTaskQuery().taskId(taskId).singleResult();
      reached.setDescription(TeamAssignment.withoutWarning(reached.getDescription()));
      taskService.saveTask(reached);
    }
    LOG.info("{} moved task {} from {} to {}", actor(), taskId, current, target);
    return current;
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(groupId -> groupId != null)
        .toList();
  }

  /** The one discipline of these groups; null when there is none or more than one. */
  private String singleDiscipline(List<String> groups) {
    Set<String> disciplines =
        groups.stream()
            .map(this::disciplineOf)
            .filter(discipline -> discipline != null)
            .collect(Collectors.toSet());
    return disciplines.size() == 1 ? disciplines.iterator().next() : null;
  }

  /** The discipline of a discipline or team group; null for any other group. */
  private String disciplineOf(String groupId) {
    if (ZorgpadGroups.isDiscipline(groupId)) {
      return groupId;
    }
    return teams.findByGroupId(groupId).map(Team::getDiscipline).orElse(null);
  }

  private void revoke(String taskId, String groupId, String userId) {
    var query =
        authorizationService
            .createAuthorizationQuery()
            .resourceType(Resources.TASK)
            .resourceId(taskId)
            .authorizationType(Authorization.AUTH_TYPE_GRANT);
    query = groupId != null ? query.groupIdIn(groupId) : query.userIdIn(userId);
    for (Authorization authorization : query.list()) {
      authorizationService.deleteAuthorization(authorization.getId());
    }
  }

  private static String actor() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }
}
