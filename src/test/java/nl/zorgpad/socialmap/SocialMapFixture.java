package nl.zorgpad.socialmap;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Builds sociale kaart data directly through the repositories, for tests of other packages. */
public final class SocialMapFixture {

  private final NeighbourhoodRepository neighbourhoods;
  private final OrganisationRepository organisations;
  private final TeamRepository teams;

  public SocialMapFixture(
      NeighbourhoodRepository neighbourhoods,
      OrganisationRepository organisations,
      TeamRepository teams) {
    this.neighbourhoods = neighbourhoods;
    this.organisations = organisations;
    this.teams = teams;
  }

  public Neighbourhood neighbourhood(String code, String name, String municipality, String ranges) {
    Neighbourhood neighbourhood = new Neighbourhood(code);
    neighbourhood.setName(name);
    neighbourhood.setMunicipality(municipality);
    neighbourhood.setCoalition("Kansrijke Start " + municipality);
    neighbourhood.setPostcodeRanges(Postcodes.parseRanges(ranges));
    return neighbourhoods.saveAndFlush(neighbourhood);
  }

  public Organisation organisation(String name, OrganisationType type) {
    Organisation organisation = new Organisation(name);
    organisation.setType(type);
    organisation.setCoalition("Test");
    return organisations.saveAndFlush(organisation);
  }

  public Team team(
      Organisation organisation, String groupId, String discipline, Neighbourhood... served) {
    Team team = new Team(groupId, discipline);
    team.setName(groupId);
    team.setOrganisation(organisation);
    Set<Neighbourhood> set = new LinkedHashSet<>(Arrays.asList(served));
    team.setNeighbourhoods(set);
    return teams.saveAndFlush(team);
  }
}
