package nl.zorgpad.access;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Asks the engine for the open tasks of a case (business key = case number, also in the called
 * processes) that the user may work on: assigned to her, or with one of her groups as candidate —
 * the same tasks the Tasklist shows her.
 */
@Component
class EngineOpenTasks implements OpenTasks {

  private final TaskService taskService;

  EngineOpenTasks(TaskService taskService) {
    this.taskService = taskService;
  }

  @Override
  public boolean holdsOpenTask(String caseNumber, String userId, List<String> groupIds) {
    if (taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskAssignee(userId).count() > 0) {
      return true;
    }
    return !groupIds.isEmpty() && taskService.createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskCandidateGroupIn(groupIds)
        .includeAssignedTasks().count() > 0;
  }
}
