package nl.zorgpad.modeling;

import java.util.Set;

/**
 * What a model may refer to: the groups a user task can be given to (disciplines and teams of the
 * sociale kaart), and the forms, processes and decisions that are deployed or deployed together
 * with the model.
 */
public record ValidationContext(
    Set<String> candidateGroups,
    Set<String> formIds,
    Set<String> processKeys,
    Set<String> decisionKeys) {

  public ValidationContext {
    candidateGroups = Set.copyOf(candidateGroups);
    formIds = Set.copyOf(formIds);
    processKeys = Set.copyOf(processKeys);
    decisionKeys = Set.copyOf(decisionKeys);
  }
}
