package nl.zorgpad.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import nl.zorgpad.assignment.AssignmentResult.Outcome;
import nl.zorgpad.socialmap.Neighbourhood;
import nl.zorgpad.socialmap.NeighbourhoodRepository;
import nl.zorgpad.socialmap.Organisation;
import nl.zorgpad.socialmap.OrganisationRepository;
import nl.zorgpad.socialmap.OrganisationType;
import nl.zorgpad.socialmap.PostcodeResolver;
import nl.zorgpad.socialmap.SocialMapFixture;
import nl.zorgpad.socialmap.TeamRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/** Discipline + neighbourhood → candidate groups, every branch, on the real schema. */
@DataJpaTest
@Import({TeamResolver.class, PostcodeResolver.class, MessageSourceAutoConfiguration.class})
class TeamResolverTest {

  @Autowired NeighbourhoodRepository neighbourhoods;
  @Autowired OrganisationRepository organisations;
  @Autowired TeamRepository teams;
  @Autowired TeamResolver resolver;

  @BeforeEach
  void givenASocialMap() {
    SocialMapFixture map = new SocialMapFixture(neighbourhoods, organisations, teams);
    Neighbourhood lombok = map.neighbourhood("utrecht-lombok", "Lombok", "Utrecht", "3531-3532");
    Neighbourhood overvecht =
        map.neighbourhood("utrecht-overvecht", "Overvecht", "Utrecht", "3561-3564");
    map.neighbourhood("utrecht-leidsche-rijn", "Leidsche Rijn", "Utrecht", "3541-3545");
    Organisation jgz = map.organisation("JGZ Utrecht", OrganisationType.GGD_JGZ);
    map.team(jgz, "jgz-utrecht-west", "jgz", lombok);
    map.team(jgz, "jgz-utrecht-noordoost", "jgz", overvecht);
    Organisation practiceA =
        map.organisation("Praktijk A", OrganisationType.VERLOSKUNDIGENPRAKTIJK);
    Organisation practiceB =
        map.organisation("Praktijk B", OrganisationType.VERLOSKUNDIGENPRAKTIJK);
    map.team(practiceA, "verloskundige-a", "verloskundige", lombok);
    map.team(practiceB, "verloskundige-b", "verloskundige", lombok, overvecht);
  }

  @Test
  void teamServingTheNeighbourhoodGetsTheTask() {
    AssignmentResult result = resolver.resolve("jgz", "utrecht-lombok");
    assertThat(result.candidateGroups()).containsExactly("jgz-utrecht-west");
    assertThat(result.outcome()).isEqualTo(Outcome.TEAM);
    assertThat(result.isFallback()).isFalse();
    assertThat(result.warningText()).isEmpty();
    assertThat(resolver.resolve("jgz", "utrecht-overvecht").candidateGroups())
        .containsExactly("jgz-utrecht-noordoost");
  }

  @Test
  void everyTeamServingTheNeighbourhoodGetsIt() {
    assertThat(resolver.resolve("verloskundige", "utrecht-lombok").candidateGroups())
        .containsExactly("verloskundige-a", "verloskundige-b");
    assertThat(resolver.resolve("verloskundige", "utrecht-overvecht").candidateGroups())
        .containsExactly("verloskundige-b");
  }

  @Test
  void noTeamInTheNeighbourhoodFallsBackToTheDisciplineWithAWarning() {
    AssignmentResult result = resolver.resolve("jgz", "utrecht-leidsche-rijn");
    assertThat(result.candidateGroups()).containsExactly("jgz");
    assertThat(result.outcome()).isEqualTo(Outcome.NO_TEAM);
    assertThat(result.isFallback()).isTrue();
    assertThat(result.warning())
        .startsWith("Let op:")
        .contains("Jeugdgezondheidszorg (JGZ)", "Leidsche Rijn (Utrecht)", "regiehouder");
  }

  @Test
  void unknownNeighbourhoodFallsBackWithAWarning() {
    AssignmentResult result = resolver.resolve("jgz", "utrecht-onbekend");
    assertThat(result.candidateGroups()).containsExactly("jgz");
    assertThat(result.outcome()).isEqualTo(Outcome.UNKNOWN_NEIGHBOURHOOD);
    assertThat(result.warning()).contains("utrecht-onbekend", "niet in de sociale kaart");
  }

  @Test
  void caseWithoutNeighbourhoodFallsBackWithAWarning() {
    for (String missing : new String[] {null, "", "  "}) {
      AssignmentResult result = resolver.resolve("jgz", missing);
      assertThat(result.candidateGroups()).containsExactly("jgz");
      assertThat(result.outcome()).isEqualTo(Outcome.NO_NEIGHBOURHOOD);
      assertThat(result.warning()).contains("wijk van deze casus is niet bekend");
    }
  }

  @Test
  void disciplineWithoutAnyTeamKeepsTheDisciplineGroupWithoutWarning() {
    AssignmentResult result = resolver.resolve("kraamzorg", "utrecht-lombok");
    assertThat(result.candidateGroups()).containsExactly("kraamzorg");
    assertThat(result.outcome()).isEqualTo(Outcome.DISCIPLINE_WITHOUT_TEAMS);
    assertThat(result.warningText()).isEmpty();
    assertThat(resolver.resolve("kraamzorg", null).warningText()).isEmpty();
  }

  @Test
  void groupsThatAreNoDisciplineAreLeftAlone() {
    assertThat(resolver.resolve("coordinator", "utrecht-lombok").candidateGroups())
        .containsExactly("coordinator");
    AssignmentResult team = resolver.resolve("jgz-utrecht-noordoost", "utrecht-lombok");
    assertThat(team.candidateGroups()).containsExactly("jgz-utrecht-noordoost");
    assertThat(team.outcome()).isEqualTo(Outcome.NOT_A_DISCIPLINE);
  }

  @Test
  void postcodeLeadsToTheTeamOfItsNeighbourhood() {
    assertThat(resolver.resolveByPostcode("jgz", "3531 ab").candidateGroups())
        .containsExactly("jgz-utrecht-west");
    assertThat(resolver.resolveByPostcode("jgz", "3562").candidateGroups())
        .containsExactly("jgz-utrecht-noordoost");
  }

  @Test
  void unknownOrMalformedPostcodeFallsBackWithoutRevealingIt() {
    AssignmentResult unknown = resolver.resolveByPostcode("jgz", "9999 XX");
    assertThat(unknown.candidateGroups()).containsExactly("jgz");
    assertThat(unknown.warning()).contains("postcode van de cliënt").doesNotContain("9999");
    AssignmentResult malformed = resolver.resolveByPostcode("jgz", "Kanaalstraat 1");
    assertThat(malformed.candidateGroups()).containsExactly("jgz");
    assertThat(malformed.warning()).contains("ongeldig").doesNotContain("Kanaalstraat");
    assertThat(resolver.resolveByPostcode("kraamzorg", "9999 XX").warningText()).isEmpty();
  }
}
