package nl.zorgpad.pathway;

import java.util.List;
import nl.zorgpad.casus.CaseEndReason;
import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.modelpolicy.PathwayBean;
import nl.zorgpad.modelpolicy.PathwayCallable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Closes the case when the pathway ends. Used from end events of the main pathway, naming the
 * status there for the coordinator to read:
 * {@code ${caseClosing.close(execution, 'CLOSED_NO_CONSENT')}}; and from the start of the
 * "casus beëindigd" event subprocess: {@code ${caseClosing.endEarly(execution)}}.
 */
@PathwayBean
@Component("caseClosing")
public class CaseClosing {

  private final CaseRegistry caseRegistry;
  private final Deadlines deadlines;

  public CaseClosing(CaseRegistry caseRegistry, Deadlines deadlines) {
    this.caseRegistry = caseRegistry;
    this.deadlines = deadlines;
  }

  /** @param status a closed {@link CaseStatus} name */
  @PathwayCallable
  public void close(DelegateExecution execution, String status) {
    String caseNumber = VariableReader.of(execution).string(PathwayVariables.CASE_NUMBER);
    caseRegistry.close(caseNumber, CaseStatus.valueOf(status), deadlines.now());
  }

  /**
   * Sets how an open case stands without closing it:
   * {@code ${caseClosing.keepOpen(execution, 'MELDCODE_WITHOUT_CONSENT')}} when the client refused
   * consent while safety is at stake (meldrecht), {@code 'ACTIVE'} when she consents later.
   *
   * @param status an open {@link CaseStatus} name
   */
  @PathwayCallable
  public void keepOpen(DelegateExecution execution, String status) {
    String caseNumber = VariableReader.of(execution).string(PathwayVariables.CASE_NUMBER);
    caseRegistry.keepOpen(caseNumber, CaseStatus.valueOf(status), deadlines.now());
  }

  /**
   * Ends the case early with the reason in {@code endReason} (a {@link CaseEndReason} code);
   * an unknown reason or a case that is closed already is refused (code 22008).
   */
  @PathwayCallable
  public void endEarly(DelegateExecution execution) {
    VariableReader input = VariableReader.of(execution);
    String code = input.string(PathwayVariables.END_REASON);
    CaseEndReason reason =
        CaseEndReason.fromCode(code)
            .orElseThrow(
                () ->
                    PathwayValidation.refuse(
                        new InvalidInputException(
                            "case end",
                            List.of(
                                new Violation(
                                    PathwayVariables.END_REASON,
                                    "must be one of " + CaseEndReason.codes(),
                                    "violation.caseEnd.endReason.unknown"))),
                        PathwayValidation.CASE_END_INVALID));
    String caseNumber = input.string(PathwayVariables.CASE_NUMBER);
    try {
      caseRegistry.endEarly(caseNumber, reason, deadlines.now());
    } catch (IllegalStateException closed) {
      throw PathwayValidation.refuse(
          new InvalidInputException(
              "case end",
              List.of(
                  new Violation(
                      PathwayVariables.CASE_NUMBER,
                      "is closed already",
                      "violation.caseEnd.caseNumber.closed"))),
          PathwayValidation.CASE_END_INVALID);
    }
  }
}
