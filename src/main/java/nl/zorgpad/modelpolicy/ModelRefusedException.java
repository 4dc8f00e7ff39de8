package nl.zorgpad.modelpolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.zorgpad.refusal.UserRefusal;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;

/**
 * A deployment refused by the model policy. It is the engine's own {@link ParseException}, so
 * {@code /engine-rest/deployment/create} (and the webapps' copy of it) answer 400 with the
 * problems per resource and element id in {@code details}, as for any other model the engine
 * cannot parse; and a {@link UserRefusal} (400, {@code model-policy}) for Zorgpad's doors.
 *
 * <p>Unlike other refusals, {@link #getMessage()} is the Dutch text: Camunda's REST API and the
 * desktop Modeler show the exception message to the coordinator as it is, and the Tasklist's and
 * Modeler's users are Dutch. The English text for logs is {@link #logMessage()} (the one
 * {@link UserRefusal} method that every door's log line uses).
 */
public class ModelRefusedException extends ParseException implements UserRefusal {

  public static final String CODE = "model-policy";
  private static final int SHOWN = 10;

  private final transient List<PolicyViolation> violations;

  public ModelRefusedException(List<PolicyViolation> violations) {
    super(
        summary(violations),
        violations.get(0).resource(),
        problems(violations, violations.get(0).resource()),
        List.of());
    this.violations = List.copyOf(violations);
    Map<String, List<PolicyViolation>> byResource = byResource(violations);
    byResource.keySet().stream()
        .skip(1)
        .forEach(
            resource ->
                resorceReports.add(
                    new ParseException("", resource, problems(violations, resource), List.of())
                        .getResorceReports()
                        .get(0)));
  }

  public List<PolicyViolation> violations() {
    return violations;
  }

  @Override
  public int status() {
    return 400;
  }

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public String userMessage() {
    return getMessage();
  }

  @Override
  public String logMessage() {
    return englishMessage();
  }

  public String englishMessage() {
    return "Deployment refused by the model policy: "
        + violations.stream().map(PolicyViolation::detail).collect(Collectors.joining("; "));
  }

  private static String summary(List<PolicyViolation> violations) {
    List<String> shown = new ArrayList<>();
    for (PolicyViolation violation : violations.subList(0, Math.min(SHOWN, violations.size()))) {
      shown.add(PolicyMessages.text("refused.item", violation.resource(), violation.message()));
    }
    String text = String.join(" ", shown);
    if (violations.size() > SHOWN) {
      text += " " + PolicyMessages.text("refused.more", violations.size() - SHOWN);
    }
    return PolicyMessages.text("refused", text);
  }

  private static Map<String, List<PolicyViolation>> byResource(List<PolicyViolation> all) {
    Map<String, List<PolicyViolation>> result = new LinkedHashMap<>();
    all.forEach(v -> result.computeIfAbsent(v.resource(), r -> new ArrayList<>()).add(v));
    return result;
  }

  private static List<Problem> problems(List<PolicyViolation> violations, String resource) {
    List<Problem> problems = new ArrayList<>();
    for (PolicyViolation violation : violations) {
      if (violation.resource().equals(resource)) {
        problems.add(new PolicyProblem(violation));
      }
    }
    return problems;
  }

  /** A problem as the REST API shows it: the Dutch message and the element id. */
  private record PolicyProblem(String getMessage, String getMainElementId) implements Problem {

    PolicyProblem(PolicyViolation violation) {
      this(violation.message(), violation.elementId());
    }

    @Override
    public int getLine() {
      return 0;
    }

    @Override
    public int getColumn() {
      return 0;
    }

    @Override
    public List<String> getElementIds() {
      return getMainElementId == null ? List.of() : List.of(getMainElementId);
    }
  }
}
