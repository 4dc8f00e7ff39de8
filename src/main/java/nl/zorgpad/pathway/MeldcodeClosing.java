package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.MeldcodeVariables.MELDCODE_OUTCOME;
import static nl.zorgpad.pathway.MeldcodeVariables.REPORTED;

import nl.zorgpad.modelpolicy.PathwayBean;
import nl.zorgpad.modelpolicy.PathwayCallable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Sets the meldcode's outcome at its end events, named there for the coordinator to read:
 * {@code ${meldcodeClosing.close(execution, 'hulp-georganiseerd')}}. A trajectory in which a
 * report was made ends as {@code gemeld-veilig-thuis}, also when help was organised alongside:
 * the report is what the main pathway and the monitor must know about.
 */
@PathwayBean
@Component("meldcodeClosing")
public class MeldcodeClosing {

  public static final String NO_SUSPICION = "geen-vermoeden";
  public static final String HELP_ORGANISED = "hulp-georganiseerd";
  public static final String REPORTED_TO_VEILIG_THUIS = "gemeld-veilig-thuis";

  @PathwayCallable
  public void close(DelegateExecution execution, String outcome) {
    boolean reported = Boolean.TRUE.equals(execution.getVariable(REPORTED));
    execution.setVariable(MELDCODE_OUTCOME, reported ? REPORTED_TO_VEILIG_THUIS : outcome);
  }
}
