package nl.zorgpad.modeling;

import java.util.List;

/**
 * The groups a user task may be given to: the disciplines and teams of the sociale kaart
 * ({@link EngineCandidateGroupCatalog} reads them from the engine's groups).
 */
public interface CandidateGroupCatalog {

  /** Id (candidate group) and Dutch display name, in the order they are offered. */
  List<Option> candidateGroups();

  record Option(String id, String name) {}
}
