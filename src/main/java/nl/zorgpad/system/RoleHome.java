package nl.zorgpad.system;

import static nl.zorgpad.time.ZorgpadTime.ZONE;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.casus.DossierPart;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.discipline.GroupDisciplines;
import nl.zorgpad.security.ZorgpadGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * What each role's home page shows (issue 15): a caregiver her team's open and overdue tasks and
 * her cases, a regiehouder the cases she coordinates and their state, a coordinator the
 * workbench (and the monitor once that page exists), an auditor the audit pages, an
 * administrator the integration details. Every figure is a count query and every list a bounded
 * page ({@value #FIRST_FEW} rows): the home page costs the same with 10 cases or 100,000.
 *
 * <p>Tasks are read as the user (her groups and coalitions), so the engine's authorization and
 * tenant checks apply as in the Tasklist. Case counts come from the dossier's involvements of
 * the user and her groups, without the cases of another coalition (decision 0005). Nothing is
 * access-logged: the page shows case numbers, task names and states, no dossier content.
 */
@Component
class RoleHome {

  static final int FIRST_FEW = 5;

  /** The policy officer's group (comes with the monitor). */
  static final String POLICY = "beleid";

  /** The monitor page of another engineer: its card appears once a handler serves it. */
  static final String MONITOR_PATH = "/monitor";

  static final String TASKLIST = "/camunda/app/tasklist/default/";
  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.forLanguageTag("nl-NL"));
  private static final GroupDisciplines DISCIPLINES = GroupDisciplines.byPrefix();

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final NamedParameterJdbcTemplate jdbc;
  private final DossierService dossier;
  private final ObjectProvider<RequestMappingHandlerMapping> mappings;
  private final Clock clock;
  private volatile Boolean monitor;

  RoleHome(
      TaskService taskService,
      RuntimeService runtimeService,
      IdentityService identityService,
      NamedParameterJdbcTemplate jdbc,
      DossierService dossier,
      ObjectProvider<RequestMappingHandlerMapping> mappings,
      Clock clock) {
    this.clock = clock;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.jdbc = jdbc;
    this.dossier = dossier;
    this.mappings = mappings;
  }

  /** The roles a user's groups give her on the home page. */
  record Roles(
      boolean caregiver,
      boolean careCoordinator,
      boolean coordinator,
      boolean auditor,
      boolean admin,
      boolean policy) {

    static Roles of(Collection<String> groups) {
      boolean caregiver = groups.stream().anyMatch(g -> DISCIPLINES.disciplineOf(g).isPresent());
      boolean careCoordinator =
          groups.stream()
              .map(DISCIPLINES::disciplineOf)
              .flatMap(java.util.Optional::stream)
              .anyMatch(d -> d.equals(Disciplines.REGIEHOUDER) || d.equals(Disciplines.BUURTTEAM));
      return new Roles(
          caregiver,
          careCoordinator,
          groups.contains(ZorgpadGroups.COORDINATOR),
          groups.contains(ZorgpadGroups.AUDITOR),
          groups.contains(ZorgpadGroups.ADMIN),
          groups.contains(POLICY));
    }
  }

  /** One task line: its name, case, deadline and where to open it. */
  record TaskLine(
      String name,
      String caseNumber,
      String due,
      boolean overdue,
      String taskUrl,
      String caseUrl) {}

  /** The team's work: counts, and the first few tasks (overdue first, then by deadline). */
  record Work(long open, long overdue, long mine, List<TaskLine> first) {

    /** The same, each task with its case page's link where the user may open the case. */
    Work withCaseLinks(java.util.function.Function<String, String> links) {
      return new Work(
          open,
          overdue,
          mine,
          first.stream()
              .map(
                  line ->
                      new TaskLine(
                          line.name(),
                          line.caseNumber(),
                          line.due(),
                          line.overdue(),
                          line.taskUrl(),
                          links.apply(line.caseNumber())))
              .toList());
    }
  }

  /** The user's cases: open and closed, counted. */
  record CaseCounts(long open, long closed) {}

  /** A case the user coordinates (regiehouder), with its state. */
  record CoordinatedCase(String caseNumber, CaseStatus status, long openTasks, long overdueTasks) {}

  /** The cases the user holds as regiehouder: how many, and the first few. */
  record Coordinated(long count, List<CoordinatedCase> first) {}

  /** The open and overdue tasks of the user and her groups, read as her. */
  Work work(Actor actor) {
    Instant now = clock.instant();
    return as(
            actor,
            () -> {
              long open = teamTasks(actor).count();
              long overdue = teamTasks(actor).dueBefore(Date.from(now)).count();
              long mine = taskService.createTaskQuery().taskAssignee(actor.userId()).count();
              List<Task> first =
                  new ArrayList<>(
                      teamTasks(actor)
                          .dueBefore(Date.from(now))
                          .orderByDueDate()
                          .asc()
                          .orderByTaskCreateTime()
                          .asc()
                          .listPage(0, FIRST_FEW));
              if (first.size() < FIRST_FEW) {
                first.addAll(
                    teamTasks(actor)
                        .dueAfter(Date.from(now))
                        .orderByDueDate()
                        .asc()
                        .orderByTaskCreateTime()
                        .asc()
                        .listPage(0, FIRST_FEW - first.size()));
              }
              if (first.size() < FIRST_FEW) {
                first.addAll(
                    teamTasks(actor)
                        .withoutDueDate()
                        .orderByTaskCreateTime()
                        .asc()
                        .listPage(0, FIRST_FEW - first.size()));
              }
              Map<String, String> caseNumbers = caseNumbers(first);
              List<TaskLine> lines =
                  first.stream()
                      .map(
                          task -> {
                            String caseNumber = caseNumbers.get(task.getProcessInstanceId());
                            boolean late =
                                task.getDueDate() != null
                                    && task.getDueDate().toInstant().isBefore(now);
                            return new TaskLine(
                                task.getName(),
                                caseNumber,
                                task.getDueDate() == null
                                    ? null
                                    : DUE.format(task.getDueDate().toInstant().atZone(ZONE)),
                                late,
                                TASKLIST + "#/?task=" + task.getId(),
                                null);
                          })
                      .toList();
              return new Work(open, overdue, mine, lines);
            })
        .withCaseLinks(this::caseUrl);
  }

  /** The user's cases (involved herself or through a group), counted by one query. */
  CaseCounts cases(Actor actor) {
    MapSqlParameterSource parameters = parameters(actor);
    String sql =
        "select c.status, count(*) from zp_case_file c where exists (select 1 from"
            + " zp_involvement i where i.case_number = c.case_number and "
            + INVOLVED
            + ")"
            + " and "
            + OWN_COALITION
            + " group by c.status";
    long[] counts = new long[2];
    jdbc.query(
        sql,
        parameters,
        rs -> {
          counts[CaseStatus.valueOf(rs.getString(1)).isOpen() ? 0 : 1] += rs.getLong(2);
        });
    return new CaseCounts(counts[0], counts[1]);
  }

  /** The open cases the user or her team coordinates, with their state (open tasks, overdue). */
  Coordinated coordinated(Actor actor) {
    MapSqlParameterSource parameters =
        parameters(actor)
            .addValue("role", InvolvementRole.CARE_COORDINATOR.name())
            .addValue(
                "open",
                List.of(CaseStatus.ACTIVE.name(), CaseStatus.MELDCODE_WITHOUT_CONSENT.name()));
    String where =
        " from zp_case_file c where c.status in (:open) and (c.care_coordinator ="
            + " :user or exists (select 1 from zp_involvement i where i.case_number = c.case_number"
            + " and i.role = :role and "
            + INVOLVED
            + ")) and "
            + OWN_COALITION;
    Long count = jdbc.queryForObject("select count(*)" + where, parameters, Long.class);
    List<String> numbers =
        jdbc.queryForList(
            "select c.case_number"
                + where
                + " order by c.created_at desc, c.case_number desc limit "
                + FIRST_FEW,
            parameters,
            String.class);
    Map<String, CaseStatus> statuses = new HashMap<>();
    if (!numbers.isEmpty()) {
      jdbc.query(
          "select case_number, status from zp_case_file where case_number in (:numbers)",
          new MapSqlParameterSource("numbers", numbers),
          rs -> {
            statuses.put(rs.getString(1), CaseStatus.valueOf(rs.getString(2)));
          });
    }
    Instant now = clock.instant();
    List<CoordinatedCase> first =
        as(
            actor,
            () ->
                numbers.stream()
                    .map(
                        number ->
                            new CoordinatedCase(
                                number,
                                statuses.get(number),
                                taskService
                                    .createTaskQuery()
                                    .processInstanceBusinessKey(number)
                                    .count(),
                                taskService
                                    .createTaskQuery()
                                    .processInstanceBusinessKey(number)
                                    .dueBefore(Date.from(now))
                                    .count()))
                    .toList());
    return new Coordinated(count == null ? 0 : count, first);
  }

  /** Whether the monitor page exists (another engineer builds it): its card is shown then. */
  boolean monitorExists() {
    Boolean known = monitor;
    if (known == null) {
      known =
          mappings.stream()
              .flatMap(mapping -> mapping.getHandlerMethods().keySet().stream())
              .map(RequestMappingInfo::getPatternValues)
              .flatMap(Set::stream)
              .anyMatch(MONITOR_PATH::equals);
      monitor = known;
    }
    return known;
  }

  /** The case page's link, only where the user may open the case (no card leads to a refusal). */
  private String caseUrl(String caseNumber) {
    return caseNumber != null && dossier.mayAccess(caseNumber, DossierPart.CASE_SUMMARY)
        ? "/casus/" + caseNumber
        : null;
  }

  /** Tasks for the user's groups or assigned to her. */
  private TaskQuery teamTasks(Actor actor) {
    TaskQuery query = taskService.createTaskQuery();
    if (actor.groups().isEmpty()) {
      return query.taskAssignee(actor.userId());
    }
    return query
        .or()
        .taskCandidateGroupIn(new ArrayList<>(actor.groups()))
        .taskAssignee(actor.userId())
        .endOr();
  }

  private Map<String, String> caseNumbers(List<Task> tasks) {
    Set<String> instances = new LinkedHashSet<>();
    tasks.stream()
        .map(Task::getProcessInstanceId)
        .filter(java.util.Objects::nonNull)
        .forEach(instances::add);
    Map<String, String> numbers = new HashMap<>();
    if (!instances.isEmpty()) {
      for (ProcessInstance instance :
          runtimeService.createProcessInstanceQuery().processInstanceIds(instances).list()) {
        numbers.put(instance.getId(), instance.getBusinessKey());
      }
    }
    return numbers;
  }

  /** Involved herself or through one of her groups, now. */
  private static final String INVOLVED =
      "(i.user_id = :user or i.group_id in (:groups))"
          + " and i.from_at <= :now and (i.until_at is null or i.until_at > :now)";

  /** Not a case of a coalition she is not a member of (the root pathway instance's tenant). */
  private static final String OWN_COALITION =
      "not exists (select 1 from act_hi_procinst p"
          + " where p.business_key_ = c.case_number and p.super_process_instance_id_ is null"
          + " and p.tenant_id_ is not null and p.tenant_id_ not in (:tenants))";

  private MapSqlParameterSource parameters(Actor actor) {
    List<String> groups = actor.groups().isEmpty() ? List.of("-") : List.copyOf(actor.groups());
    List<String> tenants = tenantsOf(actor.userId());
    return new MapSqlParameterSource()
        .addValue("user", actor.userId())
        .addValue("groups", groups)
        .addValue("tenants", tenants.isEmpty() ? List.of("-") : tenants)
        .addValue("now", Timestamp.from(clock.instant()));
  }

  private List<String> tenantsOf(String userId) {
    return identityService
        .createTenantQuery()
        .userMember(userId)
        .includingGroupsOfUser(true)
        .list()
        .stream()
        .map(Tenant::getId)
        .sorted()
        .toList();
  }

  /** Runs engine reads as the user: her groups and coalitions, as in the Tasklist. */
  private <T> T as(Actor actor, Supplier<T> reads) {
    identityService.setAuthentication(
        actor.userId(), List.copyOf(actor.groups()), tenantsOf(actor.userId()));
    try {
      return reads.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
