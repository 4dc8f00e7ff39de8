package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.MELDCODE_STARTED;
import static nl.zorgpad.pathway.PathwayVariables.MELDRECHT_FOLLOW_UP;
import static nl.zorgpad.pathway.PathwayVariables.REFUSAL_FOLLOW_UP;

import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.modelpolicy.PathwayBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The checks of the signaller's two decisions after a refused consent (issue 11, meldrecht).
 * Closing is refused while a meldcode of the case runs: a refused consent never ends a case in
 * which the safety of mother or child is being weighed (Wmo 2015 art. 5.2.6; KNOV meldcode).
 */
final class RefusalFollowUpChecks {

  static final String CLOSE_CASE = "casus-sluiten";
  static final String START_MELDCODE = "meldcode-starten";
  static final String ASK_AGAIN = "opnieuw-vragen";

  /** The called process of every meldcode trajectory of a case. */
  static final String MELDCODE_PROCESS = "zorgpad-meldcode";

  private RefusalFollowUpChecks() {}

  /**
   * "Geen toestemming: casus sluiten of meldcode starten?": no safety concerns were known; the
   * signaller closes the case, or starts the meldcode after all (afwegingskader question 1).
   */
  @PathwayBean
  @Component("refusalFollowUpCheck")
  public static class NoSafetyConcerns extends CompletionCheck {

    public NoSafetyConcerns() {
      super("refusal follow-up", PathwayValidation.REFUSAL_FOLLOW_UP_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return RefusalFollowUpChecks.check(
          execution,
          REFUSAL_FOLLOW_UP,
          input.string(REFUSAL_FOLLOW_UP),
          List.of(CLOSE_CASE, START_MELDCODE),
          "violation.refusalFollowUp.refusalFollowUp.required");
    }

    @Override
    void completed(DelegateExecution execution, VariableReader input) {
      if (START_MELDCODE.equals(input.string(REFUSAL_FOLLOW_UP))) {
        // safety is at stake from now on: a later refusal keeps the case open too
        execution.setVariable(MELDCODE_STARTED, true);
      }
    }
  }

  /**
   * "Meldcode zonder toestemming: opnieuw vragen of sluiten?": ask consent again, or close the
   * case once no meldcode runs any more.
   */
  @PathwayBean
  @Component("meldrechtFollowUpCheck")
  public static class MeldcodeWithoutConsent extends CompletionCheck {

    public MeldcodeWithoutConsent() {
      super("meldrecht follow-up", PathwayValidation.REFUSAL_FOLLOW_UP_INVALID);
    }

    @Override
    List<Violation> check(DelegateExecution execution, VariableReader input) {
      return RefusalFollowUpChecks.check(
          execution,
          MELDRECHT_FOLLOW_UP,
          input.string(MELDRECHT_FOLLOW_UP),
          List.of(ASK_AGAIN, CLOSE_CASE),
          "violation.refusalFollowUp.meldrechtFollowUp.required");
    }
  }

  private static List<Violation> check(
      DelegateExecution execution,
      String field,
      String choice,
      List<String> allowed,
      String messageCode) {
    List<Violation> violations = new ArrayList<>();
    if (choice == null || !allowed.contains(choice)) {
      violations.add(new Violation(field, "must be one of " + allowed, messageCode));
    } else if (CLOSE_CASE.equals(choice) && meldcodeRuns(execution)) {
      violations.add(
          new Violation(
              field,
              "a meldcode of the case is running",
              "violation.refusalFollowUp.closeCase.meldcodeRunning"));
    }
    return violations;
  }

  /**
   * Whether a meldcode trajectory of this case is running: a {@value #MELDCODE_PROCESS} instance
   * called from this pathway (after the triage, at acceptance, after a new signal, at any moment
   * or after a refusal). Read from the engine's own execution tree, without a query.
   */
  static boolean meldcodeRuns(DelegateExecution execution) {
    return runs((ExecutionEntity) execution.getProcessInstance());
  }

  private static boolean runs(ExecutionEntity execution) {
    ExecutionEntity called = execution.getSubProcessInstance();
    if (called != null
        && !called.isEnded()
        && MELDCODE_PROCESS.equals(called.getProcessDefinition().getKey())) {
      return true;
    }
    for (ExecutionEntity child : execution.getExecutions()) {
      if (runs(child)) {
        return true;
      }
    }
    return false;
  }
}
