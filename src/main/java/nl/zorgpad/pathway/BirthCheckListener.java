package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.BIRTH_CHECK_OUTCOME;

import java.util.List;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Geboorte nagaan" (due date + 3 weeks without a birth report): a known outcome,
 * and when the child is born, its birth date recorded like a birth report
 * ({@link BirthRegistrationListener}). An execution listener on the task's {@code end}.
 */
@PathwayBean
@Component("birthCheckListener")
public class BirthCheckListener implements ExecutionListener {

  static final String BORN = "geboren";
  static final List<String> OUTCOMES = List.of(BORN, "nog-zwanger", "niet-bereikt");

  private final BirthRegistrationListener birthRegistration;

  public BirthCheckListener(BirthRegistrationListener birthRegistration) {
    this.birthRegistration = birthRegistration;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    String outcome = VariableReader.of(execution).string(BIRTH_CHECK_OUTCOME);
    if (!OUTCOMES.contains(outcome)) {
      throw PathwayValidation.refuse(
          new InvalidInputException(
              "birth check",
              List.of(
                  new Violation(
                      BIRTH_CHECK_OUTCOME,
                      "must be one of " + OUTCOMES,
                      "violation.birthCheck.birthCheckOutcome.unknown"))),
          PathwayValidation.BIRTH_INVALID);
    }
    if (BORN.equals(outcome)) {
      birthRegistration.notify(execution);
    }
  }
}
