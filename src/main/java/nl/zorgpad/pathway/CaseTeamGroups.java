package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayVariables.CARE_COORDINATOR_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.CASE_NUMBER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.zorgpad.casus.CaseTeams;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.discipline.GroupDisciplines;
import nl.zorgpad.modelpolicy.PathwayBean;
import nl.zorgpad.modelpolicy.PathwayCallable;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Candidate groups that follow the case's involvement rather than its neighbourhood, for use in
 * BPMN as {@code camunda:candidateGroups="${caseTeams.careCoordinator(execution)}"}:
 *
 * <ul>
 *   <li>{@link #careCoordinator}: the team of the regiehouder who accepted the case (Doesburg:
 *       one point of contact) — escalations, check-ins, the closing evaluation go to her team,
 *       not to every regiehouder; until someone accepted, the discipline the triage chose.</li>
 *   <li>{@link #birthReporters}: the involved midwife, kraamzorg and hospital teams — those who
 *       attend the birth — and, when none is involved, the regiehouder's team, who checks on the
 *       birth anyway.</li>
 * </ul>
 *
 * <p>A discipline that comes back from here is resolved to the neighbourhood's team as every
 * candidate group is ({@code nl.zorgpad.assignment}); a team group is kept. Read from the
 * dossier when the task is created, so a later change of regiehouder counts.
 */
@PathwayBean
@Component("caseTeams")
public class CaseTeamGroups {

  /** The disciplines that attend a birth and can report it. */
  static final List<String> BIRTH_DISCIPLINES =
      List.of(Disciplines.VERLOSKUNDIGE, Disciplines.KRAAMZORG, Disciplines.ZIEKENHUIS);

  private final CaseTeams caseTeams;
  private final GroupDisciplines groupDisciplines = GroupDisciplines.byPrefix();

  @Autowired
  public CaseTeamGroups(CaseTeams caseTeams) {
    this.caseTeams = caseTeams;
  }

  /** The regiehouder's team group, else the regiehouder's discipline (a variable of the case). */
  @PathwayCallable
  public String careCoordinator(DelegateExecution execution) {
    return careCoordinatorTeam(execution)
        .orElseGet(() -> VariableReader.of(execution).string(CARE_COORDINATOR_DISCIPLINE));
  }

  /**
   * The groups of the involved teams that attend a birth (a team group wins over its bare
   * discipline group); the regiehouder's group when none is involved.
   */
  @PathwayCallable
  public List<String> birthReporters(DelegateExecution execution) {
    Set<String> groups = new LinkedHashSet<>();
    List<Involvement> involved =
        caseTeams.activeInvolvements(caseNumber(execution)).stream()
            .filter(
                i ->
                    BIRTH_DISCIPLINES.contains(i.getDiscipline())
                        && i.getRole() != InvolvementRole.REFERRAL)
            .toList();
    for (Involvement involvement : involved) {
      if (involvement.getGroupId() != null) {
        groups.add(involvement.getGroupId());
      } else if (involvement.getUserId() != null) {
        // the signaller is involved as a person: her team of that discipline
        UserTeams.of(execution.getProcessEngineServices(), involvement.getUserId())
            .teamOf(involvement.getDiscipline(), List.of())
            .ifPresent(groups::add);
      }
    }
    // a bare discipline group only counts while no team of that discipline is involved
    List<String> found = List.copyOf(groups);
    groups.removeIf(
        group ->
            Disciplines.ALL.contains(group)
                && found.stream()
                    .anyMatch(
                        other ->
                            !other.equals(group)
                                && groupDisciplines
                                    .disciplineOf(other)
                                    .filter(group::equals)
                                    .isPresent()));
    if (groups.isEmpty()) {
      return List.of(careCoordinator(execution));
    }
    return new ArrayList<>(groups);
  }

  private Optional<String> careCoordinatorTeam(DelegateExecution execution) {
    return caseTeams.activeInvolvements(caseNumber(execution)).stream()
        .filter(i -> i.getRole() == InvolvementRole.CARE_COORDINATOR && i.getGroupId() != null)
        .max(Comparator.comparing(Involvement::getFrom))
        .map(Involvement::getGroupId);
  }

  static String caseNumber(DelegateExecution execution) {
    String caseNumber = VariableReader.of(execution).string(CASE_NUMBER);
    return caseNumber != null ? caseNumber : execution.getProcessBusinessKey();
  }
}
