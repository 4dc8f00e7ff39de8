package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.BIRTH_DATE;
import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;

import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Records the child's birth date in the dossier when the birth is reported — by the midwife's
 * task or by the {@code GeboorteGemeld} message (kraamzorg or a midwife's system). A date in the
 * future or far from the due date is refused (400). {@link BirthCheckListener} does the same for
 * the regiehouder's check when it found a birth. An execution listener on {@code end} (see
 * {@link ConsentDecisionListener}).
 */
@PathwayBean
@Component("birthRegistrationListener")
public class BirthRegistrationListener implements ExecutionListener {

  private final CaseRegistry caseRegistry;
  private final Deadlines deadlines;

  public BirthRegistrationListener(CaseRegistry caseRegistry, Deadlines deadlines) {
    this.caseRegistry = caseRegistry;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    try {
      caseRegistry.recordBirth(input.string(CASE_NUMBER), input.date(BIRTH_DATE), deadlines.now());
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.BIRTH_INVALID);
    }
  }
}
