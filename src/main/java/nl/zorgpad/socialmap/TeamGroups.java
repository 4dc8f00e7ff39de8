package nl.zorgpad.socialmap;

/**
 * What the sociale kaart needs from the engine: one candidate group per team. Implemented in
 * {@code nl.zorgpad.assignment}, so that this package knows nothing about Camunda.
 */
public interface TeamGroups {

  /**
   * Makes sure the team's group exists (type WORKFLOW, named after the team) with the same rights
   * as its discipline group. Idempotent; called whenever a team is saved.
   */
  void ensureGroup(String groupId, String discipline, String name);

  /** Number of open tasks that have the group as candidate group. */
  long openTaskCount(String groupId);
}
