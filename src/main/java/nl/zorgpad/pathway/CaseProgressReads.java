package nl.zorgpad.pathway;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the case view reads from the engine about a case's progress: its open and finished tasks,
 * where its pathway stands, and the cases a user is a candidate for through the engine. Plain
 * values only, so that the case view does not use the engine API (ADR 0001, "Where the engine is
 * used"). The reads take no engine user: the caller has decided need-to-know already.
 */
public interface CaseProgressReads {

  /** The case's open tasks, oldest first. */
  List<OpenTask> openTasks(String caseNumber);

  /** The case's finished tasks, by start time, oldest first. */
  List<FinishedTask> finishedTasks(String caseNumber);

  /** Whether {@code taskId} is an open task of the case. */
  boolean isOpenTaskOf(String taskId, String caseNumber);

  /**
   * The case's main pathway (its first root process instance) with where it stands; empty when
   * the case has none.
   *
   * @throws IllegalStateException when its BPMN cannot be read
   */
  Optional<PathwayPosition> pathwayPosition(String caseNumber);

  /**
   * The newest {@code limit} cases the user is a candidate for, newest case number first: in
   * which one of {@code groups} or she herself is actively involved at {@code now}, or in which she
   * holds an open task (assignee or through a candidate group), that have a case file and are not
   * of a coalition (the tenant of their root instance) she is no member of. Case numbers only, in
   * one query whose work grows with {@code limit}, not with the cases she may see: the caller asks
   * for one more than it shows to know whether there are more.
   */
  List<String> candidateCases(String userId, List<String> groups, Instant now, int limit);

  /**
   * An open task.
   *
   * @param candidateGroup its first candidate group, null when it has none
   */
  record OpenTask(
      String id,
      String name,
      String candidateGroup,
      Instant created,
      Instant due,
      String assignee) {}

  /**
   * A finished task.
   *
   * @param candidateGroup its first candidate group in the history, null when it had none
   * @param completedBy the user of its "Complete" entry in the user operation log (also when she
   *     completed it without claiming it first); else its assignee; null when the engine completed
   *     it (a timer, a cancelled step)
   */
  record FinishedTask(
      String id,
      String name,
      String candidateGroup,
      Instant started,
      Instant due,
      Instant ended,
      String assignee,
      String completedBy) {}

  /** The BPMN of a pathway and the ids of its current and passed elements. */
  record PathwayPosition(String xml, List<String> active, List<String> passed) {}
}
