package nl.zorgpad.coalition;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A case must belong to exactly one coalition: a user who is a member of two cannot start one
 * until an administrator leaves her in one (decision 0005). The message is Dutch because the
 * Tasklist shows the engine's message to the user as it is; the REST API answers 400.
 */
public class AmbiguousCoalitionException extends BadUserRequestException {

  private final transient List<String> coalitions;

  public AmbiguousCoalitionException(String userId, List<String> coalitions) {
    super("U hoort bij meer dan één coalitie (" + String.join(", ", coalitions)
        + "); een casus hoort bij precies één coalitie. Vraag de beheerder u in één coalitie"
        + " te plaatsen. [user " + userId + " is a member of tenants " + coalitions + "]");
    this.coalitions = List.copyOf(coalitions);
  }

  public List<String> coalitions() {
    return coalitions;
  }
}
