package nl.zorgpad.assignment;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaceable pieces of team assignment (as the Camunda starter does it). */
@Configuration
class AssignmentConfiguration {

  /** Replaced by any other {@link CaseNeighbourhoodLookup} bean (e.g. one backed by the dossier). */
  @Bean
  @ConditionalOnMissingBean(CaseNeighbourhoodLookup.class)
  CaseNeighbourhoodLookup caseNeighbourhoodLookup() {
    return new ProcessVariableNeighbourhoodLookup();
  }

  /** Knows no involvement; replaced by one backed by the dossier. */
  @Bean
  @ConditionalOnMissingBean(CaseTeamLookup.class)
  CaseTeamLookup caseTeamLookup() {
    return (caseNumber, discipline) -> java.util.List.of();
  }
}
