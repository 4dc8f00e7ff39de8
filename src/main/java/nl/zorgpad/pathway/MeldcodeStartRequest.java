package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.MELDCODE_CASE_NUMBER;
import static nl.zorgpad.pathway.PathwayVariables.MELDCODE_STARTED_BY;

import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.casus.CaseNumbers;
import nl.zorgpad.casus.DossierGuard;
import nl.zorgpad.casus.DossierPart;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.discipline.GroupDisciplines;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.stereotype.Component;

/**
 * The Tasklist's way for any involved discipline — the GP included — to start the meldcode in a
 * case (issue 11, meldrecht): the start form of {@code zorgpad-meldcode-starten} names the case
 * and the caller's own discipline; this listener on its start event checks both, asks
 * need-to-know whether she is involved in the case, and delivers the message
 * {@code MeldcodeStarten} to the case. The meldcode runs without the client's consent (Wmo 2015
 * art. 5.2.6). A closed case, an unknown case and a case she is not involved in are refused
 * with a Dutch message (HTTP 400), in one transaction with nothing started.
 *
 * <p>As in the case API, the involvement check is the authorization of this message: the
 * correlation runs as the caller (the operation log names her) with the engine's authorization
 * check switched off for it; the tenant check (her coalition) stays on.
 */
@PathwayBean
@Component("meldcodeStartRequest")
public class MeldcodeStartRequest implements ExecutionListener {

  private static final GroupDisciplines DISCIPLINES = GroupDisciplines.byPrefix();

  private final DossierGuard guard;

  public MeldcodeStartRequest(DossierGuard guard) {
    this.guard = guard;
  }

  @Override
  public void notify(DelegateExecution execution) {
    VariableReader input = VariableReader.of(execution);
    String caseNumber = input.string(MELDCODE_CASE_NUMBER);
    String startedBy = input.string(MELDCODE_STARTED_BY);
    String userId = Actors.current(execution.getProcessEngineServices());
    List<String> groups = groups(execution, userId);
    List<Violation> violations = new ArrayList<>();
    if (!CaseNumbers.isValid(caseNumber)) {
      violations.add(
          new Violation(
              MELDCODE_CASE_NUMBER,
              "must match " + CaseNumbers.PATTERN.pattern(),
              "violation.meldcodeStart.meldcodeCaseNumber.format"));
    }
    if (startedBy == null || !Disciplines.ALL.contains(startedBy)) {
      violations.add(
          new Violation(
              MELDCODE_STARTED_BY,
              "must be one of " + Disciplines.ALL,
              "violation.meldcodeStart.meldcodeStartedBy.unknown"));
    } else if (groups.stream()
        .map(DISCIPLINES::disciplineOf)
        .noneMatch(discipline -> discipline.filter(startedBy::equals).isPresent())) {
      violations.add(
          new Violation(
              MELDCODE_STARTED_BY,
              "not one of the caller's disciplines",
              "violation.meldcodeStart.meldcodeStartedBy.notOwnDiscipline"));
    }
    refuseIfAny(violations);
    Actor actor = new Actor(userId, userId, groups, null);
    if (!guard.decide(caseNumber, DossierPart.CASE_SUMMARY, actor).allowed()) {
      refuseIfAny(
          List.of(
              new Violation(
                  MELDCODE_CASE_NUMBER,
                  "unknown case or caller not involved",
                  "violation.meldcodeStart.meldcodeCaseNumber.unknown",
                  caseNumber)));
    }
    execution.setProcessBusinessKey(caseNumber);
    execution.setVariable(CASE_NUMBER, caseNumber);
    if (correlate(execution, caseNumber, startedBy).isEmpty()) {
      refuseIfAny(
          List.of(
              new Violation(
                  MELDCODE_CASE_NUMBER,
                  "no process of the case waits for " + PathwayMessages.START_REPORTING_CODE,
                  "violation.meldcodeStart.meldcodeCaseNumber.closed",
                  caseNumber)));
    }
  }

  private static List<MessageCorrelationResult> correlate(
      DelegateExecution execution, String caseNumber, String startedBy) {
    CommandContext commandContext = Context.getCommandContext();
    boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
    commandContext.disableAuthorizationCheck();
    try {
      return execution
          .getProcessEngineServices()
          .getRuntimeService()
          .createMessageCorrelation(PathwayMessages.START_REPORTING_CODE)
          .processInstanceBusinessKey(caseNumber)
          .setVariable(MELDCODE_STARTED_BY, startedBy)
          .correlateAllWithResult();
    } finally {
      if (wasEnabled) {
        commandContext.enableAuthorizationCheck();
      }
    }
  }

  private static List<String> groups(DelegateExecution execution, String userId) {
    Authentication authentication =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null
        && authentication.getGroupIds() != null
        && !authentication.getGroupIds().isEmpty()) {
      return List.copyOf(authentication.getGroupIds());
    }
    return execution
        .getProcessEngineServices()
        .getIdentityService()
        .createGroupQuery()
        .groupMember(userId)
        .list()
        .stream()
        .map(group -> group.getId())
        .toList();
  }

  private static void refuseIfAny(List<Violation> violations) {
    try {
      InvalidInputException.throwIfAny("meldcode start", violations);
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, PathwayValidation.MELDCODE_START_INVALID);
    }
  }
}
