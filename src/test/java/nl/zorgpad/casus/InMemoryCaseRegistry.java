package nl.zorgpad.casus;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.discipline.Disciplines;

/**
 * The case registry of the plain-engine process tests: the same rules and numbering as
 * {@link CaseFileService}, kept in memory. {@link CaseFileServiceTest} covers the JPA side.
 */
public class InMemoryCaseRegistry implements CaseRegistry {

  private final Map<String, CaseFile> cases = new LinkedHashMap<>();
  private final List<Runnable> onClear = new java.util.ArrayList<>();
  private int year;
  private int lastNumber;

  @Override
  public synchronized String register(
      Signal signal, String signalledBy, ZonedDateTime signalledAt) {
    InvalidInputException.throwIfAny(
        "signal", SignalRules.check(signal, signalledAt.toLocalDate()));
    if (signalledAt.getYear() != year) {
      year = signalledAt.getYear();
      lastNumber = 0;
    }
    String caseNumber = CaseNumbers.format(year, ++lastNumber);
    cases.put(caseNumber, new CaseFile(caseNumber, signal, signalledBy, signalledAt.toInstant()));
    return caseNumber;
  }

  @Override
  public synchronized void close(String caseNumber, CaseStatus status, ZonedDateTime closedAt) {
    CaseFile caseFile =
        find(caseNumber)
            .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    caseFile.close(status, closedAt.toInstant());
  }

  @Override
  public synchronized void keepOpen(String caseNumber, CaseStatus status, ZonedDateTime at) {
    CaseFile caseFile =
        find(caseNumber)
            .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    if (caseFile.getStatus() != status) {
      caseFile.keepOpen(status);
    }
  }

  @Override
  public synchronized void endEarly(
      String caseNumber, CaseEndReason reason, ZonedDateTime endedAt) {
    find(caseNumber)
        .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber))
        .endEarly(reason, endedAt.toInstant());
  }

  @Override
  public synchronized void recordBirth(
      String caseNumber, LocalDate birthDate, ZonedDateTime reportedAt) {
    CaseFile caseFile =
        find(caseNumber)
            .orElseThrow(() -> new IllegalArgumentException("unknown case " + caseNumber));
    InvalidInputException.throwIfAny(
        "birth", BirthRules.check(birthDate, caseFile.getDueDate(), reportedAt.toLocalDate()));
    caseFile.recordBirth(birthDate);
  }

  @Override
  public synchronized Optional<CaseContacts> contactsOf(String caseNumber) {
    return find(caseNumber)
        .map(
            caseFile ->
                new CaseContacts(
                    caseFile.getCreatedBy(),
                    caseFile.getSignallingDiscipline(),
                    caseFile.getCareCoordinator(),
                    caseFile.getCareCoordinator() == null ? null : Disciplines.REGIEHOUDER));
  }

  public synchronized Optional<CaseFile> find(String caseNumber) {
    return Optional.ofNullable(cases.get(caseNumber));
  }

  public synchronized Collection<CaseFile> all() {
    return List.copyOf(cases.values());
  }

  /** Also forget what depends on the cases (e.g. their involvements) when they are cleared. */
  public synchronized void onClear(Runnable action) {
    onClear.add(action);
  }

  /** Forgets every case and restarts the numbering. */
  public synchronized void clear() {
    onClear.forEach(Runnable::run);
    cases.clear();
    year = 0;
    lastNumber = 0;
  }
}
