package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_CLIENT_CONSENTED;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_DECISION;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_OPT_OUT_REASON;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_REQUESTED;

import nl.zorgpad.casus.HomeVisitDecision;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On completing the home-visit decision: opting out needs a reason (vuistregel 2), a request
 * needs the client's explicit consent; sets {@code homeVisitRequested}. The form asks the same;
 * this makes it hold for every API caller too. An execution listener on the task's {@code end}
 * (see {@link ConsentDecisionListener}).
 */
@PathwayBean
@Component("homeVisitDecisionListener")
public class HomeVisitDecisionListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    HomeVisitDecision decision =
        new HomeVisitDecision(
            input.string(HOME_VISIT_DECISION),
            input.string(HOME_VISIT_OPT_OUT_REASON),
            input.bool(HOME_VISIT_CLIENT_CONSENTED));
    try {
      InvalidInputException.throwIfAny("home-visit decision", decision.check());
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.HOME_VISIT_DECISION_INVALID);
    }
    execution.setVariable(HOME_VISIT_REQUESTED, decision.requested());
  }
}
