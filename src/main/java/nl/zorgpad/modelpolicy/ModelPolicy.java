package nl.zorgpad.modelpolicy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Document;

/**
 * Zorgpad's model policy (decision 0006, docs/model-policy.md): models are code, so a BPMN, DMN
 * or form is checked before the engine accepts it, whatever the door (the engine's pre-deployer
 * {@link ModelPolicyDeployer}, the workbench's validation, the start-up report). One
 * implementation for all of them.
 */
public final class ModelPolicy {

  public static final String RULE_DOCTYPE = "no-doctype";
  public static final String RULE_UNREADABLE = "unreadable";
  public static final String RULE_RESOURCE_TYPE = "resource-type";

  private final PathwayBeans beans;
  private final ExpressionPolicy expressions;
  private final ObjectMapper json;

  /** The policy for the given pathway beans; {@code json} reads forms (Spring's mapper). */
  public ModelPolicy(PathwayBeans beans, ObjectMapper json) {
    this.beans = beans;
    this.json = json;
    this.expressions = new ExpressionPolicy(beans);
  }

  public PathwayBeans beans() {
    return beans;
  }

  public ExpressionPolicy expressions() {
    return expressions;
  }

  /** The kinds of file a deployment may hold. */
  public enum Kind {
    BPMN,
    DMN,
    FORM
  }

  public static Kind kind(String resourceName) {
    String name = resourceName == null ? "" : resourceName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml")) {
      return Kind.BPMN;
    }
    if (name.endsWith(".dmn") || name.endsWith(".dmn11.xml")) {
      return Kind.DMN;
    }
    if (name.endsWith(".form")) {
      return Kind.FORM;
    }
    return null;
  }

  /** Everything wrong with one file; empty when the engine may take it. */
  public List<PolicyViolation> check(String resource, byte[] content) {
    return inspect(resource, content).violations();
  }

  /** All files of one deployment. */
  public List<PolicyViolation> check(Map<String, byte[]> resources) {
    List<PolicyViolation> all = new ArrayList<>();
    resources.forEach((name, content) -> all.addAll(check(name, content)));
    return all;
  }

  /**
   * @param violations what is wrong
   * @param formRefs the forms a BPMN file names literally ({@code camunda:formRef})
   */
  record Inspection(List<PolicyViolation> violations, Set<String> formRefs) {}

  Inspection inspect(String resource, byte[] content) {
    Kind kind = kind(resource);
    if (kind == null) {
      return new Inspection(
          List.of(
              new PolicyViolation(
                  resource,
                  null,
                  RULE_RESOURCE_TYPE,
                  PolicyMessages.text("file.type"),
                  resource + ": not a .bpmn, .dmn or .form file")),
          Set.of());
    }
    byte[] bytes = content == null ? new byte[0] : content;
    if (kind == Kind.FORM) {
      return new Inspection(List.copyOf(new FormPolicy(resource, json).check(bytes)), Set.of());
    }
    Document document;
    try {
      document = SecureXml.parse(bytes);
    } catch (SecureXml.UnreadableXml e) {
      boolean doctype = e.failure() == SecureXml.Failure.DOCTYPE;
      return new Inspection(
          List.of(
              new PolicyViolation(
                  resource,
                  null,
                  doctype ? RULE_DOCTYPE : RULE_UNREADABLE,
                  PolicyMessages.text(doctype ? "file.doctype" : "file.unreadableXml"),
                  resource + ": " + e.getMessage())),
          Set.of());
    }
    if (kind == Kind.DMN) {
      return new Inspection(List.copyOf(new DmnPolicy(resource).check(document)), Set.of());
    }
    BpmnPolicy bpmn = new BpmnPolicy(resource, beans, expressions).check(document);
    return new Inspection(List.copyOf(bpmn.violations()), Set.copyOf(bpmn.formRefs()));
  }
}
