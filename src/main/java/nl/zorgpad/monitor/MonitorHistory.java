package nl.zorgpad.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the monitor reads from the engine, and nothing more: the history of one case (every
 * pathway instance under its main instance) and the open tasks that are overdue. The one
 * implementation ({@link EngineMonitorHistory}) is the only class of the monitor that uses the
 * engine's API.
 */
public interface MonitorHistory {

  /** The history of the case with this business key; empty if the engine knows no such case. */
  CaseHistory caseHistory(String caseNumber);

  /** Business key of the main instance of the case that a (sub)process instance belongs to. */
  String caseNumberOfRoot(String rootProcessInstanceId);

  /**
   * How many open tasks of one coalition ("" = shared) have a due date before {@code now}, per
   * discipline of their candidate group ("onbekend" without one): one grouped query, whatever
   * the number of tasks.
   */
  Map<String, Long> overdueOpenTasks(String coalition, Instant now);

  /** One case's engine history, reduced to what the indicators need. */
  record CaseHistory(String coalition, List<Instance> instances) {
    static CaseHistory empty() {
      return new CaseHistory("", List.of());
    }
  }

  /**
   * One pathway instance of the case: its definition key, start/end, the call activity of the
   * parent that started it (null for the main instance), its activities, its completed tasks and
   * the last value of the variables the monitor reads.
   */
  record Instance(
      String id,
      String definitionKey,
      Instant start,
      Instant end,
      String endActivityId,
      String calledFrom,
      List<Activity> activities,
      List<Task> tasks,
      Map<String, String> variables) {}

  /** An activity instance: element id, start, end (null while it runs or when cancelled). */
  record Activity(String activityId, Instant start, Instant end) {}

  /** A completed or open task: definition key, due date, end, discipline of its candidates. */
  record Task(String taskKey, Instant due, Instant end, String discipline) {}
}
