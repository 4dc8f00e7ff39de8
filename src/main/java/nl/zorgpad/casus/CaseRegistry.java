package nl.zorgpad.casus;

import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Opens and closes case dossiers. The narrow port the pathway glue calls; {@link CaseFileService}
 * implements it with JPA.
 */
public interface CaseRegistry {

  /**
   * Opens a case for a signal.
   *
   * @param signalledBy the user id of the caregiver who signalled
   * @param signalledAt when (its zone decides the year of the case number and "today")
   * @return the new case number
   * @throws InvalidInputException when the signal breaks a rule of {@link SignalRules}
   */
  String register(Signal signal, String signalledBy, ZonedDateTime signalledAt);

  /**
   * Closes an open case.
   *
   * @throws IllegalArgumentException for an unknown case or an open status
   * @throws IllegalStateException when the case is closed already
   */
  void close(String caseNumber, CaseStatus status, ZonedDateTime closedAt);

  /**
   * Sets how an open case stands, e.g. {@link CaseStatus#MELDCODE_WITHOUT_CONSENT} when the
   * client refused consent while safety is at stake (meldrecht), and back to
   * {@link CaseStatus#ACTIVE} when she consents later.
   *
   * @throws IllegalArgumentException for an unknown case or a closed status
   * @throws IllegalStateException when the case is closed already
   */
  void keepOpen(String caseNumber, CaseStatus status, ZonedDateTime at);

  /**
   * Closes an active case before its end, with the reason (issue 3: moved away, client
   * withdraws, pregnancy ended, other).
   *
   * @throws IllegalArgumentException for an unknown case
   * @throws IllegalStateException when the case is closed already
   */
  void endEarly(String caseNumber, CaseEndReason reason, ZonedDateTime endedAt);

  /**
   * Records the child's birth date in the dossier.
   *
   * @throws InvalidInputException when the date breaks a rule of {@link BirthRules}
   */
  void recordBirth(String caseNumber, LocalDate birthDate, ZonedDateTime reportedAt);
}
