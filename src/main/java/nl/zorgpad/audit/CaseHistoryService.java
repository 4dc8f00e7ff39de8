package nl.zorgpad.audit;

import static nl.zorgpad.time.ZorgpadTime.ZONE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.consent.ConsentRecord;
import nl.zorgpad.consent.ConsentRecordRepository;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricIncident;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The history of one case: the engine's history of every process instance of the case (the
 * pathway and the called processes: activities, timers, user tasks with team, claim and
 * completion, variable changes old → new with the user from the operation log, operations,
 * incidents) merged with Zorgpad's consent records into one timeline, and the time spent per step.
 */
@Service
public class CaseHistoryService {

  private final HistoryService history;
  private final RepositoryService repository;
  private final ConsentRecordRepository consents;
  private final ActorDisciplines disciplines;
  private final List<TimelineSource> extraSources;
  private final AuditFormat format;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final Clock clock;

  CaseHistoryService(
      HistoryService history,
      RepositoryService repository,
      ConsentRecordRepository consents,
      ActorDisciplines disciplines,
      List<TimelineSource> extraSources,
      AuditFormat format,
      org.springframework.jdbc.core.JdbcTemplate jdbc,
      Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.format = format;
    this.history = history;
    this.repository = repository;
    this.consents = consents;
    this.disciplines = disciplines;
    this.extraSources = extraSources;
  }

  /** Filters of the page; null or blank means "all". */
  public record Filter(
      LocalDate from, LocalDate to, String discipline, String user, TimelineEvent.Type type) {
    public static final Filter NONE = new Filter(null, null, null, null, null);

    boolean accepts(TimelineEvent event) {
      if (from != null && event.at().isBefore(from.atStartOfDay(ZONE).toInstant())) {
        return false;
      }
      if (to != null && !event.at().isBefore(to.plusDays(1).atStartOfDay(ZONE).toInstant())) {
        return false;
      }
      if (discipline != null && !discipline.isBlank() && !discipline.equals(event.discipline())) {
        return false;
      }
      if (user != null && !user.isBlank() && !user.equals(event.user())) {
        return false;
      }
      return type == null || type == event.type();
    }
  }

  /** Time spent in one step of the path (all its executions together). */
  public record StepTime(
      String processName,
      String activityId,
      String activityName,
      String activityType,
      int times,
      long totalMillis,
      boolean open) {}

  public record CaseHistory(
      String caseNumber,
      List<ProcessSummary> processes,
      List<TimelineEvent> events,
      List<StepTime> steps,
      Set<String> users,
      Set<String> disciplines) {
    public boolean found() {
      return !processes.isEmpty();
    }
  }

  public record ProcessSummary(
      String id,
      String definitionId,
      String name,
      Instant start,
      Instant end,
      String state,
      boolean root) {}

  /** A step of the diagram: how often it was passed, the time spent there, and if it is open. */
  public record DiagramStep(String id, int times, String time, boolean open) {}

