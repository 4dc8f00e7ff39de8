package nl.zorgpad.casus;

import static nl.zorgpad.time.ZorgpadTime.ZONE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessEvent.Purposes;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.accesslog.CurrentActor;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.discipline.GroupDisciplines;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only way to the dossier's tables (mother, child, pregnancy, involvement, handover records):
 * every read and change asks need-to-know ({@link DossierGuard}) and writes its NEN 7513
 * access-log record in the same transaction ({@link AccessLog#record} refuses to run outside
 * one), so a change without its record cannot be committed. A refusal is logged in a transaction
 * of its own and ends in {@link DossierAccessDeniedException}.
 *
 * <p>Methods named "for the pathway" are called by the engine glue when a task is created or
 * completed: the engine has already checked that the user may work on the task, so they log with
 * basis {@code pathway} instead of asking need-to-know.
 */
@Service
public class DossierService implements HandoverRegistry, CaseTeams {

  private final CaseFileRepository caseFiles;
  private final ClientRepository clients;
  private final ChildRepository children;
  private final PregnancyRepository pregnancies;
  private final InvolvementRepository involvements;
  private final HandoverRecordRepository handovers;
  private final AccessLog accessLog;
  private final CurrentActor currentActor;
  private final ObjectProvider<DossierGuard> guard;
  private final GroupDisciplines groupDisciplines;
  private final NeighbourhoodFinder neighbourhoods;
  private final CaseFileService caseFileService;
  private final CaseSignalRepository signals;
  private final Clock clock;

  @Autowired
  DossierService(
      CaseFileRepository caseFiles,
      ClientRepository clients,
      ChildRepository children,
      PregnancyRepository pregnancies,
      InvolvementRepository involvements,
      HandoverRecordRepository handovers,
      AccessLog accessLog,
      CurrentActor currentActor,
      ObjectProvider<DossierGuard> guard,
      GroupDisciplines groupDisciplines,
      NeighbourhoodFinder neighbourhoods,
      CaseFileService caseFileService,
      CaseSignalRepository signals,
      Clock clock) {
    this.clock = clock;
    this.caseFiles = caseFiles;
    this.clients = clients;
    this.children = children;
    this.pregnancies = pregnancies;
    this.involvements = involvements;
    this.handovers = handovers;
    this.accessLog = accessLog;
    this.currentActor = currentActor;
    this.guard = guard;
    this.groupDisciplines = groupDisciplines;
    this.neighbourhoods = neighbourhoods;
    this.caseFileService = caseFileService;
    this.signals = signals;
  }

  // --- need-to-know + log ------------------------------------------------------------------

  /**
   * Asks need-to-know for the current user and logs the answer: allowed in the caller's
   * transaction, refused in its own (then throws). Used by every method here, and by pages that
   * show case data kept elsewhere (consents, engine tasks).
   *
   * @throws UnknownCaseException for an unknown case number
   * @throws DossierAccessDeniedException when refused
   */
  @Transactional
  public AccessGrant authorize(
      String caseNumber,
      DossierPart part,
      AccessAction action,
      String objectType,
      String objectId) {
    CaseFile caseFile = caseFile(caseNumber);
    return authorize(caseFile, part, action, objectType, objectId, clientIdOf(caseFile));
  }

  private AccessGrant authorize(
      CaseFile caseFile,
      DossierPart part,
      AccessAction action,
      String objectType,
      String objectId,
      String clientId) {
    AccessGrant grant = require(caseFile, part, action, objectType, objectId, clientId);
    logAllowed(grant, caseFile, part, action, objectType, objectId, clientId);
    return grant;
  }

  /** Decides; a refusal is logged (own transaction) and thrown. Changes nothing. */
  private AccessGrant require(
      CaseFile caseFile,
      DossierPart part,
      AccessAction action,
      String objectType,
      String objectId,
      String clientId) {
    AccessGrant grant =
        guard.getObject().decide(caseFile.getCaseNumber(), part, currentActor.get());
    if (!grant.allowed()) {
      accessLog.recordRefusal(
          new AccessEvent(
              caseFile.getCaseNumber(),
              clientId,
              objectType,
              objectId,
              action,
              AccessOutcome.DENIED,
              Purposes.CARE,
              null,
              false,
              part + ": " + grant.refusal()));
      if (grant.hidden()) {
        throw new UnknownCaseException(caseFile.getCaseNumber());
      }
      throw new DossierAccessDeniedException(caseFile.getCaseNumber(), part, grant.refusal());
    }
    return grant;
  }

  private void logAllowed(
      AccessGrant grant,
      CaseFile caseFile,
      DossierPart part,
      AccessAction action,
      String objectType,
      String objectId,
      String clientId) {
    accessLog.record(
        new AccessEvent(
            caseFile.getCaseNumber(),
            clientId,
            objectType,
            objectId,
            action,
            AccessOutcome.ALLOWED,
            grant.emergency() ? Purposes.EMERGENCY : Purposes.CARE,
            grant.basis(),
            grant.emergency(),
            part.name()));
  }

  /**
   * Whether the current user may access a part: asks need-to-know, logs nothing, shows nothing.
   * False for a number that is not a case (e.g. the business key of a coordinator's test run).
   */
  @Transactional(readOnly = true)
  public boolean mayAccess(String caseNumber, DossierPart part) {
    if (caseNumber == null || caseFiles.findByCaseNumber(caseNumber).isEmpty()) {
      return false;
    }
    return guard.getObject().decide(caseNumber, part, currentActor.get()).allowed();
  }

  // --- reads -------------------------------------------------------------------------------

  @Transactional
  public CaseFile readCase(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    authorize(
        caseFile,
        DossierPart.CASE_SUMMARY,
        AccessAction.READ,
        "CaseSummary",
        caseNumber,
        clientIdOf(caseFile));
    return caseFile;
  }

  /**
   * A page of the user's case list: need-to-know decided for all the page's cases at once
   * ({@link DossierGuard#decideAll}, a bounded number of queries), the cases she may see in the
   * order given, and <b>one</b> SEARCH record in the access log for the listing, naming the cases
   * it showed (docs/audit.md, "Case list"). A case she may not see is left out, unlogged, as
   * before; nothing is logged for an empty page.
   *
   * @param caseNumbers the page's candidates, in display order (at most
   *     {@link #MAX_LISTED_CASES})
   * @param page which page of the list (1-based), for the record
   */
  @Transactional
  public List<CaseFile> listCases(List<String> caseNumbers, int page) {
    if (caseNumbers.size() > MAX_LISTED_CASES) {
      throw new IllegalArgumentException("at most " + MAX_LISTED_CASES + " cases per listing");
    }
    Map<String, AccessGrant> grants =
        guard.getObject().decideAll(caseNumbers, DossierPart.CASE_SUMMARY, currentActor.get());
    List<String> allowed =
        caseNumbers.stream().filter(n -> grants.get(n) != null && grants.get(n).allowed()).toList();
    if (allowed.isEmpty()) {
      return List.of();
    }
    Map<String, CaseFile> byNumber = new java.util.HashMap<>();
    caseFiles.findByCaseNumberIn(allowed).forEach(c -> byNumber.put(c.getCaseNumber(), c));
    List<CaseFile> listed =
        allowed.stream().map(byNumber::get).filter(java.util.Objects::nonNull).toList();
    if (listed.isEmpty()) {
      return listed;
    }
    boolean emergency = listed.stream().anyMatch(c -> grants.get(c.getCaseNumber()).emergency());
    String bases =
        listed.stream()
            .map(c -> grants.get(c.getCaseNumber()).basis())
            .filter(java.util.Objects::nonNull)
            .distinct()
            .sorted()
            .collect(java.util.stream.Collectors.joining(","));
    String named =
        listed.stream()
            .map(CaseFile::getCaseNumber)
            .collect(java.util.stream.Collectors.joining(" "));
    accessLog.recordListing(
        new AccessEvent(
            null,
            null,
            "CaseList",
            "page " + page,
            AccessAction.SEARCH,
            AccessOutcome.ALLOWED,
            emergency ? Purposes.EMERGENCY : Purposes.CARE,
            bases.isEmpty() ? null : bases,
            emergency,
            LISTED_CASES_PREFIX + named),
        listed.stream().map(CaseFile::getCaseNumber).toList());
    return listed;
  }

  /** The most cases one listing may name (the record's detail holds 1000 characters). */
  public static final int MAX_LISTED_CASES = 40;

  /**
   * The detail of a case-list record starts with this, followed by the listed case numbers
   * separated by single spaces (what the client report searches for).
   */
  public static final String LISTED_CASES_PREFIX = "CASE_SUMMARY listed: ";

  @Transactional
  public Optional<Client> readClient(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    Optional<Client> client = clients.findByCaseFileId(caseFile.getId());
    authorize(
        caseFile,
        DossierPart.MOTHER_DOSSIER,
        AccessAction.READ,
        "Client",
        client.map(c -> String.valueOf(c.getId())).orElse(null),
        clientIdOf(caseFile));
    return client;
  }

  @Transactional
  public Optional<Pregnancy> readPregnancy(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    Optional<Pregnancy> pregnancy = pregnancies.findByCaseFileId(caseFile.getId());
    authorize(
        caseFile,
        DossierPart.MOTHER_DOSSIER,
        AccessAction.READ,
        "Pregnancy",
        pregnancy.map(p -> String.valueOf(p.getId())).orElse(null),
        clientIdOf(caseFile));
    return pregnancy;
  }

  /** The children's dossiers; one log record per child (each is a client of her own). */
  @Transactional
  public List<Child> readChildren(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    List<Child> found = children.findByCaseFileIdOrderByIdAsc(caseFile.getId());
    if (found.isEmpty()) {
      authorize(
          caseFile,
          DossierPart.CHILD_DOSSIER,
          AccessAction.READ,
          "Child",
          null,
          "case:" + caseNumber);
    }
    for (Child child : found) {
      authorize(
          caseFile,
          DossierPart.CHILD_DOSSIER,
          AccessAction.READ,
          "Child",
          String.valueOf(child.getId()),
          child.logId());
    }
    return found;
  }

  @Transactional
  public List<Involvement> readInvolvements(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    authorize(
        caseFile,
        DossierPart.CASE_SUMMARY,
        AccessAction.READ,
        "Involvement",
        null,
        clientIdOf(caseFile));
    return involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber);
  }

  /** Every signal of the case: the first, the joined ones, those of merged duplicates. */
  @Transactional
  public List<CaseSignal> readSignals(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    authorize(
        caseFile,
        DossierPart.CASE_SUMMARY,
        AccessAction.READ,
        "CaseSignal",
        null,
        clientIdOf(caseFile));
    return signals.findByCaseNumberOrderBySignalledAtAscIdAsc(caseNumber);
  }

  @Transactional
  public List<HandoverRecord> readHandovers(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    authorize(
        caseFile,
        DossierPart.CASE_SUMMARY,
        AccessAction.READ,
        "HandoverRecord",
        null,
        clientIdOf(caseFile));
    return handovers.findByCaseNumberOrderByRecordedAtAscIdAsc(caseNumber);
  }

  // --- changes by caregivers ---------------------------------------------------------------

  /**
   * Saves the mother's personal data (page "Cliëntgegevens") and the parity of the pregnancy;
   * the postcode sets the case's neighbourhood when the sociale kaart knows it.
   *
   * @throws InvalidInputException with Dutch messages when a field is invalid
   */
  @Transactional
  public Client saveClient(String caseNumber, ClientDetails details, Integer parity) {
    List<Violation> violations = new ArrayList<>(details.check(today()));
    if (parity != null && (parity < 0 || parity > 20)) {
      violations.add(
          new Violation(
              "parity", "must be between 0 and 20", "violation.dossier.parity.outOfRange"));
    }
    InvalidInputException.throwIfAny("client details", violations);
    CaseFile caseFile = caseFile(caseNumber);
    Optional<Client> existing = clients.findByCaseFileId(caseFile.getId());
    AccessAction action = existing.isPresent() ? AccessAction.UPDATE : AccessAction.CREATE;
    AccessGrant grant =
        require(
            caseFile,
            DossierPart.MOTHER_DOSSIER,
            action,
            "Client",
            existing.map(c -> String.valueOf(c.getId())).orElse(null),
            clientIdOf(caseFile));
    Client client = existing.orElseGet(() -> new Client(caseFile.getId()));
    client.apply(details, clock.instant(), currentActor.get().userId());
    client = clients.save(client);
    logAllowed(
        grant,
        caseFile,
        DossierPart.MOTHER_DOSSIER,
        action,
        "Client",
        String.valueOf(client.getId()),
        client.logId());
    pregnancies.findByCaseFileId(caseFile.getId()).ifPresent(p -> p.setParity(parity));
    if (details.postcode() != null) {
      neighbourhoods
          .neighbourhoodOf(details.postcode())
          .ifPresent(wijk -> caseFileService.placeIn(caseFile, wijk));
    }
    // decision 0008: her match keys follow her dossier (a BSN entered now makes her findable)
    caseFileService.rekey(caseFile, client.details(), clock.instant());
    return client;
  }

  /** Opens a prenatal child dossier (vuistregel 6: JGZ can open one when told). */
  @Transactional
  public Child openPrenatalChild(String caseNumber) {
    CaseFile caseFile = caseFile(caseNumber);
    AccessGrant grant =
        require(
            caseFile,
            DossierPart.CHILD_DOSSIER,
            AccessAction.CREATE,
            "Child",
            null,
            "case:" + caseNumber);
    Child child =
        children.save(new Child(caseFile.getId(), clock.instant(), currentActor.get().userId()));
    logAllowed(
        grant,
        caseFile,
        DossierPart.CHILD_DOSSIER,
        AccessAction.CREATE,
        "Child",
        String.valueOf(child.getId()),
        child.logId());
    return child;
  }

  @Transactional
  public Child updateChild(String caseNumber, Long childId, ChildDetails details) {
    InvalidInputException.throwIfAny("child details", details.check(today()));
    CaseFile caseFile = caseFile(caseNumber);
    Child child =
        children
            .findById(childId)
            .filter(c -> c.getCaseFileId().equals(caseFile.getId()))
            .orElseThrow(() -> new UnknownCaseException(caseNumber + "/child/" + childId));
    authorize(
        caseFile,
        DossierPart.CHILD_DOSSIER,
        AccessAction.UPDATE,
        "Child",
        String.valueOf(child.getId()),
        child.logId());
    child.apply(details, clock.instant(), currentActor.get().userId());
    return child;
  }

  /**
   * Makes a user (of a group) the regiehouder of the case (Doesburg's sociale regiehouder);
   * the previous regiehouder's involvement ends.
   */
  @Transactional
  public Involvement appointCareCoordinator(String caseNumber, String userId, String groupId) {
    CaseFile caseFile = caseFile(caseNumber);
    authorize(
        caseFile,
        DossierPart.CASE_SUMMARY,
        AccessAction.UPDATE,
        "CareCoordinator",
        userId,
        clientIdOf(caseFile));
    Instant now = clock.instant();
    String by = currentActor.get().userId();
    involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber).stream()
        .filter(i -> i.getRole() == InvolvementRole.CARE_COORDINATOR && i.isActiveAt(now))
        .forEach(i -> i.end(now, by));
    caseFile.setCareCoordinator(userId);
    String discipline = groupDisciplines.disciplineOf(groupId).orElse(Disciplines.REGIEHOUDER);
    return involvements.save(
        new Involvement(
            caseNumber, groupId, discipline, userId, InvolvementRole.CARE_COORDINATOR, now, by));
  }

  /**
   * A midwife's or GP's explicit referral of the case to another team (vuistregel 6): that
   * team may then see the mother's dossier. The referrer must see it herself.
   */
  @Transactional
  public Involvement refer(String caseNumber, String groupId) {
    Actor actor = currentActor.get();
    boolean referrer =
        actor.groups().stream()
            .map(groupDisciplines::disciplineOf)
            .flatMap(Optional::stream)
            .anyMatch(d -> d.equals(Disciplines.VERLOSKUNDIGE) || d.equals(Disciplines.HUISARTS));
    Optional<String> discipline = groupDisciplines.disciplineOf(groupId);
    List<Violation> violations = new ArrayList<>();
    if (!referrer) {
      violations.add(
          new Violation(
              "referrer",
              "only a verloskundige or huisarts refers",
              "violation.dossier.referrer.notAllowed"));
    }
    if (discipline.isEmpty()) {
      violations.add(
          new Violation(
              "groupId", "is not a caregivers' group", "violation.dossier.groupId.required"));
    }
    InvalidInputException.throwIfAny("referral", violations);
    CaseFile caseFile = caseFile(caseNumber);
    authorize(
        caseFile,
        DossierPart.MOTHER_DOSSIER,
        AccessAction.CREATE,
        "Referral",
        groupId,
        clientIdOf(caseFile));
    return involvements.save(
        new Involvement(
            caseNumber,
            groupId,
            discipline.get(),
            null,
            InvolvementRole.REFERRAL,
            clock.instant(),
            actor.userId()));
  }

  /**
   * Ends an involvement: from now on the team no longer sees the case through it. Only the
   * case's regiehouder or a member of the involved group (or the involved person) may end it.
   */
  @Transactional
  public void endInvolvement(String caseNumber, Long involvementId) {
    CaseFile caseFile = caseFile(caseNumber);
    Involvement involvement =
        involvements
            .findById(involvementId)
            .filter(i -> i.getCaseNumber().equals(caseNumber))
            .orElseThrow(
                () -> new UnknownCaseException(caseNumber + "/involvement/" + involvementId));
    Actor actor = currentActor.get();
    boolean own =
        actor.userId().equals(involvement.getUserId())
            || (involvement.getGroupId() != null
                && actor.groups().contains(involvement.getGroupId()));
    boolean coordinator = actor.userId().equals(caseFile.getCareCoordinator());
    authorize(
        caseFile,
        DossierPart.CASE_SUMMARY,
        AccessAction.UPDATE,
        "Involvement",
        String.valueOf(involvementId),
        clientIdOf(caseFile));
    if (!own && !coordinator) {
      throw new InvalidInputException(
          "end of involvement",
          List.of(
              new Violation(
                  "involvement",
                  "only the regiehouder or the involved team ends an involvement",
                  "violation.dossier.involvement.notAllowed")));
    }
    involvement.end(clock.instant(), actor.userId());
  }

  /**
   * Merges a duplicate case into the case of the same woman that stays (decision 0008): the
   * duplicate's involved teams and persons become involved in the surviving case (role
   * {@link InvolvementRole#JOINED_SIGNALLER}: the mother's dossier needs consent for them), its
   * signals are added to the survivor's, its client data is taken over when the survivor has
   * none, and it records that it was merged. Only the dossier: the caller ends the duplicate's
   * pathway with reason "dubbele casus" and gives the survivor's pathway the new signal.
   *
   * @throws InvalidInputException when a case is closed, both are the same case, or they belong
   *     to different coalitions
   */
  @Transactional
  public MergedCase mergeInto(String duplicateNumber, String survivorNumber) {
    if (duplicateNumber.equals(survivorNumber)) {
      throw new InvalidInputException(
          "merge",
          List.of(
              new Violation(
                  "duplicate",
                  "is the surviving case itself",
                  "violation.dossier.duplicate.sameCase")));
    }
    CaseFile duplicate = caseFile(duplicateNumber);
    CaseFile survivor = caseFile(survivorNumber);
    authorize(
        duplicate,
        DossierPart.CASE_SUMMARY,
        AccessAction.UPDATE,
        "CaseMerge",
        survivorNumber,
        clientIdOf(duplicate));
    authorize(
        survivor,
        DossierPart.CASE_SUMMARY,
        AccessAction.UPDATE,
        "CaseMerge",
        duplicateNumber,
        clientIdOf(survivor));
    List<Violation> violations = new ArrayList<>();
    if (!duplicate.isOpen() || !survivor.isOpen()) {
      violations.add(
          new Violation(
              "duplicate", "a case is closed already", "violation.dossier.duplicate.notOpen"));
    }
    if (!java.util.Objects.equals(duplicate.getCoalition(), survivor.getCoalition())) {
      violations.add(
          new Violation(
              "duplicate",
              "the cases belong to different coalitions",
              "violation.dossier.duplicate.otherCoalition"));
    }
    InvalidInputException.throwIfAny("merge", violations);
    Actor actor = currentActor.get();
    Instant now = clock.instant();
    List<Involvement> present =
        involvements.findByCaseNumberOrderByFromAscIdAsc(survivorNumber).stream()
            .filter(i -> i.getUntil() == null)
            .toList();
    for (Involvement from : involvements.findByCaseNumberOrderByFromAscIdAsc(duplicateNumber)) {
      boolean there =
          present.stream()
              .anyMatch(
                  i ->
                      java.util.Objects.equals(i.getGroupId(), from.getGroupId())
                          && java.util.Objects.equals(i.getUserId(), from.getUserId()));
      if (from.getUntil() != null || there) {
        continue;
      }
      Involvement joined =
          involvements.save(
              new Involvement(
                  survivorNumber,
                  from.getGroupId(),
                  from.getDiscipline(),
                  from.getUserId(),
                  InvolvementRole.JOINED_SIGNALLER,
                  now,
                  actor.userId()));
      logPathway(
          survivor, AccessAction.CREATE, "Involvement", String.valueOf(joined.getId()), actor);
    }
    for (CaseSignal signal : signals.findByCaseNumberOrderBySignalledAtAscIdAsc(duplicateNumber)) {
      if (!signal.isDetached()) {
        CaseSignal copy = signals.save(CaseSignal.mergedCopy(survivorNumber, signal));
        logPathway(
            survivor, AccessAction.CREATE, "CaseSignal", String.valueOf(copy.getId()), actor);
      }
    }
    Optional<Client> duplicateClient = clients.findByCaseFileId(duplicate.getId());
    if (duplicateClient.isPresent() && clients.findByCaseFileId(survivor.getId()).isEmpty()) {
      Client taken = new Client(survivor.getId());
      taken.apply(duplicateClient.get().details(), now, actor.userId());
      taken = clients.save(taken);
      logPathway(survivor, AccessAction.CREATE, "Client", String.valueOf(taken.getId()), actor);
      if (survivor.getNeighbourhood() == null) {
        caseFileService.placeIn(survivor, duplicate.getNeighbourhood());
      }
      caseFileService.rekey(survivor, taken.details(), now);
    }
    duplicate.mergeInto(survivorNumber);
    logPathway(duplicate, AccessAction.UPDATE, "CaseFile", duplicateNumber, actor);
    Set<String> domains = new LinkedHashSet<>(caseFileService.riskDomainsOf(survivor));
    domains.addAll(duplicate.getRiskDomains());
    return new MergedCase(
        survivorNumber, duplicateNumber, duplicate.getSignallingDiscipline(), List.copyOf(domains));
  }

  /** A duplicate merged into the case that stays, and what its pathway is told. */
  public record MergedCase(
      String survivor, String duplicate, String signallingDiscipline, List<String> riskDomains) {}

  /**
   * The regiehouder judged a signal that joined on a weaker match (no BSN) to be about another
   * woman: the signal is detached, its signaller is no longer involved, and its key never matches
   * this case again — a new signal of hers opens a case of its own (decision 0008).
   */
  @Transactional
  public CaseSignal detachSignal(String caseNumber, Long signalId) {
    CaseFile caseFile = caseFile(caseNumber);
    CaseSignal signal =
        signals
            .findById(signalId)
            .filter(s -> s.getCaseNumber().equals(caseNumber))
            .orElseThrow(() -> new UnknownCaseException(caseNumber + "/signal/" + signalId));
    authorize(
        caseFile,
        DossierPart.CASE_SUMMARY,
        AccessAction.UPDATE,
        "CaseSignal",
        String.valueOf(signalId),
        clientIdOf(caseFile));
    if (signal.getOrigin() != CaseSignal.Origin.JOINED || signal.isDetached()) {
      throw new InvalidInputException(
          "detach",
          List.of(
              new Violation(
                  "signal",
                  "only a joined signal can be detached",
                  "violation.dossier.signal.notJoined")));
    }
    Actor actor = currentActor.get();
    Instant now = clock.instant();
    signal.detach(now, actor.userId());
    involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber).stream()
        .filter(
            i ->
                i.getRole() == InvolvementRole.JOINED_SIGNALLER
                    && i.getUntil() == null
                    && signal.getUserId().equals(i.getUserId()))
        .forEach(i -> i.end(now, actor.userId()));
    return signal;
  }

  // --- changes by the pathway ----------------------------------------------------------------

  /**
   * A team got a task in the case: it is involved from now on (no-op when it is already).
   * Called by the engine glue when a task is created.
   */
  @Override
  @Transactional
  public void involveForTask(String caseNumber, Collection<String> groupIds, String userId) {
    if (caseNumber == null || caseFiles.findByCaseNumber(caseNumber).isEmpty()) {
      return; // a task outside a case (e.g. a coordinator's test instance): nothing to record
    }
    involve(caseNumber, groupIds, InvolvementRole.TASK, pathwayActor(userId));
  }

  /** Records the sender's formal handover (vuistregel 3). */
  @Override
  @Transactional
  public void recordHandover(
      String caseNumber,
      String processInstanceId,
      String senderDiscipline,
      String recipientDiscipline,
      Handover handover,
      String recordedBy) {
    Actor actor = pathwayActor(recordedBy);
    CaseFile caseFile = caseFile(caseNumber);
    HandoverRecord record =
        handovers.save(
            new HandoverRecord(
                caseNumber,
                processInstanceId,
                senderDiscipline,
                recipientDiscipline,
                handover,
                actor.userId(),
                clock.instant()));
    logPathway(
        caseFile, AccessAction.CREATE, "HandoverRecord", String.valueOf(record.getId()), actor);
  }

  /**
   * The recipient confirmed contact with the client: the open handover record of this
   * warm-handover instance is confirmed and the recipient's groups become involved (role
   * HANDOVER). Returns false when the instance has no open handover record.
   */
  @Override
  @Transactional
  public boolean confirmHandover(
      String processInstanceId,
      LocalDate contactDate,
      String contactMethod,
      Collection<String> recipientGroupIds,
      String confirmedBy) {
    Actor actor = pathwayActor(confirmedBy);
    Optional<HandoverRecord> open =
        handovers.findByProcessInstanceIdOrderByIdDesc(processInstanceId).stream()
            .filter(record -> !record.isConfirmed())
            .findFirst();
    if (open.isEmpty()) {
      return false;
    }
    HandoverRecord record = open.get();
    record.confirm(contactDate, contactMethod, actor.userId(), clock.instant());
    CaseFile caseFile = caseFile(record.getCaseNumber());
    logPathway(
        caseFile, AccessAction.UPDATE, "HandoverRecord", String.valueOf(record.getId()), actor);
    involve(record.getCaseNumber(), recipientGroupIds, InvolvementRole.HANDOVER, actor);
    return true;
  }

  /**
   * The regiehouder accepted the case in the pathway (the engine has checked that she may work on
   * the task): her involvement as regiehouder replaces an earlier one, logged with basis
   * {@code pathway}.
   */
  @Override
  @Transactional
  public void recordCareCoordinator(
      String caseNumber, String groupId, String discipline, String userId) {
    if (caseNumber == null || caseFiles.findByCaseNumber(caseNumber).isEmpty()) {
      return; // a task outside a case (e.g. a coordinator's test instance): nothing to record
    }
    Actor actor = pathwayActor(userId);
    CaseFile caseFile = caseFile(caseNumber);
    Instant now = clock.instant();
    involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber).stream()
        .filter(i -> i.getRole() == InvolvementRole.CARE_COORDINATOR && i.isActiveAt(now))
        .forEach(i -> i.end(now, actor.userId()));
    caseFile.setCareCoordinator(userId);
    Involvement involvement =
        involvements.save(
            new Involvement(
                caseNumber,
                groupId,
                discipline,
                userId,
                InvolvementRole.CARE_COORDINATOR,
                now,
                actor.userId()));
    logPathway(
        caseFile, AccessAction.CREATE, "Involvement", String.valueOf(involvement.getId()), actor);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Involvement> activeInvolvements(String caseNumber) {
    Instant now = clock.instant();
    return involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber).stream()
        .filter(i -> i.isActiveAt(now))
        .toList();
  }

  private void involve(
      String caseNumber, Collection<String> groupIds, InvolvementRole role, Actor actor) {
    Instant now = clock.instant();
    List<Involvement> current = involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber);
    CaseFile caseFile = caseFile(caseNumber);
    for (String groupId : groupIds) {
      Optional<String> discipline = groupDisciplines.disciplineOf(groupId);
      boolean already =
          current.stream()
              .anyMatch(
                  i -> groupId.equals(i.getGroupId()) && i.getRole() == role && i.isActiveAt(now));
      if (discipline.isEmpty() || already) {
        continue;
      }
      Involvement involvement =
          involvements.save(
              new Involvement(
                  caseNumber, groupId, discipline.get(), null, role, now, actor.userId()));
      logPathway(
          caseFile, AccessAction.CREATE, "Involvement", String.valueOf(involvement.getId()), actor);
    }
  }

  private void logPathway(
      CaseFile caseFile, AccessAction action, String objectType, String objectId, Actor actor) {
    accessLog.record(
        new AccessEvent(
            caseFile.getCaseNumber(),
            clientIdOf(caseFile),
            objectType,
            objectId,
            action,
            AccessOutcome.ALLOWED,
            Purposes.PATHWAY,
            "pathway",
            false,
            null),
        actor);
  }

  // --- helpers -------------------------------------------------------------------------------

  /** The engine's user; the request's address and groups when the call comes from a request. */
  private Actor pathwayActor(String userId) {
    Actor current = currentActor.get();
    if (current.userId().equals(userId)) {
      return current;
    }
    return new Actor(userId, userId, List.of(), current.networkAddress());
  }

  private CaseFile caseFile(String caseNumber) {
    return caseFiles
        .findByCaseNumber(caseNumber)
        .orElseThrow(() -> new UnknownCaseException(caseNumber));
  }

  /** The mother as the log names her; {@code case:<number>} until her dossier exists. */
  private String clientIdOf(CaseFile caseFile) {
    return clients
        .findByCaseFileId(caseFile.getId())
        .map(Client::logId)
        .orElse("case:" + caseFile.getCaseNumber());
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }
}
