package nl.zorgpad.caseview;

import java.util.List;
import nl.zorgpad.socialmap.TeamRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The case pages' view of the sociale kaart. */
@Configuration
class CaseViewConfiguration {

  /** The team's contacts from the sociale kaart. */
  @Bean
  ContactDirectory contactDirectory(TeamRepository teams) {
    return groupId ->
        teams
            .findByGroupId(groupId)
            .map(
                team ->
                    team.getContacts().stream()
                        .map(
                            contact ->
                                new ContactCard(
                                    contact.getName(),
                                    contact.getRole(),
                                    contact.getPhone(),
                                    contact.getSecureMail(),
                                    team.getOrganisation() == null
                                        ? null
                                        : team.getOrganisation().getName(),
                                    team.getName()))
                        .toList())
            .orElse(List.of());
  }
}
