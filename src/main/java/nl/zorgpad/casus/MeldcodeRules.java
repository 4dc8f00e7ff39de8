package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the five steps of the Meldcode huiselijk geweld en kindermishandeling
 * (domain-facts.md, Meldcode): what each step must record before it counts as done. Pure: the
 * engine glue applies them when a step is completed. Every answer is a code: what the caregiver
 * saw and discussed stays in her own dossier, never in Zorgpad's process variables.
 */
public final class MeldcodeRules {

  /** Answer to a yes/no question of the afwegingskader, as the form submits it. */
  public static final String YES = "ja";

  public static final String NO = "nee";

  /** The afwegingskader's fifth question is asked when the help has run for a while. */
  public static final int MAX_HELP_EVALUATION_MONTHS = 3;

  private MeldcodeRules() {}

  /** Step 1: kinds of signals (the observations themselves stay in the caregiver's dossier). */
  public enum SignalKind implements Codes.Coded {
    PHYSICAL_INJURY("lichamelijk-letsel"),
    NEGLECT("verwaarlozing"),
    PSYCHOLOGICAL_VIOLENCE("psychisch-geweld"),
    SEXUAL_VIOLENCE("seksueel-geweld"),
    PARTNER_VIOLENCE("partnergeweld"),
    HONOUR_RELATED_VIOLENCE("eergerelateerd-geweld"),
    PARENT_MENTAL_HEALTH("ouder-psychische-problemen"),
    PARENT_ADDICTION("ouder-verslaving"),
    CLIENT_STATEMENT("uitspraak-client"),
    OTHER("ander-signaal");

    private final String code;

