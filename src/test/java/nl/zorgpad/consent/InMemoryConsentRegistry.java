package nl.zorgpad.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.zorgpad.casus.InMemoryCaseRegistry;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;

/**
 * The consent registry of the plain-engine process tests: the same rules as
 * {@link ConsentService}, kept in memory. {@link ConsentServiceTest} covers the JPA side.
 */
public class InMemoryConsentRegistry implements ConsentRegistry {

  private final InMemoryCaseRegistry cases;
  private final List<ConsentStatement> statements = new ArrayList<>();

  public InMemoryConsentRegistry(InMemoryCaseRegistry cases) {
    this.cases = cases;
  }

  @Override
  public synchronized void record(ConsentStatement statement) {
    List<Violation> violations = statement.check();
    if (violations.isEmpty() && cases.find(statement.caseNumber()).isEmpty()) {
      violations =
          List.of(
              new Violation(
                  "caseNumber", "is not a known case", "violation.consent.caseNumber.unknown"));
    }
    InvalidInputException.throwIfAny("consent decision", violations);
    statements.add(statement);
  }

  @Override
  public synchronized Optional<ConsentDecision> currentDecision(
      String caseNumber, String recipientDiscipline, String purpose) {
    return current(caseNumber, recipientDiscipline, purpose).map(ConsentStatement::decision);
  }

  @Override
  public synchronized boolean askAgainLater(
      String caseNumber, String recipientDiscipline, String purpose) {
    return current(caseNumber, recipientDiscipline, purpose)
        .filter(s -> s.decision() == ConsentDecision.REFUSED)
        .map(ConsentStatement::askAgain)
        .orElse(false);
  }

  private Optional<ConsentStatement> current(
      String caseNumber, String recipientDiscipline, String purpose) {
    return statements.stream()
        .filter(
            s ->
                s.caseNumber().equals(caseNumber)
                    && s.recipientDiscipline().equals(recipientDiscipline)
                    && s.purpose().equals(purpose))
        // the newest counts; of two at the same moment, the one recorded last
        .reduce((older, newer) -> newer.recordedAt().isBefore(older.recordedAt()) ? older : newer);
  }

  public synchronized List<ConsentStatement> statementsOf(String caseNumber) {
    return statements.stream().filter(s -> s.caseNumber().equals(caseNumber)).toList();
  }

  public synchronized void clear() {
    statements.clear();
  }
}
