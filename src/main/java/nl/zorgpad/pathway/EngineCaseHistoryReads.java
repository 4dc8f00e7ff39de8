package nl.zorgpad.pathway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/** Reads a case's history from the engine's history and repository services. */
@Component
class EngineCaseHistoryReads implements CaseHistoryReads {

  private final HistoryService history;
  private final RepositoryService repository;

  EngineCaseHistoryReads(HistoryService history, RepositoryService repository) {
    this.history = history;
    this.repository = repository;
  }

  @Override
  public List<ProcessInstanceEntry> processInstances(String caseNumber) {
    Set<String> roots = new LinkedHashSet<>();
    for (HistoricProcessInstance instance :
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .orderByProcessInstanceStartTime()
            .asc()
            .list()) {
      roots.add(
          instance.getRootProcessInstanceId() == null
              ? instance.getId()
              : instance.getRootProcessInstanceId());
    }
    Map<String, HistoricProcessInstance> all = new LinkedHashMap<>();
    for (String root : roots) {
      for (HistoricProcessInstance instance :
          history
              .createHistoricProcessInstanceQuery()
              .rootProcessInstanceId(root)
              .orderByProcessInstanceStartTime()
              .asc()
              .list()) {
        all.put(instance.getId(), instance);
      }
    }
    List<ProcessInstanceEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance instance : all.values()) {
      entries.add(
          new ProcessInstanceEntry(
              instance.getId(),
              instance.getProcessDefinitionId(),
              instance.getProcessDefinitionKey(),
              definitionName(instance.getProcessDefinitionId()),
              instant(instance.getStartTime()),
              instant(instance.getEndTime()),
              instance.getDurationInMillis(),
              instance.getState(),
              instance.getSuperProcessInstanceId() == null,
              instance.getStartUserId(),
              instance.getDeleteReason()));
    }
    return entries;
  }

  private String definitionName(String definitionId) {
    try {
      return repository.getProcessDefinition(definitionId).getName();
    } catch (RuntimeException e) {
      return null;
    }
  }

  @Override
  public String processModel(String definitionId) {
    try (java.io.InputStream model = repository.getProcessModel(definitionId)) {
      return new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public Map<String, String> elementNames(String definitionId) {
    Map<String, String> names = new HashMap<>();
    try {
      BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
      if (model != null) {
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
          if (element.getName() != null && !element.getName().isBlank()) {
            names.put(element.getId(), element.getName().strip().replaceAll("\\s+", " "));
          }
        }
      }
    } catch (RuntimeException e) {
      // a definition that cannot be read keeps the names of its history
    }
    return names;
  }

  @Override
  public List<ActivityEntry> activities(String processInstanceId) {
    List<ActivityEntry> entries = new ArrayList<>();
    for (HistoricActivityInstance activity :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      entries.add(
          new ActivityEntry(
              activity.getActivityId(),
              activity.getActivityName(),
              activity.getActivityType(),
              instant(activity.getStartTime()),
              instant(activity.getEndTime()),
              activity.getDurationInMillis()));
    }
    return entries;
  }

  @Override
  public List<TaskEntry> tasks(String processInstanceId) {
    List<TaskEntry> entries = new ArrayList<>();
    for (HistoricTaskInstance task :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()) {
      List<String> groups = new ArrayList<>();
      for (HistoricIdentityLinkLog link :
          history
              .createHistoricIdentityLinkLogQuery()
              .taskId(task.getId())
              .type("candidate")
              .operationType("add")
              .list()) {
        if (link.getGroupId() != null && !groups.contains(link.getGroupId())) {
          groups.add(link.getGroupId());
        }
      }
      entries.add(
          new TaskEntry(
              task.getId(),
              task.getName(),
              task.getTaskDefinitionKey(),
              task.getAssignee(),
              instant(task.getStartTime()),
              instant(task.getEndTime()),
              instant(task.getDueDate()),
              task.getDurationInMillis(),
              task.getDeleteReason(),
              groups));
    }
    return entries;
  }

  @Override
  public Map<String, String> taskAssignees(String processInstanceId) {
    Map<String, String> assignees = new HashMap<>();
    for (HistoricTaskInstance task :
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()) {
      assignees.put(task.getId(), task.getAssignee());
    }
    return assignees;
  }

  @Override
  public List<OperationEntry> operations(String processInstanceId) {
    return operations(
        history
            .createUserOperationLogQuery()
            .processInstanceId(processInstanceId)
            .orderByTimestamp()
            .asc()
            .list());
  }

  @Override
  public List<OperationEntry> taskOperations(String taskId) {
    return operations(
        history.createUserOperationLogQuery().taskId(taskId).orderByTimestamp().asc().list());
  }

  private static List<OperationEntry> operations(List<UserOperationLogEntry> log) {
    List<OperationEntry> entries = new ArrayList<>();
    for (UserOperationLogEntry entry : log) {
      entries.add(
          new OperationEntry(
              entry.getOperationId(),
              entry.getOperationType(),
              entry.getEntityType(),
              entry.getProperty(),
              entry.getOrgValue(),
              entry.getNewValue(),
              entry.getUserId(),
              instant(entry.getTimestamp())));
    }
    return entries;
  }

  @Override
  public List<IncidentEntry> incidents(String processInstanceId) {
    List<IncidentEntry> entries = new ArrayList<>();
    for (HistoricIncident incident :
        history.createHistoricIncidentQuery().processInstanceId(processInstanceId).list()) {
      entries.add(
          new IncidentEntry(
              incident.getActivityId(),
              incident.getIncidentType(),
              incident.getIncidentMessage(),
              instant(incident.getCreateTime()),
              incident.isOpen(),
              incident.isResolved()));
    }
    return entries;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
