package nl.zorgpad.pathway;

import java.util.List;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Violation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * The shape of every check of a completed task in the MDO and meldcode steps: an execution
 * listener on the task's {@code end} (see {@link ConsentDecisionListener} for why not a task
 * listener) that skips cancelled tasks, refuses broken rules with HTTP 400 and a Dutch message
 * ({@link PathwayValidation}), and otherwise records what the step decided.
 */
abstract class CompletionCheck implements ExecutionListener {

  private final String subject;
  private final int code;

  CompletionCheck(String subject, int code) {
    this.subject = subject;
    this.code = code;
  }

  @Override
  public final void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return; // the task was cancelled (e.g. by a timer), not completed: nothing to check
    }
    VariableReader input = VariableReader.of(execution);
    List<Violation> violations = check(execution, input);
    try {
      InvalidInputException.throwIfAny(subject, violations);
      completed(execution, input);
    } catch (InvalidInputException invalid) {
      throw PathwayValidation.refuse(invalid, code);
    }
  }

  /** The rules the completed step breaks; empty when it may complete. */
  abstract List<Violation> check(DelegateExecution execution, VariableReader input);

  /** What the step records once it passed the check; may refuse with InvalidInputException. */
  void completed(DelegateExecution execution, VariableReader input) {}
}
