package nl.zorgpad.pathway;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link CaseProgressReads} from the engine's services and, for the candidate cases, one SQL query
 * over the involvements and the engine's task and tenant tables. Runs in the caller's transaction;
 * the engine is queried without an engine user.
 */
@Component
class EngineCaseProgressReads implements CaseProgressReads {

  private final TaskService taskService;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final JdbcTemplate jdbc;

  EngineCaseProgressReads(
      TaskService taskService,
      HistoryService historyService,
      RuntimeService runtimeService,
      RepositoryService repositoryService,
      JdbcTemplate jdbc) {
    this.taskService = taskService;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.jdbc = jdbc;
  }

  @Override
  public List<OpenTask> openTasks(String caseNumber) {
    List<OpenTask> open = new ArrayList<>();
    for (Task task :
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .orderByTaskCreateTime()
            .asc()
            .list()) {
      open.add(
          new OpenTask(
              task.getId(),
              task.getName(),
              openTaskGroup(task.getId()),
              instant(task.getCreateTime()),
              instant(task.getDueDate()),
              task.getAssignee()));
    }
    return open;
  }

  @Override
  public List<FinishedTask> finishedTasks(String caseNumber) {
    List<FinishedTask> done = new ArrayList<>();
    for (HistoricTaskInstance task :
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .finished()
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()) {
      done.add(
          new FinishedTask(
              task.getId(),
              task.getName(),
              historicTaskGroup(task.getId()),
              instant(task.getStartTime()),
              instant(task.getDueDate()),
              instant(task.getEndTime()),
              task.getAssignee(),
              completedBy(task)));
    }
    return done;
  }

  @Override
  public boolean isOpenTaskOf(String taskId, String caseNumber) {
    return taskService
            .createTaskQuery()
            .taskId(taskId)
            .processInstanceBusinessKey(caseNumber)
            .count()
        == 1;
  }

  @Override
  public Optional<PathwayPosition> pathwayPosition(String caseNumber) {
    HistoricProcessInstance root =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .rootProcessInstances()
            .orderByProcessInstanceStartTime()
            .asc()
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    if (root == null) {
      return Optional.empty();
    }
    String xml;
    try (var in = repositoryService.getProcessModel(root.getProcessDefinitionId())) {
      xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("cannot read the pathway of " + caseNumber, e);
    }
    List<String> active =
        root.getEndTime() == null ? runtimeService.getActiveActivityIds(root.getId()) : List.of();
    List<String> passed =
        historyService
            .createHistoricActivityInstanceQuery()
            .processInstanceId(root.getId())
            .finished()
            .list()
            .stream()
            .map(HistoricActivityInstance::getActivityId)
            .distinct()
            .toList();
    return Optional.of(new PathwayPosition(xml, active, passed));
  }

  @Override
  public List<String> candidateCases(String userId, List<String> groups, Instant now) {
    return jdbc.queryForList(
        candidates(groups.size()) + " order by n desc",
        String.class,
        candidateArgs(userId, groups, now).toArray());
  }

  /**
   * The candidates: cases in which one of her groups or she herself is actively involved, or in
   * which she holds an open task, of her coalitions. Each way in is a branch of its own that reads
   * its own index: her groups' and her own current involvements ({@code ix_involvement_group_until},
   * {@code ix_involvement_user_until}: {@code until_at is null}, or a future end), her tasks, her
   * groups' candidate links. A single {@code (group_id in … or user_id = ?)} made H2 read every
   * involvement of the installation (docs/benchmarks.md, "/casus: the involvements by index").
   */
  static String candidates(int groupCount) {
    String groupList = String.join(",", java.util.Collections.nCopies(groupCount, "?"));
    String involved = "select i.case_number n from zp_involvement i where ";
    String current = " and i.from_at <= ?";
    return "select n from ("
        + involved
        + "i.group_id in ("
        + groupList
        + ") and i.until_at is null"
        + current
        + " union "
        + involved
        + "i.group_id in ("
        + groupList
        + ") and i.until_at > ?"
        + current
        + " union "
        + involved
        + "i.user_id = ? and i.until_at is null"
        + current
        + " union "
        + involved
        + "i.user_id = ? and i.until_at > ?"
        + current
        + " union select e.BUSINESS_KEY_ n from ACT_RU_TASK t"
        + " join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where t.ASSIGNEE_ = ?"
        + " union select e.BUSINESS_KEY_ n from ACT_RU_IDENTITYLINK l"
        + " join ACT_RU_TASK t on t.ID_ = l.TASK_ID_"
        + " join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_"
        + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ in ("
        + groupList
        + ")"
        + ") v where n is not null"
        + " and exists (select 1 from zp_case_file cf where cf.case_number = v.n)"
        // a case of another coalition (the tenant of its root instance) is never listed
        + " and not exists (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = v.n"
        + " and p.SUPER_PROCESS_INSTANCE_ID_ is null and p.TENANT_ID_ is not null"
        + " and p.TENANT_ID_ not in (select m.TENANT_ID_ from ACT_ID_TENANT_MEMBER m"
        + " where m.USER_ID_ = ? or m.GROUP_ID_ in (select g.GROUP_ID_ from ACT_ID_MEMBERSHIP g"
        + " where g.USER_ID_ = ?)))";
  }

  /** The parameters of {@link #candidates(int)}, in its order. */
  static List<Object> candidateArgs(String userId, List<String> groups, Instant instant) {
    java.time.OffsetDateTime now =
        java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    List<Object> args = new ArrayList<>(groups);
    args.add(now);
    args.addAll(groups);
    args.add(now);
    args.add(now);
    args.add(userId);
    args.add(now);
    args.add(userId);
    args.add(now);
    args.add(now);
    args.add(userId);
    args.addAll(groups);
    args.add(userId);
    args.add(userId);
    return args;
  }

  /**
   * Who completed a finished task, from the engine's history: the user of its "Complete" entry in
   * the user operation log (also when she completed it without claiming it first); else its
   * assignee; null when the engine completed it (a timer, a cancelled step).
   */
  private String completedBy(HistoricTaskInstance task) {
    return historyService
        .createUserOperationLogQuery()
        .taskId(task.getId())
        .operationType(UserOperationLogEntry.OPERATION_TYPE_COMPLETE)
        .list()
        .stream()
        .map(UserOperationLogEntry::getUserId)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(task.getAssignee());
  }

  private String openTaskGroup(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private String historicTaskGroup(String taskId) {
    return historyService
        .createHistoricIdentityLinkLogQuery()
        .taskId(taskId)
        .type(IdentityLinkType.CANDIDATE)
        .list()
        .stream()
        .map(HistoricIdentityLinkLog::getGroupId)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static Instant instant(java.util.Date date) {
    return date == null ? null : date.toInstant();
  }
}
