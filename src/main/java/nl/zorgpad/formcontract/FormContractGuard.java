package nl.zorgpad.formcontract;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import nl.zorgpad.coalition.CoalitionForms;
import org.camunda.bpm.engine.impl.ProcessInstanceModificationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractInstantiationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractProcessInstanceModificationCommand;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.cache.DeploymentCache;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, for a call of the engine's Java API made on behalf of a user, whether the variables
 * it writes fit the contract of what it writes to (decision 0007): the task's form, the start
 * form, the message's API contract, or — for a direct change of a case's variables — the forms
 * of its pathway. Calls without an authenticated user are Zorgpad's own server code (listeners,
 * timers, start-up, tests) and are not checked, exactly where the engine's authorization checks
 * do not apply either.
 *
 * <p>The lookups run without authorization checks (the guard must know the form even when the
 * engine is about to refuse the user) but never for another coalition's task or case: then the
 * guard stays silent and the engine's own tenant check answers (not found), so the guard cannot
 * reveal that the id exists. For an unknown id it stays silent too and the engine answers.
 */
final class FormContractGuard {

  private static final Logger LOG = LoggerFactory.getLogger(FormContractGuard.class);

  /** Administrators may start a case at chosen activities (repairs); nobody else. */
  static final String ADMIN_GROUP = "camunda-admin";

  private final ProcessEngineConfigurationImpl configuration;
  private final FormContracts contracts;
  private final ObjectMapper json;

  FormContractGuard(ProcessEngineConfigurationImpl configuration, ObjectMapper json) {
    this.configuration = configuration;
    this.json = json;
    this.contracts = new FormContracts(new FormSchema(json));
  }

  /** True when the call is made on behalf of a user (the REST doors, Zorgpad's API, pages). */
  boolean applies() {
    return authentication() != null;
  }

  private Authentication authentication() {
    return configuration.getIdentityService() == null
        ? null
        : configuration.getIdentityService().getCurrentAuthentication();
  }

  /** Whether an open task with this id exists (any coalition: only used to refuse cleanly). */
  boolean taskExists(String taskId) {
    return taskId != null
        && configuration
            .getCommandExecutorTxRequired()
            .execute(
                commandContext -> commandContext.getTaskManager().findTaskById(taskId) != null);
  }

  /** What a call does with a task: work on it (complete…) or change its variables. */
  enum TaskWrite {
    WORK,
    VARIABLES
  }

  /** Complete, submit, resolve, BPMN error or escalation of a task. */
  void checkTask(String taskId, Map<String, ?> variables) {
    checkTask(taskId, variables, TaskWrite.WORK);
  }

  /**
   * A call that writes variables through a task. The engine's own authorization for the call is
   * asked first, so a user who may not do it at all is refused as the engine would (403), and
   * learns nothing about the form.
   */
  void checkTask(String taskId, Map<String, ?> variables, TaskWrite write) {
    if (isEmpty(variables) || taskId == null || !applies()) {
      return;
    }
    refuseIfAny(
        inCommand(
            commandContext -> {
              TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
              if (task == null || !visible(commandContext, task.getTenantId())) {
                return null;
              }
              for (CommandChecker checker : checkers(commandContext)) {
                if (write == TaskWrite.WORK) {
                  checker.checkTaskWork(task);
                } else {
                  checker.checkUpdateTaskVariable(task);
                }
              }
              return withoutAuthorization(
                  commandContext,
                  () -> violations(contracts.forTask(commandContext, task), variables));
            }));
  }

  /** {@code FormService.submitStartForm}: the start form of that definition. */
  void checkStartForm(String processDefinitionId, Map<String, ?> variables) {
    if (isEmpty(variables) || processDefinitionId == null || !applies()) {
      return;
    }
    refuseIfAny(
        inCommand(
            commandContext -> {
              ProcessDefinitionEntity definition =
                  deploymentCache(commandContext)
                      .findDeployedProcessDefinitionById(processDefinitionId);
              return startViolations(commandContext, definition, variables);
            }));
  }

  /**
   * A business key chosen by the caller: the case number is Zorgpad's to give (the case
   * registration sets it), and any other text would reach the history as it is.
   */
  void checkBusinessKey(String businessKey) {
    if (businessKey != null && !businessKey.isEmpty() && applies()) {
      throw new FormContractRefusal("a start with a business key", "formcontract.businessKey");
    }
  }

