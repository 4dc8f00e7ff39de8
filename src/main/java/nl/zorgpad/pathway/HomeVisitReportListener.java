package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_OUTCOME;
import static nl.zorgpad.pathway.PathwayVariables.INTERVENTION_ADVICE;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.zorgpad.casus.HomeVisitReport;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On completing the home-visit report: a known outcome (the gateway after it routes on it) and,
 * after a visit, an intervention advice. An execution listener on the task's {@code end} (see
 * {@link ConsentDecisionListener}).
 */
@PathwayBean
@Component("homeVisitReportListener")
public class HomeVisitReportListener implements ExecutionListener {

  private final ObjectMapper json;

  public HomeVisitReportListener(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    HomeVisitReport report =
        new HomeVisitReport(
            input.string(HOME_VISIT_OUTCOME), input.codes(INTERVENTION_ADVICE, json));
    try {
      InvalidInputException.throwIfAny("home-visit report", report.check());
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.HOME_VISIT_REPORT_INVALID);
    }
  }
}
