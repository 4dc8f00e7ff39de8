package nl.zorgpad.monitor;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.zorgpad.discipline.GroupDisciplines;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The monitor's only reads of the engine: the history of ONE case (by its business key) when
 * its facts are projected, and the open overdue tasks. The monitor's pages never query the
 * history; they read the pre-aggregated {@code zp_monitor_fact}.
 */
@Component
class EngineMonitorHistory implements MonitorHistory {

  /** The variables the projection reads (codes only, no personal data). */
  static final Set<String> VARIABLES =
      Set.of(
          "homeVisitOptOutReason",
          "homeVisitOutcome",
          "consentRefusalReason",
          "recipientDiscipline");

  private final HistoryService history;
  private final IdentityService identity;
  private final GroupDisciplines disciplines;
  private final JdbcTemplate jdbc;

  EngineMonitorHistory(HistoryService history, IdentityService identity, JdbcTemplate jdbc) {
    this.history = history;
    this.jdbc = jdbc;
    this.identity = identity;
    this.disciplines = GroupDisciplines.byPrefix();
  }

  /**
   * Reads as the system: the projection runs inside the transaction of whoever moved the case
   * (a caregiver without history rights), and the monitor's aggregates are not per-user reads.
   */
  private <T> T asSystem(Supplier<T> read) {
    Authentication current = identity.getCurrentAuthentication();
    if (current == null) {
      return read.get();
    }
    identity.clearAuthentication();
    try {
      return read.get();
    } finally {
      identity.setAuthentication(current);
    }
  }

  @Override
  public CaseHistory caseHistory(String caseNumber) {
    return asSystem(() -> read(caseNumber));
  }

  /**
   * The case's instances, activities and tasks come from three plain statements on the engine's
   * history tables (their indexes on {@code BUSINESS_KEY_}, {@code ROOT_PROC_INST_ID_} and
   * {@code PROC_INST_ID_}), in the engine's default order ({@code ID_}); the variables and the
   * candidates of a late task through the history service. This runs before the commit of
   * nearly every task completion: through the engine's queries it cost 2 + 2 per instance
   * commands, each with its dynamic SQL and authorization set-up (docs/benchmarks.md, "Task
   * completion and case creation: causes and fixes").
   */
  private CaseHistory read(String caseNumber) {
    HistoricInstance main =
        jdbc
            .query(
                PROCESS_COLUMNS + " where BUSINESS_KEY_ = ? order by ID_",
                EngineMonitorHistory::process,
                caseNumber)
            .stream()
            .filter(p -> p.superId() == null)
            .min(Comparator.comparing(HistoricInstance::start))
            .orElse(null);
    if (main == null) {
      return CaseHistory.empty();
    }
    List<HistoricInstance> all =
        new ArrayList<>(
            jdbc.query(
                PROCESS_COLUMNS + " where ROOT_PROC_INST_ID_ = ? order by ID_",
                EngineMonitorHistory::process,
                main.id()));
    if (all.stream().noneMatch(p -> p.id().equals(main.id()))) {
      all.add(main);
    }
    String[] ids = all.stream().map(HistoricInstance::id).toArray(String[]::new);
    String in = String.join(", ", java.util.Collections.nCopies(ids.length, "?"));
    // the call activity of the parent that started each subprocess
    Map<String, List<Activity>> activitiesByInstance = new HashMap<>();
    Map<String, String> calledFrom = new HashMap<>();
    jdbc.query(
        "select PROC_INST_ID_, ACT_ID_, START_TIME_, END_TIME_, CALL_PROC_INST_ID_,"
            + " ACT_INST_STATE_ from ACT_HI_ACTINST where PROC_INST_ID_ in ("
            + in
            + ") order by ID_",
        rs -> {
          String activityId = rs.getString("ACT_ID_");
          String called = rs.getString("CALL_PROC_INST_ID_");
          if (called != null) {
            calledFrom.put(called, activityId);
          }
          // a cancelled activity (the case ended, a boundary timer interrupted it) did not
          // finish
          boolean cancelled = rs.getInt("ACT_INST_STATE_") == CANCELED;
          activitiesByInstance
              .computeIfAbsent(rs.getString("PROC_INST_ID_"), k -> new ArrayList<>())
              .add(
                  new Activity(
                      activityId,
                      instant(rs.getTimestamp("START_TIME_")),
                      cancelled ? null : instant(rs.getTimestamp("END_TIME_"))));
        },
        (Object[]) ids);
    Map<String, List<Task>> tasksByInstance = new HashMap<>();
    jdbc.query(
        "select PROC_INST_ID_, ID_, TASK_DEF_KEY_, DUE_DATE_, END_TIME_, DELETE_REASON_"
            + " from ACT_HI_TASKINST where PROC_INST_ID_ in ("
            + in
            + ") order by ID_",
        rs -> {
          Instant due = instant(rs.getTimestamp("DUE_DATE_"));
          Instant end = instant(rs.getTimestamp("END_TIME_"));
          tasksByInstance
              .computeIfAbsent(rs.getString("PROC_INST_ID_"), k -> new ArrayList<>())
              .add(
                  new Task(
                      rs.getString("TASK_DEF_KEY_"),
                      due,
                      end,
                      lateDiscipline(
                          rs.getString("ID_"), due, end, rs.getString("DELETE_REASON_"))));
        },
        (Object[]) ids);
    Map<String, Map<String, String>> variables = new HashMap<>();
    for (HistoricVariableInstance variable :
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(ids)
            .variableNameIn(VARIABLES.toArray(String[]::new))
            .disableBinaryFetching()
            .disableCustomObjectDeserialization()
            .list()) {
      Object value = variable.getValue();
      if (value != null) {
        variables
            .computeIfAbsent(variable.getProcessInstanceId(), k -> new HashMap<>())
            .put(variable.getName(), value.toString());
      }
    }
    List<Instance> instances = new ArrayList<>();
    for (HistoricInstance instance : all) {
      instances.add(
          new Instance(
              instance.id(),
              instance.definitionKey(),
              instance.start(),
              instance.end(),
              instance.endActivityId(),
              calledFrom.get(instance.id()),
              activitiesByInstance.getOrDefault(instance.id(), List.of()),
              tasksByInstance.getOrDefault(instance.id(), List.of()),
              variables.getOrDefault(instance.id(), Map.of())));
    }
    String tenant = main.tenant() == null ? "" : main.tenant();
    return new CaseHistory(tenant, instances);
  }