  public record DiagramView(String name, String xml, List<DiagramStep> steps) {}

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  public DiagramView diagram(String caseNumber) {
    CaseHistory caseHistory = build(caseNumber, Filter.NONE);
    ProcessSummary root =
        caseHistory.processes().stream()
            .filter(ProcessSummary::root)
            .findFirst()
            .orElseThrow(
                () ->
                    new org.springframework.web.server.ResponseStatusException(
                        org.springframework.http.HttpStatus.NOT_FOUND));
    String xml;
    try (java.io.InputStream model = repository.getProcessModel(root.definitionId())) {
      xml = new String(model.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    List<DiagramStep> steps =
        caseHistory.steps().stream()
            .filter(step -> step.processName().equals(root.name()))
            .map(
                step ->
                    new DiagramStep(
                        step.activityId(),
                        step.times(),
                        format.duration(step.totalMillis()),
                        step.open()))
            .toList();
    return new DiagramView(root.name(), xml, steps);
  }

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  public CaseHistory caseHistory(String caseNumber, Filter filter) {
    return build(caseNumber, filter);
  }

  /** Without the auditor check: for the anonymised export, which is checked at its own door. */
  CaseHistory build(String caseNumber, Filter filter) {
    List<HistoricProcessInstance> instances = instances(caseNumber);
    Map<String, String> processNames = new HashMap<>();
    List<ProcessSummary> summaries = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      String name =
          processName(instance.getProcessDefinitionId(), instance.getProcessDefinitionKey());
      processNames.put(instance.getId(), name);
      summaries.add(
          new ProcessSummary(
              instance.getId(),
              instance.getProcessDefinitionId(),
              name,
              instant(instance.getStartTime()),
              instant(instance.getEndTime()),
              instance.getState(),
              instance.getSuperProcessInstanceId() == null));
    }
    List<TimelineEvent> events = new ArrayList<>();
    List<StepTime> steps = new ArrayList<>();
    for (HistoricProcessInstance instance : instances) {
      String process = processNames.get(instance.getId());
      Map<String, String> elementNames = elementNames(instance.getProcessDefinitionId());
      Map<String, UserOperationLogEntry> operations = operations(instance.getId(), process, events);
      events.add(
          new TimelineEvent(
              instant(instance.getStartTime()),
              TimelineEvent.Type.PROCESS_STARTED,
              process,
              process,
              disciplines.ofUser(instance.getStartUserId()),
              instance.getStartUserId(),
              null,
              null,
              null,
              null));
      if (instance.getEndTime() != null) {
        events.add(
            new TimelineEvent(
                instant(instance.getEndTime()),
                TimelineEvent.Type.PROCESS_ENDED,
                process,
                process,
                null,
                null,
                null,
                null,
                instance.getDurationInMillis(),
                instance.getDeleteReason()));
      }
      activities(instance.getId(), process, elementNames, events, steps);
      tasks(instance.getId(), process, operations, events);
      variables(instance.getId(), process, operations, events);
      incidents(instance.getId(), process, events);
    }
    if (!instances.isEmpty()) {
      for (ConsentRecord consent : consents.findByCaseNumberOrderByRecordedAtAscIdAsc(caseNumber)) {
        events.add(
            new TimelineEvent(
                consent.getRecordedAt(),
                TimelineEvent.Type.CONSENT,
                null,
                consent.getPurpose(),
                disciplines.ofUser(consent.getRecordedBy()),
                consent.getRecordedBy(),
                null,
                consent.getDecision().name(),
                null,
                consent.getRecipientDiscipline()
                    + (consent.getReasonCode() == null ? "" : " · " + consent.getReasonCode())));
      }
      for (TimelineSource source : extraSources) {
        events.addAll(source.events(caseNumber));
      }
    }
    events.sort(
        Comparator.comparing(TimelineEvent::at, Comparator.nullsLast(Comparator.naturalOrder())));
    Set<String> users =
        events.stream()
            .map(TimelineEvent::user)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    Set<String> seenDisciplines =
        events.stream()
            .map(TimelineEvent::discipline)
            .filter(Objects::nonNull)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    List<TimelineEvent> filtered = events.stream().filter(filter::accepts).toList();
    return new CaseHistory(caseNumber, summaries, filtered, steps, users, seenDisciplines);
  }

  private List<HistoricProcessInstance> instances(String caseNumber) {
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
    return new ArrayList<>(all.values());
  }

  private Map<String, UserOperationLogEntry> operations(
      String processInstanceId, String process, List<TimelineEvent> events) {
    Map<String, UserOperationLogEntry> byOperation = new LinkedHashMap<>();
    for (UserOperationLogEntry entry :
        history
            .createUserOperationLogQuery()
            .processInstanceId(processInstanceId)
            .orderByTimestamp()
            .asc()
            .list()) {
      if (byOperation.putIfAbsent(entry.getOperationId(), entry) != null) {
        continue; // one line per operation, not per changed property
      }
      String type = entry.getOperationType();
      if ("Claim".equals(type) || "Assign".equals(type) || "SetOwner".equals(type)) {
        continue; // shown as TASK_CLAIMED
      }
      events.add(
          new TimelineEvent(
              instant(entry.getTimestamp()),
              TimelineEvent.Type.OPERATION,
              process,
              type,
              disciplines.ofUser(entry.getUserId()),
              entry.getUserId(),
              null,
              null,
              null,
              entry.getEntityType()));
    }
    return byOperation;
  }

  private void activities(
      String processInstanceId,
      String process,
      Map<String, String> elementNames,
      List<TimelineEvent> events,
      List<StepTime> steps) {
    Map<String, long[]> time = new LinkedHashMap<>();
    Map<String, HistoricActivityInstance> first = new LinkedHashMap<>();
    for (HistoricActivityInstance activity :
        history
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      String type = activity.getActivityType();
      if ("multiInstanceBody".equals(type)) {
        // issue 15: the body of a multi-instance step ("Call_WarmHandover#multiInstanceBody")
        // is folded into its step: each instance inside it has its own line and time
        continue;
      }
      first.putIfAbsent(activity.getActivityId(), activity);
      long[] entry = time.computeIfAbsent(activity.getActivityId(), id -> new long[3]);
      entry[0]++;
      Long duration = activity.getDurationInMillis();
      if (duration != null) {
        entry[1] += duration;
      } else {
        entry[1] += Math.max(0, clock.millis() - activity.getStartTime().getTime());
        entry[2] = 1;
      }
      if ("userTask".equals(type)) {
        continue; // the task lines say more
      }
      boolean timer = type != null && type.toLowerCase().contains("timer");
      events.add(
          new TimelineEvent(
              instant(
                  activity.getEndTime() != null && timer
                      ? activity.getEndTime()
                      : activity.getStartTime()),
              timer ? TimelineEvent.Type.TIMER_FIRED : TimelineEvent.Type.ACTIVITY,
              process,
              elementLabel(activity, elementNames),
              null,
              null,
              null,
              null,
              duration,
              type));
    }
    for (Map.Entry<String, long[]> entry : time.entrySet()) {
      HistoricActivityInstance activity = first.get(entry.getKey());
      steps.add(
          new StepTime(
              process,
              entry.getKey(),
              elementLabel(activity, elementNames),
              activity.getActivityType(),
              (int) entry.getValue()[0],
              entry.getValue()[1],
              entry.getValue()[2] == 1));
    }
  }

  private void tasks(
      String processInstanceId,
      String process,
      Map<String, UserOperationLogEntry> operations,
      List<TimelineEvent> events) {
    for (HistoricTaskInstance task :
        history
            .createHistoricTaskInstanceQuery()
            .processInstanceId(processInstanceId)
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()) {
      String name = label(task.getName(), task.getTaskDefinitionKey());
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
      String taskDiscipline =
          groups.stream()
              .map(disciplines::ofGroup)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      events.add(
          new TimelineEvent(
              instant(task.getStartTime()),
              TimelineEvent.Type.TASK_CREATED,
              process,
              name,
              taskDiscipline,
              null,
              null,
              String.join(", ", groups),
              null,
              task.getDueDate() == null ? null : instant(task.getDueDate()).toString()));
      String completedBy = task.getAssignee();
      for (UserOperationLogEntry entry :
          history
              .createUserOperationLogQuery()
              .taskId(task.getId())
              .orderByTimestamp()
              .asc()
              .list()) {
        String type = entry.getOperationType();
        if (("Claim".equals(type) || "Assign".equals(type))
            && "assignee".equals(entry.getProperty())) {
          events.add(
              new TimelineEvent(
                  instant(entry.getTimestamp()),
                  TimelineEvent.Type.TASK_CLAIMED,
                  process,
                  name,
                  disciplines.ofUser(entry.getUserId()),
                  entry.getUserId(),
                  entry.getOrgValue(),
                  entry.getNewValue(),
                  null,
                  type));
        }
        if ("Complete".equals(type)) {
          completedBy = entry.getUserId();
        }
      }
      if (task.getEndTime() != null) {
        boolean completed = "completed".equals(task.getDeleteReason());
        events.add(
            new TimelineEvent(
                instant(task.getEndTime()),
                completed ? TimelineEvent.Type.TASK_COMPLETED : TimelineEvent.Type.TASK_CANCELLED,
                process,
                name,
                completed ? disciplines.ofUser(completedBy) : taskDiscipline,
                completed ? completedBy : null,
                null,
                null,
                task.getDurationInMillis(),
                completed ? null : task.getDeleteReason()));
      }
    }
  }

  private void variables(
      String processInstanceId,
      String process,
      Map<String, UserOperationLogEntry> operations,
      List<TimelineEvent> events) {
    Map<String, String> last = new HashMap<>();
    Map<String, String> taskAssignees = new HashMap<>();
    for (HistoricTaskInstance task :
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).list()) {
      taskAssignees.put(task.getId(), task.getAssignee());
    }
    // the authenticated user of the engine command that wrote each variable (the chained audit
    // trail): also for variables set outside a logged user operation, such as a start form
    Map<String, String> commandUsers = new HashMap<>();
    jdbc.query(
        "select history_event_id, user_id from zp_audit_record"
            + " where process_instance_id = ? and event_type like 'variable-%'"
            + " and user_id is not null",
        rs -> {
          commandUsers.put(rs.getString(1), rs.getString(2));
        },
        processInstanceId);
    for (HistoricDetail detail :
        history
            .createHistoricDetailQuery()
            .processInstanceId(processInstanceId)
            .variableUpdates()
            .disableCustomObjectDeserialization()
            .orderByTime()
            .asc()
            .orderPartiallyByOccurrence()
            .asc()
            .list()) {
      if (!(detail instanceof HistoricVariableUpdate update)) {
        continue;
      }
      String value = display(update);
      String previous = last.put(update.getVariableInstanceId(), value);
      UserOperationLogEntry operation =
          update.getUserOperationId() == null ? null : operations.get(update.getUserOperationId());
      String user =
          operation != null
              ? operation.getUserId()
              : commandUsers.containsKey(update.getId())
                  ? commandUsers.get(update.getId())
                  : update.getTaskId() != null ? taskAssignees.get(update.getTaskId()) : null;
      events.add(
          new TimelineEvent(
              instant(update.getTime()),
              TimelineEvent.Type.VARIABLE_CHANGED,
              process,
              update.getVariableName(),
              disciplines.ofUser(user),
              user,
              previous,
              value,
              null,
              null));
    }
  }

