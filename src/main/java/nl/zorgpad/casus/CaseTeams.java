package nl.zorgpad.casus;

import java.util.List;

/**
 * Which teams and people are involved in a case, as the pathway needs it while it runs: who
 * accepted the regie, and who gets a task that belongs to an involved team (e.g. "Geboorte
 * melden" to the involved midwife). The narrow port the engine glue calls; {@link DossierService}
 * implements it with JPA and the access log.
 */
public interface CaseTeams {

  /** For plain-engine tests that do not look at the dossier. */
  CaseTeams NONE =
      new CaseTeams() {
        @Override
        public void recordCareCoordinator(
            String caseNumber, String groupId, String discipline, String userId) {}

        @Override
        public List<Involvement> activeInvolvements(String caseNumber) {
          return List.of();
        }
      };

  /**
   * The regiehouder accepted the case ("Casus aannemen als regiehouder"): she and her team are
   * involved with role {@link InvolvementRole#CARE_COORDINATOR} and she is the case's
   * regiehouder; an earlier regiehouder's involvement ends (Doesburg: one point of contact).
   *
   * @param groupId her team (or discipline) group, the candidate group of later regie tasks
   * @param discipline the discipline that holds the regie
   */
  void recordCareCoordinator(String caseNumber, String groupId, String discipline, String userId);

  /**
   * The involvements of a case that are active now, for deciding who gets a task. Shows nothing
   * to a user, so it is not an access to log.
   */
  List<Involvement> activeInvolvements(String caseNumber);
}
