package nl.zorgpad.assignment;

import java.util.List;
import java.util.Optional;

/**
 * Who gets a task of one discipline, and why.
 *
 * @param discipline the discipline the task asks for (its candidate group in the BPMN)
 * @param candidateGroups the groups that get the task: the teams that serve the neighbourhood, or
 *     the discipline group itself
 * @param outcome why these groups
 * @param warning Dutch text for the caregiver when the task could not reach a team although the
 *     sociale kaart has teams for the discipline; null otherwise
 */
public record AssignmentResult(
    String discipline, List<String> candidateGroups, Outcome outcome, String warning) {

  public enum Outcome {
    /** One or more teams serve the neighbourhood. */
    TEAM,
    /** The sociale kaart has no team of this discipline at all: the discipline group is meant. */
    DISCIPLINE_WITHOUT_TEAMS,
    /** Not a discipline (e.g. {@code coordinator} or already a team): left as it is. */
    NOT_A_DISCIPLINE,
    /** Fallback: the case's neighbourhood is not known. */
    NO_NEIGHBOURHOOD,
    /** Fallback: the neighbourhood (or the postcode) is not in the sociale kaart. */
    UNKNOWN_NEIGHBOURHOOD,
    /** Fallback: no team of the discipline serves the neighbourhood. */
    NO_TEAM
  }

  /** True when the discipline group got the task although teams exist for it. */
  public boolean isFallback() {
    return warning != null;
  }

  public Optional<String> warningText() {
    return Optional.ofNullable(warning);
  }
}
