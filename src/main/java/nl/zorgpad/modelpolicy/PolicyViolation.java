package nl.zorgpad.modelpolicy;

/**
 * One reason a model is refused.
 *
 * @param resource the resource name ({@code processes/….bpmn})
 * @param elementId the BPMN/DMN element or form component it is about; null for the whole file
 * @param rule a stable rule id (docs/model-policy.md)
 * @param message what the coordinator reads, in Dutch, naming the element
 * @param detail English, for logs
 */
public record PolicyViolation(
    String resource, String elementId, String rule, String message, String detail) {

  /** Rules after which nothing else in the file can be read (no parser may see it). */
  public boolean unreadable() {
    return rule.equals(ModelPolicy.RULE_DOCTYPE)
        || rule.equals(ModelPolicy.RULE_UNREADABLE)
        || rule.equals(ModelPolicy.RULE_RESOURCE_TYPE);
  }
}
