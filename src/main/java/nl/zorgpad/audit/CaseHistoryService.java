package nl.zorgpad.audit;

import static nl.zorgpad.time.ZorgpadTime.ZONE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.consent.ConsentRecord;
import nl.zorgpad.consent.ConsentRecordRepository;
import nl.zorgpad.pathway.CaseHistoryReads;
import nl.zorgpad.pathway.CaseHistoryReads.ActivityEntry;
import nl.zorgpad.pathway.CaseHistoryReads.IncidentEntry;
import nl.zorgpad.pathway.CaseHistoryReads.OperationEntry;
import nl.zorgpad.pathway.CaseHistoryReads.ProcessInstanceEntry;
import nl.zorgpad.pathway.CaseHistoryReads.TaskEntry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The history of one case: the engine's history of every process instance of the case (the
 * pathway and the called processes: activities, timers, user tasks with team, claim and
 * completion, operations, incidents), the variable changes old → new with their user from the
 * audit trail, merged with Zorgpad's consent records into one timeline, and the time spent per
 * step.
 */
@Service
public class CaseHistoryService {

  private final CaseHistoryReads history;
  private final ConsentRecordRepository consents;
  private final ActorDisciplines disciplines;
  private final List<TimelineSource> extraSources;
  private final AuditFormat format;
  private final org.springframework.jdbc.core.JdbcTemplate jdbc;
  private final Clock clock;

