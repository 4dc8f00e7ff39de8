package nl.zorgpad.pathway;

/**
 * Process variables of {@code zorgpad-meldcode} and the decision {@code zorgpad-afwegingskader}
 * (kept apart from {@link PathwayVariables} so the two pathways can grow independently; the
 * model tests treat both as the one list of names). Codes, dates and flags only.
 */
public final class MeldcodeVariables {

  // --- Parameters (call activity) ---
  /** In: the discipline that starts the meldcode and does its steps. */
  public static final String MELDCODE_STARTED_BY = "meldcodeStartedBy";

  /** Out: {@code geen-vermoeden}, {@code hulp-georganiseerd} or {@code gemeld-veilig-thuis}. */
  public static final String MELDCODE_OUTCOME = "meldcodeOutcome";

  // --- Step 1: signals and kindcheck ---
  public static final String SIGNALS = "meldcodeSignals";
  public static final String KINDCHECK = "meldcodeKindcheck";
  // --- Step 2: consultation ---
  public static final String COLLEAGUE_CONSULTED = "meldcodeColleagueConsulted";
  public static final String VEILIG_THUIS_ADVICE = "meldcodeVeiligThuisAdvice";
  public static final String TALK_SAFE = "meldcodeTalkSafe";
  public static final String TALK_SKIPPED_REASON = "meldcodeTalkSkippedReason";
  // --- Step 3: talk with the client ---
  public static final String TALK_DATE = "meldcodeTalkDate";
  // --- Step 4: the afwegingskader's questions (ja/nee) ---
  public static final String SUSPICION = "meldcodeSuspicion";
  public static final String UNSAFETY = "meldcodeUnsafety";
  public static final String HELP_POSSIBLE = "meldcodeHelpPossible";
  public static final String HELP_ACCEPTED = "meldcodeHelpAccepted";
  public static final String HELP_EFFECTIVE = "meldcodeHelpEffective";

  // --- Step 5: the decision (output of the DMN) and what follows ---
  /** {@code afsluiten}, {@code melden}, {@code hulp-organiseren}, {@code afsluiten-met-afspraken}. */
  public static final String DECISION = "meldcodeDecision";

  public static final String HELP_PROVIDERS = "meldcodeHelpProviders";
  public static final String HELP_EVALUATION_DATE = "meldcodeHelpEvaluationDate";
  public static final String REPORT_DATE = "meldcodeReportDate";
  public static final String CLIENT_INFORMED_OF_REPORT = "meldcodeClientInformedOfReport";
  public static final String HELP_ALONGSIDE = "meldcodeHelpAlongside";

  /** Set by the engine glue when a report to Veilig Thuis was recorded (meldrecht). */
  public static final String REPORTED = "meldcodeReported";

  // --- Vuistregel 5: until Veilig Thuis makes contact ---
  public static final String VEILIG_THUIS_CONTACT_DATE = "veiligThuisContactDate";
  public static final String VEILIG_THUIS_CALL_RESULT = "veiligThuisCallResult";

  private MeldcodeVariables() {}
}
