package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.Collection;

/**
 * Records warm handovers and involvement as the pathways run. The narrow port the engine glue
 * calls; {@link DossierService} implements it with JPA and the access log.
 */
public interface HandoverRegistry {

  /** For plain-engine tests that do not look at the dossier. */
  HandoverRegistry NONE =
      new HandoverRegistry() {
        @Override
        public void recordHandover(
            String caseNumber,
            String processInstanceId,
            String senderDiscipline,
            String recipientDiscipline,
            Handover handover,
            String recordedBy) {}

        @Override
        public boolean confirmHandover(
            String processInstanceId,
            LocalDate contactDate,
            String contactMethod,
            Collection<String> recipientGroupIds,
            String confirmedBy) {
          return false;
        }

        @Override
        public void involveForTask(String caseNumber, Collection<String> groupIds, String userId) {}
      };

  /** The sender's formal handover (vuistregel 3). */
  void recordHandover(
      String caseNumber,
      String processInstanceId,
      String senderDiscipline,
      String recipientDiscipline,
      Handover handover,
      String recordedBy);

  /**
   * The recipient confirmed contact: confirms the open handover of the warm-handover instance
   * and involves the recipient's groups. False when the instance has no open handover.
   */
  boolean confirmHandover(
      String processInstanceId,
      LocalDate contactDate,
      String contactMethod,
      Collection<String> recipientGroupIds,
      String confirmedBy);

  /** A task of the case was created for these candidate groups: they are involved from now on. */
  void involveForTask(String caseNumber, Collection<String> groupIds, String userId);
}
