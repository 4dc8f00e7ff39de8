package nl.zorgpad.casus;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input for a case (a signal, a consent decision, a handover, a home-visit decision) broke a rule.
 * The message is English (logs, API docs); {@link #dutchMessage()} is what the caregiver reads.
 */
public class InvalidInputException extends RuntimeException {

  private final String subject;
  private final List<Violation> violations;

  public InvalidInputException(String subject, List<Violation> violations) {
    super(
        "Invalid "
            + subject
            + ": "
            + violations.stream()
                .map(v -> v.field() + " " + v.problem())
                .collect(Collectors.joining("; ")));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an invalid input needs at least one violation");
    }
    this.subject = subject;
    this.violations = List.copyOf(violations);
  }

  /** Throws when there is at least one violation. */
  public static void throwIfAny(String subject, List<Violation> violations) {
    if (!violations.isEmpty()) {
      throw new InvalidInputException(subject, violations);
    }
  }

  public String subject() {
    return subject;
  }

  public List<Violation> violations() {
    return violations;
  }

  /** All Dutch messages, one sentence each, in input order. */
  public String dutchMessage() {
    return violations.stream().map(Violation::dutchMessage).collect(Collectors.joining(" "));
  }
}
