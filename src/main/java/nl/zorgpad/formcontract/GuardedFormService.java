package nl.zorgpad.formcontract;

import java.io.InputStream;
import java.util.Collection;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/**
 * The engine's form service with form submits checked against the form
 * ({@link FormContractGuard}). A decorator, not a subclass, because the coalition plugin already
 * replaces the form service ({@code nl.zorgpad.coalition.CoalitionForms}); this one wraps
 * whichever form service the engine ends up with, so the order of the plugins does not matter.
 */
class GuardedFormService implements FormService {

  private final FormService delegate;
  private final FormContractGuard guard;

  GuardedFormService(FormService delegate, FormContractGuard guard) {
    this.delegate = delegate;
    this.guard = guard;
  }

  FormService delegate() {
    return delegate;
  }

  @Override
  public ProcessInstance submitStartForm(
      String processDefinitionId, Map<String, Object> properties) {
    guard.checkStartForm(processDefinitionId, properties);
    return delegate.submitStartForm(processDefinitionId, properties);
  }

  @Override
  public ProcessInstance submitStartForm(
      String processDefinitionId, String businessKey, Map<String, Object> properties) {
    guard.checkBusinessKey(businessKey);
    guard.checkStartForm(processDefinitionId, properties);
    return delegate.submitStartForm(processDefinitionId, businessKey, properties);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ProcessInstance submitStartFormData(
      String processDefinitionId, Map<String, String> properties) {
    guard.checkStartForm(processDefinitionId, properties);
    return delegate.submitStartFormData(processDefinitionId, properties);
  }

  @Override
  @SuppressWarnings("deprecation")
  public ProcessInstance submitStartFormData(
      String processDefinitionId, String businessKey, Map<String, String> properties) {
    guard.checkBusinessKey(businessKey);
    guard.checkStartForm(processDefinitionId, properties);
    return delegate.submitStartFormData(processDefinitionId, businessKey, properties);
  }

  @Override
  public void submitTaskForm(String taskId, Map<String, Object> properties) {
    TaskLocks.completing(
        taskId,
        () -> {
          guard.checkTask(taskId, properties);
          delegate.submitTaskForm(taskId, properties);
        });
  }

  @Override
  public VariableMap submitTaskFormWithVariablesInReturn(
      String taskId, Map<String, Object> properties, boolean deserializeValues) {
    return TaskLocks.completing(
        taskId,
        () -> {
          guard.checkTask(taskId, properties);
          return delegate.submitTaskFormWithVariablesInReturn(
              taskId, properties, deserializeValues);
        });
  }

  @Override
  @SuppressWarnings("deprecation")
  public void submitTaskFormData(String taskId, Map<String, String> properties) {
    TaskLocks.completing(
        taskId,
        () -> {
          guard.checkTask(taskId, properties);
          delegate.submitTaskFormData(taskId, properties);
        });
  }

  // reading forms: unchanged

  @Override
  public StartFormData getStartFormData(String processDefinitionId) {
    return delegate.getStartFormData(processDefinitionId);
  }

  @Override
  public Object getRenderedStartForm(String processDefinitionId) {
    return delegate.getRenderedStartForm(processDefinitionId);
  }

  @Override
  public Object getRenderedStartForm(String processDefinitionId, String formEngineName) {
    return delegate.getRenderedStartForm(processDefinitionId, formEngineName);
  }

  @Override
  public TaskFormData getTaskFormData(String taskId) {
    return delegate.getTaskFormData(taskId);
  }

  @Override
  public Object getRenderedTaskForm(String taskId) {
    return delegate.getRenderedTaskForm(taskId);
  }

  @Override
  public Object getRenderedTaskForm(String taskId, String formEngineName) {
    return delegate.getRenderedTaskForm(taskId, formEngineName);
  }

  @Override
  public VariableMap getStartFormVariables(String processDefinitionId) {
    return delegate.getStartFormVariables(processDefinitionId);
  }

  @Override
  public VariableMap getStartFormVariables(
      String processDefinitionId,
      Collection<String> formVariables,
      boolean deserializeObjectValues) {
    return delegate.getStartFormVariables(
        processDefinitionId, formVariables, deserializeObjectValues);
  }

  @Override
  public VariableMap getTaskFormVariables(String taskId) {
    return delegate.getTaskFormVariables(taskId);
  }

  @Override
  public VariableMap getTaskFormVariables(
      String taskId, Collection<String> formVariables, boolean deserializeObjectValues) {
    return delegate.getTaskFormVariables(taskId, formVariables, deserializeObjectValues);
  }

  @Override
  public String getStartFormKey(String processDefinitionId) {
    return delegate.getStartFormKey(processDefinitionId);
  }

  @Override
  public String getTaskFormKey(String processDefinitionId, String taskDefinitionKey) {
    return delegate.getTaskFormKey(processDefinitionId, taskDefinitionKey);
  }

  @Override
  public InputStream getDeployedStartForm(String processDefinitionId) {
    return delegate.getDeployedStartForm(processDefinitionId);
  }

  /**
   * The engine fails with a null pointer (logged as an engine error) when the task does not
   * exist, e.g. when the Tasklist reloads the form of a task it has just completed: here that is
   * a not-found refusal (404).
   */
  @Override
  public InputStream getDeployedTaskForm(String taskId) {
    if (!guard.taskExists(taskId)) {
      throw new NotFoundException("Cannot find task " + taskId);
    }
    return delegate.getDeployedTaskForm(taskId);
  }
}
