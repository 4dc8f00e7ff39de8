package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.GENERAL_PRACTITIONER_INVOLVED;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_RECIPIENTS;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_REQUESTING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.SIGNALLING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.START_MELDCODE;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import nl.zorgpad.casus.CaseTeams;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentPurpose;
import nl.zorgpad.consent.ConsentRegistry;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * On completing "Casus aannemen": the regiehouder chose the disciplines that get a warm handover
 * (each a known caregiver discipline other than the sender and the regiehouder role) and who
 * decides on the PHB — the midwife or the buurtteam (vuistregel 7). Stores the recipients as a
 * list (the multi-instance collection) and whether a huisarts is involved (vuistregel 7: the GP
 * is told about a PHB the buurtteam requests). An execution listener on the task's {@code end}
 * (see {@link ConsentDecisionListener}).
 *
 * <p>As the task's {@code complete} listener it records who accepted: she and her team become
 * the case's regiehouder in the dossier (involvement {@code CARE_COORDINATOR}; issue 11), so
 * that later regie tasks go to her team ({@link CaseTeamGroups#careCoordinator}). Her team is
 * the candidate group of the task she is a member of, or her own team of the regiehouder's
 * discipline when the task went to the whole discipline. The end listener's check runs after it
 * in the same transaction: a refused answer records nothing.
 */
@PathwayBean
@Component("caseAcceptanceListener")
public class CaseAcceptanceListener implements ExecutionListener, TaskListener {

  /** Vuistregel 7: besides the midwife, the buurtteam may request the PHB. */
  static final List<String> HOME_VISIT_REQUESTERS =
      List.of(Disciplines.VERLOSKUNDIGE, Disciplines.BUURTTEAM);

  private final CaseTeams caseTeams;
  private final ConsentRegistry consentRegistry;
  private final ObjectMapper json;

  @Autowired
  public CaseAcceptanceListener(
      CaseTeams caseTeams, ConsentRegistry consentRegistry, ObjectMapper json) {
    this.json = json;
    this.caseTeams = caseTeams;
    this.consentRegistry = consentRegistry;
  }

  /** On complete: the user who accepted, with her team, is the case's regiehouder. */
  @Override
  public void notify(DelegateTask task) {
    if (task.getExecution() == null) {
      return;
    }
    String userId = Actors.current(task.getProcessEngineServices());
    if (Actors.SYSTEM.equals(userId) && task.getAssignee() != null) {
      userId = task.getAssignee();
    }
    if (Actors.SYSTEM.equals(userId)) {
      return; // nobody accepted in person (a tool or test without a user): no regiehouder yet
    }
    String discipline =
        VariableReader.of(task).string(PathwayVariables.CARE_COORDINATOR_DISCIPLINE);
    List<String> candidates = new ArrayList<>();
    for (IdentityLink link : task.getCandidates()) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        candidates.add(link.getGroupId());
      }
    }
    String team =
        UserTeams.of(task.getProcessEngineServices(), userId)
            .teamOf(discipline, candidates)
            .orElse(candidates.isEmpty() ? discipline : candidates.get(0));
    caseTeams.recordCareCoordinator(
        CaseTeamGroups.caseNumber(task.getExecution()), team, discipline, userId);
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled, not completed: there is no answer to check
    }
    VariableReader input = VariableReader.of(execution);
    String sender = input.string(SIGNALLING_DISCIPLINE);
    List<String> recipients =
        new ArrayList<>(new LinkedHashSet<>(input.codes(HANDOVER_RECIPIENTS, json)));
    List<Violation> violations = new ArrayList<>();
    for (String recipient : recipients) {
      if (!Disciplines.ALL.contains(recipient) || Disciplines.REGIEHOUDER.equals(recipient)) {
        violations.add(
            new Violation(
                HANDOVER_RECIPIENTS,
                "unknown discipline " + recipient,
                "violation.acceptance.handoverRecipients.unknown"));
      } else if (recipient.equals(sender)) {
        violations.add(
            new Violation(
                HANDOVER_RECIPIENTS,
                "is the sender " + recipient,
                "violation.acceptance.handoverRecipients.isSender"));
      }
    }
    String requester = input.string(HOME_VISIT_REQUESTING_DISCIPLINE);
    if (!HOME_VISIT_REQUESTERS.contains(requester)) {
      violations.add(
          new Violation(
              HOME_VISIT_REQUESTING_DISCIPLINE,
              "must be verloskundige or buurtteam",
              "violation.acceptance.homeVisitRequestingDiscipline.required"));
    }
    try {
      InvalidInputException.throwIfAny("case acceptance", violations);
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.CASE_ACCEPTANCE_INVALID);
    }
    execution.setVariable(HANDOVER_RECIPIENTS, recipients);
    // one consent task for this moment (issue 11): every recipient without a consent on record
    // (never asked, or refused at an earlier moment); a withdrawal is not asked again here
    String caseNumber = CaseTeamGroups.caseNumber(execution);
    List<String> toAsk =
        recipients.stream()
            .filter(
                recipient ->
                    consentRegistry
                        .currentDecision(caseNumber, recipient, ConsentPurpose.WARM_HANDOVER.code())
                        .map(decision -> decision == ConsentDecision.REFUSED)
                        .orElse(true))
            .toList();
    execution.setVariable(PathwayVariables.HANDOVER_CONSENT_RECIPIENTS, new ArrayList<>(toAsk));
    execution.setVariable(PathwayVariables.HANDOVER_CONSENT_NEEDED, !toAsk.isEmpty());
    // an unticked checkbox may arrive as nothing: not starting the meldcode; when the triage
    // advised it, it runs since the triage (the signaller's meldcode) and the form does not offer
    // a second one
    execution.setVariable(
        START_MELDCODE,
        Boolean.TRUE.equals(input.bool(START_MELDCODE))
            && !Boolean.TRUE.equals(input.bool(PathwayVariables.MELDCODE_ADVISED)));
    execution.setVariable(
        GENERAL_PRACTITIONER_INVOLVED,
        Disciplines.HUISARTS.equals(sender) || recipients.contains(Disciplines.HUISARTS));
  }
}
