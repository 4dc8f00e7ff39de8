package nl.zorgpad.casus;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import nl.zorgpad.audit.AccessAction;
import nl.zorgpad.audit.AccessEvent;
import nl.zorgpad.audit.AccessEvent.Purposes;
import nl.zorgpad.audit.AccessLog;
import nl.zorgpad.audit.AccessOutcome;
import nl.zorgpad.audit.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case dossiers in the database. Runs inside the engine's transaction when the pathway calls it,
 * so a refused signal or a failing process start leaves no dossier behind. Opening a case also
 * opens its pregnancy and involves the signaller; opening and closing are logged (NEN 7513) in
 * the same transaction.
 */
@Service
public class CaseFileService implements CaseRegistry {

  private final CaseFileRepository caseFiles;
  private final CaseNumberCounterRepository counters;
  private final PregnancyRepository pregnancies;
  private final InvolvementRepository involvements;
  private final AccessLog accessLog;

  CaseFileService(CaseFileRepository caseFiles, CaseNumberCounterRepository counters,
      PregnancyRepository pregnancies, InvolvementRepository involvements, AccessLog accessLog) {
    this.caseFiles = caseFiles;
    this.counters = counters;
    this.pregnancies = pregnancies;
    this.involvements = involvements;
    this.accessLog = accessLog;
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
    CaseFile caseFile = caseFiles.save(
        new CaseFile(caseNumber, signal, signalledBy, signalledAt.toInstant()));
    pregnancies.save(new Pregnancy(caseFile.getId(), signal.dueDate(),
        signal.gestationalAgeWeeks()));
    involvements.save(new Involvement(caseNumber, null, signal.signallingDiscipline(),
        signalledBy, InvolvementRole.SIGNALLER, signalledAt.toInstant(), signalledBy));
    log(caseFile, AccessAction.CREATE, signalledBy);
    return caseNumber;
  }

  @Override
  @Transactional
  public void close(String caseNumber, CaseStatus status, ZonedDateTime closedAt) {
    CaseFile caseFile = caseFiles.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    caseFile.close(status, closedAt.toInstant());
    log(caseFile, AccessAction.UPDATE, Actor.SYSTEM);
  }

  @Override
  @Transactional
  public void keepOpen(String caseNumber, CaseStatus status, ZonedDateTime at) {
    CaseFile caseFile = caseFiles.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    if (caseFile.getStatus() == status) {
      return;
    }
    caseFile.keepOpen(status);
    log(caseFile, AccessAction.UPDATE, Actor.SYSTEM);
  }

  private void log(CaseFile caseFile, AccessAction action, String userId) {
    accessLog.record(new AccessEvent(caseFile.getCaseNumber(), "case:" + caseFile.getCaseNumber(),
        "CaseFile", caseFile.getCaseNumber(), action, AccessOutcome.ALLOWED, Purposes.PATHWAY,
        "pathway", false, action == AccessAction.UPDATE ? "status " + caseFile.getStatus() : null),
        new Actor(userId, userId, List.of(), null));
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
