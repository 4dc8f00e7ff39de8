package nl.zorgpad.formcontract;

import java.util.List;
import java.util.stream.Collectors;
import nl.zorgpad.refusal.DutchText;
import nl.zorgpad.refusal.RefusalException;

/**
 * Variables outside the contract of the form (or message) they were sent to: 400, nothing is
 * stored. The English message names the variables and what is wrong, never their values (they
 * may be exactly the personal data this refusal keeps out).
 */
public class FormContractRefusal extends RefusalException {

  /** The refusal's code for API clients. */
  public static final String CODE = "form-contract";

  private final transient List<Contract.Violation> violations;

  FormContractRefusal(String where, List<Contract.Violation> violations) {
    super(
        400,
        CODE,
        "Variables outside the form contract of "
            + where
            + ": "
            + violations.stream()
                .map(v -> v.variable() + " " + v.problem())
                .collect(Collectors.joining("; ")),
        DutchText.of("formcontract.refused")
            + " "
            + violations.stream()
                .map(Contract.Violation::userMessage)
                .distinct()
                .collect(Collectors.joining(" ")));
    this.violations = List.copyOf(violations);
  }

  /** An operation through which users may not write variables at all. */
  FormContractRefusal(String operation) {
    this(operation, "formcontract.noDirectVariables");
  }

  FormContractRefusal(String operation, String dutchKey) {
    super(400, CODE, "Users may not write variables through " + operation, DutchText.of(dutchKey));
    this.violations = List.of();
  }

  public List<Contract.Violation> violations() {
    return violations;
  }
}
