package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.GENERAL_PRACTITIONER_INVOLVED;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_RECIPIENTS;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_REQUESTING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.SIGNALLING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.START_MELDCODE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import nl.zorgpad.casus.Disciplines;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Casus aannemen": the regiehouder chose the disciplines that get a warm handover
 * (each a known caregiver discipline other than the sender and the regiehouder role) and who
 * decides on the PHB — the midwife or the buurtteam (vuistregel 7). Stores the recipients as a
 * list (the multi-instance collection) and whether a huisarts is involved (vuistregel 7: the GP
 * is told about a PHB the buurtteam requests). An execution listener on the task's {@code end}
 * (see {@link ConsentDecisionListener}).
 */
@PathwayBean
@Component("caseAcceptanceListener")
public class CaseAcceptanceListener implements ExecutionListener {

  /** Vuistregel 7: besides the midwife, the buurtteam may request the PHB. */
  static final List<String> HOME_VISIT_REQUESTERS =
      List.of(Disciplines.VERLOSKUNDIGE, Disciplines.BUURTTEAM);

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    String sender = input.string(SIGNALLING_DISCIPLINE);
    List<String> recipients =
        new ArrayList<>(new LinkedHashSet<>(input.codes(HANDOVER_RECIPIENTS)));
    List<Violation> violations = new ArrayList<>();
    for (String recipient : recipients) {
      if (!Disciplines.ALL.contains(recipient) || Disciplines.REGIEHOUDER.equals(recipient)) {
        violations.add(new Violation(HANDOVER_RECIPIENTS, "unknown discipline " + recipient,
            "Onbekende discipline voor de overdracht; kies uit de lijst."));
      } else if (recipient.equals(sender)) {
        violations.add(new Violation(HANDOVER_RECIPIENTS, "is the sender " + recipient,
            "De signalerende discipline draagt over; kies haar niet als ontvanger."));
      }
    }
    String requester = input.string(HOME_VISIT_REQUESTING_DISCIPLINE);
    if (!HOME_VISIT_REQUESTERS.contains(requester)) {
      violations.add(new Violation(HOME_VISIT_REQUESTING_DISCIPLINE,
          "must be verloskundige or buurtteam",
          "Kies wie het prenataal huisbezoek aanvraagt: de verloskundige of het buurtteam."));
    }
    try {
      InvalidInputException.throwIfAny("case acceptance", violations);
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.CASE_ACCEPTANCE_INVALID);
    }
    execution.setVariable(HANDOVER_RECIPIENTS, recipients);
    // an unticked checkbox may arrive as nothing: not starting the meldcode
    execution.setVariable(START_MELDCODE, Boolean.TRUE.equals(input.bool(START_MELDCODE)));
    execution.setVariable(GENERAL_PRACTITIONER_INVOLVED,
        Disciplines.HUISARTS.equals(sender) || recipients.contains(Disciplines.HUISARTS));
  }
}
