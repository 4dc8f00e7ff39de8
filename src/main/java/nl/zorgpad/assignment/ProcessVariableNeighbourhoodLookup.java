package nl.zorgpad.assignment;

import java.util.Optional;
import java.util.function.Function;

/**
 * The default {@link CaseNeighbourhoodLookup}: the process variable {@code neighbourhood}, which
 * holds a neighbourhood code — never an address or postcode (no address in process variables,
 * docs/architecture.md).
 */
public class ProcessVariableNeighbourhoodLookup implements CaseNeighbourhoodLookup {

  public static final String VARIABLE = "neighbourhood";

  @Override
  public Optional<String> neighbourhoodOf(
      String caseNumber, Function<String, Object> processVariable) {
    Object value = processVariable.apply(VARIABLE);
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.toString().strip());
  }
}
