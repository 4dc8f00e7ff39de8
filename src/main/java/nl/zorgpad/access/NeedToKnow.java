package nl.zorgpad.access;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.casus.AccessGrant;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.DossierPart;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentRecord;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.discipline.GroupDisciplines;
import org.springframework.stereotype.Component;

/**
 * Need-to-know (the covenant's vuistregel 6), in this order:
 *
 * <ol>
 *   <li>Only caregivers (members of a discipline or team group) see case data; coordinators,
 *       auditors and administrators do not (auditors read the access log, issue 5).</li>
 *   <li>A caregiver sees a case while one of her groups, or she herself, is actively involved
 *       (basis {@code involvement}), or while she holds an open task in it (basis {@code task}).
 *       That opens the case summary, tasks, consents and the child's dossier.</li>
 *   <li>The mother's dossier is open to the involved disciplines that care for the mother; to
 *       {@link #MOTHER_DOSSIER_NEEDS_CONSENT} (JGZ, informal care) only with the client's current
 *       consent for that discipline (basis {@code consent:<record id>}) or an explicit referral by
 *       a midwife or GP (basis {@code referral}). A caregiver involved only because her later
 *       signal for the same woman joined the case ({@code JOINED_SIGNALLER}, decision 0008) is
 *       treated like them, whatever her discipline.</li>
 *   <li>Otherwise an active emergency access (noodprocedure) of the user for the case opens every
 *       part (basis {@code emergency}, flagged); else the access is refused.</li>
 * </ol>
 */
@Component
public class NeedToKnow {

  /**
   * Disciplines that care for the child, not the mother: they see the mother's dossier only with
   * consent or a referral (vuistregel 6: "JGZ nurses cannot see all family dossiers").
   */
  public static final Set<String> MOTHER_DOSSIER_NEEDS_CONSENT =
      Set.of(Disciplines.JGZ, Disciplines.INFORMELE_ZORG);

  private final CaseInvolvements involvements;
  private final OpenTasks openTasks;
  private final ConsentService consents;
  private final EmergencyAccessRepository emergencies;
  private final GroupDisciplines groupDisciplines;
  private final Clock clock;

  NeedToKnow(
      CaseInvolvements involvements,
      OpenTasks openTasks,
      ConsentService consents,
      EmergencyAccessRepository emergencies,
      GroupDisciplines groupDisciplines,
      Clock clock) {
    this.involvements = involvements;
    this.openTasks = openTasks;
    this.consents = consents;
    this.emergencies = emergencies;
    this.groupDisciplines = groupDisciplines;
    this.clock = clock;
  }

  /** The decision of {@code nl.zorgpad.casus.DossierGuard#decide} within a coalition. */
  public AccessGrant decide(String caseNumber, DossierPart part, Actor actor) {
    Instant now = clock.instant();
    List<String> caregiverGroups = caregiverGroups(actor);
    if (caregiverGroups.isEmpty() || Actor.SYSTEM.equals(actor.userId())) {
      return AccessGrant.deny("not a caregiver");
    }
    List<Involvement> mine = mine(involvements.activeAt(caseNumber, now), actor, caregiverGroups);
    boolean holdsTask =
        mine.isEmpty() && openTasks.holdsOpenTask(caseNumber, actor.userId(), caregiverGroups);
    boolean emergency = hasEmergencyAccess(caseNumber, actor.userId(), now);
    return decide(caseNumber, part, caregiverGroups, mine, holdsTask, emergency);
  }

  /**
   * {@link #decide} for a page of cases, set-based: one query for the involvements of all the
   * cases, one for the groups' disciplines (the groups of the user, once), one for her emergency
   * grants, and the open-task check for the cases without an involvement of hers in one go
   * ({@link OpenTasks#casesWithOpenTask}). Only the mother's dossier of a case without another
   * basis asks for its consents, per case, as {@link #decide} does. The outcome per case is that
   * of {@link #decide} ({@code NeedToKnowSetBasedIT} compares them).
   */
  public Map<String, AccessGrant> decideAll(
      java.util.Collection<String> caseNumbers, DossierPart part, Actor actor) {
    Map<String, AccessGrant> grants = new java.util.LinkedHashMap<>();
    if (caseNumbers.isEmpty()) {
      return grants;
    }
    Instant now = clock.instant();
    List<String> caregiverGroups = caregiverGroups(actor);
    if (caregiverGroups.isEmpty() || Actor.SYSTEM.equals(actor.userId())) {
      caseNumbers.forEach(n -> grants.put(n, AccessGrant.deny("not a caregiver")));
      return grants;
    }
    Map<String, List<Involvement>> active = involvements.activeAt(caseNumbers, now);
    Map<String, List<Involvement>> mineByCase = new java.util.HashMap<>();
    List<String> withoutInvolvement = new java.util.ArrayList<>();
    for (String caseNumber : caseNumbers) {
      List<Involvement> mine =
          mine(active.getOrDefault(caseNumber, List.of()), actor, caregiverGroups);
      mineByCase.put(caseNumber, mine);
      if (mine.isEmpty()) {
        withoutInvolvement.add(caseNumber);
      }
    }
    Set<String> holding =
        withoutInvolvement.isEmpty()
            ? Set.of()
            : openTasks.casesWithOpenTask(withoutInvolvement, actor.userId(), caregiverGroups);
    Set<String> emergencyCases =
        emergencies.findByUserIdAndCaseNumberIn(actor.userId(), caseNumbers).stream()
            .filter(access -> access.isActiveAt(now))
            .map(EmergencyAccess::getCaseNumber)
            .collect(Collectors.toSet());
    for (String caseNumber : caseNumbers) {
      List<Involvement> mine = mineByCase.get(caseNumber);
      grants.put(
          caseNumber,
          decide(
              caseNumber,
              part,
              caregiverGroups,
              mine,
              mine.isEmpty() && holding.contains(caseNumber),
              emergencyCases.contains(caseNumber)));
    }
    return grants;
  }

