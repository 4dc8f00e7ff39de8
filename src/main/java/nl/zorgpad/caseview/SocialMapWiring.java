package nl.zorgpad.caseview;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import nl.zorgpad.assignment.CaseNeighbourhoodLookup;
import nl.zorgpad.assignment.CaseTeamLookup;
import nl.zorgpad.assignment.ProcessVariableNeighbourhoodLookup;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.discipline.GroupDisciplines;
import nl.zorgpad.casus.NeighbourhoodFinder;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.PostcodeResolution;
import nl.zorgpad.socialmap.PostcodeResolver;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Connects the dossier with the sociale kaart. Lives here, in the package that uses both,
 * because {@code socialmap} already depends (through {@code security}) on {@code casus}. The beans
 * are {@link Primary}, so they win over the defaults of {@code casus}, {@code caseview} and
 * {@code assignment} whatever order the configurations are read in.
 */
@Configuration
class SocialMapWiring {

  /** A team group has its team's discipline; a discipline group is its own. */
  @Bean
  @Primary
  GroupDisciplines socialMapGroupDisciplines(TeamRepository teams) {
    GroupDisciplines byPrefix = GroupDisciplines.byPrefix();
    return groupId -> {
      if (groupId == null) {
        return Optional.empty();
      }
      Optional<String> discipline = byPrefix.disciplineOf(groupId)
          .filter(d -> d.equals(groupId));
      if (discipline.isPresent()) {
        return discipline;
      }
      return teams.findByGroupId(groupId).map(Team::getDiscipline)
          .or(() -> byPrefix.disciplineOf(groupId));
    };
  }

  /** The client's postcode sets the case's neighbourhood (when exactly one is found). */
  @Bean
  @Primary
  NeighbourhoodFinder socialMapNeighbourhoodFinder(PostcodeResolver resolver) {
    return postcode -> resolver.resolve(postcode).neighbourhood()
        .map(PostcodeResolution.NeighbourhoodRef::code);
  }

  /** The team's contacts from the sociale kaart. */
  @Bean
  @Primary
  ContactDirectory socialMapContactDirectory(TeamRepository teams) {
    return groupId -> teams.findByGroupId(groupId)
        .map(team -> team.getContacts().stream()
            .map(contact -> new ContactCard(contact.getName(), contact.getRole(),
                contact.getPhone(), contact.getSecureMail(),
                team.getOrganisation() == null ? null : team.getOrganisation().getName(),
                team.getName()))
            .toList())
        .orElse(List.of());
  }

  /**
   * Issue 11: a team of the discipline already involved in the case keeps its tasks — the most
   * recently involved one(s), so that a task the regiehouder gave to another team pulls the
   * case's next tasks of that discipline along. Only teams of the sociale kaart count, never a
   * discipline group (that is "no team").
   */
  @Bean
  @Primary
  CaseTeamLookup dossierCaseTeams(CaseInvolvements involvements, TeamRepository teams) {
    return (caseNumber, discipline) -> {
      if (caseNumber == null) {
        return List.of();
      }
      List<Involvement> ofDiscipline = involvements.current(caseNumber).stream()
          .filter(i -> i.getGroupId() != null && discipline.equals(i.getDiscipline())
              && !ZorgpadGroups.isDiscipline(i.getGroupId())
              && teams.existsByGroupId(i.getGroupId()))
          .toList();
      Optional<Instant> latest = ofDiscipline.stream().map(Involvement::getFrom)
          .max(Comparator.naturalOrder());
      return latest.map(at -> ofDiscipline.stream().filter(i -> i.getFrom().equals(at))
          .map(Involvement::getGroupId).distinct().sorted().toList()).orElse(List.of());
    };
  }

  /**
   * Tasks go to the team of the neighbourhood in the dossier (from the client's postcode); the
   * process variable {@code neighbourhood} (set at the signal) when the dossier has none yet.
   */
  @Bean
  @Primary
  CaseNeighbourhoodLookup dossierNeighbourhoodLookup(CaseFileRepository caseFiles) {
    ProcessVariableNeighbourhoodLookup fromVariable = new ProcessVariableNeighbourhoodLookup();
    return (caseNumber, processVariable) -> {
      Optional<String> fromDossier = caseNumber == null ? Optional.empty()
          : caseFiles.findByCaseNumber(caseNumber).map(CaseFile::getNeighbourhood);
      return fromDossier.isPresent() ? fromDossier
          : fromVariable.neighbourhoodOf(caseNumber, processVariable);
    };
  }
}
