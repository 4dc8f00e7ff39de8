package nl.zorgpad.assignment;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.TeamRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Where team assignment reads the dossier and the sociale kaart: one bean per interface. */
@Configuration
class AssignmentConfiguration {

  /**
   * Issue 11: a team of the discipline already involved in the case keeps its tasks — the most
   * recently involved one(s), so that a task the regiehouder gave to another team pulls the
   * case's next tasks of that discipline along. Only teams of the sociale kaart count, never a
   * discipline group (that is "no team").
   */
  @Bean
  CaseTeamLookup caseTeamLookup(CaseInvolvements involvements, TeamRepository teams) {
    return (caseNumber, discipline) -> {
      if (caseNumber == null) {
        return List.of();
      }
      List<Involvement> ofDiscipline =
          involvements.current(caseNumber).stream()
              .filter(
                  i ->
                      i.getGroupId() != null
                          && discipline.equals(i.getDiscipline())
                          && !ZorgpadGroups.isDiscipline(i.getGroupId())
                          && teams.existsByGroupId(i.getGroupId()))
              .toList();
      Optional<Instant> latest =
          ofDiscipline.stream().map(Involvement::getFrom).max(Comparator.naturalOrder());
      return latest
          .map(
              at ->
                  ofDiscipline.stream()
                      .filter(i -> i.getFrom().equals(at))
                      .map(Involvement::getGroupId)
                      .distinct()
                      .sorted()
                      .toList())
          .orElse(List.of());
    };
  }

  /**
   * Tasks go to the team of the neighbourhood in the dossier (from the client's postcode); the
   * process variable {@code neighbourhood} (set at the signal) when the dossier has none yet.
   */
  @Bean
  CaseNeighbourhoodLookup caseNeighbourhoodLookup(CaseFileRepository caseFiles) {
    ProcessVariableNeighbourhoodLookup fromVariable = new ProcessVariableNeighbourhoodLookup();
    return (caseNumber, processVariable) -> {
      Optional<String> fromDossier =
          caseNumber == null
              ? Optional.empty()
              : caseFiles.findByCaseNumber(caseNumber).map(CaseFile::getNeighbourhood);
      return fromDossier.isPresent()
          ? fromDossier
          : fromVariable.neighbourhoodOf(caseNumber, processVariable);
    };
  }
}
