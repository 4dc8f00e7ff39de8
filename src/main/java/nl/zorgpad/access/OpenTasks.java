package nl.zorgpad.access;

/** Whether a user holds an open task in a case (as candidate, through her groups, or assignee). */
@FunctionalInterface
public interface OpenTasks {

  boolean holdsOpenTask(String caseNumber, String userId, java.util.List<String> groupIds);

  /**
   * The cases among {@code caseNumbers} in which the user holds an open task, as
   * {@link #holdsOpenTask} decides per case; implementations answer in a bounded number of
   * queries (the default asks per case).
   */
  default java.util.Set<String> casesWithOpenTask(
      java.util.Collection<String> caseNumbers, String userId, java.util.List<String> groupIds) {
    java.util.Set<String> holding = new java.util.HashSet<>();
    for (String caseNumber : caseNumbers) {
      if (holdsOpenTask(caseNumber, userId, groupIds)) {
        holding.add(caseNumber);
      }
    }
    return holding;
  }
}
