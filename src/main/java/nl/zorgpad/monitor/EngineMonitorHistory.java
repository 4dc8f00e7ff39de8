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
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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

  private CaseHistory read(String caseNumber) {
    List<HistoricProcessInstance> mains =
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list();
    HistoricProcessInstance main =
        mains.stream()
            .filter(p -> p.getSuperProcessInstanceId() == null)
            .min(Comparator.comparing(HistoricProcessInstance::getStartTime))
            .orElse(null);
    if (main == null) {
      return CaseHistory.empty();
    }
    List<HistoricProcessInstance> all =
        new ArrayList<>(
            history
                .createHistoricProcessInstanceQuery()
                .rootProcessInstanceId(main.getId())
                .list());
    if (all.stream().noneMatch(p -> p.getId().equals(main.getId()))) {
      all.add(main);
    }
    // the call activity of the parent that started each subprocess
    Map<String, List<HistoricActivityInstance>> activitiesByInstance = new HashMap<>();
    Map<String, String> calledFrom = new HashMap<>();
    for (HistoricProcessInstance instance : all) {
      List<HistoricActivityInstance> activities =
          history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).list();
      activitiesByInstance.put(instance.getId(), activities);
      for (HistoricActivityInstance activity : activities) {
        if (activity.getCalledProcessInstanceId() != null) {
          calledFrom.put(activity.getCalledProcessInstanceId(), activity.getActivityId());
        }
      }
    }
    String[] ids = all.stream().map(HistoricProcessInstance::getId).toArray(String[]::new);
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
    for (HistoricProcessInstance instance : all) {
      List<Task> taskList = new ArrayList<>();
      for (HistoricTaskInstance task :
          history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId()).list()) {
        taskList.add(
            new Task(
                task.getTaskDefinitionKey(),
                instant(task.getDueDate()),
                instant(task.getEndTime()),
                lateDiscipline(task)));
      }
      List<Activity> activities =
          activitiesByInstance.get(instance.getId()).stream()
              // a cancelled activity (the case ended, a boundary timer interrupted it) did not
              // finish
              .map(
                  a ->
                      new Activity(
                          a.getActivityId(),
                          instant(a.getStartTime()),
                          a.isCanceled() ? null : instant(a.getEndTime())))
              .toList();
      instances.add(
          new Instance(
              instance.getId(),
              instance.getProcessDefinitionKey(),
              instant(instance.getStartTime()),
              instant(instance.getEndTime()),
              instance.getEndActivityId(),
              calledFrom.get(instance.getId()),
              activities,
              taskList,
              variables.getOrDefault(instance.getId(), Map.of())));
    }
    String tenant = main.getTenantId() == null ? "" : main.getTenantId();
    return new CaseHistory(tenant, instances);
  }

  /** The discipline is looked up only for a task that was finished late (few identity links). */
  private String lateDiscipline(HistoricTaskInstance task) {
    if (task.getDueDate() == null
        || task.getEndTime() == null
        || !"completed".equals(task.getDeleteReason())
        || !task.getEndTime().after(task.getDueDate())) {
      return null;
    }
    for (HistoricIdentityLinkLog link :
        history
            .createHistoricIdentityLinkLogQuery()
            .taskId(task.getId())
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
    HistoricProcessInstance root =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(rootProcessInstanceId)
            .singleResult();
    return root == null ? null : root.getBusinessKey();
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
