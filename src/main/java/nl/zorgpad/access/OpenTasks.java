package nl.zorgpad.access;

/** Whether a user holds an open task in a case (as candidate, through her groups, or assignee). */
@FunctionalInterface
public interface OpenTasks {

  boolean holdsOpenTask(String caseNumber, String userId, java.util.List<String> groupIds);
}
