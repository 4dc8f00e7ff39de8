package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_STATUS;
import static nl.zorgpad.pathway.PathwayVariables.RECIPIENT_DISCIPLINE;

import nl.zorgpad.consent.ConsentPurpose;
import nl.zorgpad.consent.ConsentRegistry;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a warm handover (issue 3, item 3): what the consent register holds for this case,
 * this recipient and the purpose {@code warme-overdracht}. Sets {@code consentStatus} to GIVEN,
 * REFUSED, WITHDRAWN or NONE; the BPMN decides what follows (a withdrawal stops the handover).
 */
@PathwayBean
@Component("consentCheck")
public class ConsentCheck implements JavaDelegate {

  static final String NONE = "NONE";

  private final ConsentRegistry consentRegistry;

  public ConsentCheck(ConsentRegistry consentRegistry) {
    this.consentRegistry = consentRegistry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VariableReader input = VariableReader.of(execution);
    String status = consentRegistry.currentDecision(input.string(CASE_NUMBER),
            input.string(RECIPIENT_DISCIPLINE), ConsentPurpose.WARM_HANDOVER.code())
        .map(Enum::name).orElse(NONE);
    execution.setVariable(CONSENT_STATUS, status);
  }
}