  /** {@code ActivityInstanceState.CANCELED} as stored in {@code ACT_INST_STATE_}. */
  static final int CANCELED = 2;

  private static final String PROCESS_COLUMNS =
      "select ID_, PROC_DEF_KEY_, START_TIME_, END_TIME_, END_ACT_ID_, SUPER_PROCESS_INSTANCE_ID_,"
          + " TENANT_ID_ from ACT_HI_PROCINST";

  /** A historic process instance as the projection needs it. */
  private record HistoricInstance(
      String id,
      String definitionKey,
      Instant start,
      Instant end,
      String endActivityId,
      String superId,
      String tenant) {}

  private static HistoricInstance process(java.sql.ResultSet rs, int row)
      throws java.sql.SQLException {
    return new HistoricInstance(
        rs.getString("ID_"),
        rs.getString("PROC_DEF_KEY_"),
        instant(rs.getTimestamp("START_TIME_")),
        instant(rs.getTimestamp("END_TIME_")),
        rs.getString("END_ACT_ID_"),
        rs.getString("SUPER_PROCESS_INSTANCE_ID_"),
        rs.getString("TENANT_ID_"));
  }

  /** The discipline is looked up only for a task that was finished late (few identity links). */
  private String lateDiscipline(String taskId, Instant due, Instant end, String deleteReason) {
    if (due == null || end == null || !"completed".equals(deleteReason) || !end.isAfter(due)) {
      return null;
    }
    for (HistoricIdentityLinkLog link :
        history
            .createHistoricIdentityLinkLogQuery()
            .taskId(taskId)
            .type(IdentityLinkType.CANDIDATE)
            .list()) {
      String discipline = disciplines.disciplineOf(link.getGroupId()).orElse(null);
      if (discipline != null) {
        return discipline;
      }
    }
    return "onbekend";
  }

  @Override
  public String caseNumberOfRoot(String rootProcessInstanceId) {
    return asSystem(() -> businessKey(rootProcessInstanceId));
  }

  private String businessKey(String rootProcessInstanceId) {
    List<String> keys =
        jdbc.queryForList(
            "select BUSINESS_KEY_ from ACT_HI_PROCINST where ID_ = ?",
            String.class,
            rootProcessInstanceId);
    return keys.isEmpty() ? null : keys.get(0);
  }

  @Override
  public Map<String, Long> overdueOpenTasks(String coalition, Instant now) {
    // the engine's task query would list every overdue task of every coalition and read the
    // candidates of each; this counts in the database (the engine's own tables, read only)
    String tenant = coalition.isEmpty() ? "t.TENANT_ID_ is null" : "t.TENANT_ID_ = ?";
    List<Object> args = new ArrayList<>(List.of(java.sql.Timestamp.from(now)));
    if (!coalition.isEmpty()) {
      args.add(coalition);
    }
    Map<String, Long> byDiscipline = new HashMap<>();
    jdbc.query(
        "select x.grp, count(*) from (select t.ID_ as id, max(i.GROUP_ID_) as grp"
            + " from ACT_RU_TASK t left join ACT_RU_IDENTITYLINK i on i.TASK_ID_ = t.ID_"
            + " and i.TYPE_ = 'candidate' and i.GROUP_ID_ is not null"
            + " where t.DUE_DATE_ < ? and t.SUSPENSION_STATE_ = 1 and "
            + tenant
            + " group by t.ID_) x group by x.grp",
        rs -> {
          String group = rs.getString(1);
          String discipline =
              group == null ? "onbekend" : disciplines.disciplineOf(group).orElse("onbekend");
          byDiscipline.merge(discipline, rs.getLong(2), Long::sum);
        },
        args.toArray());
    return byDiscipline;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
