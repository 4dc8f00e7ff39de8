package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_REFUSAL_REASON;
import static nl.zorgpad.pathway.PathwayVariables.RECIPIENT_DISCIPLINE;

import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentPurpose;
import nl.zorgpad.consent.ConsentReason;
import nl.zorgpad.consent.ConsentRegistry;
import nl.zorgpad.consent.ConsentStatement;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The client withdraws her consent for one recipient discipline (message
 * {@code ToestemmingIntrekken}): recorded as WITHDRAWN for the purpose {@code warme-overdracht},
 * so that every later handover to that recipient stops at its consent check. The reason is
 * the optional payload {@code consentRefusalReason} (a {@link ConsentReason} code; default
 * {@code andere-reden}). An execution listener on the end of the message start event, so a
 * refusal reaches the caller unchanged (see {@link ConsentDecisionListener}).
 */
@PathwayBean
@Component("consentWithdrawal")
public class ConsentWithdrawal implements ExecutionListener {

  private final ConsentRegistry consentRegistry;
  private final Deadlines deadlines;

  public ConsentWithdrawal(ConsentRegistry consentRegistry, Deadlines deadlines) {
    this.consentRegistry = consentRegistry;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    VariableReader input = VariableReader.of(execution);
    String reason = input.string(CONSENT_REFUSAL_REASON);
    ConsentStatement statement =
        new ConsentStatement(
            input.string(CASE_NUMBER),
            input.string(RECIPIENT_DISCIPLINE),
            ConsentPurpose.WARM_HANDOVER.code(),
            ConsentDecision.WITHDRAWN,
            reason == null ? ConsentReason.OTHER.code() : reason,
            Actors.current(execution.getProcessEngineServices()),
            deadlines.now());
    try {
      consentRegistry.record(statement);
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.CONSENT_WITHDRAWAL_INVALID);
    }
  }
}
