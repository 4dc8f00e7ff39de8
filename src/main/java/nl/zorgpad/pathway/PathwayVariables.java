package nl.zorgpad.pathway;

/**
 * Every process variable name the pathways use, in one place: BPMN expressions, form keys and the
 * engine glue use these names. Process variables hold codes, dates, flags and the case number —
 * never a name, BSN, address or free text about the client (DESIGN.md); the process tests hold an
 * allow-list that fails when a variable appears that is not reviewed.
 */
public final class PathwayVariables {

  // --- Signal (start form of zorgpad-kwetsbare-zwangerschap) ---
  /** Pseudonymous reference of the referrer (e.g. her own dossier number), not a name or BSN. */
  public static final String CLIENT_REFERENCE = "clientReference";
  /** Uitgerekende datum, ISO date (form-js submits "yyyy-MM-dd"). */
  public static final String DUE_DATE = "dueDate";
  /** Zwangerschapsduur at the signal, whole weeks. */
  public static final String GESTATIONAL_AGE_WEEKS = "gestationalAgeWeeks";
  /** Risk-domain codes ({@link nl.zorgpad.casus.RiskDomain}); the Tasklist submits JSON. */
  public static final String RISK_DOMAINS = "riskDomains";
  /** Discipline id of the caregiver who signals. */
  public static final String SIGNALLING_DISCIPLINE = "signallingDiscipline";
  /** Set by the engine glue: the case number, also the business key. */
  public static final String CASE_NUMBER = "caseNumber";

  // --- Parameters of the reusable steps (call activities) ---
  /** Zorgpad-toestemming: the discipline that asks the client. */
  public static final String REQUESTING_DISCIPLINE = "requestingDiscipline";
  /** Zorgpad-toestemming and zorgpad-warme-overdracht: the discipline that takes over. */
  public static final String RECIPIENT_DISCIPLINE = "recipientDiscipline";
  /** Zorgpad-toestemming: a {@link nl.zorgpad.consent.ConsentPurpose} code. */
  public static final String CONSENT_PURPOSE = "consentPurpose";
  /** Zorgpad-warme-overdracht: the discipline that hands over. */
  public static final String SENDER_DISCIPLINE = "senderDiscipline";
  /** Zorgpad-prenataal-huisbezoek: the discipline that decides on the request (vuistregel 7). */
  public static final String HOME_VISIT_REQUESTING_DISCIPLINE = "homeVisitRequestingDiscipline";

  // --- Toestemming ---
  /** GIVEN or REFUSED. */
  public static final String CONSENT_DECISION = "consentDecision";
  /** A {@link nl.zorgpad.consent.ConsentReason} code. */
  public static final String CONSENT_REFUSAL_REASON = "consentRefusalReason";
  /** Output of zorgpad-toestemming, set by the engine glue. */
  public static final String CONSENT_GIVEN = "consentGiven";

  // --- Warme overdracht ---
  /** A {@link nl.zorgpad.casus.Handover.Method} code. */
  public static final String HANDOVER_METHOD = "handoverMethod";
  public static final String HANDOVER_DATE = "handoverDate";
  /** The client was told who takes over and why (vuistregels 1, 6). */
  public static final String CLIENT_INFORMED = "clientInformed";
  public static final String CONTACT_DATE = "contactDate";
  /** How the recipient reached the client (code). */
  public static final String CONTACT_METHOD = "contactMethod";
  /** What the sender did after the reminder (code). */
  public static final String FOLLOW_UP_ACTION = "followUpAction";

  // --- Prenataal huisbezoek ---
  /** A {@link nl.zorgpad.casus.HomeVisitDecision.Choice} code. */
  public static final String HOME_VISIT_DECISION = "homeVisitDecision";
  /** A {@link nl.zorgpad.casus.HomeVisitDecision.OptOutReason} code (vuistregel 2). */
  public static final String HOME_VISIT_OPT_OUT_REASON = "homeVisitOptOutReason";
  /** The client explicitly agreed to the request (national position, Oct 2025). */
  public static final String HOME_VISIT_CLIENT_CONSENTED = "homeVisitClientConsented";
  /** Output of zorgpad-prenataal-huisbezoek, set by the engine glue. */
  public static final String HOME_VISIT_REQUESTED = "homeVisitRequested";
  public static final String HOME_VISIT_PLANNED_DATE = "homeVisitPlannedDate";
  /** A {@link nl.zorgpad.casus.HomeVisitReport.Outcome} code. */
  public static final String HOME_VISIT_OUTCOME = "homeVisitOutcome";
  /** {@link nl.zorgpad.casus.HomeVisitReport.InterventionAdvice} codes. */
  public static final String INTERVENTION_ADVICE = "interventionAdvice";

  private PathwayVariables() {
  }
}
