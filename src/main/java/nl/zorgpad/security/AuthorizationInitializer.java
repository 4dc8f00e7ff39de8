package nl.zorgpad.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import nl.zorgpad.startup.StartupStep;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Grants each group the engine authorizations it needs and no more (need-to-know).
 *
 * <ul>
 *   <li>Caregivers (disciplines): the Tasklist, the shared filters, reading pathway definitions
 *       (forms, diagrams) and starting a case. Tasks are granted per task by the engine when the
 *       discipline becomes a candidate group; the process instance of such a task by
 *       {@link ZorgpadAuthorizationProvider}. No history, no other cases.</li>
 *   <li>Coordinators: deploy and manage pathway, decision and form definitions and move running
 *       cases to a new version (migration); no case data.</li>
 *   <li>Auditors: read history (Cockpit) and the operation log; they cannot change anything.</li>
 *   <li>Administrators ({@code camunda-admin}): everything.</li>
 * </ul>
 * Idempotent: run at every start; grants are only added, never widened beyond this list.
 */
@Component
@Order(StartupStep.AUTHORIZATIONS)
public class AuthorizationInitializer implements StartupStep {

  private final AuthorizationService authorizationService;

  AuthorizationInitializer(AuthorizationService authorizationService) {
    this.authorizationService = authorizationService;
  }

  /** Start-up step (nl.zorgpad.startup): after the groups. */
  @Override
  public void run() {
    ensureAuthorizations();
  }

  public void ensureAuthorizations() {
    for (String discipline : ZorgpadGroups.DISCIPLINES) {
      ensureCaregiverAuthorizations(discipline);
    }

    String coordinator = ZorgpadGroups.COORDINATOR;
    grant(coordinator, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(coordinator, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(coordinator, Resources.FILTER, ANY, Permissions.READ);
    grant(
        coordinator,
        Resources.DEPLOYMENT,
        ANY,
        Permissions.CREATE,
        Permissions.READ,
        Permissions.DELETE);
    grant(
        coordinator,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        Permissions.UPDATE,
        Permissions.DELETE,
        ProcessDefinitionPermissions.SUSPEND,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    // the workbench moves running cases to a new pathway version (engine migration batch)
    grant(
        coordinator,
        Resources.PROCESS_DEFINITION,
        ANY,
        ProcessDefinitionPermissions.MIGRATE_INSTANCE);
    grant(
        coordinator,
        Resources.BATCH,
        ANY,
        Permissions.READ,
        BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES);
    grant(coordinator, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    grant(coordinator, Resources.DECISION_DEFINITION, ANY, Permissions.ALL);
    grant(coordinator, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.ALL);
    grant(coordinator, Resources.GROUP, ANY, Permissions.READ);

    String auditor = ZorgpadGroups.AUDITOR;
    grant(auditor, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(auditor, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(
        auditor,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        ProcessDefinitionPermissions.READ_HISTORY);
    grant(auditor, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(auditor, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    grant(auditor, Resources.USER, ANY, Permissions.READ);
    grant(auditor, Resources.GROUP, ANY, Permissions.READ);

    for (Resources resource : Resources.values()) {
      grant(ZorgpadGroups.ADMIN, resource, ANY, Permissions.ALL);
    }
  }

  /**
   * The grants of a caregivers' group: a discipline, or a team of the sociale kaart (which gets
   * the same rights as its discipline). Idempotent.
   */
  public void ensureCaregiverAuthorizations(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grant(groupId, Resources.FILTER, ANY, Permissions.READ);
    grant(
        groupId,
        Resources.PROCESS_DEFINITION,
        ANY,
        Permissions.READ,
        ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // names of colleagues (assignees, candidate users) are shown in the Tasklist
    grant(groupId, Resources.USER, ANY, Permissions.READ);
    grant(groupId, Resources.GROUP, ANY, Permissions.READ);
  }

  private void grant(
      String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization authorization =
        authorizationService
            .createAuthorizationQuery()
            .groupIdIn(groupId)
            .resourceType(resource)
            .resourceId(resourceId)
            .authorizationType(AUTH_TYPE_GRANT)
            .singleResult();
    if (authorization == null) {
      authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
      authorization.setGroupId(groupId);
      authorization.setResource(resource);
      authorization.setResourceId(resourceId);
    }
    boolean changed = authorization.getId() == null;
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }
}