  private void incidents(String processInstanceId, String process, List<TimelineEvent> events) {
    for (HistoricIncident incident :
        history.createHistoricIncidentQuery().processInstanceId(processInstanceId).list()) {
      events.add(
          new TimelineEvent(
              instant(incident.getCreateTime()),
              TimelineEvent.Type.INCIDENT,
              process,
              incident.getActivityId(),
              null,
              null,
              null,
              incident.isResolved() ? "resolved" : incident.isOpen() ? "open" : "deleted",
              null,
              incident.getIncidentType() + ": " + incident.getIncidentMessage()));
    }
  }

  static String display(HistoricVariableUpdate update) {
    TypedValue typed = update.getTypedValue();
    if (typed == null) {
      return null;
    }
    if (typed instanceof ObjectValue object) {
      return object.getValueSerialized();
    }
    if (typed.getValue() instanceof Date date) {
      // a date variable as an instant, which AuditFormat shows in Dutch (not Date.toString)
      return date.toInstant().toString();
    }
    return typed.getValue() == null ? null : String.valueOf(typed.getValue());
  }

  private String processName(String definitionId, String key) {
    try {
      String name = repository.getProcessDefinition(definitionId).getName();
      return name == null ? key : name;
    } catch (RuntimeException e) {
      return key;
    }
  }

  /**
   * The Dutch names of the elements of a process definition (from its BPMN), for steps whose
   * history has no name; empty when the model cannot be read.
   */
  private Map<String, String> elementNames(String definitionId) {
    Map<String, String> names = new HashMap<>();
    try {
      org.camunda.bpm.model.bpmn.BpmnModelInstance model =
          repository.getBpmnModelInstance(definitionId);
      if (model != null) {
        for (org.camunda.bpm.model.bpmn.instance.FlowElement element :
            model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class)) {
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

  /**
   * A step by its name: from the history, else from the BPMN, else the Dutch word for its kind
   * ("keuze", "einde"): never an element id.
   */
  private String elementLabel(HistoricActivityInstance activity, Map<String, String> names) {
    String name = activity.getActivityName();
    if (name != null && !name.isBlank()) {
      return name.strip().replaceAll("\\s+", " ");
    }
    String fromModel = names.get(activity.getActivityId());
    if (fromModel != null) {
      return fromModel;
    }
    String type = activity.getActivityType();
    return type == null ? format.message("audit.activityType.task") : format.activityType(type);
  }

  private static String label(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }

  static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
