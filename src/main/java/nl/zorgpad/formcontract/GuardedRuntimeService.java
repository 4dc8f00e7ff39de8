package nl.zorgpad.formcontract;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstanceQuery;
import org.camunda.bpm.engine.impl.ConditionEvaluationBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationAsyncBuilderImpl;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.RuntimeServiceImpl;
import org.camunda.bpm.engine.impl.SignalEventReceivedBuilderImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.runtime.ConditionEvaluationBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationAsyncBuilder;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.runtime.ProcessInstanceQuery;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.camunda.bpm.engine.runtime.SignalEventReceivedBuilder;

/**
 * The engine's runtime service, with every way of writing variables into a case checked
 * ({@link FormContractGuard}): starting a pathway (its start form), messages (their API
 * contract), signals, direct changes of variables and modifications (the pathway's forms).
 * Builders get a command executor that runs the check when they execute, so every
 * {@code correlate…}, {@code execute…} and {@code send} variant is covered.
 */
class GuardedRuntimeService extends RuntimeServiceImpl {

  private final FormContractGuard guard;

  GuardedRuntimeService(FormContractGuard guard) {
    this.guard = guard;
  }

  @Override
  protected void setVariables(
      String executionId, Map<String, ? extends Object> variables, boolean local) {
    guard.checkExecution(executionId, variables);
    super.setVariables(executionId, variables, local);
  }

  @Override
  protected void updateVariables(
      String executionId,
      Map<String, ? extends Object> modifications,
      Collection<String> deletions,
      boolean local) {
    guard.checkExecution(executionId, modifications);
    super.updateVariables(executionId, modifications, deletions, local);
  }

  @Override
  public Batch setVariablesAsync(
      List<String> processInstanceIds,
      ProcessInstanceQuery processInstanceQuery,
      HistoricProcessInstanceQuery historicProcessInstanceQuery,
      Map<String, ?> variables) {
    guard.refuseVariables("a batch of variables", variables);
    return super.setVariablesAsync(
        processInstanceIds, processInstanceQuery, historicProcessInstanceQuery, variables);
  }

  @Override
  public Batch setVariablesAsync(List<String> processInstanceIds, Map<String, ?> variables) {
    guard.refuseVariables("a batch of variables", variables);
    return super.setVariablesAsync(processInstanceIds, variables);
  }

  @Override
  public Batch setVariablesAsync(
      ProcessInstanceQuery processInstanceQuery, Map<String, ?> variables) {
    guard.refuseVariables("a batch of variables", variables);
    return super.setVariablesAsync(processInstanceQuery, variables);
  }

  @Override
  public Batch setVariablesAsync(
      HistoricProcessInstanceQuery historicProcessInstanceQuery, Map<String, ?> variables) {
    guard.refuseVariables("a batch of variables", variables);
    return super.setVariablesAsync(historicProcessInstanceQuery, variables);
  }

  @Override
  public void signal(
      String executionId,
      String signalName,
      Object signalData,
      Map<String, Object> processVariables) {
    guard.checkExecution(executionId, processVariables, false);
    super.signal(executionId, signalName, signalData, processVariables);
  }

  @Override
  public void signal(String executionId, Map<String, Object> processVariables) {
    guard.checkExecution(executionId, processVariables, false);
    super.signal(executionId, processVariables);
  }

  @Override
  public void messageEventReceived(
      String messageName, String executionId, Map<String, Object> processVariables) {
    guard.checkMessage(
        messageName, processVariables == null ? List.of() : List.of(processVariables));
    super.messageEventReceived(messageName, executionId, processVariables);
  }

  @Override
  public MessageCorrelationBuilder createMessageCorrelation(String messageName) {
    CheckingExecutor executor = new CheckingExecutor(commandExecutor);
    MessageCorrelationBuilderImpl builder =
        new MessageCorrelationBuilderImpl(executor, messageName);
    executor.check =
        () ->
            guard.checkMessage(
                messageName,
                java.util.Arrays.asList(
                    builder.getPayloadProcessInstanceVariables(),
                    builder.getPayloadProcessInstanceVariablesLocal(),
                    builder.getPayloadProcessInstanceVariablesToTriggeredScope()));
    return builder;
  }

  @Override
  public MessageCorrelationAsyncBuilder createMessageCorrelationAsync(String messageName) {
    CheckingExecutor executor = new CheckingExecutor(commandExecutor);
    MessageCorrelationAsyncBuilderImpl builder =
        new MessageCorrelationAsyncBuilderImpl(executor, messageName);
    executor.check =
        () -> {
          Map<String, Object> payload = builder.getPayloadProcessInstanceVariables();
          guard.checkMessage(messageName, payload == null ? List.of() : List.of(payload));
        };
    return builder;
  }

  @Override
  public SignalEventReceivedBuilder createSignalEvent(String signalName) {
    CheckingExecutor executor = new CheckingExecutor(commandExecutor);
    SignalEventReceivedBuilderImpl builder =
        new SignalEventReceivedBuilderImpl(executor, signalName);
    executor.check = () -> guard.checkSignal(signalName, builder.getVariables());
    return builder;
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceById(String processDefinitionId) {
    CheckingExecutor executor = new CheckingExecutor(commandExecutor);
    ProcessInstantiationBuilderImpl builder =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceById(
                executor, processDefinitionId);
    executor.check = () -> guard.checkStart(builder);
    return builder;
  }

  @Override
  public ProcessInstantiationBuilder createProcessInstanceByKey(String processDefinitionKey) {
    CheckingExecutor executor = new CheckingExecutor(commandExecutor);
    ProcessInstantiationBuilderImpl builder =
        (ProcessInstantiationBuilderImpl)
            ProcessInstantiationBuilderImpl.createProcessInstanceByKey(
                executor, processDefinitionKey);
    executor.check = () -> guard.checkStart(builder);
    return builder;
  }

  @Override
  public ProcessInstanceModificationBuilder createProcessInstanceModification(
      String processInstanceId) {
    CheckingExecutor executor = new CheckingExecutor(commandExecutor);
    ProcessInstanceModificationBuilderImpl builder =
        new ProcessInstanceModificationBuilderImpl(executor, processInstanceId);
    executor.check = () -> guard.checkModification(builder);
    return builder;
  }

  @Override
  public MigrationPlanExecutionBuilder newMigration(MigrationPlan migrationPlan) {
    guard.refuseVariables(
        "a migration", migrationPlan == null ? null : migrationPlan.getVariables());
    return super.newMigration(migrationPlan);
  }

  @Override
  public ConditionEvaluationBuilder createConditionEvaluation() {
    CheckingExecutor executor = new CheckingExecutor(commandExecutor);
    ConditionEvaluationBuilderImpl builder = new ConditionEvaluationBuilderImpl(executor);
    executor.check = () -> guard.refuseVariables("a conditional start", builder.getVariables());
    return builder;
  }

  /** Runs the builder's check right before the builder's command. */
  static final class CheckingExecutor implements CommandExecutor {

    private final CommandExecutor delegate;
    private Runnable check = () -> {};

    CheckingExecutor(CommandExecutor delegate) {
      this.delegate = delegate;
    }

    @Override
    public <T> T execute(Command<T> command) {
      check.run();
      return delegate.execute(command);
    }
  }
}
