package nl.zorgpad.pathway;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The engine's history of a case, as the audit timeline reads it: the process instances of the
 * case (the pathway and the processes it called), and per instance its activities, user tasks,
 * user operations, variable updates and incidents, in plain records without engine types.
 */
public interface CaseHistoryReads {

  /**
   * Every process instance of the case: the instances with the case number as business key and
   * all instances under their roots, each once, per root in start order.
   */
  List<ProcessInstanceEntry> processInstances(String caseNumber);

  /** The BPMN XML of a process definition. */
  String processModel(String definitionId);

  /**
   * The names of the elements of a process definition (from its BPMN, whitespace folded) by
   * element id; empty when the model cannot be read.
   */
  Map<String, String> elementNames(String definitionId);

  /** The activity instances of a process instance, in start order (then by occurrence). */
  List<ActivityEntry> activities(String processInstanceId);

  /** The user tasks of a process instance, in start order, with their candidate groups. */
  List<TaskEntry> tasks(String processInstanceId);

  /** The assignee of each user task of a process instance, by task id (null if none). */
  Map<String, String> taskAssignees(String processInstanceId);

  /** The user operation log of a process instance, oldest first, one entry per property. */
  List<OperationEntry> operations(String processInstanceId);

  /** The user operation log of one task, oldest first, one entry per property. */
  List<OperationEntry> taskOperations(String taskId);

  /** The incidents of a process instance. */
  List<IncidentEntry> incidents(String processInstanceId);

  /**
   * A process instance; {@code definitionName} is null when the definition has none or cannot be
   * read, {@code root} when it was not called by another instance.
   */
  record ProcessInstanceEntry(
      String id,
      String definitionId,
      String definitionKey,
      String definitionName,
      Instant start,
      Instant end,
      Long durationMillis,
      String state,
      boolean root,
      String startUserId,
      String deleteReason) {}

  record ActivityEntry(
      String activityId,
      String activityName,
      String activityType,
      Instant start,
      Instant end,
      Long durationMillis) {}

  /** A user task; {@code candidateGroups} each once, in the order they were added. */
  record TaskEntry(
      String id,
      String name,
      String taskDefinitionKey,
      String assignee,
      Instant start,
      Instant end,
      Instant due,
      Long durationMillis,
      String deleteReason,
      List<String> candidateGroups) {}

  record OperationEntry(
      String operationId,
      String operationType,
      String entityType,
      String property,
      String orgValue,
      String newValue,
      String userId,
      Instant timestamp) {}

  record IncidentEntry(
      String activityId,
      String incidentType,
      String incidentMessage,
      Instant created,
      boolean open,
      boolean resolved) {}
}
