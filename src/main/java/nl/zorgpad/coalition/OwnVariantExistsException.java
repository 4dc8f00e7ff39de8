package nl.zorgpad.coalition;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A user of a coalition that has its own variant of a pathway started the shared one (the
 * Tasklist lists both). Refused, so that a coalition's cases always follow the coalition's own
 * variant (decision 0005). Dutch, because the Tasklist shows it as it is.
 */
public class OwnVariantExistsException extends BadUserRequestException {

  public OwnVariantExistsException(String processDefinitionKey, String coalition) {
    super("Uw coalitie (" + coalition + ") heeft een eigen versie van dit zorgpad: start die"
        + " versie. [shared definition "
        + processDefinitionKey + " started by a member of tenant " + coalition
        + ", which has its own]");
  }
}
