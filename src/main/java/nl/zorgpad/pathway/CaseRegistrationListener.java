package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CLIENT_REFERENCE;
import static nl.zorgpad.pathway.PathwayVariables.DUE_DATE;
import static nl.zorgpad.pathway.PathwayVariables.GESTATIONAL_AGE_WEEKS;
import static nl.zorgpad.pathway.PathwayVariables.RISK_DOMAINS;
import static nl.zorgpad.pathway.PathwayVariables.SIGNALLING_DISCIPLINE;

import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the signal (start event): opens the case dossier and makes its case number the business key.
 * A signal that breaks a rule is refused with HTTP 400 and leaves neither case nor instance
 * (one transaction).
 */
@PathwayBean
@Component("caseRegistrationListener")
public class CaseRegistrationListener implements ExecutionListener {

  private final CaseRegistry caseRegistry;
  private final Deadlines deadlines;

  public CaseRegistrationListener(CaseRegistry caseRegistry, Deadlines deadlines) {
    this.caseRegistry = caseRegistry;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    VariableReader input = VariableReader.of(execution);
    Signal signal = new Signal(
        input.string(CLIENT_REFERENCE),
        input.date(DUE_DATE),
        input.integer(GESTATIONAL_AGE_WEEKS),
        input.codes(RISK_DOMAINS),
        input.string(SIGNALLING_DISCIPLINE));
    String caseNumber;
    try {
      caseNumber = caseRegistry.register(signal,
          Actors.current(execution.getProcessEngineServices()), deadlines.now());
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.SIGNAL_INVALID);
    }
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
  }
}
