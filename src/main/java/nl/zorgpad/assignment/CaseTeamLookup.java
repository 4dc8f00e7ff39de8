package nl.zorgpad.assignment;

import java.util.List;

/**
 * The teams of a discipline already involved in a case (issue 11: "the signaller keeps her
 * work"). An organisation that is involved — the signaller's own team, a team that got a task or
 * took the case over — keeps the case's tasks of its discipline: its involvement wins over the
 * team of the client's neighbourhood. Neighbourhood assignment ({@link TeamResolver}) applies to
 * disciplines that come in later, through a handover or referral. The bean
 * (AssignmentConfiguration) reads the dossier's involvements.
 *
 * <p>Called while the engine creates a task, inside its transaction (see
 * {@link CaseNeighbourhoodLookup}).
 */
@FunctionalInterface
public interface CaseTeamLookup {

  /**
   * @param caseNumber the case number, or null when the task has none
   * @param discipline a discipline id
   * @return the team groups of that discipline involved in the case now (the most recently
   *     involved ones when there were several); empty when none
   */
  List<String> involvedTeams(String caseNumber, String discipline);
}
