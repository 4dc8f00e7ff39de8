package nl.zorgpad.consent;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.CaseNumbers;
import nl.zorgpad.casus.MeldcodeRules;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.discipline.Disciplines;

/**
 * A report to Veilig Thuis made without the client's consent, under the meldrecht (Wmo 2015
 * art. 5.2.6): the one recorded exception to "no sharing without consent".
 *
 * @param clientInformed a {@link MeldcodeRules.ClientInformedOfReport} code: whether the client
 *     was told beforehand (she is, unless that would endanger someone)
 */
public record RightToReportStatement(
    String caseNumber,
    String reportingDiscipline,
    LocalDate reportedOn,
    String clientInformed,
    String recordedBy,
    ZonedDateTime recordedAt) {

  /** The legal ground recorded with every such report. */
  public static final String LEGAL_GROUND = "wmo-2015-art-5.2.6";

  public List<Violation> check() {
    List<Violation> violations = new ArrayList<>();
    if (!CaseNumbers.isValid(caseNumber)) {
      violations.add(
          new Violation(
              "caseNumber",
              "must match " + CaseNumbers.PATTERN.pattern(),
              "violation.rightToReport.caseNumber.unknown"));
    }
    if (reportingDiscipline == null || !Disciplines.ALL.contains(reportingDiscipline)) {
      violations.add(
          new Violation(
              "meldcodeStartedBy",
              "must be one of " + Disciplines.ALL,
              "violation.rightToReport.meldcodeStartedBy.unknown"));
    }
    if (reportedOn == null) {
      violations.add(
          new Violation(
              "meldcodeReportDate",
              "is required",
              "violation.rightToReport.meldcodeReportDate.required"));
    }
    if (!MeldcodeRules.codes(MeldcodeRules.ClientInformedOfReport.class).contains(clientInformed)) {
      violations.add(
          new Violation(
              "meldcodeClientInformedOfReport",
              "is required",
              "violation.rightToReport.meldcodeClientInformedOfReport.required"));
    }
    if (recordedBy == null || recordedBy.isBlank() || recordedAt == null) {
      violations.add(
          new Violation(
              "recordedBy",
              "who and when are required",
              "violation.rightToReport.recordedBy.unknown"));
    }
    return violations;
  }
}