  CaseHistoryService(
      CaseHistoryReads history,
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
    String xml = history.processModel(root.definitionId());
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
    List<ProcessInstanceEntry> instances = history.processInstances(caseNumber);
    Map<String, String> processNames = new HashMap<>();
    List<ProcessSummary> summaries = new ArrayList<>();
    for (ProcessInstanceEntry instance : instances) {
      String name =
          instance.definitionName() == null ? instance.definitionKey() : instance.definitionName();
      processNames.put(instance.id(), name);
      summaries.add(
          new ProcessSummary(
              instance.id(),
              instance.definitionId(),
              name,
              instance.start(),
              instance.end(),
              instance.state(),
              instance.root()));
    }
    List<TimelineEvent> events = new ArrayList<>();
    List<StepTime> steps = new ArrayList<>();
    for (ProcessInstanceEntry instance : instances) {
      String process = processNames.get(instance.id());
      Map<String, String> elementNames = history.elementNames(instance.definitionId());
      Map<String, OperationEntry> operations = operations(instance.id(), process, events);
      events.add(
          new TimelineEvent(
              instance.start(),
              TimelineEvent.Type.PROCESS_STARTED,
              process,
              process,
              disciplines.ofUser(instance.startUserId()),
              instance.startUserId(),
              null,
              null,
              null,
              null));
      if (instance.end() != null) {
        events.add(
            new TimelineEvent(
                instance.end(),
                TimelineEvent.Type.PROCESS_ENDED,
                process,
                process,
                null,
                null,
                null,
                null,
                instance.durationMillis(),
                instance.deleteReason()));
      }
      activities(instance.id(), process, elementNames, events, steps);
      tasks(instance.id(), process, operations, events);
      variables(instance.id(), process, events);
      incidents(instance.id(), process, events);
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

  private Map<String, OperationEntry> operations(
      String processInstanceId, String process, List<TimelineEvent> events) {
    Map<String, OperationEntry> byOperation = new LinkedHashMap<>();
    for (OperationEntry entry : history.operations(processInstanceId)) {
      if (byOperation.putIfAbsent(entry.operationId(), entry) != null) {
        continue; // one line per operation, not per changed property
      }
      String type = entry.operationType();
      if ("Claim".equals(type) || "Assign".equals(type) || "SetOwner".equals(type)) {
        continue; // shown as TASK_CLAIMED
      }
      events.add(
          new TimelineEvent(
              entry.timestamp(),
              TimelineEvent.Type.OPERATION,
              process,
              type,
              disciplines.ofUser(entry.userId()),
              entry.userId(),
              null,
              null,
              null,
              entry.entityType()));
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
    Map<String, ActivityEntry> first = new LinkedHashMap<>();
    for (ActivityEntry activity : history.activities(processInstanceId)) {
      String type = activity.activityType();
      if ("multiInstanceBody".equals(type)) {
        // issue 15: the body of a multi-instance step ("Call_WarmHandover#multiInstanceBody")
        // is folded into its step: each instance inside it has its own line and time
        continue;
      }
      first.putIfAbsent(activity.activityId(), activity);
      long[] entry = time.computeIfAbsent(activity.activityId(), id -> new long[3]);
      entry[0]++;
      Long duration = activity.durationMillis();
      if (duration != null) {
        entry[1] += duration;
      } else {
        entry[1] += Math.max(0, clock.millis() - activity.start().toEpochMilli());
        entry[2] = 1;
      }
      if ("userTask".equals(type)) {
        continue; // the task lines say more
      }
      boolean timer = type != null && type.toLowerCase().contains("timer");
      events.add(
          new TimelineEvent(
              activity.end() != null && timer ? activity.end() : activity.start(),
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
      ActivityEntry activity = first.get(entry.getKey());
      steps.add(
          new StepTime(
              process,
              entry.getKey(),
              elementLabel(activity, elementNames),
              activity.activityType(),
              (int) entry.getValue()[0],
              entry.getValue()[1],
              entry.getValue()[2] == 1));
    }
  }

  private void tasks(
      String processInstanceId,
      String process,
      Map<String, OperationEntry> operations,
      List<TimelineEvent> events) {
    for (TaskEntry task : history.tasks(processInstanceId)) {
      String name = label(task.name(), task.taskDefinitionKey());
      List<String> groups = task.candidateGroups();
      String taskDiscipline =
          groups.stream()
              .map(disciplines::ofGroup)
              .filter(Objects::nonNull)
              .findFirst()
              .orElse(null);
      events.add(
          new TimelineEvent(
              task.start(),
              TimelineEvent.Type.TASK_CREATED,
              process,
              name,
              taskDiscipline,
              null,
              null,
              String.join(", ", groups),
              null,
              task.due() == null ? null : task.due().toString()));
      String completedBy = task.assignee();
      for (OperationEntry entry : history.taskOperations(task.id())) {
        String type = entry.operationType();
        if (("Claim".equals(type) || "Assign".equals(type))
            && "assignee".equals(entry.property())) {
          events.add(
              new TimelineEvent(
                  entry.timestamp(),
                  TimelineEvent.Type.TASK_CLAIMED,
                  process,
                  name,
                  disciplines.ofUser(entry.userId()),
                  entry.userId(),
                  entry.orgValue(),
                  entry.newValue(),
                  null,
                  type));
        }
        if ("Complete".equals(type)) {
          completedBy = entry.userId();
        }
      }
      if (task.end() != null) {
        boolean completed = "completed".equals(task.deleteReason());
        events.add(
            new TimelineEvent(
                task.end(),
                completed ? TimelineEvent.Type.TASK_COMPLETED : TimelineEvent.Type.TASK_CANCELLED,
                process,
                name,
                completed ? disciplines.ofUser(completedBy) : taskDiscipline,
                completed ? completedBy : null,
                null,
                null,
                task.durationMillis(),
                completed ? null : task.deleteReason()));
      }
    }
  }

  /**
   * Every variable change of the instance, from the audit trail: since ADR 0012 it is their only
   * record (the engine keeps no variable-update details), with the authenticated user of the
   * engine command that wrote it, else the assignee of the task it was written in.
   */
  private void variables(String processInstanceId, String process, List<TimelineEvent> events) {
    Map<String, String> last = new HashMap<>();
    Map<String, String> taskAssignees = history.taskAssignees(processInstanceId);
    jdbc.query(
        "select occurred_at, variable_key, variable_type, value_text, user_id, task_id,"
            + " activity_id, history_event_id from zp_audit_record"
            + " where process_instance_id = ? and event_type like 'variable-%' order by id",
        rs -> {
          String name = rs.getString("variable_key");
          String value = displayedValue(rs.getString("variable_type"), rs.getString("value_text"));
          // one variable instance: its id (records since 2026-12-06), else its name where it
          // was written (a process variable written in two steps then shows no previous value)
          String instance = rs.getString("history_event_id");
          String previous =
              last.put(
                  instance != null ? instance : name + "|" + rs.getString("activity_id"), value);
          String taskId = rs.getString("task_id");
          String user = rs.getString("user_id");
          if (user == null && taskId != null) {
            user = taskAssignees.get(taskId);
          }
          events.add(
              new TimelineEvent(
                  rs.getTimestamp("occurred_at").toInstant(),
                  TimelineEvent.Type.VARIABLE_CHANGED,
                  process,
                  name,
                  disciplines.ofUser(user),
                  user,
                  previous,
                  value,
                  null,
                  null));
        },
        processInstanceId);
  }

  /**
   * A value as the audit trail holds it, shown as the engine's typed value would be: a boolean
   * (stored as 1 or 0) as {@code true}/{@code false}, a date (stored as epoch milliseconds) as an
   * instant, JSON as its text, everything else as stored.
   */
  static String displayedValue(String type, String stored) {
    if (stored == null || "null".equals(type)) {
      return null;
    }
    if ("boolean".equals(type)) {
      return "1".equals(stored) ? "true" : "0".equals(stored) ? "false" : stored;
    }
    if ("date".equals(type)) {
      try {
        return Instant.ofEpochMilli(Long.parseLong(stored)).toString();
      } catch (NumberFormatException e) {
        return stored;
      }
    }
    return stored;
  }

  private void incidents(String processInstanceId, String process, List<TimelineEvent> events) {
    for (IncidentEntry incident : history.incidents(processInstanceId)) {
      events.add(
          new TimelineEvent(
              incident.created(),
              TimelineEvent.Type.INCIDENT,
              process,
              incident.activityId(),
              null,
              null,
              null,
              incident.resolved() ? "resolved" : incident.open() ? "open" : "deleted",
              null,
              incident.incidentType() + ": " + incident.incidentMessage()));
    }
  }

  /**
   * A step by its name: from the history, else from the BPMN, else the Dutch word for its kind
   * ("keuze", "einde"): never an element id.
   */
  private String elementLabel(ActivityEntry activity, Map<String, String> names) {
    String name = activity.activityName();
    if (name != null && !name.isBlank()) {
      return name.strip().replaceAll("\\s+", " ");
    }
    String fromModel = names.get(activity.activityId());
    if (fromModel != null) {
      return fromModel;
    }
    String type = activity.activityType();
    return type == null ? format.message("audit.activityType.task") : format.activityType(type);
  }

  private static String label(String name, String id) {
    return name == null || name.isBlank() ? id : name;
  }
}
