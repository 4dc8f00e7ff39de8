package nl.zorgpad.socialmap;

import java.util.Optional;
import nl.zorgpad.casus.NeighbourhoodFinder;
import nl.zorgpad.discipline.GroupDisciplines;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the dossier asks the sociale kaart: the discipline of a team group and the neighbourhood of
 * a postcode. The one bean of each interface (no defaults to outrank): the dossier ({@code casus})
 * and {@code discipline} know nothing of the sociale kaart, the sociale kaart implements their
 * interfaces.
 */
@Configuration
class SocialMapDossierConfiguration {

  /** A team group has its team's discipline; a discipline group is its own. */
  @Bean
  GroupDisciplines groupDisciplines(TeamRepository teams) {
    GroupDisciplines byPrefix = GroupDisciplines.byPrefix();
    return groupId -> {
      if (groupId == null) {
        return Optional.empty();
      }
      Optional<String> discipline = byPrefix.disciplineOf(groupId).filter(d -> d.equals(groupId));
      if (discipline.isPresent()) {
        return discipline;
      }
      return teams
          .findByGroupId(groupId)
          .map(Team::getDiscipline)
          .or(() -> byPrefix.disciplineOf(groupId));
    };
  }

  /** The client's postcode sets the case's neighbourhood (when exactly one is found). */
  @Bean
  NeighbourhoodFinder neighbourhoodFinder(PostcodeResolver resolver) {
    return postcode ->
        resolver.resolve(postcode).neighbourhood().map(PostcodeResolution.NeighbourhoodRef::code);
  }
}