  private List<String> caregiverGroups(Actor actor) {
    return actor.groups().stream()
        .filter(group -> groupDisciplines.disciplineOf(group).isPresent())
        .toList();
  }

  private static List<Involvement> mine(
      List<Involvement> active, Actor actor, List<String> caregiverGroups) {
    return active.stream()
        .filter(
            i ->
                actor.userId().equals(i.getUserId())
                    || (i.getGroupId() != null && caregiverGroups.contains(i.getGroupId())))
        .toList();
  }

  /** The rules of the class comment, on the facts gathered per case or per page. */
  private AccessGrant decide(
      String caseNumber,
      DossierPart part,
      List<String> caregiverGroups,
      List<Involvement> mine,
      boolean holdsTask,
      boolean emergency) {
    if (mine.isEmpty() && !holdsTask) {
      return emergency
          ? AccessGrant.allowInEmergency()
          : AccessGrant.deny("not involved and no open task");
    }
    String basis = mine.isEmpty() ? "task" : "involvement";
    if (part != DossierPart.MOTHER_DOSSIER) {
      return AccessGrant.allow(basis);
    }
    // the disciplines through which she has access to this case
    Set<String> disciplines = new LinkedHashSet<>();
    if (holdsTask) {
      caregiverGroups.forEach(g -> groupDisciplines.disciplineOf(g).ifPresent(disciplines::add));
    }
    mine.stream()
        .filter(
            i ->
                i.getRole() != InvolvementRole.REFERRAL
                    && i.getRole() != InvolvementRole.JOINED_SIGNALLER)
        .forEach(i -> disciplines.add(i.getDiscipline()));
    if (disciplines.stream().anyMatch(d -> !MOTHER_DOSSIER_NEEDS_CONSENT.contains(d))) {
      return AccessGrant.allow(basis);
    }
    if (mine.stream().anyMatch(i -> i.getRole() == InvolvementRole.REFERRAL)) {
      return AccessGrant.allow("referral");
    }
    // decision 0008: a later signaller of the same woman reads what others recorded about her
    // only with the client's consent for her discipline (or a referral), whatever her discipline
    mine.stream()
        .filter(i -> i.getRole() == InvolvementRole.JOINED_SIGNALLER)
        .forEach(i -> disciplines.add(i.getDiscipline()));
    Optional<ConsentRecord> consent = currentConsent(caseNumber, disciplines);
    if (consent.isPresent()) {
      return AccessGrant.allow("consent:" + consent.get().getId());
    }
    return emergency
        ? AccessGrant.allowInEmergency()
        : AccessGrant.deny("mother's dossier needs consent or a referral for " + disciplines);
  }

  private boolean hasEmergencyAccess(String caseNumber, String userId, Instant now) {
    return emergencies.findByCaseNumberAndUserIdOrderByGrantedAtDesc(caseNumber, userId).stream()
        .anyMatch(access -> access.isActiveAt(now));
  }

  /** A consent that counts now (newest decision per recipient and purpose is GIVEN). */
  private Optional<ConsentRecord> currentConsent(String caseNumber, Set<String> disciplines) {
    Map<String, ConsentRecord> newest =
        consents.recordsOf(caseNumber).stream()
            .filter(record -> disciplines.contains(record.getRecipientDiscipline()))
            .collect(
                Collectors.toMap(
                    record -> record.getRecipientDiscipline() + "/" + record.getPurpose(),
                    record -> record,
                    (a, b) ->
                        Comparator.comparing(ConsentRecord::getRecordedAt)
                                    .thenComparing(ConsentRecord::getId)
                                    .compare(a, b)
                                >= 0
                            ? a
                            : b));
    return newest.values().stream()
        .filter(record -> record.getDecision() == ConsentDecision.GIVEN)
        .min(Comparator.comparing(ConsentRecord::getId));
  }
}
