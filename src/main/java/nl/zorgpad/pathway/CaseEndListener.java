package nl.zorgpad.pathway;

import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the message {@code CasusBeeindigen} (start of the interrupting event subprocess): closes the
 * case in the dossier with the reason in {@code endReason}; an unknown reason is refused before
 * anything is cancelled (one transaction). A delegate rather than an expression, so that the
 * refusal reaches the caller unchanged (see {@link ConsentDecisionListener}).
 */
@PathwayBean
@Component("caseEndListener")
public class CaseEndListener implements ExecutionListener {

  private final CaseClosing caseClosing;

  public CaseEndListener(CaseClosing caseClosing) {
    this.caseClosing = caseClosing;
  }

  @Override
  public void notify(DelegateExecution execution) {
    caseClosing.endEarly(execution);
  }
}
