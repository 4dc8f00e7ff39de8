package nl.zorgpad.casus;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessEvent.Purposes;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.casus.ClientMatchKeys.MatchKey;
import nl.zorgpad.casus.JoinedCase.ContactPoint;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.discipline.GroupDisciplines;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case dossiers in the database. Runs inside the engine's transaction when the pathway calls it,
 * so a refused signal or a failing process start leaves no dossier behind. Opening a case also
 * opens its pregnancy, involves the signaller (with her team) and records the signal; what the
 * signal says about who the client is goes into her dossier and her match keys. Opening, joining
 * and closing are logged (NEN 7513) in the same transaction.
 *
 * <p>One case per woman (decision 0008): before a case is opened, the open cases of the same
 * coalition are searched for the client's match keys ({@link ClientMatchKeys}). Every
 * registration first takes the lock of the case-number counter, so two signals for one woman at
 * the same moment are handled one after the other, and the second one finds the first one's case.
 */
@Service
public class CaseFileService implements CaseRegistry {

  /**
   * Two signals belong to the same pregnancy when their due dates are at most this far apart:
   * caregivers date a pregnancy a little differently; a next pregnancy is months away.
   */
  static final int SAME_PREGNANCY_WEEKS = 8;

  /** The same signal sent again within this time (a second click) is answered, not recorded. */
  static final Duration REPEAT_WINDOW = Duration.ofHours(1);

  private final CaseFileRepository caseFiles;
  private final CaseNumberCounterRepository counters;
  private final PregnancyRepository pregnancies;
  private final InvolvementRepository involvements;
  private final ClientRepository clients;
  private final ClientMatchKeyRepository matchKeys;
  private final CaseSignalRepository signals;
  private final AccessLog accessLog;
  private final ObjectProvider<ClientMatchKeys> keys;
  private final ObjectProvider<GroupDisciplines> groupDisciplines;
  private final ObjectProvider<NeighbourhoodFinder> neighbourhoods;
  private final ApplicationEventPublisher events;

  CaseFileService(
      CaseFileRepository caseFiles,
      CaseNumberCounterRepository counters,
      PregnancyRepository pregnancies,
      InvolvementRepository involvements,
      ClientRepository clients,
      ClientMatchKeyRepository matchKeys,
      CaseSignalRepository signals,
      AccessLog accessLog,
      ObjectProvider<ClientMatchKeys> keys,
      ObjectProvider<GroupDisciplines> groupDisciplines,
      ObjectProvider<NeighbourhoodFinder> neighbourhoods,
      ApplicationEventPublisher events) {
    this.caseFiles = caseFiles;
    this.counters = counters;
    this.pregnancies = pregnancies;
    this.involvements = involvements;
    this.clients = clients;
    this.matchKeys = matchKeys;
    this.signals = signals;
    this.accessLog = accessLog;
    this.keys = keys;
    this.groupDisciplines = groupDisciplines;
    this.neighbourhoods = neighbourhoods;
    this.events = events;
  }

  /**
   * Places an existing case in a wijk (her postcode was entered or changed, or a merged duplicate
   * brought one) and tells who keeps a copy of the wijk ({@link NeighbourhoodChanged}).
   */
  void placeIn(CaseFile caseFile, String neighbourhood) {
    if (neighbourhood == null || neighbourhood.equals(caseFile.getNeighbourhood())) {
      return;
    }
    caseFile.setNeighbourhood(neighbourhood);
    events.publishEvent(new NeighbourhoodChanged(caseFile.getId(), neighbourhood));
  }

  @Override
  @Transactional
  public String register(Signal signal, String signalledBy, ZonedDateTime signalledAt) {
    return openOrMatch(signal, SignalledClient.none(), SignalSource.of(signalledBy), signalledAt)
        .caseNumber();
  }

