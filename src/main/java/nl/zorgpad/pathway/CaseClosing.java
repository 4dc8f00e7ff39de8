package nl.zorgpad.pathway;

import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.CaseStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Closes the case when the pathway ends. Used from end events of the main pathway, naming the
 * status there for the coordinator to read:
 * {@code ${caseClosing.close(execution, 'CLOSED_NO_CONSENT')}}.
 */
@Component("caseClosing")
public class CaseClosing {

  private final CaseRegistry caseRegistry;
  private final Deadlines deadlines;

  public CaseClosing(CaseRegistry caseRegistry, Deadlines deadlines) {
    this.caseRegistry = caseRegistry;
    this.deadlines = deadlines;
  }

  /** @param status a {@link CaseStatus} name other than ACTIVE */
  public void close(DelegateExecution execution, String status) {
    String caseNumber = VariableReader.of(execution).string(PathwayVariables.CASE_NUMBER);
    caseRegistry.close(caseNumber, CaseStatus.valueOf(status), deadlines.now());
  }
}
