package nl.zorgpad.casus;

import java.util.List;

/**
 * A signal joined the open case of the same woman.
 *
 * @param caseNumber the case
 * @param kind on what she was recognised
 * @param contact whom the signaller contacts: the regiehouder, or the first signaller while
 *     there is none
 * @param riskDomains the risk domains of all the case's signals together (for the re-triage)
 * @param repeated the same signaller sent the same signal again (e.g. pressed "start" twice):
 *     nothing new was recorded and the pathway is not told again
 */
public record JoinedCase(
    String caseNumber,
    MatchKind kind,
    ContactPoint contact,
    List<String> riskDomains,
    boolean repeated) {

  public JoinedCase {
    riskDomains = List.copyOf(riskDomains);
  }

  /**
   * Whom to contact about a case.
   *
   * @param careCoordinator true for the regiehouder, false for the first signaller
   * @param groupId her team (a group id), or null when not known
   * @param userId the person, or null
   * @param discipline her discipline
   */
  public record ContactPoint(
      boolean careCoordinator, String groupId, String userId, String discipline) {}
}
