package nl.zorgpad.assignment;

import nl.zorgpad.security.AuthorizationInitializer;
import nl.zorgpad.socialmap.TeamGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A team's candidate group in the engine: type WORKFLOW, named after the team, with the same
 * rights as its discipline group ({@link AuthorizationInitializer#ensureCaregiverAuthorizations}).
 * Runs in the caller's transaction (the engine shares Spring's), so a refused CSV import leaves no
 * group behind.
 */
@Component
class EngineTeamGroups implements TeamGroups {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTeamGroups.class);

  private final IdentityService identityService;
  private final TaskService taskService;
  private final AuthorizationInitializer authorizations;

  EngineTeamGroups(
      IdentityService identityService,
      TaskService taskService,
      AuthorizationInitializer authorizations) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  @Override
  public void ensureGroup(String groupId, String discipline, String name) {
    Group group = identityService.createGroupQuery().groupId(groupId).singleResult();
    if (group == null) {
      group = identityService.newGroup(groupId);
      group.setName(name);
      group.setType(Groups.GROUP_TYPE_WORKFLOW);
      identityService.saveGroup(group);
      LOG.info("Created group {} for a team of discipline {}", groupId, discipline);
    } else if (Groups.GROUP_TYPE_SYSTEM.equals(group.getType())) {
      throw new IllegalStateException("Group " + groupId + " is a system group, not a team");
    } else if (!name.equals(group.getName())) {
      group.setName(name);
      identityService.saveGroup(group);
    }
    authorizations.ensureCaregiverAuthorizations(groupId);
  }

  @Override
  public long openTaskCount(String groupId) {
    return taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks().count();
  }
}
