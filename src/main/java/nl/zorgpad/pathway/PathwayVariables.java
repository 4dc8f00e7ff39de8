package nl.zorgpad.pathway;

/**
 * Every process variable name the pathways use, in one place: BPMN expressions, form keys and the
 * engine glue use these names. Process variables hold codes, dates, flags and the case number —
 * never a name, BSN, address or free text about the client (docs/architecture.md); the process tests hold an
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

  // --- Dossier-only fields of the start form (issue 11, decision 0008) ---
  // Submitted with the signal, but never a process variable after the start and never in the
  // engine's history: the start listener moves them into the dossier (nl.zorgpad.intake,
  // audit.DossierOnlyHistoryFilter). Names here so that the form's keys are all known.
  /** The client's BSN: dossier only. */
  public static final String CLIENT_BSN = nl.zorgpad.casus.SignalledClient.BSN_FIELD;

  /** The client's birth date: dossier only. */
  public static final String CLIENT_BIRTH_DATE = nl.zorgpad.casus.SignalledClient.BIRTH_DATE_FIELD;

  /** The client's postcode (PC4 or PC6): dossier only. */
  public static final String CLIENT_POSTCODE = nl.zorgpad.casus.SignalledClient.POSTCODE_FIELD;

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

  /**
   * Zorgpad-toestemming: every recipient discipline asked at this moment (one consent task per
   * moment, issue 11); when absent, the one {@link #RECIPIENT_DISCIPLINE}.
   */
  public static final String CONSENT_RECIPIENTS = "consentRecipients";

  // --- Toestemming ---
  /** GIVEN (for every recipient), REFUSED (for none) or PARTIAL (some refused). */
  public static final String CONSENT_DECISION = "consentDecision";

  /** With PARTIAL: the recipients the client refuses (a subset of the recipients asked). */
  public static final String CONSENT_REFUSED_RECIPIENTS = "consentRefusedRecipients";

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

  // --- Triage (DMN zorgpad-triage, zorgpad-risicoscore, zorgpad-interventieadvies) ---
  /** Weighted sum of the risk domains (R4U-like; weights in zorgpad-risicoscore). */
  public static final String RISK_SCORE = "riskScore";

  /** {@code laag}, {@code verhoogd} or {@code hoog}. */
  public static final String RISK_LEVEL = "riskLevel";

  /** The triage advises an MDO (vuistregel 9); the pathway then calls zorgpad-mdo. */
  public static final String MDO_NEEDED = "mdoNeeded";

  /** The triage advises a regiehouder with the overview (Doesburg). */
  public static final String CARE_COORDINATOR_NEEDED = "careCoordinatorNeeded";

  /**
   * Discipline that holds the regie: {@code regiehouder}, {@code buurtteam} (vuistregel 8:
   * multi-problem cases) or, when no regiehouder is needed, the signalling discipline itself.
   */
  public static final String CARE_COORDINATOR_DISCIPLINE = "careCoordinatorDiscipline";

  /**
   * The triage advises the meldcode (domestic violence signalled): the signaller's meldcode
   * starts right after the triage, with or without consent (meldrecht).
   */
  public static final String MELDCODE_ADVISED = "meldcodeAdvised";

  /**
   * A meldcode was started in this case outside the triage's advice (the message
   * {@code MeldcodeStarten}, the Tasklist, or after a refusal): safety is at stake, so a refused
   * consent does not close the case (flag).
   */
  public static final String MELDCODE_STARTED = "meldcodeStarted";

  /**
   * After a refused consent without safety concerns, the signaller's choice:
   * {@code casus-sluiten} or {@code meldcode-starten}.
   */
  public static final String REFUSAL_FOLLOW_UP = "refusalFollowUp";

  /**
   * After a refused consent while safety is at stake (the case stays open), the signaller's
   * choice: {@code opnieuw-vragen} (ask consent again) or {@code casus-sluiten} (once no
   * meldcode runs).
   */
  public static final String MELDRECHT_FOLLOW_UP = "meldrechtFollowUp";

  /**
   * Zorgpad-warme-overdracht: the consent for this handover was asked at this moment, with the
   * other recipients (one task, issue 11): a refusal on record is the answer, not a reason to
   * ask again.
   */
  public static final String HANDOVER_CONSENT_ASKED = "handoverConsentAsked";

  /** The triage advises a JGZ prenatal home visit. */
  public static final String PRENATAL_HOME_VISIT_ADVISED = "prenatalHomeVisitAdvised";

  /** Intervention codes the triage advises (codes of {@code HomeVisitReport.InterventionAdvice}). */
  public static final String TRIAGE_INTERVENTION_ADVICE = "triageInterventionAdvice";

  // --- Casus aannemen (regiehouder) ---
  /** Discipline ids that get a warm handover (multi-instance collection). */
  public static final String HANDOVER_RECIPIENTS = "handoverRecipients";

  /**
   * The handover recipients whose consent is not on record yet: asked in one consent task at
   * acceptance (issue 11).
   */
  public static final String HANDOVER_CONSENT_RECIPIENTS = "handoverConsentRecipients";

  /** Whether {@link #HANDOVER_CONSENT_RECIPIENTS} is not empty (flag for the gateway). */
  public static final String HANDOVER_CONSENT_NEEDED = "handoverConsentNeeded";

  /** The regiehouder starts the meldcode at acceptance (when the triage did not advise it). */
  public static final String START_MELDCODE = "startMeldcode";

  /** A huisarts is involved: told about a PHB requested by the buurtteam (vuistregel 7). */
  public static final String GENERAL_PRACTITIONER_INVOLVED = "generalPractitionerInvolved";

  // --- Warme overdracht: consent check, escalation ---
  /** What the consent register holds for recipient + purpose: GIVEN, REFUSED, WITHDRAWN, NONE. */
  public static final String CONSENT_STATUS = "consentStatus";

  /** What the regiehouder did after the escalation (code). */
  public static final String ESCALATION_ACTION = "escalationAction";

  /** The regiehouder has taken note of a refused consent (flag). */
  public static final String REFUSAL_NOTED = "refusalNoted";

  /** Toestemming: the client agreed to be asked again later (flag). */
  public static final String CONSENT_ASK_AGAIN = "consentAskAgain";

  // --- Prenataal huisbezoek: informing the midwife and GP (vuistregel 7) ---
  /** The midwife or GP has taken note of the PHB request (flag). */
  public static final String HOME_VISIT_REQUEST_NOTED = "homeVisitRequestNoted";

  // --- MDO and meldcode (call-activity contracts) ---
  /** Zorgpad-mdo: the discipline that asks for the MDO. */
  public static final String MDO_REQUESTING_DISCIPLINE = "mdoRequestingDiscipline";

  /** Zorgpad-mdo output: ISO date of the next review (optional). */
  public static final String MDO_NEXT_REVIEW_DATE = "mdoNextReviewDate";

  /**
   * Start form "Meldcode starten in een casus": the case number typed in the Tasklist (its own
   * name, not {@link #CASE_NUMBER}, which the engine glue sets).
   */
  public static final String MELDCODE_CASE_NUMBER = "meldcodeCaseNumber";

  /** Zorgpad-meldcode: the discipline that starts the meldcode. */
  public static final String MELDCODE_STARTED_BY = "meldcodeStartedBy";

  /** Zorgpad-meldcode output: geen-vermoeden, hulp-georganiseerd, gemeld-veilig-thuis. */
  public static final String MELDCODE_OUTCOME = "meldcodeOutcome";

  // --- Birth, kraamperiode, first year ---
  /** ISO date of the child's birth: a date, no other data about the child. */
  public static final String BIRTH_DATE = "birthDate";

  /** Geboorte nagaan: geboren, nog-zwanger, niet-bereikt. */
  public static final String BIRTH_CHECK_OUTCOME = "birthCheckOutcome";

  /** ISO date the kraamperiode ended. */
  public static final String MATERNITY_CARE_END_DATE = "maternityCareEndDate";

  /** Kraamzorg given: afgerond, verlengd, geen-kraamzorg. */
  public static final String MATERNITY_CARE_OUTCOME = "maternityCareOutcome";

  /** Zorgpad-eerste-levensjaar: JGZ contact-moment codes from zorgpad-contactmomenten. */
  public static final String JGZ_CONTACT_MOMENTS = "jgzContactMoments";

  /** Zorgpad-eerste-levensjaar: regiehouder check-in codes from zorgpad-contactmomenten. */
  public static final String CHECK_IN_MOMENTS = "checkInMoments";

  /** Input of zorgpad-contactmomenten: whose moments ({@code jgz} or {@code regiehouder}). */
  public static final String CONTACT_MOMENT_DISCIPLINE = "contactMomentDiscipline";

  /** Multi-instance element: one contact-moment code (e.g. {@code week-8}). */
  public static final String CONTACT_MOMENT = "contactMoment";

  /** Day after birth of the contact moment (zorgpad-contactmoment-dag). */
  public static final String CONTACT_MOMENT_DAY = "contactMomentDay";

  /** Outcome of a JGZ contact moment: gezien, niet-verschenen, verzet. */
  public static final String CONTACT_MOMENT_OUTCOME = "contactMomentOutcome";

  /** Outcome of a regiehouder check-in: loopt-goed, zorgen-besproken, nieuw-signaal-nodig. */
  public static final String CHECK_IN_OUTCOME = "checkInOutcome";

  /** Closing evaluation at the first birthday: doelen-bereikt, deels-bereikt, niet-bereikt. */
  public static final String CLOSING_EVALUATION = "closingEvaluation";

  /** After the first birthday: reguliere-jgz, hulp-loopt-door, geen. */
  public static final String AFTERCARE = "aftercare";

  // --- Event subprocesses (payloads of PathwayMessages) ---
  /** Why a case ended early ({@link nl.zorgpad.casus.CaseEndReason} code). */
  public static final String END_REASON = "endReason";

  /** Nieuw signaal beoordelen: geen-actie, mdo-aanvragen. */
  public static final String NEW_SIGNAL_ACTION = "newSignalAction";

  /** The regiehouder informed the involved disciplines that the case ended (flag). */
  public static final String INVOLVED_INFORMED = "involvedInformed";

  private PathwayVariables() {}

  /**
   * The risk domains as the Tasklist's start-form checklist submits them: a JSON list of codes.
   * The signal API, a new signal and the demo data write it the same way.
   */
  public static org.camunda.spin.plugin.variable.value.JsonValue riskDomainsValue(
      java.util.Collection<String> codes) {
    return org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            codes.stream()
                .map(code -> "\"" + code + "\"")
                .collect(java.util.stream.Collectors.joining(",", "[", "]")))
        .create();
  }
}
