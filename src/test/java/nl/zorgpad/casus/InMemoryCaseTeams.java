package nl.zorgpad.casus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import nl.zorgpad.accesslog.Actor;

/**
 * The case teams of the plain-engine process tests: involvements kept in memory, with the same
 * rule as {@link DossierService} (a new regiehouder's involvement ends the earlier one). Also a
 * simple need-to-know: the caregiver who opened the case, and the involved users and groups,
 * may access it; nobody else.
 */
public class InMemoryCaseTeams implements CaseTeams, DossierGuard {

  private final List<Involvement> involvements = new ArrayList<>();
  private final InMemoryCaseRegistry cases;

  public InMemoryCaseTeams(InMemoryCaseRegistry cases) {
    this.cases = cases;
    cases.onClear(this::clear);
  }

  @Override
  public synchronized AccessGrant decide(String caseNumber, DossierPart part, Actor actor) {
    boolean signaller =
        cases.find(caseNumber).map(c -> c.getCreatedBy().equals(actor.userId())).orElse(false);
    Set<String> groups = Set.copyOf(actor.groups());
    boolean involved =
        activeInvolvements(caseNumber).stream()
            .anyMatch(
                i ->
                    actor.userId().equals(i.getUserId())
                        || i.getGroupId() != null && groups.contains(i.getGroupId()));
    return signaller || involved
        ? AccessGrant.allow("involvement")
        : AccessGrant.deny("not involved");
  }

  @Override
  public synchronized void recordCareCoordinator(
      String caseNumber, String groupId, String discipline, String userId) {
    Instant now = Instant.now();
    involvements.stream()
        .filter(
            i ->
                i.getCaseNumber().equals(caseNumber)
                    && i.getRole() == InvolvementRole.CARE_COORDINATOR
                    && i.isActiveAt(now))
        .forEach(i -> i.end(now, userId));
    involvements.add(
        new Involvement(
            caseNumber,
            groupId,
            discipline,
            userId,
            InvolvementRole.CARE_COORDINATOR,
            now,
            userId));
  }

  /** As the dossier: the signaller (a person) is involved from the signal on, then the rest. */
  @Override
  public synchronized List<Involvement> activeInvolvements(String caseNumber) {
    Instant now = Instant.now();
    List<Involvement> active = new ArrayList<>();
    cases
        .find(caseNumber)
        .ifPresent(
            c ->
                active.add(
                    new Involvement(
                        caseNumber,
                        null,
                        c.getSignallingDiscipline(),
                        c.getCreatedBy(),
                        InvolvementRole.SIGNALLER,
                        c.getCreatedAt(),
                        c.getCreatedBy())));
    involvements.stream()
        .filter(i -> i.getCaseNumber().equals(caseNumber) && i.isActiveAt(now))
        .forEach(active::add);
    return active;
  }

  /** A team (or a person, with {@code groupId} null) involved in a case, as the dossier would. */
  public synchronized void involve(
      String caseNumber, String groupId, String discipline, String userId, InvolvementRole role) {
    involvements.add(
        new Involvement(
            caseNumber, groupId, discipline, userId, role, Instant.now().minusSeconds(1), "test"));
  }

  public synchronized List<Involvement> all(String caseNumber) {
    return involvements.stream().filter(i -> i.getCaseNumber().equals(caseNumber)).toList();
  }

  public synchronized void clear() {
    involvements.clear();
  }
}
