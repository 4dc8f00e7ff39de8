package nl.zorgpad.coalition;

import java.io.InputStream;
import java.util.function.Supplier;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * Camunda Forms ({@code camunda:formRef}, binding {@code latest}) by coalition: the form of a
 * task in a case of coalition X is X's own version of that form when X deployed one, else the
 * shared one. The engine itself looks the form up with the user's tenant check and fails as soon
 * as she sees two tenants' versions of one key ("multiple tenants"), and it does not know the
 * case; here the form service says which case's form is asked for and the form manager resolves
 * in that case's coalition.
 */
public final class CoalitionForms {

  /** The coalition of the case whose form is being resolved on this thread (null = shared). */
  private record Scope(String coalition) {}

  private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

  private CoalitionForms() {}

  static <T> T resolvingFor(String coalition, Supplier<T> call) {
    Scope before = SCOPE.get();
    SCOPE.set(new Scope(coalition));
    try {
      return call.get();
    } finally {
      if (before == null) {
        SCOPE.remove();
      } else {
        SCOPE.set(before);
      }
    }
  }

  /**
   * The Camunda Form a form reference of a case of that coalition (null = shared) resolves to,
   * exactly as for the Tasklist; null when there is none. Used by {@code nl.zorgpad.formcontract}
   * to know the fields a submit may send.
   */
  public static CamundaFormDefinition resolve(
      CommandContext commandContext, CamundaFormRef ref, String deploymentId, String coalition) {
    return resolvingFor(
        coalition,
        () ->
            commandContext.runWithoutAuthorization(
                new GetCamundaFormDefinitionCmd(ref, deploymentId)));
  }

  /**
   * The coalition whose forms a start of this pathway uses: the definition's own, else (a shared
   * pathway) the starting user's one coalition; null for the shared installation.
   */
  public static String coalitionOfStart(
      CommandContext commandContext, ProcessDefinitionEntity definition) {
    if (definition.getTenantId() != null) {
      return definition.getTenantId();
    }
    // a shared pathway started by a coalition's user becomes a case of her coalition
    var coalitions = CoalitionMembership.ofAuthenticatedUser(commandContext);
    return coalitions.size() == 1 ? coalitions.get(0) : null;
  }

  /** The engine's form service, telling the form manager whose form the Tasklist asks for. */
  static class FormService extends FormServiceImpl {

    @Override
    public InputStream getDeployedTaskForm(String taskId) {
      String coalition =
          commandExecutor.execute(
              commandContext -> {
                TaskEntity task =
                    taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
                return task == null ? null : task.getTenantId();
              });
      return resolvingFor(coalition, () -> super.getDeployedTaskForm(taskId));
    }

    @Override
    public InputStream getDeployedStartForm(String processDefinitionId) {
      String coalition =
          commandExecutor.execute(
              commandContext -> {
                ProcessDefinitionEntity definition =
                    processDefinitionId == null
                        ? null
                        : commandContext
                            .getProcessDefinitionManager()
                            .findLatestDefinitionById(processDefinitionId);
                return definition == null ? null : coalitionOfStart(commandContext, definition);
              });
      return resolvingFor(coalition, () -> super.getDeployedStartForm(processDefinitionId));
    }
  }

  /** Replaces the engine's form definition manager (same session type). */
  static class ManagerFactory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return CamundaFormDefinitionManager.class;
    }

    @Override
    public Session openSession() {
      return new Manager();
    }
  }

  static class Manager extends CamundaFormDefinitionManager {

    @Override
    public CamundaFormDefinitionEntity findLatestDefinitionByKey(String key) {
      Scope scope = SCOPE.get();
      if (scope == null) {
        return super.findLatestDefinitionByKey(key);
      }
      if (scope.coalition() != null) {
        CamundaFormDefinitionEntity own =
            findLatestDefinitionByKeyAndTenantId(key, scope.coalition());
        if (own != null) {
          return own;
        }
      }
      return findLatestDefinitionByKeyAndTenantId(key, null);
    }
  }
}
