package nl.zorgpad.consent;

import java.util.List;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports under the meldrecht in the database, one record per report. */
@Service
public class RightToReportService implements RightToReportRegistry {

  private final RightToReportRecordRepository records;
  private final CaseFileRepository caseFiles;

  RightToReportService(RightToReportRecordRepository records, CaseFileRepository caseFiles) {
    this.records = records;
    this.caseFiles = caseFiles;
  }

  @Override
  @Transactional
  public void record(RightToReportStatement statement) {
    List<Violation> violations = statement.check();
    if (violations.isEmpty() && caseFiles.findByCaseNumber(statement.caseNumber()).isEmpty()) {
      violations =
          List.of(
              new Violation(
                  "caseNumber",
                  "is not a known case",
                  "violation.rightToReport.caseNumber.unknown"));
    }
    InvalidInputException.throwIfAny("report under the meldrecht", violations);
    records.save(new RightToReportRecord(statement));
  }

  @Transactional(readOnly = true)
  public List<RightToReportRecord> recordsOf(String caseNumber) {
    return records.findByCaseNumberOrderByRecordedAtAscIdAsc(caseNumber);
  }
}
