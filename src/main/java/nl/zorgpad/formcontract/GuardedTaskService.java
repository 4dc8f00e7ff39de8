package nl.zorgpad.formcontract;

import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's task service, with every way of writing variables through a task checked against
 * the task's form ({@link FormContractGuard}): complete, resolve, BPMN error and escalation, and
 * setting or patching task variables. The REST API (both doors) uses exactly this service; it
 * even casts it to {@link TaskServiceImpl} for variable patches, which is why this is a subclass.
 * Completions of one task run one after the other ({@link TaskLocks}).
 */
class GuardedTaskService extends TaskServiceImpl {

  private final FormContractGuard guard;

  GuardedTaskService(FormContractGuard guard) {
    this.guard = guard;
  }

  @Override
  public void complete(String taskId, Map<String, Object> variables) {
    TaskLocks.completing(
        taskId,
        () -> {
          guard.checkTask(taskId, variables);
          super.complete(taskId, variables);
        });
  }

  @Override
  public VariableMap completeWithVariablesInReturn(
      String taskId, Map<String, Object> variables, boolean deserializeValues) {
    return TaskLocks.completing(
        taskId,
        () -> {
          guard.checkTask(taskId, variables);
          return super.completeWithVariablesInReturn(taskId, variables, deserializeValues);
        });
  }

  @Override
  public void resolveTask(String taskId, Map<String, Object> variables) {
    TaskLocks.completing(
        taskId,
        () -> {
          guard.checkTask(taskId, variables);
          super.resolveTask(taskId, variables);
        });
  }

  @Override
  public void handleBpmnError(
      String taskId, String errorCode, String errorMessage, Map<String, Object> variables) {
    guard.checkTask(taskId, variables);
    super.handleBpmnError(taskId, errorCode, errorMessage, variables);
  }

  @Override
  public void handleEscalation(
      String taskId, String escalationCode, Map<String, Object> variables) {
    guard.checkTask(taskId, variables);
    super.handleEscalation(taskId, escalationCode, variables);
  }

  @Override
  protected void setVariables(
      String taskId, Map<String, ? extends Object> variables, boolean local) {
    guard.checkTask(taskId, variables, FormContractGuard.TaskWrite.VARIABLES);
    super.setVariables(taskId, variables, local);
  }

  @Override
  protected void updateVariables(
      String taskId,
      Map<String, ? extends Object> modifications,
      Collection<String> deletions,
      boolean local) {
    guard.checkTask(taskId, modifications, FormContractGuard.TaskWrite.VARIABLES);
    super.updateVariables(taskId, modifications, deletions, local);
  }
}
