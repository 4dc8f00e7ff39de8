package nl.zorgpad.modeling;

/**
 * One finding of the validation before deploy, shown on the diagram element it is about.
 *
 * @param resource the resource name ({@code processes/….bpmn}, {@code forms/….form})
 * @param elementId the BPMN/DMN element or form component id; null when it is about the whole file
 * @param severity {@link Severity#ERROR} blocks the deploy, {@link Severity#WARNING} does not
 * @param rule a stable rule id (for tests and docs/workbench.md)
 * @param message the Dutch text the coordinator reads
 */
public record ValidationIssue(
    String resource, String elementId, Severity severity, String rule, String message)
    implements java.io.Serializable {

  public enum Severity {
    ERROR,
    WARNING
  }

  static ValidationIssue error(String resource, String elementId, String rule, String message) {
    return new ValidationIssue(resource, elementId, Severity.ERROR, rule, message);
  }

  static ValidationIssue warning(String resource, String elementId, String rule, String message) {
    return new ValidationIssue(resource, elementId, Severity.WARNING, rule, message);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }
}
