package nl.zorgpad.casus;

import nl.zorgpad.discipline.GroupDisciplines;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaceable pieces of the dossier (as the Camunda starter does it). */
@Configuration
class DossierConfiguration {

  @Bean
  @ConditionalOnMissingBean(GroupDisciplines.class)
  GroupDisciplines groupDisciplines() {
    return GroupDisciplines.byPrefix();
  }

  @Bean
  @ConditionalOnMissingBean(NeighbourhoodFinder.class)
  NeighbourhoodFinder neighbourhoodFinder() {
    return postcode -> java.util.Optional.empty();
  }
}
