package nl.zorgpad.caseview;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.accesslog.CurrentActor;
import nl.zorgpad.assignment.TaskReassignment;
import nl.zorgpad.caseview.CaseOverview.InvolvedParty;
import nl.zorgpad.caseview.CaseOverview.TaskRow;
import nl.zorgpad.caseview.CaseOverview.TimelineEvent;
import nl.zorgpad.casus.AccessGrant;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.Child;
import nl.zorgpad.casus.Client;
import nl.zorgpad.casus.DossierPart;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.HandoverRecord;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.casus.Pregnancy;
import nl.zorgpad.consent.ConsentRecord;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.discipline.GroupDisciplines;
import nl.zorgpad.pathway.CaseProgressReads;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.NeighbourhoodRepository;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the case overview together from the dossier, the consent records and the engine. Every
 * part goes through {@link DossierService} (need-to-know + access log, one record per part read,
 * all in this method's transaction); parts the viewer may not see are left out without reading
 * them. The engine is read through {@link CaseProgressReads}, without an engine user: need-to-know
 * has decided already.
 */
@Service
public class CaseOverviewService {

  private final DossierService dossier;
  private final ConsentService consents;
  private final CaseInvolvements involvements;
  private final ContactDirectory contacts;
  private final GroupDisciplines groupDisciplines;
  private final CurrentActor currentActor;
  private final CaseProgressReads progress;
  private final MessageSource messages;
  private final TaskReassignment reassignment;
  private final nl.zorgpad.socialmap.TeamRepository teams;
  private final NeighbourhoodRepository neighbourhoods;
  private final CaseFileService caseFiles;
  private final CaseNames names;
  private final Clock clock;

  CaseOverviewService(
      DossierService dossier,
      ConsentService consents,
      CaseInvolvements involvements,
      ContactDirectory contacts,
      GroupDisciplines groupDisciplines,
      CurrentActor currentActor,
      CaseProgressReads progress,
      MessageSource messages,
      TaskReassignment reassignment,
      nl.zorgpad.socialmap.TeamRepository teams,
      NeighbourhoodRepository neighbourhoods,
      CaseFileService caseFiles,
      CaseNames names,
      Clock clock) {
    this.clock = clock;
    this.teams = teams;
    this.neighbourhoods = neighbourhoods;
    this.caseFiles = caseFiles;
    this.names = names;
    this.messages = messages;
    this.reassignment = reassignment;
    this.dossier = dossier;
    this.consents = consents;
    this.involvements = involvements;
    this.contacts = contacts;
    this.groupDisciplines = groupDisciplines;
    this.currentActor = currentActor;
    this.progress = progress;
  }

  /**
   * @throws nl.zorgpad.casus.DossierAccessDeniedException when the viewer may not see the case
   *     (logged as refused)
   */
  @Transactional
  public CaseOverview overview(String caseNumber) {
    CaseFile caseFile = dossier.readCase(caseNumber);
    AccessGrant summaryGrant =
        dossier.authorize(
            caseNumber, DossierPart.CASE_SUMMARY, AccessAction.READ, "CaseOverview", caseNumber);

    boolean motherVisible = dossier.mayAccess(caseNumber, DossierPart.MOTHER_DOSSIER);
    Client client = motherVisible ? dossier.readClient(caseNumber).orElse(null) : null;
    Pregnancy pregnancy = motherVisible ? dossier.readPregnancy(caseNumber).orElse(null) : null;
    boolean childVisible = dossier.mayAccess(caseNumber, DossierPart.CHILD_DOSSIER);
    List<Child> children = childVisible ? dossier.readChildren(caseNumber) : List.of();

    List<Involvement> involvementList = dossier.readInvolvements(caseNumber);
    Instant now = clock.instant();
    Actor viewer = currentActor.get();
    List<InvolvedParty> involved =
        involvementList.stream()
            .map(
                i ->
                    new InvolvedParty(
                        i,
                        ZorgpadGroups.displayName(i.getDiscipline()),
                        i.isActiveAt(now),
                        i.getGroupId() == null ? List.of() : contacts.contactsOf(i.getGroupId()),
                        !summaryGrant.emergency() && mayEnd(caseFile, i, viewer, now)))
            .toList();
    List<HandoverRecord> handovers = dossier.readHandovers(caseNumber);

    boolean consentsVisible = dossier.mayAccess(caseNumber, DossierPart.CONSENTS);
    List<ConsentRecord> consentList = List.of();
    if (consentsVisible) {
      dossier.authorize(caseNumber, DossierPart.CONSENTS, AccessAction.READ, "ConsentRecord", null);
      consentList = consents.recordsOf(caseNumber);
    }

    boolean tasksVisible = dossier.mayAccess(caseNumber, DossierPart.TASKS);
    Map<String, List<TaskRow>> open = new LinkedHashMap<>();
    Map<String, List<TaskRow>> done = new LinkedHashMap<>();
    boolean mayReassign = mayReassign(caseFile);
    if (tasksVisible) {
      dossier.authorize(caseNumber, DossierPart.TASKS, AccessAction.READ, "Task", null);
      Set<String> coalitions = mayReassign ? caseCoalitions(caseFile) : Set.of();
      for (CaseProgressReads.OpenTask task : progress.openTasks(caseNumber)) {
        String group = task.candidateGroup();
        open.computeIfAbsent(disciplineName(group), k -> new ArrayList<>())
            .add(
                new TaskRow(
                    task.id(),
                    task.name(),
                    group,
                    task.created(),
                    task.due(),
                    null,
                    task.assignee(),
                    mayReassign ? reassignment.targets(task.id(), coalitions) : List.of(),
                    null));
      }
      for (CaseProgressReads.FinishedTask task : progress.finishedTasks(caseNumber)) {
        String group = task.candidateGroup();
        done.computeIfAbsent(disciplineName(group), k -> new ArrayList<>())
            .add(
                new TaskRow(
                    task.id(),
                    task.name(),
                    group,
                    task.started(),
                    task.due(),
                    task.ended(),
                    task.assignee(),
                    List.of(),
                    task.completedBy()));
      }
    }
    List<nl.zorgpad.casus.CaseSignal> signalList = dossier.readSignals(caseNumber);
    // decision 0008: other open cases that look like the same woman, for her regiehouder only
    // (who may see both); nothing but their numbers
    List<CaseFileService.PossibleDuplicate> duplicates =
        mayReassign
            ? caseFiles.possibleDuplicatesOf(caseNumber).stream()
                .filter(d -> dossier.mayAccess(d.caseNumber(), DossierPart.CASE_SUMMARY))
                .toList()
            : List.of();

    List<TimelineEvent> timeline =
        timeline(
            caseFile,
            involvementList,
            handovers,
            consentList,
            open,
            done,
            role ->
                messages.getMessage(
                    "case.role." + role, null, role.name(), LocaleContextHolder.getLocale()),
            names);
    Actor actor = currentActor.get();
    boolean mayRefer =
        motherVisible
            && actor.groups().stream()
                .map(groupDisciplines::disciplineOf)
                .flatMap(java.util.Optional::stream)
                .anyMatch(d -> d.equals("verloskundige") || d.equals("huisarts"));
    // the regiehouder who accepted the case (or took the role here), by her team's name
    String careCoordinatorName =
        involvementList.stream()
            .filter(
                i ->
                    i.getRole() == nl.zorgpad.casus.InvolvementRole.CARE_COORDINATOR
                        && i.isActiveAt(now))
            .max(Comparator.comparing(Involvement::getFrom))
            .map(
                i ->
                    i.getGroupId() == null
                        ? i.getUserId()
                        : teams
                            .findByGroupId(i.getGroupId())
                            .map(nl.zorgpad.socialmap.Team::getName)
                            .orElse(ZorgpadGroups.displayName(i.getGroupId())))
            .orElse(null);
    return new CaseOverview(
        caseFile,
        motherVisible,
        client,
        pregnancy,
        childVisible,
        children,
        involved,
        consentsVisible,
        consentList,
        handovers,
        tasksVisible,
        open,
        done,
        timeline,
        summaryGrant.emergency(),
        mayRefer,
        careCoordinatorGroup().isPresent() && careCoordinatorName == null,
        careCoordinatorName,
        signalList,
        duplicates,
        mayReassign && caseFile.isOpen());
  }

  /**
   * The involvement the confirmation page of "Beëindigen" names, when the viewer may end it.
   *
   * @throws nl.zorgpad.casus.UnknownCaseException when the case has no such involvement
   * @throws nl.zorgpad.casus.InvalidInputException when the viewer may not end it (also when she
   *     is in the case through the noodprocedure only)
   */
  @Transactional
  public InvolvedParty endableInvolvement(String caseNumber, Long involvementId) {
    CaseFile caseFile = dossier.readCase(caseNumber);
    AccessGrant grant =
        dossier.authorize(
            caseNumber,
            DossierPart.CASE_SUMMARY,
            AccessAction.READ,
            "Involvement",
            String.valueOf(involvementId));
    Involvement involvement =
        dossier.readInvolvements(caseNumber).stream()
            .filter(i -> i.getId().equals(involvementId))
            .findFirst()
            .orElseThrow(
                () ->
                    new nl.zorgpad.casus.UnknownCaseException(
                        caseNumber + "/involvement/" + involvementId));
    Instant now = clock.instant();
    if (grant.emergency() || !mayEnd(caseFile, involvement, currentActor.get(), now)) {
      throw new nl.zorgpad.casus.InvalidInputException(
          "end of involvement",
          List.of(
              new nl.zorgpad.casus.Violation(
                  "involvement",
                  "the viewer may not end it",
                  "case.involved.endConfirm.notYours")));
    }
    return new InvolvedParty(
        involvement, ZorgpadGroups.displayName(involvement.getDiscipline()), true, List.of(), true);
  }

  /**
   * Whether the viewer may end this involvement, as {@link DossierService#endInvolvement} allows
   * it: an active involvement other than the signaller's, of her own team or herself, or any
   * while she is the case's regiehouder.
   */
  private static boolean mayEnd(
      CaseFile caseFile, Involvement involvement, Actor viewer, Instant now) {
    if (!involvement.isActiveAt(now)
        || involvement.getRole() == nl.zorgpad.casus.InvolvementRole.SIGNALLER) {
      return false;
    }
    boolean own =
        viewer.userId().equals(involvement.getUserId())
            || (involvement.getGroupId() != null
                && viewer.groups().contains(involvement.getGroupId()));
    return own || viewer.userId().equals(caseFile.getCareCoordinator());
  }

  /**
   * The coalitions of the sociale kaart the case touches (issue 11: its teams, not every
   * region's): the coalition of its neighbourhood and those of the organisations of the teams
   * involved. Empty when none is known: then every team is offered.
   */
  @Transactional(readOnly = true)
  public Set<String> caseCoalitions(CaseFile caseFile) {
    Set<String> coalitions = new java.util.LinkedHashSet<>();
    if (caseFile.getNeighbourhood() != null) {
      neighbourhoods
          .findByCode(caseFile.getNeighbourhood())
          .map(nl.zorgpad.socialmap.Neighbourhood::getCoalition)
          .ifPresent(coalitions::add);
    }
    involvements.current(caseFile.getCaseNumber()).stream()
        .map(Involvement::getGroupId)
        .filter(java.util.Objects::nonNull)
        .map(teams::findByGroupId)
        .flatMap(java.util.Optional::stream)
        .map(team -> team.getOrganisation() == null ? null : team.getOrganisation().getCoalition())
        .filter(java.util.Objects::nonNull)
        .forEach(coalitions::add);
    return coalitions;
  }

  /**
   * The user's group through which she can be regiehouder (regiehouder or buurtteam): her team
   * before the bare discipline group, so that the case shows which team holds the regie.
   */
  public java.util.Optional<String> careCoordinatorGroup() {
    return currentActor.get().groups().stream()
        .filter(
            g ->
                groupDisciplines
                    .disciplineOf(g)
                    .filter(d -> d.equals("regiehouder") || d.equals("buurtteam"))
                    .isPresent())
        .min(Comparator.comparing(ZorgpadGroups::isDiscipline));
  }

  /**
   * Whether the current user may give the case's open tasks to another team (vuistregel 8: the
   * regiehouder keeps the overview): the case's appointed regiehouder, or — while none is
   * appointed — a member of the regiehouder discipline.
   */
  public boolean mayReassign(CaseFile caseFile) {
    Actor actor = currentActor.get();
    if (careCoordinatorGroup().isEmpty()) {
      return false;
    }
    if (caseFile.getCareCoordinator() != null) {
      return caseFile.getCareCoordinator().equals(actor.userId());
    }
    return actor.groups().stream()
        .map(groupDisciplines::disciplineOf)
        .flatMap(java.util.Optional::stream)
        .anyMatch(nl.zorgpad.discipline.Disciplines.REGIEHOUDER::equals);
  }

  /**
   * Gives an open task of the case to another team of its discipline, as the case's regiehouder.
   *
   * @throws nl.zorgpad.casus.DossierAccessDeniedException when the user may not see the case's
   *     tasks
   * @throws org.springframework.security.access.AccessDeniedException when she is not its
   *     regiehouder
   * @throws nl.zorgpad.assignment.ReassignmentException when the task or team does not fit
   */
  @Transactional
  public void reassign(String caseNumber, String taskId, String groupId) {
    CaseFile caseFile = dossier.readCase(caseNumber);
    dossier.authorize(caseNumber, DossierPart.TASKS, AccessAction.UPDATE, "Task", taskId);
    if (!mayReassign(caseFile)) {
      throw new org.springframework.security.access.AccessDeniedException(
          "only the case's regiehouder reassigns its tasks");
    }
    if (!progress.isOpenTaskOf(taskId, caseNumber)) {
      throw new nl.zorgpad.assignment.ReassignmentException("assignment.reassign.unknownTask");
    }
    boolean offered =
        reassignment.targets(taskId, caseCoalitions(caseFile)).stream()
            .anyMatch(target -> target.groupId().equals(groupId));
    if (!offered
        && reassignment.targets(taskId).stream()
            .anyMatch(target -> target.groupId().equals(groupId))) {
      // a team of the discipline, but of another coalition than the case's
      throw new nl.zorgpad.assignment.ReassignmentException(
          "assignment.reassign.otherCoalition", names.team(groupId));
    }
    reassignment.reassign(taskId, groupId);
    // the team that now holds the task is involved: the case's next tasks of its discipline
    // follow it (the involved team wins, issue 11)
    dossier.involveForTask(caseNumber, List.of(groupId), currentActor.get().userId());
  }

  /**
   * The teams (by name, from the sociale kaart) of the case's coalitions and the disciplines a
   * midwife or GP can refer a case to: the choices of the referral form, and the only groups the
   * page accepts.
   */
  @Transactional(readOnly = true)
  public List<TaskReassignment.Target> referralTargets(String caseNumber) {
    Set<String> coalitions = caseFiles.find(caseNumber).map(this::caseCoalitions).orElse(Set.of());
    List<TaskReassignment.Target> targets = new ArrayList<>();
    teams.findAllByOrderByNameAsc().stream()
        .filter(
            team ->
                coalitions.isEmpty()
                    || (team.getOrganisation() != null
                        && coalitions.contains(team.getOrganisation().getCoalition())))
        .forEach(
            team -> targets.add(new TaskReassignment.Target(team.getGroupId(), team.getName())));
    nl.zorgpad.discipline.Disciplines.ALL.forEach(
        discipline ->
            targets.add(
                new TaskReassignment.Target(discipline, ZorgpadGroups.displayName(discipline))));
    return targets;
  }

  public String currentUserId() {
    return currentActor.get().userId();
  }

  /** Cases per page of {@code /casus}. */
  public static final int PAGE_SIZE = 25;

  /**
   * Up to this many cases are counted exactly; beyond it the list says "more than" this many.
   */
  public static final int COUNTED_CASES = 1000;

  /**
   * One page of the cases the current user may see, newest case number first: the candidates
   * (cases in which one of her caregiver groups or she herself is actively involved, or in which
   * she holds an open task — the bases of need-to-know — of her coalitions) are found in the
   * database (their case numbers, one query); need-to-know then decides for the page's cases
   * set-based, and the listing is logged as <b>one</b> SEARCH record naming the cases shown
   * ({@link DossierService#listCases}).
   *
   * <p>The query reads the newest {@code max(page × 25, 1000) + 1} candidates only, so a page view
   * costs the same whether she may see a thousand cases or a hundred thousand: up to 1,000 cases
   * are counted exactly, beyond that the page says "more than 1,000" ({@link CasePage#exact}).
   * Only a page far back in the list reads more, in proportion to its number.
   *
   * @param page 1-based; a page after the last one answers the last page
   */
  @Transactional
  public CasePage visibleCases(int page) {
    Actor actor = currentActor.get();
    List<String> groups =
        actor.groups().stream().filter(g -> groupDisciplines.disciplineOf(g).isPresent()).toList();
    if (groups.isEmpty() || Actor.SYSTEM.equals(actor.userId())) {
      return new CasePage(List.of(), 1, 1, 0, true);
    }
    Instant now = clock.instant();
    int limit = limitFor(page);
    List<String> candidates = progress.candidateCases(actor.userId(), groups, now, limit);
    Slice slice = slice(candidates, page, limit);
    return new CasePage(
        dossier.listCases(new ArrayList<>(slice.numbers()), slice.page()),
        slice.page(),
        slice.pages(),
        slice.total(),
        slice.exact());
  }

  /**
   * How many candidates page {@code page} reads: one more than it needs (to know whether there
   * are more), and at least {@link #COUNTED_CASES} + 1 (to count exactly up to that many).
   */
  static int limitFor(int page) {
    int wanted = Math.min(Math.max(1, page), MAX_PAGE);
    return Math.max(wanted * PAGE_SIZE, COUNTED_CASES) + 1;
  }

  /** Page {@code page} of the newest candidates, read with {@code limit}. */
  static Slice slice(List<String> candidates, int page, int limit) {
    boolean exact = candidates.size() < limit;
    long total = exact ? candidates.size() : limit - 1;
    int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(1, page), pages);
    List<String> numbers =
        candidates.subList(
            Math.min(candidates.size(), (current - 1) * PAGE_SIZE),
            Math.min(candidates.size(), current * PAGE_SIZE));
    return new Slice(numbers, current, pages, total, exact);
  }

  /** The case numbers of one page and where it stands in the list. */
  record Slice(List<String> numbers, int page, int pages, long total, boolean exact) {}

  /** The furthest page the list reads to (40,000 cases back); a later number answers this one. */
  static final int MAX_PAGE = 1600;

  /**
   * A page of the case list.
   *
   * @param cases the cases shown, newest case number first
   * @param page this page (1-based)
   * @param pages the number of pages (at least 1); when not {@code exact}, the pages counted so far
   *     — there are more
   * @param total the number of cases she may see; when not {@code exact}, the number counted — she
   *     may see more
   * @param exact whether {@code total} and {@code pages} are the whole list
   */
  public record CasePage(List<CaseFile> cases, int page, int pages, long total, boolean exact) {

    /** Whether a next page exists (the list reads no further than {@link #MAX_PAGE}). */
    public boolean hasNext() {
      return page < pages || (!exact && page < MAX_PAGE);
    }
  }

  /** The pathway diagram of the case with where it stands; a read of the case's tasks. */
  @Transactional
  public DiagramView diagram(String caseNumber) {
    dossier.authorize(
        caseNumber, DossierPart.TASKS, AccessAction.READ, "PathwayPosition", caseNumber);
    return progress
        .pathwayPosition(caseNumber)
        .map(p -> new DiagramView(p.xml(), p.active(), p.passed()))
        .orElseGet(() -> new DiagramView(null, List.of(), List.of()));
  }

  /** The BPMN of the case's main pathway and the ids of its current and passed elements. */
  public record DiagramView(String xml, List<String> active, List<String> passed) {}

  private String disciplineName(String group) {
    if (group == null) {
      return "-";
    }
    return groupDisciplines.disciplineOf(group).map(ZorgpadGroups::displayName).orElse(group);
  }

  private static List<TimelineEvent> timeline(
      CaseFile caseFile,
      List<Involvement> involvements,
      List<HandoverRecord> handovers,
      List<ConsentRecord> consents,
      Map<String, List<TaskRow>> open,
      Map<String, List<TaskRow>> done,
      java.util.function.Function<nl.zorgpad.casus.InvolvementRole, String> roleName,
      CaseNames names) {
    List<TimelineEvent> events = new ArrayList<>();
    events.add(
        new TimelineEvent(
            caseFile.getCreatedAt(),
            "case.timeline.signal",
            List.of(ZorgpadGroups.displayName(caseFile.getSignallingDiscipline()))));
    for (Involvement i : involvements) {
      String who = i.getGroupId() != null ? names.team(i.getGroupId()) : names.user(i.getUserId());
      events.add(
          new TimelineEvent(
              i.getFrom(), "case.timeline.involved", List.of(who, roleName.apply(i.getRole()))));
      if (i.getUntil() != null) {
        events.add(new TimelineEvent(i.getUntil(), "case.timeline.involvementEnded", List.of(who)));
      }
    }
    for (ConsentRecord c : consents) {
      events.add(
          new TimelineEvent(
              c.getRecordedAt(),
              "case.timeline.consent." + c.getDecision(),
              List.of(ZorgpadGroups.displayName(c.getRecipientDiscipline()))));
    }
    for (HandoverRecord h : handovers) {
      events.add(
          new TimelineEvent(
              h.getRecordedAt(),
              "case.timeline.handover",
              List.of(
                  ZorgpadGroups.displayName(h.getSenderDiscipline()),
                  ZorgpadGroups.displayName(h.getRecipientDiscipline()))));
      if (h.getConfirmedAt() != null) {
        events.add(
            new TimelineEvent(
                h.getConfirmedAt(),
                "case.timeline.handoverConfirmed",
                List.of(ZorgpadGroups.displayName(h.getRecipientDiscipline()))));
      }
    }
    open.values()
        .forEach(
            rows ->
                rows.forEach(
                    t ->
                        events.add(
                            new TimelineEvent(
                                t.created(), "case.timeline.taskOpened", List.of(t.name())))));
    done.values()
        .forEach(
            rows ->
                rows.forEach(
                    t ->
                        events.add(
                            new TimelineEvent(
                                t.ended(), "case.timeline.taskDone", List.of(t.name())))));
    if (caseFile.getClosedAt() != null) {
      events.add(new TimelineEvent(caseFile.getClosedAt(), "case.timeline.closed", List.of()));
    }
    events.removeIf(e -> e.at() == null);
    events.sort(Comparator.comparing(TimelineEvent::at));
    return events;
  }
}
