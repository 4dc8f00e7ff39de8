package nl.zorgpad.pathway;

/**
 * Error codes of refused input in the MDO and meldcode steps (the {@code code} in the REST
 * answer's JSON body; see {@link PathwayValidation}). A range of their own, 22100–22199, so that
 * the codes of the main pathway (22001…) can grow without a clash.
 */
final class MeldcodeValidation {

  static final int MDO_PLAN_INVALID = 22101;
  static final int MDO_PREPARATION_INVALID = 22102;
  static final int MDO_MEETING_INVALID = 22103;
  static final int MDO_ACTION_POINT_INVALID = 22104;
  static final int MDO_ACTION_RESULT_INVALID = 22105;

  static final int MELDCODE_SIGNALS_INVALID = 22111;
  static final int MELDCODE_CONSULTATION_INVALID = 22112;
  static final int MELDCODE_TALK_INVALID = 22113;
  static final int MELDCODE_ASSESSMENT_INVALID = 22114;
  static final int MELDCODE_HELP_INVALID = 22115;
  static final int MELDCODE_REPORT_INVALID = 22116;
  static final int MELDCODE_VEILIG_THUIS_CONTACT_INVALID = 22117;

  private MeldcodeValidation() {}
}
