package nl.zorgpad.consent;

import java.util.List;
import java.util.Optional;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consent decisions in the database, one record per decision (vuistregel 4). */
@Service
public class ConsentService implements ConsentRegistry {

  private final ConsentRecordRepository records;
  private final CaseFileRepository caseFiles;

  ConsentService(ConsentRecordRepository records, CaseFileRepository caseFiles) {
    this.records = records;
    this.caseFiles = caseFiles;
  }

  @Override
  @Transactional
  public void record(ConsentStatement statement) {
    List<Violation> violations = statement.check();
    if (violations.isEmpty() && caseFiles.findByCaseNumber(statement.caseNumber()).isEmpty()) {
      violations = List.of(new Violation("caseNumber", "is not a known case",
          "Onbekend casusnummer."));
    }
    InvalidInputException.throwIfAny("consent decision", violations);
    records.save(new ConsentRecord(statement));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ConsentDecision> currentDecision(String caseNumber, String recipientDiscipline,
      String purpose) {
    return records
        .findByCaseNumberAndRecipientDisciplineAndPurposeOrderByRecordedAtDescIdDesc(
            caseNumber, recipientDiscipline, purpose)
        .stream().findFirst().map(ConsentRecord::getDecision);
  }

  @Transactional(readOnly = true)
  public List<ConsentRecord> recordsOf(String caseNumber) {
    return records.findByCaseNumberOrderByRecordedAtAscIdAsc(caseNumber);
  }
}
