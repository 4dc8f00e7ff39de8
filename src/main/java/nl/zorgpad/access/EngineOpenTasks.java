package nl.zorgpad.access;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Asks the engine for the open tasks of a case (business key = case number, also in the called
 * processes) that the user may work on: assigned to her, or with one of her groups as candidate —
 * the same tasks the Tasklist shows her.
 */
@Component
class EngineOpenTasks implements OpenTasks {

  private final TaskService taskService;
  private final RuntimeService runtimeService;

  EngineOpenTasks(TaskService taskService, RuntimeService runtimeService) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
  }

  @Override
  public boolean holdsOpenTask(String caseNumber, String userId, List<String> groupIds) {
    if (taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskAssignee(userId)
            .count()
        > 0) {
      return true;
    }
    return !groupIds.isEmpty()
        && taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .taskCandidateGroupIn(groupIds)
                .includeAssignedTasks()
                .count()
            > 0;
  }

  /**
   * One task query per kind (assigned to her; one of her groups a candidate) over all the cases,
   * then one query for the business keys of the instances found: the same answer as
   * {@link #holdsOpenTask} per case, in three queries for a page of cases.
   */
  @Override
  public Set<String> casesWithOpenTask(
      Collection<String> caseNumbers, String userId, List<String> groupIds) {
    if (caseNumbers.isEmpty()) {
      return Set.of();
    }
    String[] keys = caseNumbers.toArray(String[]::new);
    Set<String> instanceIds = new HashSet<>();
    taskService
        .createTaskQuery()
        .processInstanceBusinessKeyIn(keys)
        .taskAssignee(userId)
        .list()
        .stream()
        .map(Task::getProcessInstanceId)
        .forEach(instanceIds::add);
    if (!groupIds.isEmpty()) {
      taskService
          .createTaskQuery()
          .processInstanceBusinessKeyIn(keys)
          .taskCandidateGroupIn(groupIds)
          .includeAssignedTasks()
          .list()
          .stream()
          .map(Task::getProcessInstanceId)
          .forEach(instanceIds::add);
    }
    instanceIds.remove(null);
    if (instanceIds.isEmpty()) {
      return Set.of();
    }
    Set<String> holding = new HashSet<>();
    runtimeService.createProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
        .map(ProcessInstance::getBusinessKey)
        .filter(Objects::nonNull)
        .filter(caseNumbers::contains)
        .forEach(holding::add);
    return holding;
  }
}