  @Override
  @Transactional
  public SignalOutcome openOrMatch(
      Signal signal, SignalledClient client, SignalSource source, ZonedDateTime signalledAt) {
    List<Violation> violations =
        new ArrayList<>(SignalRules.check(signal, signalledAt.toLocalDate()));
    violations.addAll(client.check(signalledAt.toLocalDate()));
    InvalidInputException.throwIfAny("signal", violations);
    // the lock serialises every registration: the search below sees every committed case, so two
    // signals for one woman at the same moment end in one case
    CaseNumberCounter counter =
        counters
            .lockById(CaseNumberCounter.CASE_FILES)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "case number counter missing: migration V1__case_and_consent did not run"));
    Optional<SignalOutcome> match =
        findOpenCase(source.coalition(), client, signal.dueDate(), null);
    if (match.isPresent()) {
      return match.get();
    }
    String caseNumber = counter.next(signalledAt.getYear());
    Instant at = signalledAt.toInstant();
    CaseFile newCase = new CaseFile(caseNumber, signal, source.userId(), at);
    newCase.setCoalition(source.coalition());
    if (client.postcode() != null) {
      neighbourhoodFinder().neighbourhoodOf(client.postcode()).ifPresent(newCase::setNeighbourhood);
    }
    CaseFile caseFile = caseFiles.save(newCase);
    pregnancies.save(
        new Pregnancy(caseFile.getId(), signal.dueDate(), signal.gestationalAgeWeeks()));
    String team = signallerTeam(source.groups(), signal.signallingDiscipline());
    involvements.save(
        new Involvement(
            caseNumber,
            team,
            signal.signallingDiscipline(),
            source.userId(),
            InvolvementRole.SIGNALLER,
            at,
            source.userId()));
    signals.save(
        new CaseSignal(caseNumber, CaseSignal.Origin.FIRST, signal, team, source.userId(), at));
    log(caseFile, AccessAction.CREATE, source.userId());
    if (!client.isEmpty()) {
      Client dossier = new Client(caseFile.getId());
      dossier.apply(client.details(), at, source.userId());
      dossier = clients.save(dossier);
      logPathway(
          caseFile,
          dossier.logId(),
          "Client",
          String.valueOf(dossier.getId()),
          AccessAction.CREATE,
          source.userId(),
          "from the signal");
      rekey(caseFile, client.details(), at);
    }
    return SignalOutcome.opened(caseNumber);
  }

  @Override
  @Transactional
  public JoinedCase joinOpenCase(
      SignalOutcome match, Signal signal, SignalSource source, ZonedDateTime signalledAt) {
    CaseFile caseFile =
        caseFiles
            .findByCaseNumber(match.caseNumber())
            .filter(CaseFile::isOpen)
            .orElseThrow(() -> new CaseClosedException(match.caseNumber()));
    String caseNumber = caseFile.getCaseNumber();
    Instant at = signalledAt.toInstant();
    List<CaseSignal> earlier = signals.findByCaseNumberOrderBySignalledAtAscIdAsc(caseNumber);
    boolean repeated =
        earlier.stream()
            .anyMatch(
                s ->
                    !s.isDetached()
                        && s.getUserId().equals(source.userId())
                        && sameSignal(s, signal)
                        && s.getSignalledAt().isAfter(at.minus(REPEAT_WINDOW)));
    if (!repeated) {
      String team = signallerTeam(source.groups(), signal.signallingDiscipline());
      CaseSignal recorded =
          signals.save(
              new CaseSignal(
                      caseNumber, CaseSignal.Origin.JOINED, signal, team, source.userId(), at)
                  .matchedOn(match.kind(), match.keyHash()));
      logPathway(
          caseFile,
          clientIdOf(caseFile),
          "CaseSignal",
          String.valueOf(recorded.getId()),
          AccessAction.CREATE,
          source.userId(),
          "joined on match " + match.kind().code());
      boolean involvedAlready =
          involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber).stream()
              .anyMatch(i -> source.userId().equals(i.getUserId()) && i.getUntil() == null);
      if (!involvedAlready) {
        Involvement involvement =
            involvements.save(
                new Involvement(
                    caseNumber,
                    team,
                    signal.signallingDiscipline(),
                    source.userId(),
                    InvolvementRole.JOINED_SIGNALLER,
                    at,
                    source.userId()));
        logPathway(
            caseFile,
            clientIdOf(caseFile),
            "Involvement",
            String.valueOf(involvement.getId()),
            AccessAction.CREATE,
            source.userId(),
            null);
      }
    }
    return new JoinedCase(
        caseNumber, match.kind(), contactPoint(caseFile), riskDomainsOf(caseFile), repeated);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CaseContacts> contactsOf(String caseNumber) {
    return caseFiles
        .findByCaseNumber(caseNumber)
        .map(
            caseFile -> {
              ContactPoint regie = contactPoint(caseFile);
              return new CaseContacts(
                  caseFile.getCreatedBy(),
                  caseFile.getSignallingDiscipline(),
                  regie.careCoordinator() ? regie.userId() : null,
                  regie.careCoordinator() ? regie.discipline() : null);
            });
  }

  @Override
  @Transactional
  public void close(String caseNumber, CaseStatus status, ZonedDateTime closedAt) {
    CaseFile caseFile =
        caseFiles
            .findByCaseNumber(caseNumber)
            .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    caseFile.close(status, closedAt.toInstant());
    log(caseFile, AccessAction.UPDATE, Actor.SYSTEM);
    events.publishEvent(new CaseStatusChanged(caseNumber));
  }

  @Override
  @Transactional
  public void keepOpen(String caseNumber, CaseStatus status, ZonedDateTime at) {
    CaseFile caseFile =
        caseFiles
            .findByCaseNumber(caseNumber)
            .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    if (caseFile.getStatus() == status) {
      return;
    }
    caseFile.keepOpen(status);
    log(caseFile, AccessAction.UPDATE, Actor.SYSTEM);
    events.publishEvent(new CaseStatusChanged(caseNumber));
  }

  private void log(CaseFile caseFile, AccessAction action, String userId) {
    accessLog.record(
        new AccessEvent(
            caseFile.getCaseNumber(),
            "case:" + caseFile.getCaseNumber(),
            "CaseFile",
            caseFile.getCaseNumber(),
            action,
            AccessOutcome.ALLOWED,
            Purposes.PATHWAY,
            "pathway",
            false,
            action == AccessAction.UPDATE ? "status " + caseFile.getStatus() : null),
        new Actor(userId, userId, List.of(), null));
  }

  private void logPathway(
      CaseFile caseFile,
      String clientId,
      String objectType,
      String objectId,
      AccessAction action,
      String userId,
      String detail) {
    accessLog.record(
        new AccessEvent(
            caseFile.getCaseNumber(),
            clientId,
            objectType,
            objectId,
            action,
            AccessOutcome.ALLOWED,
            Purposes.PATHWAY,
            "pathway",
            false,
            detail),
        new Actor(userId, userId, List.of(), null));
  }

  @Override
  @Transactional
  public void endEarly(String caseNumber, CaseEndReason reason, ZonedDateTime endedAt) {
    CaseFile caseFile = caseFile(caseNumber);
    caseFile.endEarly(reason, endedAt.toInstant());
    log(caseFile, AccessAction.UPDATE, Actor.SYSTEM);
    events.publishEvent(new CaseStatusChanged(caseNumber));
  }

  @Override
  @Transactional
  public void recordBirth(String caseNumber, LocalDate birthDate, ZonedDateTime reportedAt) {
    CaseFile caseFile = caseFile(caseNumber);
    InvalidInputException.throwIfAny(
        "birth", BirthRules.check(birthDate, caseFile.getDueDate(), reportedAt.toLocalDate()));
    caseFile.recordBirth(birthDate);
  }

  private CaseFile caseFile(String caseNumber) {
    return caseFiles
        .findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
  }

  @Transactional(readOnly = true)
  public Optional<CaseFile> find(String caseNumber) {
    return caseFiles.findByCaseNumber(caseNumber);
  }

  // --- matching (decision 0008) ----------------------------------------------------------------

  /**
   * Replaces a case's match keys by those of its client's details: after the signal and after
   * every save of the mother's dossier. Without a birth date there is nothing to match on.
   */
  @Transactional
  void rekey(CaseFile caseFile, ClientDetails details, Instant at) {
    ClientMatchKeys matching = keys.getIfAvailable();
    if (matching != null) {
      rekey(caseFile, details, at, matching);
    }
  }

  /** The same with the given keys (the rotation's). */
  @Transactional
  void rekey(CaseFile caseFile, ClientDetails details, Instant at, ClientMatchKeys matching) {
    matchKeys.deleteByCaseNumber(caseFile.getCaseNumber());
    for (MatchKey key : matching.keysOf(caseFile.getCoalition(), details)) {
      matchKeys.save(new ClientMatchKey(caseFile.getCaseNumber(), key, matching.secretId(), at));
    }
  }

  /**
   * The open case of the same woman in the same coalition, for the same pregnancy, strongest
   * match first, then the oldest case; never {@code exceptCase}, and never a case from which a
   * signal with this key was detached as "another client".
   */
  Optional<SignalOutcome> findOpenCase(
      String coalition, SignalledClient client, LocalDate dueDate, String exceptCase) {
    ClientMatchKeys matching = keys.getIfAvailable();
    if (matching == null || client.birthDate() == null) {
      return Optional.empty();
    }
    return findOpen(
            matching.keysOf(coalition, client.bsn(), client.birthDate(), client.postcode()),
            dueDate,
            exceptCase)
        .stream()
        .findFirst();
  }

  private List<SignalOutcome> findOpen(
      List<MatchKey> wanted, LocalDate dueDate, String exceptCase) {
    if (wanted.isEmpty()) {
      return List.of();
    }
    Map<String, MatchKey> byHash =
        wanted.stream().collect(Collectors.toMap(MatchKey::hash, Function.identity(), (a, b) -> a));
    record Candidate(CaseFile caseFile, ClientMatchKey key) {}
    List<Candidate> candidates = new ArrayList<>();
    for (ClientMatchKey key : matchKeys.findByKeyHashIn(byHash.keySet())) {
      if (key.getCaseNumber().equals(exceptCase)) {
        continue;
      }
      Optional<CaseFile> caseFile =
          caseFiles
              .findByCaseNumber(key.getCaseNumber())
              .filter(CaseFile::isOpen)
              .filter(c -> dueDate == null || samePregnancy(c.getDueDate(), dueDate));
      boolean detached =
          signals.findByMatchKeyHashAndDetachedAtIsNotNull(key.getKeyHash()).stream()
              .anyMatch(s -> s.getCaseNumber().equals(key.getCaseNumber()));
      if (caseFile.isPresent() && !detached) {
        candidates.add(new Candidate(caseFile.get(), key));
      }
    }
    return candidates.stream()
        .sorted(
            Comparator.comparing((Candidate c) -> !c.key().getKind().strong())
                .thenComparing(c -> c.caseFile().getCreatedAt())
                .thenComparing(c -> c.caseFile().getCaseNumber()))
        .map(
            c ->
                SignalOutcome.matched(
                    c.caseFile().getCaseNumber(), c.key().getKind(), c.key().getKeyHash()))
        .toList();
  }

  /**
   * Other open cases that share a match key with this one, for the same pregnancy: possible
   * duplicates made before the match existed, or when one case had no BSN yet.
   */
  @Transactional(readOnly = true)
  public List<PossibleDuplicate> possibleDuplicatesOf(String caseNumber) {
    Optional<CaseFile> caseFile = caseFiles.findByCaseNumber(caseNumber);
    if (caseFile.isEmpty() || !caseFile.get().isOpen()) {
      return List.of();
    }
    List<MatchKey> own =
        matchKeys.findByCaseNumber(caseNumber).stream()
            .map(k -> new MatchKey(k.getKind(), k.getKeyHash()))
            .toList();
    Set<String> seen = new LinkedHashSet<>();
    List<PossibleDuplicate> result = new ArrayList<>();
    for (SignalOutcome other : findOpen(own, caseFile.get().getDueDate(), caseNumber)) {
      if (seen.add(other.caseNumber())) {
        result.add(new PossibleDuplicate(other.caseNumber(), other.kind()));
      }
    }
    return result;
  }

  /** Another open case that looks like the same woman, and on what. */
  public record PossibleDuplicate(String caseNumber, MatchKind kind) {}

  private static boolean samePregnancy(LocalDate one, LocalDate other) {
    return Math.abs(ChronoUnit.DAYS.between(one, other)) <= SAME_PREGNANCY_WEEKS * 7L;
  }

  private static boolean sameSignal(CaseSignal recorded, Signal signal) {
    return recorded.getSignallingDiscipline().equals(signal.signallingDiscipline())
        && Set.copyOf(recorded.getRiskDomains())
            .equals(Set.copyOf(SignalRules.distinctRiskDomains(signal)))
        && java.util.Objects.equals(recorded.getDueDate(), signal.dueDate());
  }

  // --- helpers ---------------------------------------------------------------------------------

  /**
   * The signaller's team of the signalling discipline (a team group she is a member of), so that
   * her organisation is involved, not just herself; null when she works in no team of it.
   */
  String signallerTeam(List<String> groups, String discipline) {
    GroupDisciplines disciplines = groupDisciplines.getIfAvailable(GroupDisciplines::byPrefix);
    return groups.stream()
        .filter(group -> !Disciplines.ALL.contains(group))
        .filter(group -> disciplines.disciplineOf(group).filter(discipline::equals).isPresent())
        .sorted()
        .findFirst()
        .orElse(null);
  }

  /** The regiehouder (her current involvement's team), or the first signaller while none. */
  ContactPoint contactPoint(CaseFile caseFile) {
    List<Involvement> all =
        involvements.findByCaseNumberOrderByFromAscIdAsc(caseFile.getCaseNumber());
    if (caseFile.getCareCoordinator() != null) {
      Optional<Involvement> current =
          all.stream()
              .filter(
                  i ->
                      i.getRole() == InvolvementRole.CARE_COORDINATOR
                          && i.getUntil() == null
                          && caseFile.getCareCoordinator().equals(i.getUserId()))
              .reduce((first, second) -> second);
      return new ContactPoint(
          true,
          current.map(Involvement::getGroupId).orElse(null),
          caseFile.getCareCoordinator(),
          current.map(Involvement::getDiscipline).orElse(Disciplines.REGIEHOUDER));
    }
    Optional<Involvement> signaller =
        all.stream().filter(i -> i.getRole() == InvolvementRole.SIGNALLER).findFirst();
    return new ContactPoint(
        false,
        signaller.map(Involvement::getGroupId).orElse(null),
        caseFile.getCreatedBy(),
        caseFile.getSignallingDiscipline());
  }

  /** The risk domains of every signal of the case that is not detached, first signal first. */
  List<String> riskDomainsOf(CaseFile caseFile) {
    Set<String> domains = new LinkedHashSet<>(caseFile.getRiskDomains());
    signals.findByCaseNumberOrderBySignalledAtAscIdAsc(caseFile.getCaseNumber()).stream()
        .filter(s -> !s.isDetached())
        .forEach(s -> domains.addAll(s.getRiskDomains()));
    return List.copyOf(domains);
  }

  private String clientIdOf(CaseFile caseFile) {
    return clients
        .findByCaseFileId(caseFile.getId())
        .map(Client::logId)
        .orElse("case:" + caseFile.getCaseNumber());
  }

  private NeighbourhoodFinder neighbourhoodFinder() {
    return neighbourhoods.getIfAvailable(() -> postcode -> Optional.empty());
  }
}
