package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.CLIENT_INFORMED;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_DATE;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_METHOD;
import static nl.zorgpad.pathway.PathwayVariables.RECIPIENT_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.SENDER_DISCIPLINE;

import nl.zorgpad.casus.Handover;
import nl.zorgpad.casus.HandoverRegistry;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * On completing "Overdracht formeel vastleggen": the handover must name a formal method and a
 * date that has passed (vuistregel 3), and the client must have been told (vuistregels 1, 6).
 * A valid handover is written to the dossier as a handover record (issue 4), in the engine's
 * transaction. An execution listener on the task's {@code end} (see
 * {@link ConsentDecisionListener}).
 */
@PathwayBean
@Component("handoverRecordListener")
public class HandoverRecordListener implements ExecutionListener {

  private final Deadlines deadlines;
  private final HandoverRegistry handovers;

  /** Checks only, records nothing (plain-engine process tests). */
  public HandoverRecordListener(Deadlines deadlines) {
    this(deadlines, HandoverRegistry.NONE);
  }

  @Autowired
  public HandoverRecordListener(Deadlines deadlines, HandoverRegistry handovers) {
    this.deadlines = deadlines;
    this.handovers = handovers;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    Handover handover =
        new Handover(
            input.string(HANDOVER_METHOD), input.date(HANDOVER_DATE), input.bool(CLIENT_INFORMED));
    try {
      InvalidInputException.throwIfAny("handover", handover.check(deadlines.now().toLocalDate()));
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.HANDOVER_INVALID);
    }
    String caseNumber = input.string(CASE_NUMBER);
    if (caseNumber == null) {
      caseNumber = execution.getProcessBusinessKey();
    }
    handovers.recordHandover(
        caseNumber,
        execution.getProcessInstanceId(),
        input.string(SENDER_DISCIPLINE),
        input.string(RECIPIENT_DISCIPLINE),
        handover,
        Actors.current(execution.getProcessEngineServices()));
  }
}
