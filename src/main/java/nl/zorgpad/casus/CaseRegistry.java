package nl.zorgpad.casus;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;

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
   * Opens a case for a signal — or, when the signal is for a woman who already has an open case
   * in the same coalition (decision 0008), writes nothing and answers that case: the caller then
   * joins the signal to it ({@link #joinOpenCase}). What the signal tells about who she is
   * ({@code client}) goes into the mother's dossier and the match keys only.
   *
   * @throws InvalidInputException when the signal or the client's details break a rule
   */
  default SignalOutcome openOrMatch(
      Signal signal, SignalledClient client, SignalSource source, ZonedDateTime signalledAt) {
    return SignalOutcome.opened(register(signal, source.userId(), signalledAt));
  }

  /**
   * Joins a signal to the open case it matched ({@link #openOrMatch}): the signaller becomes
   * involved ({@link InvolvementRole#JOINED_SIGNALLER}), the signal is recorded.
   *
   * @throws CaseClosedException when the case is no longer open
   */
  default JoinedCase joinOpenCase(
      SignalOutcome match, Signal signal, SignalSource source, ZonedDateTime signalledAt) {
    throw new UnsupportedOperationException("this registry does not match signals");
  }

  /** Who holds the case: its first signaller and its regiehouder; empty for an unknown case. */
  default Optional<CaseContacts> contactsOf(String caseNumber) {
    return Optional.empty();
  }

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
