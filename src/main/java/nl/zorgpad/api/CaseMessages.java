package nl.zorgpad.api;

import java.util.List;

/**
 * The BPMN messages other systems may send into a running case, and their payload variables.
 *
 * <p>The names are the contract of the main pathway, defined in
 * {@code nl.zorgpad.pathway.PathwayMessages} (branch {@code pathways-main}); they are repeated here
 * until that class is merged, after which these constants should refer to it.
 */
final class CaseMessages {

  /** Non-interrupting: triage again. Payload: {@code riskDomains}, {@code signallingDiscipline}. */
  static final String NEW_SIGNAL = "NieuwSignaal";
  /** Non-interrupting: the meldcode starts. Payload: {@code meldcodeStartedBy}. */
  static final String START_MELDCODE = "MeldcodeStarten";
  /** Interrupting: the case ends early. Payload: {@code endReason}. */
  static final String END_CASE = "CasusBeeindigen";
  /** Non-interrupting: consent withdrawn for one recipient. Payload: {@code recipientDiscipline}. */
  static final String WITHDRAW_CONSENT = "ToestemmingIntrekken";
  /** The birth is reported. Payload: {@code birthDate}. */
  static final String BIRTH_REPORTED = "GeboorteGemeld";

  static final String MELDCODE_STARTED_BY = "meldcodeStartedBy";
  static final String END_REASON = "endReason";
  static final String BIRTH_DATE = "birthDate";

  /** The codes of {@link #END_REASON}. */
  static final List<String> END_REASONS =
      List.of("verhuisd", "client-trekt-zich-terug", "zwangerschap-beeindigd", "overig");

  private CaseMessages() {
  }
}
