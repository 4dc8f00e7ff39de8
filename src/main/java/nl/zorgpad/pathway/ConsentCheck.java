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
 * REFUSED, REFUSED_ASK_AGAIN (refused, and the client agreed to be asked again later),
 * WITHDRAWN or NONE; the BPMN decides what follows (a withdrawal stops the handover).
 *
 * <p>A refusal counts as the answer for this handover only when it was asked at this moment
 * ({@code handoverConsentAsked}: one consent task for all recipients, issue 11); a refusal from
 * an earlier moment (e.g. before the birth, for the kraamzorg's handover to JGZ after it) is
 * REFUSED_EARLIER, and the sender asks again — vuistregel 4 asks consent for each handover.
 */
@PathwayBean
@Component("consentCheck")
public class ConsentCheck implements JavaDelegate {

  static final String NONE = "NONE";
  static final String REFUSED_ASK_AGAIN = "REFUSED_ASK_AGAIN";
  static final String REFUSED_EARLIER = "REFUSED_EARLIER";

  private final ConsentRegistry consentRegistry;

  public ConsentCheck(ConsentRegistry consentRegistry) {
    this.consentRegistry = consentRegistry;
  }

  @Override
  public void execute(DelegateExecution execution) {
    VariableReader input = VariableReader.of(execution);
    String caseNumber = input.string(CASE_NUMBER);
    String recipient = input.string(RECIPIENT_DISCIPLINE);
    String purpose = ConsentPurpose.WARM_HANDOVER.code();
    String status =
        consentRegistry
            .currentDecision(caseNumber, recipient, purpose)
            .map(Enum::name)
            .orElse(NONE);
    boolean askedNow = Boolean.TRUE.equals(input.bool(PathwayVariables.HANDOVER_CONSENT_ASKED));
    if (status.equals("REFUSED") && !askedNow) {
      status = REFUSED_EARLIER;
    } else if (status.equals("REFUSED")
        && consentRegistry.askAgainLater(caseNumber, recipient, purpose)) {
      status = REFUSED_ASK_AGAIN;
    }
    execution.setVariable(CONSENT_STATUS, status);
  }
}