  /** {@code RuntimeService.createProcessInstanceBy…}: the start form, and no start elsewhere. */
  void checkStart(ProcessInstantiationBuilderImpl start) {
    if (!applies()) {
      return;
    }
    checkBusinessKey(start.getBusinessKey());
    ProcessInstanceModificationBuilderImpl instructions = start.getModificationBuilder();
    if (!instructions.getModificationOperations().isEmpty()) {
      // starting at a chosen activity skips the start form and its checks (case registration)
      if (!isAdministrator()) {
        throw new FormContractRefusal("a start at chosen activities");
      }
      List<Map<String, ?>> maps = instructionVariables(instructions);
      if (!maps.isEmpty()) {
        refuseIfAny(
            inCommand(
                commandContext -> {
                  ProcessDefinitionEntity definition = definitionOf(commandContext, start);
                  if (definition == null || !visible(commandContext, definition.getTenantId())) {
                    return null;
                  }
                  Contract pathway =
                      contracts.forPathway(
                          commandContext,
                          definition,
                          CoalitionForms.coalitionOfStart(commandContext, definition));
                  return checkAll(pathway, maps);
                }));
      }
      return;
    }
    Map<String, Object> variables = start.getVariables();
    if (isEmpty(variables)) {
      return;
    }
    refuseIfAny(
        inCommand(
            commandContext ->
                startViolations(commandContext, definitionOf(commandContext, start), variables)));
  }

  /** A message's payload (any door): its API contract. */
  void checkMessage(String messageName, List<? extends Map<String, ?>> payloads) {
    if (payloads.stream().allMatch(FormContractGuard::isEmpty) || !applies()) {
      return;
    }
    Contract contract = MessageContracts.forMessage(messageName);
    List<Contract.Violation> violations = new ArrayList<>();
    payloads.forEach(payload -> violations.addAll(contract.check(payload, json)));
    refuseIfAny(new Checked(contract.name(), violations));
  }

  /** A signal's variables: Zorgpad's pathways take none. */
  void checkSignal(String signalName, Map<String, ?> variables) {
    if (isEmpty(variables) || !applies()) {
      return;
    }
    Contract contract = MessageContracts.forSignal(signalName);
    refuseIfAny(new Checked(contract.name(), contract.check(variables, json)));
  }

  /** A direct change of a case's (execution's) variables: the fields of its pathway's forms. */
  void checkExecution(String executionId, Map<String, ?> variables) {
    checkExecution(executionId, variables, true);
  }

  /**
   * A direct change of a case's variables ({@code variables} true) or a signal of one of its
   * executions: the engine's authorization first, then the fields of its pathway's forms.
   */
  void checkExecution(String executionId, Map<String, ?> variables, boolean variableUpdate) {
    if (isEmpty(variables) || executionId == null || !applies()) {
      return;
    }
    refuseIfAny(
        inCommand(
            commandContext -> {
              ExecutionEntity execution =
                  commandContext.getExecutionManager().findExecutionById(executionId);
              if (execution == null || !visible(commandContext, execution.getTenantId())) {
                return null;
              }
              for (CommandChecker checker : checkers(commandContext)) {
                if (variableUpdate) {
                  checker.checkUpdateProcessInstanceVariables(execution);
                } else {
                  checker.checkUpdateProcessInstance(execution);
                }
              }
              return withoutAuthorization(
                  commandContext,
                  () ->
                      violations(
                          contracts.forPathway(
                              commandContext,
                              execution.getProcessDefinition(),
                              execution.getTenantId()),
                          variables));
            }));
  }

  /** A modification of a running case: the variables of its instructions. */
  void checkModification(ProcessInstanceModificationBuilderImpl modification) {
    if (!applies()) {
      return;
    }
    List<Map<String, ?>> maps = instructionVariables(modification);
    if (maps.isEmpty()) {
      return;
    }
    refuseIfAny(
        inCommand(
            commandContext -> {
              ExecutionEntity instance =
                  commandContext
                      .getExecutionManager()
                      .findExecutionById(modification.getProcessInstanceId());
              if (instance == null || !visible(commandContext, instance.getTenantId())) {
                return null;
              }
              for (CommandChecker checker : checkers(commandContext)) {
                checker.checkUpdateProcessInstance(instance);
              }
              return withoutAuthorization(
                  commandContext,
                  () ->
                      checkAll(
                          contracts.forPathway(
                              commandContext,
                              instance.getProcessDefinition(),
                              instance.getTenantId()),
                          maps));
            }));
  }

  private Checked checkAll(Contract contract, List<Map<String, ?>> maps) {
    List<Contract.Violation> all = new ArrayList<>();
    maps.forEach(map -> all.addAll(contract.check(map, json)));
    return new Checked(contract.name(), all);
  }

  /**
   * Operations through which a user may not write variables at all (batches, migration,
   * conditional starts): Zorgpad's pathways need none of them with variables.
   */
  void refuseVariables(String operation, Map<String, ?> variables) {
    if (!isEmpty(variables) && applies()) {
      throw new FormContractRefusal(operation);
    }
  }

