package nl.zorgpad.consent;

import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.InMemoryCaseRegistry;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;

/** The meldrecht registry of the plain-engine process tests: the rules of the JPA service. */
public class InMemoryRightToReportRegistry implements RightToReportRegistry {

  private final InMemoryCaseRegistry cases;
  private final List<RightToReportStatement> statements = new ArrayList<>();

  public InMemoryRightToReportRegistry(InMemoryCaseRegistry cases) {
    this.cases = cases;
  }

  @Override
  public synchronized void record(RightToReportStatement statement) {
    List<Violation> violations = statement.check();
    if (violations.isEmpty() && cases.find(statement.caseNumber()).isEmpty()) {
      violations =
          List.of(
              new Violation(
                  "caseNumber",
                  "is not a known case",
                  "violation.rightToReport.caseNumber.unknown"));
    }
    InvalidInputException.throwIfAny("report under the meldrecht", violations);
    statements.add(statement);
  }

  public synchronized List<RightToReportStatement> statementsOf(String caseNumber) {
    return statements.stream().filter(s -> s.caseNumber().equals(caseNumber)).toList();
  }
}
