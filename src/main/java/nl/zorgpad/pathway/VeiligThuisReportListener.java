package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.MeldcodeVariables.CLIENT_INFORMED_OF_REPORT;
import static nl.zorgpad.pathway.MeldcodeVariables.HELP_ALONGSIDE;
import static nl.zorgpad.pathway.MeldcodeVariables.MELDCODE_STARTED_BY;
import static nl.zorgpad.pathway.MeldcodeVariables.REPORTED;
import static nl.zorgpad.pathway.MeldcodeVariables.REPORT_DATE;
import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;

import java.util.List;
import nl.zorgpad.casus.MeldcodeRules;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.consent.RightToReportRegistry;
import nl.zorgpad.consent.RightToReportStatement;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * On completing "Melden bij Veilig Thuis": checks the report and records it under the meldrecht
 * (Wmo 2015 art. 5.2.6) — the one recorded exception to consent — then sets
 * {@code meldcodeReported}.
 */
@PathwayBean
@Component("veiligThuisReportListener")
public class VeiligThuisReportListener extends CompletionCheck {

  private final RightToReportRegistry registry;
  private final Deadlines deadlines;

  public VeiligThuisReportListener(RightToReportRegistry registry, Deadlines deadlines) {
    super("report to Veilig Thuis", MeldcodeValidation.MELDCODE_REPORT_INVALID);
    this.registry = registry;
    this.deadlines = deadlines;
  }

  @Override
  List<Violation> check(DelegateExecution execution, VariableReader input) {
    return MeldcodeRules.checkReport(
        input.date(REPORT_DATE),
        input.string(CLIENT_INFORMED_OF_REPORT),
        input.string(HELP_ALONGSIDE),
        deadlines.now().toLocalDate());
  }

  @Override
  void completed(DelegateExecution execution, VariableReader input) {
    registry.record(
        new RightToReportStatement(
            input.string(CASE_NUMBER),
            input.string(MELDCODE_STARTED_BY),
            input.date(REPORT_DATE),
            input.string(CLIENT_INFORMED_OF_REPORT),
            Actors.current(execution.getProcessEngineServices()),
            deadlines.now()));
    execution.setVariable(REPORTED, true);
  }
}
