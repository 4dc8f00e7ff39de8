package nl.zorgpad.casus;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case dossiers in the database. Runs inside the engine's transaction when the pathway calls it,
 * so a refused signal or a failing process start leaves no dossier behind.
 */
@Service
public class CaseFileService implements CaseRegistry {

  private final CaseFileRepository caseFiles;
  private final CaseNumberCounterRepository counters;

  CaseFileService(CaseFileRepository caseFiles, CaseNumberCounterRepository counters) {
    this.caseFiles = caseFiles;
    this.counters = counters;
  }

  @Override
  @Transactional
  public String register(Signal signal, String signalledBy, ZonedDateTime signalledAt) {
    InvalidInputException.throwIfAny("signal",
        SignalRules.check(signal, signalledAt.toLocalDate()));
    CaseNumberCounter counter = counters.lockById(CaseNumberCounter.CASE_FILES)
        .orElseThrow(() -> new IllegalStateException(
            "case number counter missing: migration V1__case_and_consent did not run"));
    String caseNumber = counter.next(signalledAt.getYear());
    caseFiles.save(new CaseFile(caseNumber, signal, signalledBy, signalledAt.toInstant()));
    return caseNumber;
  }

  @Override
  @Transactional
  public void close(String caseNumber, CaseStatus status, ZonedDateTime closedAt) {
    CaseFile caseFile = caseFiles.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    caseFile.close(status, closedAt.toInstant());
  }

  @Override
  @Transactional
  public void endEarly(String caseNumber, CaseEndReason reason, ZonedDateTime endedAt) {
    caseFile(caseNumber).endEarly(reason, endedAt.toInstant());
  }

  @Override
  @Transactional
  public void recordBirth(String caseNumber, LocalDate birthDate, ZonedDateTime reportedAt) {
    CaseFile caseFile = caseFile(caseNumber);
    InvalidInputException.throwIfAny("birth",
        BirthRules.check(birthDate, caseFile.getDueDate(), reportedAt.toLocalDate()));
    caseFile.recordBirth(birthDate);
  }

  private CaseFile caseFile(String caseNumber) {
    return caseFiles.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
  }

  @Transactional(readOnly = true)
  public Optional<CaseFile> find(String caseNumber) {
    return caseFiles.findByCaseNumber(caseNumber);
  }
}
