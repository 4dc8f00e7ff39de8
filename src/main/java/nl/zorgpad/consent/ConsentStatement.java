package nl.zorgpad.consent;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.CaseNumbers;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.discipline.Disciplines;

/**
 * A consent decision as a caregiver reports it: for one case, one recipient discipline and one
 * purpose. {@link #check()} holds the rules; the JPA service and the in-memory registry of the
 * process tests apply the same rules.
 *
 * @param reasonCode a {@link ConsentReason} code; required for a refusal or withdrawal, ignored
 *     for a consent given
 * @param askAgain for a refusal: the client agreed to be asked again after the waiting period
 *     (ignored otherwise)
 */
public record ConsentStatement(
    String caseNumber,
    String recipientDiscipline,
    String purpose,
    ConsentDecision decision,
    String reasonCode,
    String recordedBy,
    ZonedDateTime recordedAt,
    boolean askAgain) {

  public ConsentStatement {
    if (decision == ConsentDecision.GIVEN) {
      reasonCode = null;
    }
    if (decision != ConsentDecision.REFUSED) {
      askAgain = false;
    }
  }

  /** A statement without the wish to be asked again. */
  public ConsentStatement(
      String caseNumber,
      String recipientDiscipline,
      String purpose,
      ConsentDecision decision,
      String reasonCode,
      String recordedBy,
      ZonedDateTime recordedAt) {
    this(
        caseNumber,
        recipientDiscipline,
        purpose,
        decision,
        reasonCode,
        recordedBy,
        recordedAt,
        false);
  }

  public List<Violation> check() {
    List<Violation> violations = new ArrayList<>();
    if (!CaseNumbers.isValid(caseNumber)) {
      violations.add(
          new Violation(
              "caseNumber",
              "must match " + CaseNumbers.PATTERN.pattern(),
              "violation.consent.caseNumber.unknown"));
    }
    if (recipientDiscipline == null || !Disciplines.ALL.contains(recipientDiscipline)) {
      violations.add(
          new Violation(
              "recipientDiscipline",
              "must be one of " + Disciplines.ALL,
              "violation.consent.recipientDiscipline.unknown"));
    }
    if (ConsentPurpose.fromCode(purpose).isEmpty()) {
      violations.add(
          new Violation(
              "consentPurpose",
              "is unknown: " + purpose,
              "violation.consent.consentPurpose.unknown"));
    }
    if (decision == null) {
      violations.add(
          new Violation(
              "consentDecision",
              "is required (GIVEN or REFUSED)",
              "violation.consent.consentDecision.required"));
    } else if (decision.needsReason()) {
      if (reasonCode == null || reasonCode.isBlank()) {
        violations.add(
            new Violation(
                "consentRefusalReason",
                "is required when consent is " + decision,
                "violation.consent.consentRefusalReason.required"));
      } else if (ConsentReason.fromCode(reasonCode).isEmpty()) {
        violations.add(
            new Violation(
                "consentRefusalReason",
                "is unknown: " + reasonCode,
                "violation.consent.consentRefusalReason.unknown"));
      }
    }
    if (recordedBy == null || recordedBy.isBlank() || recordedAt == null) {
      violations.add(
          new Violation(
              "recordedBy", "who and when are required", "violation.consent.recordedBy.unknown"));
    }
    return violations;
  }
}