  private boolean isAdministrator() {
    Authentication authentication = authentication();
    return authentication != null
        && authentication.getGroupIds() != null
        && authentication.getGroupIds().contains(ADMIN_GROUP);
  }

  private Checked startViolations(
      CommandContext commandContext, ProcessDefinitionEntity definition, Map<String, ?> variables) {
    if (definition == null || !visible(commandContext, definition.getTenantId())) {
      return null;
    }
    for (CommandChecker checker : checkers(commandContext)) {
      checker.checkCreateProcessInstance(definition);
    }
    return withoutAuthorization(
        commandContext,
        () -> {
          String coalition = CoalitionForms.coalitionOfStart(commandContext, definition);
          return violations(contracts.forStart(commandContext, definition, coalition), variables);
        });
  }

  private static List<CommandChecker> checkers(CommandContext commandContext) {
    return commandContext.getProcessEngineConfiguration().getCommandCheckers();
  }

  private static Checked withoutAuthorization(
      CommandContext commandContext, java.util.function.Supplier<Checked> lookup) {
    commandContext.disableAuthorizationCheck();
    try {
      return lookup.get();
    } finally {
      commandContext.enableAuthorizationCheck();
    }
  }

  private static ProcessDefinitionEntity definitionOf(
      CommandContext commandContext, ProcessInstantiationBuilderImpl start) {
    DeploymentCache cache = deploymentCache(commandContext);
    try {
      if (start.getProcessDefinitionId() != null) {
        return cache.findDeployedProcessDefinitionById(start.getProcessDefinitionId());
      }
      if (start.isProcessDefinitionTenantIdSet()) {
        return cache.findDeployedLatestProcessDefinitionByKeyAndTenantId(
            start.getProcessDefinitionKey(), start.getProcessDefinitionTenantId());
      }
      return cache.findDeployedLatestProcessDefinitionByKey(start.getProcessDefinitionKey());
    } catch (RuntimeException unknownOrAmbiguous) {
      // the engine's own start raises the same refusal for the user
      return null;
    }
  }

  private static List<Map<String, ?>> instructionVariables(
      ProcessInstanceModificationBuilderImpl modification) {
    List<Map<String, ?>> maps = new ArrayList<>();
    if (!isEmpty(modification.getProcessVariables())) {
      maps.add(modification.getProcessVariables());
    }
    for (AbstractProcessInstanceModificationCommand operation :
        modification.getModificationOperations()) {
      if (operation instanceof AbstractInstantiationCmd instantiation) {
        if (!isEmpty(instantiation.getVariables())) {
          maps.add(instantiation.getVariables());
        }
        if (!isEmpty(instantiation.getVariablesLocal())) {
          maps.add(instantiation.getVariablesLocal());
        }
      }
    }
    return maps;
  }

  private static DeploymentCache deploymentCache(CommandContext commandContext) {
    return commandContext.getProcessEngineConfiguration().getDeploymentCache();
  }

  /** Another coalition's object is left to the engine's tenant check (which answers 404). */
  private static boolean visible(CommandContext commandContext, String tenantId) {
    if (tenantId == null || !commandContext.isTenantCheckEnabled()) {
      return true;
    }
    Authentication authentication = commandContext.getAuthentication();
    return authentication != null
        && authentication.getTenantIds() != null
        && authentication.getTenantIds().contains(tenantId);
  }

  /** The violations found against a contract (named for the log). */
  private record Checked(String where, List<Contract.Violation> violations) {}

  private Checked violations(Contract contract, Map<String, ?> variables) {
    return new Checked(contract.name(), contract.check(variables, json));
  }

  /**
   * Runs the check in a command of its own: finding the task, case or definition needs no
   * authorization (the engine's {@link CommandChecker}s are called explicitly where the user's
   * right to the call is asked); reading the form runs {@link #withoutAuthorization}.
   */
  private Checked inCommand(Function<CommandContext, Checked> lookup) {
    return configuration.getCommandExecutorTxRequired().execute(lookup::apply);
  }

  private void refuseIfAny(Checked checked) {
    if (checked == null || checked.violations().isEmpty()) {
      return;
    }
    FormContractRefusal refusal = new FormContractRefusal(checked.where(), checked.violations());
    // the door that answers the user logs the refusal once (INFO); here only for debugging
    LOG.debug("Refused variables: {}", refusal.getMessage());
    throw refusal;
  }

  private static boolean isEmpty(Map<String, ?> variables) {
    return variables == null || variables.isEmpty();
  }
}
