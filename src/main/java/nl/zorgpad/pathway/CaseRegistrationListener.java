package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CLIENT_REFERENCE;
import static nl.zorgpad.pathway.PathwayVariables.DUE_DATE;
import static nl.zorgpad.pathway.PathwayVariables.GESTATIONAL_AGE_WEEKS;
import static nl.zorgpad.pathway.PathwayVariables.RISK_DOMAINS;
import static nl.zorgpad.pathway.PathwayVariables.SIGNALLING_DISCIPLINE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import nl.zorgpad.casus.CaseRegistry;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.casus.SignalMatchesOpenCase;
import nl.zorgpad.casus.SignalOutcome;
import nl.zorgpad.casus.SignalSource;
import nl.zorgpad.casus.SignalledClient;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On the signal (start event): opens the case dossier and makes its case number the business key.
 * A signal that breaks a rule is refused with HTTP 400 and leaves neither case nor instance
 * (one transaction).
 *
 * <p>The client's BSN, birth date and postcode ({@link SignalledClient#FIELDS}) go into the dossier
 * only and are removed from the instance here (decision 0008; they arrive transient when the
 * intake plugin runs). A signal for a woman who already has an open case throws
 * {@link SignalMatchesOpenCase}: the start is rolled back and the signal joins her case instead
 * ({@code nl.zorgpad.intake}).
 */
@PathwayBean
@Component("caseRegistrationListener")
public class CaseRegistrationListener implements ExecutionListener {

  private final CaseRegistry caseRegistry;
  private final Deadlines deadlines;
  private final ObjectMapper json;

  public CaseRegistrationListener(
      CaseRegistry caseRegistry, Deadlines deadlines, ObjectMapper json) {
    this.json = json;
    this.caseRegistry = caseRegistry;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    VariableReader input = VariableReader.of(execution);
    Signal signal =
        new Signal(
            input.string(CLIENT_REFERENCE),
            input.date(DUE_DATE),
            input.integer(GESTATIONAL_AGE_WEEKS),
            input.codes(RISK_DOMAINS, json),
            input.string(SIGNALLING_DISCIPLINE));
    SignalledClient client =
        new SignalledClient(
            dossierOnly(execution, input, SignalledClient.BSN_FIELD),
            dossierOnlyDate(execution, input, SignalledClient.BIRTH_DATE_FIELD),
            dossierOnly(execution, input, SignalledClient.POSTCODE_FIELD));
    for (String field : SignalledClient.FIELDS) {
      execution.removeVariable(field);
      execution.removeVariable(SignalledClient.heldAs(field));
    }
    var authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    SignalSource source =
        new SignalSource(
            Actors.current(execution.getProcessEngineServices()),
            authentication == null || authentication.getGroupIds() == null
                ? List.of()
                : authentication.getGroupIds(),
            execution.getTenantId());
    SignalOutcome outcome;
    try {
      outcome = caseRegistry.openOrMatch(signal, client, source, deadlines.now());
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.SIGNAL_INVALID);
    }
    if (outcome.matched()) {
      throw new SignalMatchesOpenCase(outcome, signal, source, deadlines.now());
    }
    String caseNumber = outcome.caseNumber();
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
  }

  /** A dossier-only field: held transient by the intake plugin, else (plain engine) as sent. */
  private static String dossierOnly(
      DelegateExecution execution, VariableReader input, String field) {
    return execution.hasVariable(SignalledClient.heldAs(field))
        ? input.string(SignalledClient.heldAs(field))
        : input.string(field);
  }

  private static java.time.LocalDate dossierOnlyDate(
      DelegateExecution execution, VariableReader input, String field) {
    return execution.hasVariable(SignalledClient.heldAs(field))
        ? input.date(SignalledClient.heldAs(field))
        : input.date(field);
  }
}
