package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.discipline.Disciplines;

/**
 * The rules of a multidisciplinary meeting (MDO) about a case: several disciplines take part,
 * decisions become coded action points for named disciplines with due dates, and the case gets
 * a next review date within a month (vuistregel 9: reserve time every month for vulnerable
 * cases). Pure: the engine glue applies them when a step is completed. No minutes and no free
 * text: what was said belongs in the dossier (issue 4), not in process variables.
 */
public final class MdoRules {

  private static final java.time.format.DateTimeFormatter DUTCH_DATE =
      java.time.format.DateTimeFormatter.ofPattern(
          "d MMMM yyyy", java.util.Locale.forLanguageTag("nl-NL"));

  public static final String YES = "ja";
  public static final String NO = "nee";

  /** Vuistregel 9: a vulnerable case is looked at again within a month. */
  public static final int MAX_REVIEW_INTERVAL_MONTHS = 1;

  /** An action point is due within this many months of the meeting. */
  public static final int MAX_ACTION_MONTHS = 3;

  private MdoRules() {}

  /**
   * Whether the participants prepare an MDO that is planned today or in the past; a later MDO is
   * always prepared.
   */
  public enum Preparation implements Codes.Coded {
    PREPARE("voorbereiden"),
    WITHOUT_PREPARATION("zonder-voorbereiding");

    private final String code;

