package nl.zorgpad.coalition;

import java.io.InputStream;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.FormServiceImpl;
import org.camunda.bpm.engine.impl.form.entity.CamundaFormDefinitionManager;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

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
  private record Scope(String coalition) {
  }

  private static final ThreadLocal<Scope> SCOPE = new ThreadLocal<>();

  private CoalitionForms() {
  }

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

  /** The engine's form service, telling the form manager whose form the Tasklist asks for. */
  static class FormService extends FormServiceImpl {

    @Override
    public InputStream getDeployedTaskForm(String taskId) {
      String coalition = commandExecutor.execute(commandContext -> {
        TaskEntity task = taskId == null ? null
            : commandContext.getTaskManager().findTaskById(taskId);
        return task == null ? null : task.getTenantId();
      });
      return resolvingFor(coalition, () -> super.getDeployedTaskForm(taskId));
    }

    @Override
    public InputStream getDeployedStartForm(String processDefinitionId) {
      String coalition = commandExecutor.execute(commandContext -> {
        ProcessDefinitionEntity definition = processDefinitionId == null ? null
            : commandContext.getProcessDefinitionManager()
                .findLatestDefinitionById(processDefinitionId);
        if (definition == null) {
          return null;
        }
        if (definition.getTenantId() != null) {
          return definition.getTenantId();
        }
        // a shared pathway started by a coalition's user becomes a case of her coalition
        var coalitions = CoalitionMembership.ofAuthenticatedUser(commandContext);
        return coalitions.size() == 1 ? coalitions.get(0) : null;
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
        CamundaFormDefinitionEntity own = findLatestDefinitionByKeyAndTenantId(key,
            scope.coalition());
        if (own != null) {
          return own;
        }
      }
      return findLatestDefinitionByKeyAndTenantId(key, null);
    }
  }
}
