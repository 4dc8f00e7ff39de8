package nl.zorgpad.api;

import java.util.List;
import nl.zorgpad.pathway.PathwayMessages;

/**
 * The BPMN messages other systems may send into a running case, and their payload variables.
 *
 * <p>The names are the contract of the main pathway, defined once in {@link PathwayMessages}.
 */
final class CaseMessages {

  /** Non-interrupting: triage again. Payload: {@code riskDomains}, {@code signallingDiscipline}. */
  static final String NEW_SIGNAL = PathwayMessages.NEW_SIGNAL;

  /** Non-interrupting: the meldcode starts. Payload: {@code meldcodeStartedBy}. */
  static final String START_MELDCODE = PathwayMessages.START_REPORTING_CODE;

  /** Interrupting: the case ends early. Payload: {@code endReason}. */
  static final String END_CASE = PathwayMessages.END_CASE;

  /** Non-interrupting: consent withdrawn for one recipient. Payload: {@code recipientDiscipline}. */
  static final String WITHDRAW_CONSENT = PathwayMessages.WITHDRAW_CONSENT;

  /** The birth is reported. Payload: {@code birthDate}. */
  static final String BIRTH_REPORTED = PathwayMessages.BIRTH_REPORTED;

  static final String MELDCODE_STARTED_BY = PathwayMessages.MELDCODE_STARTED_BY;
  static final String END_REASON = PathwayMessages.END_REASON;
  static final String BIRTH_DATE = PathwayMessages.BIRTH_DATE;

  /** The codes of {@link #END_REASON}. */
  static final List<String> END_REASONS = nl.zorgpad.casus.CaseEndReason.codes();

  private CaseMessages() {}
}
