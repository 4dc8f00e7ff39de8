package nl.zorgpad.casus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What JGZ reports after a planned prenatal home visit: the outcome and, after a visit, the
 * intervention advice (domain-facts, "Interventions").
 *
 * @param outcome an {@link Outcome} code
 * @param interventionAdvice {@link InterventionAdvice} codes; at least one after a visit
 */
public record HomeVisitReport(String outcome, List<String> interventionAdvice) {

  public HomeVisitReport {
    interventionAdvice = interventionAdvice == null ? List.of() : List.copyOf(interventionAdvice);
  }

  public enum Outcome {
    VISITED("bezocht"),
    NOT_AT_HOME("niet-aangetroffen"),
    CANCELLED_BY_CLIENT("afgezegd");

    private final String code;

    Outcome(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<Outcome> fromCode(String code) {
      return Arrays.stream(values()).filter(o -> o.code.equals(code)).findFirst();
    }
  }

  public enum InterventionAdvice {
    VOORZORG("voorzorg"),
    STEVIG_OUDERSCHAP("stevig-ouderschap"),
    MAMAATJE("mamaatje"),
    CENTERING_PREGNANCY("centering-pregnancy"),
    NU_NIET_ZWANGER("nu-niet-zwanger"),
    /**
     * No residence permit or no insurance (seed 001: the undocumented woman refused by a GP
     * practice): arrange access to care — a GP and midwife, insurance, or for an undocumented
     * woman the CAK's regulation for uninsurable foreigners.
     */
    ACCESS_TO_CARE("toegang-zorg"),
    REGULAR_JGZ_CARE("reguliere-jgz");

    private final String code;

    InterventionAdvice(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<InterventionAdvice> fromCode(String code) {
      return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
  }

  public List<Violation> check() {
    List<Violation> violations = new ArrayList<>();
    Optional<Outcome> parsed = Outcome.fromCode(outcome);
    if (parsed.isEmpty()) {
      violations.add(
          new Violation(
              "homeVisitOutcome",
              "must be bezocht, niet-aangetroffen or afgezegd",
              "violation.homeVisitReport.homeVisitOutcome.required"));
    }
    if (parsed.filter(o -> o == Outcome.VISITED).isPresent() && interventionAdvice.isEmpty()) {
      violations.add(
          new Violation(
              "interventionAdvice",
              "is required after a visit",
              "violation.homeVisitReport.interventionAdvice.required"));
    }
    if (interventionAdvice.stream().anyMatch(a -> InterventionAdvice.fromCode(a).isEmpty())) {
      violations.add(
          new Violation(
              "interventionAdvice",
              "has unknown codes",
              "violation.homeVisitReport.interventionAdvice.unknown"));
    }
    return violations;
  }
}
