package nl.zorgpad.casus;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is involved, for deciding need-to-know (not for showing: pages read involvements through
 * {@link DossierService}, which logs the read). Reading here discloses nothing to a user.
 */
@Component
public class CaseInvolvements {

  private final InvolvementRepository involvements;

  CaseInvolvements(InvolvementRepository involvements) {
    this.involvements = involvements;
  }

  /** Involvements of a case active at a moment. */
  @Transactional(readOnly = true)
  public List<Involvement> activeAt(String caseNumber, Instant moment) {
    return involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber).stream()
        .filter(involvement -> involvement.isActiveAt(moment))
        .toList();
  }

  /**
   * Involvements active at a moment of several cases, in one query (set-based need-to-know of a
   * case list page): case number → its active involvements, in the order of
   * {@link #activeAt(String, Instant)}; a case without any is absent.
   */
  @Transactional(readOnly = true)
  public java.util.Map<String, List<Involvement>> activeAt(
      java.util.Collection<String> caseNumbers, Instant moment) {
    if (caseNumbers.isEmpty()) {
      return java.util.Map.of();
    }
    return involvements.findByCaseNumberInOrderByFromAscIdAsc(caseNumbers).stream()
        .filter(involvement -> involvement.isActiveAt(moment))
        .collect(
            java.util.stream.Collectors.groupingBy(
                Involvement::getCaseNumber,
                java.util.LinkedHashMap::new,
                java.util.stream.Collectors.toList()));
  }

  /**
   * Involvements of a case that have not ended, whatever clock their start was recorded with
   * (the engine's in the pathway, the system's on the pages).
   */
  @Transactional(readOnly = true)
  public List<Involvement> current(String caseNumber) {
    return involvements.findByCaseNumberOrderByFromAscIdAsc(caseNumber).stream()
        .filter(involvement -> involvement.getUntil() == null)
        .toList();
  }

  /** Case numbers in which one of the groups or the user is actively involved. */
  @Transactional(readOnly = true)
  public List<String> caseNumbersOf(List<String> groupIds, String userId, Instant moment) {
    return involvements
        .findByGroupIdInOrUserId(groupIds.isEmpty() ? List.of("-") : groupIds, userId)
        .stream()
        .filter(involvement -> involvement.isActiveAt(moment))
        .map(Involvement::getCaseNumber)
        .distinct()
        .sorted()
        .toList();
  }
}
