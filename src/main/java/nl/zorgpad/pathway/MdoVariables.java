package nl.zorgpad.pathway;

/**
 * Process variables of {@code zorgpad-mdo} (kept apart from {@link PathwayVariables}; the model
 * tests treat both as the one list of names). Codes, discipline ids, dates and flags only: no
 * minutes. What was discussed belongs in the dossier (issue 4).
 */
public final class MdoVariables {

  /** In: the discipline that asks for the MDO and chairs it. */
  public static final String REQUESTING_DISCIPLINE = "mdoRequestingDiscipline";

  /** Out: ISO date of the next review of the case (vuistregel 9). */
  public static final String NEXT_REVIEW_DATE = "mdoNextReviewDate";

  /** Discipline ids invited; one preparation task each. */
  public static final String PARTICIPANTS = "mdoParticipants";

  /** Element variable of the preparation: one participant discipline. */
  public static final String PARTICIPANT = "mdoParticipant";

  public static final String MEETING_DATE = "mdoMeetingDate";

  /**
   * For an MDO planned today or in the past, the chair's choice: {@code voorbereiden} (the
   * participants still prepare, at least two hours) or {@code zonder-voorbereiding}; for a later
   * date always {@code voorbereiden}.
   */
  public static final String PREPARATION = "mdoPreparation";

  /** A participant's preparation: {@code aanwezig} or {@code schriftelijke-inbreng}. */
  public static final String ATTENDANCE = "mdoAttendance";

  public static final String HELD_DATE = "mdoHeldDate";

  /** ja/nee. */
  public static final String HAS_ACTION_POINTS = "mdoHasActionPoints";

  // --- One action point as entered, and as element of the action-point tasks ---
  public static final String ACTION_DISCIPLINE = "mdoActionDiscipline";
  public static final String ACTION = "mdoAction";
  public static final String ACTION_DUE_DATE = "mdoActionDueDate";

  /** ja/nee: another action point follows. */
  public static final String MORE_ACTION_POINTS = "mdoMoreActionPoints";

  /** How the named discipline finished it: {@code uitgevoerd} or {@code niet-gelukt}. */
  public static final String ACTION_RESULT = "mdoActionResult";

  // --- All action points, as three lists of equal length (set by the engine glue) ---
  public static final String ACTION_DISCIPLINES = "mdoActionDisciplines";
  public static final String ACTIONS = "mdoActions";
  public static final String ACTION_DUE_DATES = "mdoActionDueDates";

  private MdoVariables() {}
}
