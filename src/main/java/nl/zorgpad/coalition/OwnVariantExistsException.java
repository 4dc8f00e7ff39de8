package nl.zorgpad.coalition;

import nl.zorgpad.refusal.DutchText;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A user of a coalition that has its own variant of a pathway started the shared one (the
 * Tasklist lists both). Refused, so that a coalition's cases always follow the coalition's own
 * variant (decision 0005). Dutch, because the Tasklist shows it as it is; a form validation
 * exception, because that is the one the REST API answers with 400.
 */
public class OwnVariantExistsException extends FormFieldValidationException {

  /** Zorgpad error code (docs/decisions/0005-coalitions-as-tenants.md). */
  public static final int CODE = 22051;

  public OwnVariantExistsException(String processDefinitionKey, String coalition) {
    super(
        java.util.Map.of("coalition", coalition, "pathway", processDefinitionKey),
        DutchText.of("coalition.ownVariantExists", coalition));
    setCode(CODE);
  }
}
