package nl.zorgpad.casus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The referrer's decision on a JGZ prenatal home visit (PHB). Vuistregel 2 turns the question
 * around: the visit is requested unless the referrer says why it is <em>not</em> needed. A request
 * needs the client's explicit consent (national position, Oct 2025: domain-facts, PHB).
 *
 * @param choice a {@link Choice} code
 * @param optOutReason an {@link OptOutReason} code, required when the visit is not needed
 * @param clientConsented whether the client explicitly agreed to the request after an
 *     explanation of what the visit is, why, and which data is shared
 */
public record HomeVisitDecision(String choice, String optOutReason, Boolean clientConsented) {

  public enum Choice {
    REQUEST("aanvragen"),
    NOT_NEEDED("niet-nodig");

    private final String code;

    Choice(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<Choice> fromCode(String code) {
      return Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst();
    }
  }

  /** Why a JGZ home visit is not needed: coded, no free text. */
  public enum OptOutReason {
    ALREADY_IN_JGZ_CARE("al-in-zorg-jgz"),
    ENOUGH_SUPPORT("voldoende-steun"),
    OTHER_HELP_RUNNING("andere-hulp-loopt"),
    CLIENT_DECLINES("client-wil-niet"),
    MOVING_AWAY("verhuist"),
    OTHER("andere-reden");

    private final String code;

    OptOutReason(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<OptOutReason> fromCode(String code) {
      return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }
  }

  /** Whether the visit is requested; only meaningful for a decision without violations. */
  public boolean requested() {
    return Choice.REQUEST.code().equals(choice);
  }

  public List<Violation> check() {
    List<Violation> violations = new ArrayList<>();
    Optional<Choice> parsed = Choice.fromCode(choice);
    if (parsed.isEmpty()) {
      violations.add(
          new Violation(
              "homeVisitDecision",
              "must be aanvragen or niet-nodig",
              "violation.homeVisitDecision.homeVisitDecision.required"));
    } else if (parsed.get() == Choice.NOT_NEEDED) {
      if (optOutReason == null || optOutReason.isBlank()) {
        violations.add(
            new Violation(
                "homeVisitOptOutReason",
                "is required when no home visit is requested (vuistregel 2)",
                "violation.homeVisitDecision.homeVisitOptOutReason.required"));
      } else if (OptOutReason.fromCode(optOutReason).isEmpty()) {
        violations.add(
            new Violation(
                "homeVisitOptOutReason",
                "is unknown: " + optOutReason,
                "violation.homeVisitDecision.homeVisitOptOutReason.unknown"));
      }
    } else if (!Boolean.TRUE.equals(clientConsented)) {
      violations.add(
          new Violation(
              "homeVisitClientConsented",
              "must be true to request a home visit",
              "violation.homeVisitDecision.homeVisitClientConsented.notConsented"));
    }
    return violations;
  }
}
