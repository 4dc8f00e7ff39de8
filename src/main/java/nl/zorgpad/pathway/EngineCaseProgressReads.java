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
  public List<String> candidateCases(String userId, List<String> groups, Instant now, int limit) {
    CandidateQuery query = candidates(userId, groups, now, limit);
    return jdbc.queryForList(query.sql(), String.class, query.args().toArray());
  }

  /** A statement and its parameters, in their order. */
  record CandidateQuery(String sql, List<Object> args) {}

  /**
   * The newest {@code limit} candidates: cases in which one of her groups or she herself is
   * actively involved, or in which she holds an open task, of her coalitions. Each way in is a
   * branch of its own that reads its own index and applies the checks itself (a case file exists;
   * the case's coalition, the tenant of its root instance, is hers), so that each branch can stop
   * after its own newest {@code limit} rows: the union of every branch's newest {@code limit}
   * holds the newest {@code limit} of all. Her groups' current involvements are read one group at
   * a time through {@code ix_involvement_group_until} ({@code group_id, until_at, case_number}), in
   * the index's order backwards, so a page view reads about {@code limit} index entries per group,
   * not every case the group has ever been involved in (docs/benchmarks.md, "/casus: the newest
   * candidates"). A single {@code (group_id in … or user_id = ?)} made H2 read every involvement
   * of the installation; a union without limits made it read and sort every case she may see.
   */
  static CandidateQuery candidates(String userId, List<String> groups, Instant instant, int limit) {
    List<CandidateQuery> branches = branches(userId, groups, instant, limit);
    List<Object> args = new ArrayList<>();
    branches.forEach(branch -> args.addAll(branch.args()));
    args.add(limit);
    String sql =
        "select n from ("
            + String.join(" union ", branches.stream().map(b -> "(" + b.sql() + ")").toList())
            + ") v order by n desc limit ?";
    return new CandidateQuery(sql, args);
  }

  /** The branches of {@link #candidates}, each a statement of its own (with its parameters). */
  static List<CandidateQuery> branches(
      String userId, List<String> groups, Instant instant, int limit) {
    java.time.OffsetDateTime now =
        java.time.OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC);
    List<CandidateQuery> branches = new ArrayList<>();
    for (String group : groups) {
      branches.addAll(involvements("i.group_id", group, GROUP_ORDER, now, userId, limit));
    }
    branches.addAll(involvements("i.user_id", userId, USER_ORDER, now, userId, limit));
    branches.add(
        branch(
            "select e.BUSINESS_KEY_ n from ACT_RU_TASK t"
                + " join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_ where t.ASSIGNEE_ = ?",
            List.of(userId),
            "e.BUSINESS_KEY_",
            "e.BUSINESS_KEY_ desc",
            userId,
            limit,
            true));
    if (!groups.isEmpty()) {
      String groupList = String.join(",", java.util.Collections.nCopies(groups.size(), "?"));
      branches.add(
          branch(
              "select e.BUSINESS_KEY_ n from ACT_RU_IDENTITYLINK l"
                  + " join ACT_RU_TASK t on t.ID_ = l.TASK_ID_"
                  + " join ACT_RU_EXECUTION e on e.ID_ = t.PROC_INST_ID_"
                  + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ in ("
                  + groupList
                  + ")",
              new ArrayList<>(groups),
              "e.BUSINESS_KEY_",
              "e.BUSINESS_KEY_ desc",
              userId,
              limit,
              true));
    }
    return branches;
  }

  /**
   * The current involvements of one group or of her ({@code column = value}): those without an
   * end, read in {@code order} (the index's order backwards), and those that end later (rare: an
   * end set ahead), through the index's range on {@code until_at} — one value at a time, because
   * with {@code group_id in (…)} H2 read all of the groups' rows, ended ones included.
   */
  private static List<CandidateQuery> involvements(
      String column,
      String value,
      String order,
      java.time.OffsetDateTime now,
      String userId,
      int limit) {
    String involved = "select i.case_number n from zp_involvement i where " + column + " = ?";
    return List.of(
        branch(
            involved + " and i.until_at is null and i.from_at <= ?",
            List.of(value, now),
            "i.case_number",
            order,
            userId,
            limit,
            false),
        branch(
            involved + " and i.until_at > ? and i.from_at <= ?",
            List.of(value, now, now),
            "i.case_number",
            "i.case_number desc",
            userId,
            limit,
            false));
  }

  /**
   * The order of a group's current involvements: the whole index {@code (group_id, until_at,
   * case_number)} backwards. Both leading columns are fixed in the branch, so this is the newest
   * case number first; named in full because H2 reads an index in order only when the order
   * names its columns from the first (with {@code order by case_number desc} alone it read and
   * sorted every involvement of the group). {@code until_at} is null in the branch, so where a
   * database puts nulls does not matter.
   */
  static final String GROUP_ORDER = "i.group_id desc, i.until_at desc, i.case_number desc";

  /** Her own current involvements, the same way through {@code ix_involvement_user_until}. */
  static final String USER_ORDER = "i.user_id desc, i.until_at desc, i.case_number desc";

  /**
   * A branch with its checks, its order and its limit: a case of another coalition (the tenant
   * of its root instance) is never listed; a task's case must have a case file.
   */
  private static CandidateQuery branch(
      String select,
      List<Object> selectArgs,
      String caseNumber,
      String order,
      String userId,
      int limit,
      boolean needsCaseFile) {
    StringBuilder sql = new StringBuilder(select);
    if (needsCaseFile) {
      sql.append(" and ")
          .append(caseNumber)
          .append(" is not null and exists (select 1 from zp_case_file cf where cf.case_number = ")
          .append(caseNumber)
          .append(")");
    }
    sql.append(" and not exists (select 1 from ACT_HI_PROCINST p where p.BUSINESS_KEY_ = ")
        .append(caseNumber)
        .append(" and p.SUPER_PROCESS_INSTANCE_ID_ is null and p.TENANT_ID_ is not null")
        .append(" and p.TENANT_ID_ not in (select m.TENANT_ID_ from ACT_ID_TENANT_MEMBER m")
        .append(" where m.USER_ID_ = ? or m.GROUP_ID_ in (select g.GROUP_ID_ from")
        .append(" ACT_ID_MEMBERSHIP g where g.USER_ID_ = ?)))")
        .append(" order by ")
        .append(order)
        .append(" limit ?");
    List<Object> args = new ArrayList<>(selectArgs);
    args.add(userId);
    args.add(userId);
    args.add(limit);
    return new CandidateQuery(sql.toString(), List.copyOf(args));
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
