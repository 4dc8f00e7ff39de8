package nl.zorgpad.caseview;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.zorgpad.assignment.TaskReassignment;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.Child;
import nl.zorgpad.casus.Client;
import nl.zorgpad.casus.HandoverRecord;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.casus.Pregnancy;
import nl.zorgpad.consent.ConsentRecord;

/**
 * What the case overview page shows; parts the viewer may not see are null or empty.
 * {@code careCoordinatorName} is the team of the case's regiehouder (issue 11), null while
 * nobody holds the regie.
 */
public record CaseOverview(
    CaseFile caseFile,
    boolean motherVisible,
    Client client,
    Pregnancy pregnancy,
    boolean childVisible,
    List<Child> children,
    List<InvolvedParty> involved,
    boolean consentsVisible,
    List<ConsentRecord> consents,
    List<HandoverRecord> handovers,
    boolean tasksVisible,
    Map<String, List<TaskRow>> openTasks,
    Map<String, List<TaskRow>> doneTasks,
    List<TimelineEvent> timeline,
    boolean emergency,
    boolean mayRefer,
    boolean mayBecomeCareCoordinator,
    String careCoordinatorName,
    List<nl.zorgpad.casus.CaseSignal> signals,
    List<nl.zorgpad.casus.CaseFileService.PossibleDuplicate> possibleDuplicates,
    boolean mayMerge) {

  /**
   * One involvement with the contacts of its team. {@code mayEnd}: the viewer may end it (issue
   * 15) — it is active, not the signaller's, and she is its team/person or the case's
   * regiehouder, and not in the case through the noodprocedure only.
   */
  public record InvolvedParty(
      Involvement involvement,
      String disciplineName,
      boolean active,
      List<ContactCard> contacts,
      boolean mayEnd) {}

  /**
   * A task of the case; {@code targets} are the groups the viewer (the case's regiehouder) may
   * give an open task to, empty for anyone else and for finished tasks. {@code completedBy} is
   * who completed a finished task, from the engine's history (also when she never claimed it).
   */
  public record TaskRow(
      String id,
      String name,
      String group,
      Instant created,
      Instant due,
      Instant ended,
      String assignee,
      List<TaskReassignment.Target> targets,
      String completedBy) {}

  /** One line of the timeline: when, a message key of the bundle and its arguments. */
  public record TimelineEvent(Instant at, String messageKey, List<Object> args) {}
}
