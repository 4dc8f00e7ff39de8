package nl.zorgpad.assignment;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where a case lives, as a neighbourhood code of the sociale kaart (e.g. {@code utrecht-lombok}):
 * what team assignment needs to know about a case, and nothing more. The bean
 * (AssignmentConfiguration) reads the dossier, else the process variable {@code neighbourhood}
 * ({@link ProcessVariableNeighbourhoodLookup}).
 *
 * <p>Called while the engine creates a task, inside its transaction: the case may have been
 * started in the same transaction, so implementations must not rely on committed engine data.
 */
@FunctionalInterface
public interface CaseNeighbourhoodLookup {

  /**
   * @param caseNumber the case number (business key), or null when the task has none
   * @param processVariable the value of a process variable as seen from the task (its own
   *     process first, then the processes that called it), or null when not set
   * @return the neighbourhood code, or empty when unknown
   */
  Optional<String> neighbourhoodOf(String caseNumber, Function<String, Object> processVariable);
}
