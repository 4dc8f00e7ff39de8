package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.BIRTH_CHECK_OUTCOME;
import static nl.zorgpad.pathway.PathwayVariables.BIRTH_DATE;
import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;

import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Records the child's birth date in the dossier when the birth is reported — by the midwife's
 * task, by the regiehouder's check, or by the {@code GeboorteGemeld} message (kraamzorg or a
 * midwife's system). A date in the future or far from the due date is refused (400). On a check
 * that did not find a birth ({@code birthCheckOutcome} other than {@code geboren}) it does
 * nothing. An execution listener on {@code end} (see {@link ConsentDecisionListener}).
 */
@Component("birthRegistrationListener")
public class BirthRegistrationListener implements ExecutionListener {

  static final String BORN = "geboren";

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
    String checkOutcome = input.string(BIRTH_CHECK_OUTCOME);
    if (checkOutcome != null && !BORN.equals(checkOutcome)) {
      return; // the regiehouder checked: no birth yet
    }
    try {
      caseRegistry.recordBirth(input.string(CASE_NUMBER), input.date(BIRTH_DATE),
          deadlines.now());
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.BIRTH_INVALID);
    }
  }
}
