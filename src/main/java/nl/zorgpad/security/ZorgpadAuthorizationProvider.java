package nl.zorgpad.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * Need-to-know for process instances: when a discipline becomes a candidate group of a task, it
 * may also read the process instance of that task and the case (root process instance) it belongs
 * to — and nothing else. The engine's default provider only grants the task itself.
 */
public class ZorgpadAuthorizationProvider extends DefaultAuthorizationProvider {

  @Override
  public AuthorizationEntity[] newTaskGroupIdentityLink(
      Task task, String groupId, String identityLinkType) {
    AuthorizationEntity[] taskGrants =
        super.newTaskGroupIdentityLink(task, groupId, identityLinkType);
    if (groupId == null || task.getProcessInstanceId() == null) {
      return taskGrants;
    }
    List<AuthorizationEntity> result = new ArrayList<>();
    if (taskGrants != null) {
      result.addAll(Arrays.asList(taskGrants));
    }
    Set<String> instances = new LinkedHashSet<>();
    instances.add(task.getProcessInstanceId());
    String root = getRootProcessInstanceId(task);
    if (root != null) {
      instances.add(root);
    }
    for (String processInstanceId : instances) {
      AuthorizationEntity existing =
          getGrantAuthorizationByGroupId(groupId, Resources.PROCESS_INSTANCE, processInstanceId);
      if (existing == null) {
        result.add(
            createAuthorization(
                null, groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ));
      } else if (!existing.isPermissionGranted(Permissions.READ)) {
        addPermissions(existing, Permissions.READ);
        result.add(existing);
      }
    }
    return result.toArray(new AuthorizationEntity[0]);
  }
}
