package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_DECISION;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_GIVEN;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_PURPOSE;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_REFUSAL_REASON;
import static nl.zorgpad.pathway.PathwayVariables.RECIPIENT_DISCIPLINE;

import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentRegistry;
import nl.zorgpad.consent.ConsentStatement;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Toestemming vragen": records the client's decision as a consent record
 * (vuistregel 4) and sets {@code consentGiven}. A refusal without a reason is refused (400).
 *
 * <p>Like every check on a completed task, this is an execution listener on the task's
 * {@code end}, not a task listener: the engine wraps exceptions from task listeners
 * (ENGINE-03051), which the REST API then answers with 500.
 */
@PathwayBean
@Component("consentDecisionListener")
public class ConsentDecisionListener implements ExecutionListener {

  private final ConsentRegistry consentRegistry;
  private final Deadlines deadlines;

  public ConsentDecisionListener(ConsentRegistry consentRegistry, Deadlines deadlines) {
    this.consentRegistry = consentRegistry;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    ConsentDecision decision = askedDecision(input.string(CONSENT_DECISION));
    ConsentStatement statement = new ConsentStatement(
        input.string(CASE_NUMBER),
        input.string(RECIPIENT_DISCIPLINE),
        input.string(CONSENT_PURPOSE),
        decision,
        input.string(CONSENT_REFUSAL_REASON),
        Actors.current(execution.getProcessEngineServices()),
        deadlines.now());
    try {
      consentRegistry.record(statement);
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.CONSENT_DECISION_INVALID);
    }
    execution.setVariable(CONSENT_GIVEN, decision == ConsentDecision.GIVEN);
  }

  /** Asking yields a consent or a refusal; a withdrawal is a different act (issue 3). */
  private static ConsentDecision askedDecision(String code) {
    if (ConsentDecision.GIVEN.name().equals(code)) {
      return ConsentDecision.GIVEN;
    }
    if (ConsentDecision.REFUSED.name().equals(code)) {
      return ConsentDecision.REFUSED;
    }
    return null;
  }
}
