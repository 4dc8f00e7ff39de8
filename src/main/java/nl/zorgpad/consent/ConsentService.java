package nl.zorgpad.consent;

import java.util.List;
import java.util.Optional;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessEvent.Purposes;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.accesslog.Actor;
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
  private final AccessLog accessLog;

  ConsentService(
      ConsentRecordRepository records, CaseFileRepository caseFiles, AccessLog accessLog) {
    this.records = records;
    this.caseFiles = caseFiles;
    this.accessLog = accessLog;
  }

  @Override
  @Transactional
  public void record(ConsentStatement statement) {
    List<Violation> violations = statement.check();
    if (violations.isEmpty() && caseFiles.findByCaseNumber(statement.caseNumber()).isEmpty()) {
      violations =
          List.of(
              new Violation(
                  "caseNumber", "is not a known case", "violation.consent.caseNumber.unknown"));
    }
    InvalidInputException.throwIfAny("consent decision", violations);
    ConsentRecord record = records.save(new ConsentRecord(statement));
    // logged in the same transaction (NEN 7513); the client is named by the case until the
    // dossier service knows her (the log is searchable by case number too)
    accessLog.record(
        new AccessEvent(
            statement.caseNumber(),
            "case:" + statement.caseNumber(),
            "ConsentRecord",
            String.valueOf(record.getId()),
            AccessAction.CREATE,
            AccessOutcome.ALLOWED,
            Purposes.PATHWAY,
            "pathway",
            false,
            record.getRecipientDiscipline()
                + "/"
                + record.getPurpose()
                + " "
                + record.getDecision()),
        new Actor(statement.recordedBy(), statement.recordedBy(), List.of(), null));
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ConsentDecision> currentDecision(
      String caseNumber, String recipientDiscipline, String purpose) {
    return records
        .findByCaseNumberAndRecipientDisciplineAndPurposeOrderByRecordedAtDescIdDesc(
            caseNumber, recipientDiscipline, purpose)
        .stream()
        .findFirst()
        .map(ConsentRecord::getDecision);
  }

  @Override
  @Transactional(readOnly = true)
  public boolean askAgainLater(String caseNumber, String recipientDiscipline, String purpose) {
    return records
        .findByCaseNumberAndRecipientDisciplineAndPurposeOrderByRecordedAtDescIdDesc(
            caseNumber, recipientDiscipline, purpose)
        .stream()
        .findFirst()
        .filter(record -> record.getDecision() == ConsentDecision.REFUSED)
        .map(ConsentRecord::isAskAgain)
        .orElse(false);
  }

  @Transactional(readOnly = true)
  public List<ConsentRecord> recordsOf(String caseNumber) {
    return records.findByCaseNumberOrderByRecordedAtAscIdAsc(caseNumber);
  }
}
