package nl.zorgpad.pathway;

/**
 * Names of the BPMN messages the main pathway ({@code zorgpad-kwetsbare-zwangerschap}) waits for,
 * correlated by business key (= case number). The REST endpoints for other systems correlate
 * these; the BPMN holds the same names in its {@code <message name="…">} elements
 * (checked by the model tests).
 */
public final class PathwayMessages {

  /**
   * A new signal in a running case (non-interrupting event subprocess: triage again).
   * Payload: {@code riskDomains} (JSON list of risk-domain codes), {@code signallingDiscipline}.
   */
  public static final String NEW_SIGNAL = "NieuwSignaal";

  /**
   * Start the meldcode at any time (non-interrupting event subprocess: calls
   * {@code zorgpad-meldcode}). Payload: {@code meldcodeStartedBy} (discipline id).
   */
  public static final String START_REPORTING_CODE = "MeldcodeStarten";

  /**
   * End the case early (interrupting event subprocess; the case is closed in the dossier).
   * Payload: {@code endReason}, one of {@code verhuisd}, {@code client-trekt-zich-terug},
   * {@code zwangerschap-beeindigd}, {@code overig}.
   */
  public static final String END_CASE = "CasusBeeindigen";

  /**
   * The client withdraws her consent for one recipient discipline (non-interrupting: recorded as
   * WITHDRAWN via the consent service; no further handovers to that recipient).
   * Payload: {@code recipientDiscipline}.
   */
  public static final String WITHDRAW_CONSENT = "ToestemmingIntrekken";

  /**
   * The birth is reported (by the verloskundige or kraamzorg), ending the wait for the birth.
   * Payload: {@code birthDate} (ISO date of the child's birth; no other data about the child).
   */
  public static final String BIRTH_REPORTED = "GeboorteGemeld";

  /** Payload variable of {@link #END_CASE} (one name per concept: {@link PathwayVariables}). */
  public static final String END_REASON = PathwayVariables.END_REASON;

  /** Payload variable of {@link #START_REPORTING_CODE}. */
  public static final String MELDCODE_STARTED_BY = PathwayVariables.MELDCODE_STARTED_BY;

  /** Payload variable of {@link #BIRTH_REPORTED}. */
  public static final String BIRTH_DATE = PathwayVariables.BIRTH_DATE;

  private PathwayMessages() {}
}
