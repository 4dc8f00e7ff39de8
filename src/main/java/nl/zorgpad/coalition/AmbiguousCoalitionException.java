package nl.zorgpad.coalition;

import java.util.List;
import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A case must belong to exactly one coalition: a user who is a member of two cannot start one
 * until an administrator leaves her in one (decision 0005). The message is Dutch because the
 * Tasklist shows the engine's message to the user as it is. A form validation exception, because
 * that is the one the REST API answers with 400 ({@code nl.zorgpad.pathway.PathwayValidation}).
 */
public class AmbiguousCoalitionException extends FormFieldValidationException {

  /** Zorgpad error code (docs/decisions/0005-coalitions-as-tenants.md). */
  public static final int CODE = 22050;

  public AmbiguousCoalitionException(List<String> coalitions) {
    super(java.util.Map.of("coalitions", List.copyOf(coalitions)), dutchMessage(coalitions));
    setCode(CODE);
  }

  /** What the user reads, in the Tasklist (this exception) and from the signal API (409). */
  public static String dutchMessage(List<String> coalitions) {
    return DutchText.of("coalition.ambiguous", String.join(", ", coalitions));
  }
}