    Preparation(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** What a participant brings to the meeting. */
  public enum Attendance implements Codes.Coded {
    PRESENT("aanwezig"),
    WRITTEN_INPUT("schriftelijke-inbreng");

    private final String code;

    Attendance(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** The coded actions an MDO decides on; the covenant's usual next steps. */
  public enum Action implements Codes.Coded {
    PLAN_HOME_VISIT("huisbezoek-plannen"),
    CONTACT_CLIENT("contact-client"),
    WARM_HANDOVER("warme-overdracht"),
    REFER_TO_INTERVENTION("aanmelden-interventie"),
    DEBT_COUNSELLING("schuldhulp-aanmelden"),
    ARRANGE_HOUSING("huisvesting-regelen"),
    REFER_TO_MENTAL_HEALTH_CARE("ggz-verwijzing"),
    LINK_INFORMAL_CARE("informele-zorg-koppelen"),
    START_MELDCODE("meldcode-starten"),
    REPORT_BACK_TO_CARE_COORDINATOR("terugkoppelen-regiehouder");

    private final String code;

    Action(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** How a named discipline finished its action point. */
  public enum ActionResult implements Codes.Coded {
    DONE("uitgevoerd"),
    NOT_POSSIBLE("niet-gelukt");

    private final String code;

    ActionResult(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public static List<String> codes(Class<? extends Enum<?>> type) {
    return MeldcodeRules.codes(type);
  }

  /**
   * Participants and date: at least one discipline besides the requester, a date at most a month
   * ago. An MDO today or in the past is never prepared silently or not at all: the chair chooses
   * whether the participants still prepare ({@link Preparation}).
   */
  public static List<Violation> checkPlan(
      String requestingDiscipline,
      List<String> participants,
      LocalDate meetingDate,
      String preparation,
      LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (!Disciplines.ALL.containsAll(participants)) {
      violations.add(
          new Violation(
              "mdoParticipants",
              "has unknown disciplines " + participants,
              "violation.mdo.mdoParticipants.unknown"));
    } else if (participants.stream().allMatch(p -> p.equals(requestingDiscipline))) {
      violations.add(
          new Violation(
              "mdoParticipants",
              "needs at least one discipline besides the requester",
              "violation.mdo.mdoParticipants.notMultidisciplinary"));
    }
    if (meetingDate == null
        || meetingDate.isBefore(today.minusMonths(MAX_REVIEW_INTERVAL_MONTHS))) {
      violations.add(
          new Violation(
              "mdoMeetingDate",
              "is required and at most a month ago",
              "violation.mdo.mdoMeetingDate.required"));
    } else if (!meetingDate.isAfter(today) && !Codes.known(Preparation.class, preparation)) {
      violations.add(
          new Violation(
              "mdoPreparation",
              "is required for an MDO today or in the past",
              "violation.mdo.mdoPreparation.required"));
    }
    return violations;
  }

  /**
   * The preparation that counts: the chair's choice for an MDO today or in the past, else
   * {@link Preparation#PREPARE}.
   */
  public static String preparationOf(LocalDate meetingDate, String preparation, LocalDate today) {
    if (meetingDate != null
        && !meetingDate.isAfter(today)
        && Codes.known(Preparation.class, preparation)) {
      return preparation;
    }
    return Preparation.PREPARE.code();
  }

  /** A participant's preparation: whether she attends or sends written input. */
  public static List<Violation> checkPreparation(String attendance) {
    if (!Codes.known(Attendance.class, attendance)) {
      return List.of(
          new Violation("mdoAttendance", "is required", "violation.mdo.mdoAttendance.required"));
    }
    return List.of();
  }

  /**
   * The meeting: held on a date that has passed and not before the planned date, next review
   * within a month (vuistregel 9).
   */
  public static List<Violation> checkMeeting(
      LocalDate heldDate,
      LocalDate meetingDate,
      LocalDate nextReviewDate,
      String hasActionPoints,
      LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (heldDate == null || heldDate.isAfter(today)) {
      violations.add(
          new Violation(
              "mdoHeldDate",
              "is required and not in the future",
              "violation.mdo.mdoHeldDate.required"));
    } else if (meetingDate != null && heldDate.isBefore(meetingDate)) {
      violations.add(
          new Violation(
              "mdoHeldDate",
              "is before the planned date " + meetingDate,
              "violation.mdo.mdoHeldDate.beforePlannedDate",
              DUTCH_DATE.format(meetingDate)));
    }
    LocalDate base = heldDate == null || heldDate.isAfter(today) ? today : heldDate;
    if (nextReviewDate == null
        || !nextReviewDate.isAfter(today)
        || nextReviewDate.isAfter(base.plusMonths(MAX_REVIEW_INTERVAL_MONTHS))) {
      violations.add(
          new Violation(
              "mdoNextReviewDate",
              "is required, after today and within a month of the meeting (vuistregel 9)",
              "violation.mdo.mdoNextReviewDate.required"));
    }
    if (!YES.equals(hasActionPoints) && !NO.equals(hasActionPoints)) {
      violations.add(
          new Violation(
              "mdoHasActionPoints",
              "must be ja or nee",
              "violation.mdo.mdoHasActionPoints.required"));
    }
    return violations;
  }

  /** One action point: a discipline, a coded action and a due date. */
  public static List<Violation> checkActionPoint(
      String discipline, String action, LocalDate dueDate, String more, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (discipline == null || !Disciplines.ALL.contains(discipline)) {
      violations.add(
          new Violation(
              "mdoActionDiscipline",
              "must be one of " + Disciplines.ALL,
              "violation.mdo.mdoActionDiscipline.unknown"));
    }
    if (!Codes.known(Action.class, action)) {
      violations.add(
          new Violation(
              "mdoAction", "is required (coded action)", "violation.mdo.mdoAction.required"));
    }
    if (dueDate == null
        || dueDate.isBefore(today)
        || dueDate.isAfter(today.plusMonths(MAX_ACTION_MONTHS))) {
      violations.add(
          new Violation(
              "mdoActionDueDate",
              "is required, not in the past and within " + MAX_ACTION_MONTHS + " months",
              "violation.mdo.mdoActionDueDate.required"));
    }
    if (!YES.equals(more) && !NO.equals(more)) {
      violations.add(
          new Violation(
              "mdoMoreActionPoints",
              "must be ja or nee",
              "violation.mdo.mdoMoreActionPoints.required"));
    }
    return violations;
  }

  public static List<Violation> checkActionResult(String result) {
    if (!Codes.known(ActionResult.class, result)) {
      return List.of(
          new Violation(
              "mdoActionResult", "is required", "violation.mdo.mdoActionResult.required"));
    }
    return List.of();
  }
}