    SignalKind(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** Step 1, kindcheck: which children depend on the client (the unborn child always counts). */
  public enum Kindcheck implements Codes.Coded {
    ONLY_UNBORN_CHILD("alleen-ongeboren-kind"),
    ALSO_MINOR_CHILDREN("ook-minderjarige-kinderen");

    private final String code;

    Kindcheck(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** Step 2: advice of Veilig Thuis, which may be asked anonymously. */
  public enum VeiligThuisAdvice implements Codes.Coded {
    NOT_ASKED("niet-gevraagd"),
    ANONYMOUS("anoniem"),
    NAMED("op-naam");

    private final String code;

    VeiligThuisAdvice(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** Step 3 is skipped only when talking would endanger someone. */
  public enum TalkSkippedReason implements Codes.Coded {
    DANGER_TO_CLIENT("gevaar-client"),
    DANGER_TO_CHILD("gevaar-kind"),
    DANGER_TO_REPORTER_OR_OTHERS("gevaar-melder-of-anderen");

    private final String code;

    TalkSkippedReason(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** Whether the client was told about the report beforehand (the meldcode's rule). */
  public enum ClientInformedOfReport implements Codes.Coded {
    INFORMED("geinformeerd"),
    NOT_INFORMED_DANGER("niet-geinformeerd-gevaar");

    private final String code;

    ClientInformedOfReport(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** Step 5, help organised: who provides it. */
  public enum HelpProvider implements Codes.Coded {
    BUURTTEAM("buurtteam"),
    JGZ("jgz"),
    POH_GGZ("poh-ggz"),
    HUISARTS("huisarts"),
    ADDICTION_CARE("verslavingszorg"),
    MENTAL_HEALTH_CARE("ggz"),
    WOMEN_SHELTER("vrouwenopvang"),
    INFORMAL_CARE("informele-zorg");

    private final String code;

    HelpProvider(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** Result of a "Bel Veilig Thuis" call (vuistregel 5). */
  public enum CallResult implements Codes.Coded {
    CONTACT_MADE("contact-gemaakt"),
    NO_CONTACT_YET("geen-contact");

    private final String code;

    CallResult(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public static List<String> codes(Class<? extends Enum<?>> type) {
    List<String> codes = new ArrayList<>();
    for (Enum<?> value : type.getEnumConstants()) {
      codes.add(((Codes.Coded) value).code());
    }
    return codes;
  }

  /** Step 1: at least one kind of signal, and the kindcheck done. */
  public static List<Violation> checkSignals(List<String> signals, String kindcheck) {
    List<Violation> violations = new ArrayList<>();
    if (signals.isEmpty()) {
      violations.add(
          new Violation(
              "meldcodeSignals",
              "needs at least one kind of signal",
              "violation.meldcode.meldcodeSignals.required"));
    } else if (!codes(SignalKind.class).containsAll(signals)) {
      violations.add(
          new Violation(
              "meldcodeSignals",
              "has unknown codes " + signals,
              "violation.meldcode.meldcodeSignals.unknown"));
    }
    if (!Codes.known(Kindcheck.class, kindcheck)) {
      violations.add(
          new Violation(
              "meldcodeKindcheck",
              "is required (kindcheck)",
              "violation.meldcode.meldcodeKindcheck.required"));
    }
    return violations;
  }

  /**
   * Step 2: a colleague is always consulted; Veilig Thuis's advice is optional (and may be
   * anonymous); whether talking with the client is safe is decided here, and skipping step 3
   * needs a reason that names the danger.
   */
  public static List<Violation> checkConsultation(
      Boolean colleagueConsulted, String advice, String talkSafe, String skippedReason) {
    List<Violation> violations = new ArrayList<>();
    if (!Boolean.TRUE.equals(colleagueConsulted)) {
      violations.add(
          new Violation(
              "meldcodeColleagueConsulted",
              "must be true (step 2)",
              "violation.meldcode.meldcodeColleagueConsulted.notConsulted"));
    }
    if (!Codes.known(VeiligThuisAdvice.class, advice)) {
      violations.add(
          new Violation(
              "meldcodeVeiligThuisAdvice",
              "is required",
              "violation.meldcode.meldcodeVeiligThuisAdvice.required"));
    }
    if (!YES.equals(talkSafe) && !NO.equals(talkSafe)) {
      violations.add(
          new Violation(
              "meldcodeTalkSafe",
              "must be ja or nee",
              "violation.meldcode.meldcodeTalkSafe.required"));
    } else if (NO.equals(talkSafe) && !Codes.known(TalkSkippedReason.class, skippedReason)) {
      violations.add(
          new Violation(
              "meldcodeTalkSkippedReason",
              "is required when step 3 is skipped",
              "violation.meldcode.meldcodeTalkSkippedReason.required"));
    }
    return violations;
  }

  /** Step 3: the talk took place, on a date that has passed. */
  public static List<Violation> checkTalk(LocalDate talkDate, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (talkDate == null || talkDate.isAfter(today)) {
      violations.add(
          new Violation(
              "meldcodeTalkDate",
              "is required and not in the future",
              "violation.meldcode.meldcodeTalkDate.required"));
    }
    return violations;
  }

  /**
   * Step 4: the afwegingskader's questions answered in order, each only as far as it matters:
   * question 2 after a suspicion, 3 when there is no acute unsafety, 4 when help is possible.
   */
  public static List<Violation> checkAssessment(
      String suspicion, String unsafety, String helpPossible, String helpAccepted) {
    List<Violation> violations = new ArrayList<>();
    if (!answered(suspicion)) {
      violations.add(question("meldcodeSuspicion", 1));
    } else if (YES.equals(suspicion)) {
      if (!answered(unsafety)) {
        violations.add(question("meldcodeUnsafety", 2));
      } else if (NO.equals(unsafety)) {
        if (!answered(helpPossible)) {
          violations.add(question("meldcodeHelpPossible", 3));
        } else if (YES.equals(helpPossible) && !answered(helpAccepted)) {
          violations.add(question("meldcodeHelpAccepted", 4));
        }
      }
    }
    return violations;
  }

  /** Question 5, when the help has run: does it bring the safety needed in time? */
  public static List<Violation> checkHelpEvaluation(String helpEffective) {
    return answered(helpEffective) ? List.of() : List.of(question("meldcodeHelpEffective", 5));
  }

  /** Step 5, help organised: who helps, and when question 5 is asked. */
  public static List<Violation> checkHelp(
      List<String> providers, LocalDate evaluationDate, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (providers.isEmpty() || !codes(HelpProvider.class).containsAll(providers)) {
      violations.add(
          new Violation(
              "meldcodeHelpProviders",
              "needs at least one known provider",
              "violation.meldcode.meldcodeHelpProviders.required"));
    }
    if (evaluationDate == null
        || !evaluationDate.isAfter(today)
        || evaluationDate.isAfter(today.plusMonths(MAX_HELP_EVALUATION_MONTHS))) {
      violations.add(
          new Violation(
              "meldcodeHelpEvaluationDate",
              "is required, after today and within " + MAX_HELP_EVALUATION_MONTHS + " months",
              "violation.meldcode.meldcodeHelpEvaluationDate.required"));
    }
    return violations;
  }

  /** The report to Veilig Thuis: when, and whether the client was told beforehand. */
  public static List<Violation> checkReport(
      LocalDate reportDate, String clientInformed, String helpAlongside, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (reportDate == null || reportDate.isAfter(today)) {
      violations.add(
          new Violation(
              "meldcodeReportDate",
              "is required and not in the future",
              "violation.meldcode.meldcodeReportDate.required"));
    }
    if (!Codes.known(ClientInformedOfReport.class, clientInformed)) {
      violations.add(
          new Violation(
              "meldcodeClientInformedOfReport",
              "is required",
              "violation.meldcode.meldcodeClientInformedOfReport.required"));
    }
    if (!answered(helpAlongside)) {
      violations.add(
          new Violation(
              "meldcodeHelpAlongside",
              "must be ja or nee",
              "violation.meldcode.meldcodeHelpAlongside.required"));
    }
    return violations;
  }

  /** Veilig Thuis made contact: on a date that has passed. */
  public static List<Violation> checkVeiligThuisContact(LocalDate contactDate, LocalDate today) {
    if (contactDate == null || contactDate.isAfter(today)) {
      return List.of(
          new Violation(
              "veiligThuisContactDate",
              "is required and not in the future",
              "violation.meldcode.veiligThuisContactDate.required"));
    }
    return List.of();
  }

  /** A "Bel Veilig Thuis" call: its result. */
  public static List<Violation> checkCall(String result) {
    if (!Codes.known(CallResult.class, result)) {
      return List.of(
          new Violation(
              "veiligThuisCallResult",
              "is required",
              "violation.meldcode.veiligThuisCallResult.required"));
    }
    return List.of();
  }

  private static boolean answered(String answer) {
    return YES.equals(answer) || NO.equals(answer);
  }

  private static Violation question(String field, int number) {
    return new Violation(
        field,
        "question " + number + " of the afwegingskader is not answered",
        "violation.meldcode.weighingQuestion.required",
        number);
  }
}
