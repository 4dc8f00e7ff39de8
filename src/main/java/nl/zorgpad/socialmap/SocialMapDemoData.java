package nl.zorgpad.socialmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nl.zorgpad.startup.StartupStep;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;

/**
 * Demo mode: a fictional sociale kaart for the places the seed documents name (Amersfoort Noord
 * and Liendert, Utrecht Lombok and Overvecht, Doesburg, Zeist, Dordrecht). Every organisation,
 * person, phone number (06-123456xx, 0900-…) and address ({@code .invalid}) is made up; postcode
 * ranges are plausible for each town but not an official division. Utrecht has a team of every
 * discipline in both neighbourhoods; the demo accounts work in the Utrecht teams (demo-jgz in
 * {@code jgz-utrecht-west}, which serves Lombok).
 *
 * <p>Idempotent: creates what is missing (by code, name or group id), never overwrites a change
 * a coordinator made in the demo.
 */
@Component
@Profile("demo")
@Order(StartupStep.DEMO + 20)
class SocialMapDemoData implements StartupStep {

  private static final Logger LOG = LoggerFactory.getLogger(SocialMapDemoData.class);

  /** Demo account → the team it works in (accounts from nl.zorgpad.demo.DemoUsers). */
  static final Map<String, String> MEMBERSHIPS =
      Map.ofEntries(
          Map.entry("demo-verloskundige", "verloskundige-utrecht-lombok"),
          Map.entry("demo-jgz", "jgz-utrecht-west"),
          Map.entry("demo-kraamzorg", "kraamzorg-utrecht"),
          Map.entry("demo-buurtteam", "buurtteam-utrecht-lombok"),
          Map.entry("demo-huisarts", "huisarts-utrecht-lombok"),
          Map.entry("demo-poh-ggz", "poh-ggz-utrecht-lombok"),
          Map.entry("demo-regiehouder", "regiehouder-utrecht"),
          Map.entry("demo-informele-zorg", "informele-zorg-utrecht"),
          Map.entry("demo-ziekenhuis", "ziekenhuis-utrecht"),
          // the demo coalitions' caregivers work in their own town's teams
          Map.entry("demo-verloskundige-dordrecht", "verloskundige-dordrecht"),
          Map.entry("demo-jgz-dordrecht", "jgz-dordrecht"),
          Map.entry("demo-verloskundige-zeist", "verloskundige-zeist"));

  private final SocialMapService service;
  private final NeighbourhoodRepository neighbourhoods;
  private final OrganisationRepository organisations;
  private final TeamRepository teams;
  private final IdentityService identityService;
  private int phone = 0;

  SocialMapDemoData(
      SocialMapService service,
      NeighbourhoodRepository neighbourhoods,
      OrganisationRepository organisations,
      TeamRepository teams,
      IdentityService identityService) {
    this.service = service;
    this.neighbourhoods = neighbourhoods;
    this.organisations = organisations;
    this.teams = teams;
    this.identityService = identityService;
  }

  @Override
  public void run() {
    neighbourhoods();
    organisationsAndTeams();
    memberships();
  }

  private void neighbourhoods() {
    String utrecht = "Kansrijke Start Utrecht";
    String amersfoort = "Kansrijke Start Amersfoort";
    neighbourhood("utrecht-lombok", "Lombok", "Utrecht", utrecht, "3531, 3532AA-3532KZ");
    neighbourhood("utrecht-overvecht", "Overvecht", "Utrecht", utrecht, "3561-3564");
    neighbourhood("amersfoort-noord", "Amersfoort Noord", "Amersfoort", amersfoort, "3823-3825");
    neighbourhood("amersfoort-liendert", "Liendert", "Amersfoort", amersfoort, "3822");
    neighbourhood("doesburg", "Doesburg", "Doesburg", "Kansrijke Start Doesburg", "6981-6985");
    neighbourhood("zeist-centrum", "Zeist Centrum", "Zeist", "Kansrijke Start Zeist", "3701-3703");
    neighbourhood("zeist-west", "Zeist West", "Zeist", "Kansrijke Start Zeist", "3705-3707");
    String drechtsteden = "Ketenzorg Kwetsbare Zwangeren Drechtsteden";
    neighbourhood("dordrecht-krispijn", "Krispijn", "Dordrecht", drechtsteden, "3317-3318");
    neighbourhood(
        "dordrecht-crabbehof", "Crabbehof en Wielwijk", "Dordrecht", drechtsteden, "3319, 3328");
  }

  private void organisationsAndTeams() {
    String utrecht = "Kansrijke Start Utrecht";
    String lombok = "utrecht-lombok";
    String overvecht = "utrecht-overvecht";
    String both = lombok + " " + overvecht;

    organisation(
        "Verloskundigenpraktijk De Singel", OrganisationType.VERLOSKUNDIGENPRAKTIJK, utrecht);
    team(
        "verloskundige-utrecht-lombok",
        "Verloskundigen Lombok",
        "Verloskundigenpraktijk De Singel",
        "verloskundige",
        lombok,
        contact("Ilse van Dam", "Verloskundige"),
        contact("Yasmina Bouzid", "Verloskundige"));
    organisation(
        "Verloskundigen Overvecht-Noord", OrganisationType.VERLOSKUNDIGENPRAKTIJK, utrecht);
    team(
        "verloskundige-utrecht-overvecht",
        "Verloskundigen Overvecht",
        "Verloskundigen Overvecht-Noord",
        "verloskundige",
        overvecht,
        contact("Marloes Kuipers", "Verloskundige"));

    organisation("Jeugdgezondheidszorg Utrecht Stad", OrganisationType.GGD_JGZ, utrecht);
    team(
        "jgz-utrecht-west",
        "JGZ Utrecht West",
        "Jeugdgezondheidszorg Utrecht Stad",
        "jgz",
        lombok,
        contact("Hanna Verbeek", "Jeugdverpleegkundige"),
        contact("Sevda Arslan", "Jeugdarts"));
    team(
        "jgz-utrecht-noordoost",
        "JGZ Utrecht Noordoost",
        "Jeugdgezondheidszorg Utrecht Stad",
        "jgz",
        overvecht,
        contact("Tom Brouwer", "Jeugdverpleegkundige"));

    organisation("Kraamzorg Domstad", OrganisationType.KRAAMZORGORGANISATIE, utrecht);
    team(
        "kraamzorg-utrecht",
        "Kraamzorg Utrecht Stad",
        "Kraamzorg Domstad",
        "kraamzorg",
        both,
        contact("Wendy Schouten", "Planner kraamzorg"));

    organisation("Buurtteams Utrecht Stad", OrganisationType.BUURTTEAM, utrecht);
    team(
        "buurtteam-utrecht-lombok",
        "Buurtteam Lombok",
        "Buurtteams Utrecht Stad",
        "buurtteam",
        lombok,
        contact("Rachid el Idrissi", "Gezinswerker"));
    team(
        "buurtteam-utrecht-overvecht",
        "Buurtteam Overvecht",
        "Buurtteams Utrecht Stad",
        "buurtteam",
        overvecht,
        contact("Linda de Graaf", "Gezinswerker"));
    // vuistregel 8: the buurtteam can be regiehouder for multi-problem families
    team(
        "regiehouder-utrecht",
        "Regiehouders Buurtteams Utrecht",
        "Buurtteams Utrecht Stad",
        "regiehouder",
        both,
        contact("Esther Vos", "Sociale regiehouder"));

    organisation("Gezondheidscentrum Kanaalweg", OrganisationType.HUISARTSENPRAKTIJK, utrecht);
    team(
        "huisarts-utrecht-lombok",
        "Huisartsen Kanaalweg",
        "Gezondheidscentrum Kanaalweg",
        "huisarts",
        lombok,
        contact("Bart Hoekstra", "Huisarts"));
    team(
        "poh-ggz-utrecht-lombok",
        "POH-GGZ Kanaalweg",
        "Gezondheidscentrum Kanaalweg",
        "poh-ggz",
        lombok,
        contact("Nina Dekker", "POH-GGZ"));
    organisation("Huisartsen Overvecht-Zuid", OrganisationType.HUISARTSENPRAKTIJK, utrecht);
    team(
        "huisarts-utrecht-overvecht",
        "Huisartsen Overvecht-Zuid",
        "Huisartsen Overvecht-Zuid",
        "huisarts",
        overvecht,
        contact("Farid Amrani", "Huisarts"));
    team(
        "poh-ggz-utrecht-overvecht",
        "POH-GGZ Overvecht-Zuid",
        "Huisartsen Overvecht-Zuid",
        "poh-ggz",
        overvecht,
        contact("Ellen Prins", "POH-GGZ"));

    organisation(
        "Stichting Moedermaatjes Utrecht", OrganisationType.VRIJWILLIGERSORGANISATIE, utrecht);
    team(
        "informele-zorg-utrecht",
        "Moedermaatjes Utrecht",
        "Stichting Moedermaatjes Utrecht",
        "informele-zorg",
        both,
        contact("Amina Haddou", "Coördinator vrijwilligers"));

    organisation("Stadsziekenhuis Utrecht", OrganisationType.ZIEKENHUIS, utrecht);
    team(
        "ziekenhuis-utrecht",
        "Verloskunde en medisch maatschappelijk werk",
        "Stadsziekenhuis Utrecht",
        "ziekenhuis",
        both,
        contact("Judith Smeets", "Medisch maatschappelijk werker"),
        contact("Pieter Lammers", "Gynaecoloog"));

    String amersfoort = "Kansrijke Start Amersfoort";
    organisation(
        "Verloskundigenpraktijk Eemzicht", OrganisationType.VERLOSKUNDIGENPRAKTIJK, amersfoort);
    team(
        "verloskundige-amersfoort-noord",
        "Verloskundigen Amersfoort Noord",
        "Verloskundigenpraktijk Eemzicht",
        "verloskundige",
        "amersfoort-noord amersfoort-liendert",
        contact("Sophie Willems", "Verloskundige"));
    organisation("GGD Eemland Jeugdgezondheidszorg", OrganisationType.GGD_JGZ, amersfoort);
    team(
        "jgz-amersfoort",
        "JGZ Amersfoort Noord en Liendert",
        "GGD Eemland Jeugdgezondheidszorg",
        "jgz",
        "amersfoort-noord amersfoort-liendert",
        contact("Karin Bosman", "Jeugdverpleegkundige"));
    organisation("Wijkteams Amersfoort", OrganisationType.BUURTTEAM, amersfoort);
    team(
        "buurtteam-amersfoort-liendert",
        "Wijkteam Liendert",
        "Wijkteams Amersfoort",
        "buurtteam",
        "amersfoort-liendert",
        contact("Mehmet Kaya", "Wijkteammedewerker"));
    team(
        "buurtteam-amersfoort-noord",
        "Wijkteam Noord",
        "Wijkteams Amersfoort",
        "buurtteam",
        "amersfoort-noord",
        contact("Anouk Peters", "Wijkteammedewerker"));
    organisation("Kraamzorg Eemland", OrganisationType.KRAAMZORGORGANISATIE, amersfoort);
    team(
        "kraamzorg-eemland",
        "Kraamzorg Eemland",
        "Kraamzorg Eemland",
        "kraamzorg",
        "amersfoort-noord amersfoort-liendert",
        contact("Ria Molenaar", "Planner kraamzorg"));

    String doesburg = "Kansrijke Start Doesburg";
    organisation("Centrum voor Jeugd en Gezin Doesburg", OrganisationType.GEMEENTE, doesburg);
    team(
        "regiehouder-doesburg",
        "Sociale regiehouders CJG Doesburg",
        "Centrum voor Jeugd en Gezin Doesburg",
        "regiehouder",
        "doesburg",
        contact("Gerda Huisman", "Sociale regiehouder (CJG)"));
    organisation("JGZ IJsselstreek", OrganisationType.GGD_JGZ, doesburg);
    team(
        "jgz-doesburg",
        "JGZ Doesburg",
        "JGZ IJsselstreek",
        "jgz",
        "doesburg",
        contact("Iris Wouters", "Jeugdverpleegkundige"));
    organisation("Verloskundigen aan de IJssel", OrganisationType.VERLOSKUNDIGENPRAKTIJK, doesburg);
    team(
        "verloskundige-doesburg",
        "Verloskundigen Doesburg",
        "Verloskundigen aan de IJssel",
        "verloskundige",
        "doesburg",
        contact("Lieke Janssen", "Verloskundige"));

    String zeist = "Kansrijke Start Zeist";
    organisation("Jeugdgezondheidszorg Heuvelrug", OrganisationType.GGD_JGZ, zeist);
    team(
        "jgz-zeist",
        "JGZ Zeist",
        "Jeugdgezondheidszorg Heuvelrug",
        "jgz",
        "zeist-centrum zeist-west",
        contact("Maaike van Leeuwen", "Jeugdverpleegkundige"));
    organisation("Verloskundigen Zeist-Slot", OrganisationType.VERLOSKUNDIGENPRAKTIJK, zeist);
    team(
        "verloskundige-zeist",
        "Verloskundigen Zeist",
        "Verloskundigen Zeist-Slot",
        "verloskundige",
        "zeist-centrum zeist-west",
        contact("Noor Hendriks", "Verloskundige"));
    organisation("Wandelmaatjes Zeist", OrganisationType.VRIJWILLIGERSORGANISATIE, zeist);
    team(
        "informele-zorg-zeist",
        "Wandelmaatjes 1000 dagen",
        "Wandelmaatjes Zeist",
        "informele-zorg",
        "zeist-centrum zeist-west",
        contact("Corrie Blom", "Coördinator vrijwilligers"));

    String drechtsteden = "Ketenzorg Kwetsbare Zwangeren Drechtsteden";
    String dordrecht = "dordrecht-krispijn dordrecht-crabbehof";
    organisation("Ziekenhuis Drechtoever", OrganisationType.ZIEKENHUIS, drechtsteden);
    team(
        "ziekenhuis-dordrecht",
        "Geboortezorg en medisch maatschappelijk werk",
        "Ziekenhuis Drechtoever",
        "ziekenhuis",
        dordrecht,
        contact("Monique Verhoeven", "Medisch maatschappelijk werker"),
        contact("Hans de Ridder", "Kinderarts"));
    organisation("JGZ Zuid-Holland Zuid", OrganisationType.GGD_JGZ, drechtsteden);
    team(
        "jgz-dordrecht",
        "JGZ Dordrecht",
        "JGZ Zuid-Holland Zuid",
        "jgz",
        dordrecht,
        contact("Samira Benali", "Jeugdverpleegkundige"));
    organisation(
        "Verloskundigenpraktijk Merwede", OrganisationType.VERLOSKUNDIGENPRAKTIJK, drechtsteden);
    team(
        "verloskundige-dordrecht",
        "Verloskundigen Dordrecht",
        "Verloskundigenpraktijk Merwede",
        "verloskundige",
        dordrecht,
        contact("Femke de Jong", "Verloskundige"));
    organisation("Sociaal Team Dordrecht", OrganisationType.BUURTTEAM, drechtsteden);
    team(
        "buurtteam-dordrecht",
        "Sociaal wijkteam Krispijn",
        "Sociaal Team Dordrecht",
        "buurtteam",
        "dordrecht-krispijn",
        contact("Dennis Koster", "Wijkcoach"));
  }

  private void neighbourhood(
      String code, String name, String municipality, String coalition, String postcodes) {
    if (neighbourhoods.findByCode(code).isPresent()) {
      return;
    }
    NeighbourhoodForm form = new NeighbourhoodForm(code, name, municipality, coalition, postcodes);
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "neighbourhood");
    service.saveNeighbourhood(null, form, errors);
    check(errors);
  }

  private void organisation(String name, OrganisationType type, String coalition) {
    if (organisations.findByNameIgnoreCase(name).isPresent()) {
      return;
    }
    OrganisationForm form = new OrganisationForm(name, type, coalition, nextPhone("0900-"));
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "organisation");
    service.saveOrganisation(null, form, errors);
    check(errors);
  }

  private void team(
      String groupId,
      String name,
      String organisation,
      String discipline,
      String neighbourhoodCodes,
      ContactForm... contacts) {
    if (teams.existsByGroupId(groupId)) {
      return;
    }
    List<Long> served = new ArrayList<>();
    for (String code : neighbourhoodCodes.split(" ")) {
      served.add(neighbourhoods.findByCode(code).orElseThrow().getId());
    }
    TeamForm form =
        new TeamForm(
            groupId,
            name,
            organisations.findByNameIgnoreCase(organisation).orElseThrow().getId(),
            discipline,
            served);
    BeanPropertyBindingResult errors = new BeanPropertyBindingResult(form, "team");
    long teamId = service.saveTeam(null, form, errors).orElseThrow(() -> failure(errors));
    String mailbox = groupId + "@veilig.demo.invalid";
    for (ContactForm contact : Arrays.asList(contacts)) {
      contact.setPhone(nextPhone("06-123456"));
      contact.setSecureMail(mailbox);
      BeanPropertyBindingResult contactErrors = new BeanPropertyBindingResult(contact, "contact");
      service.saveContact(teamId, null, contact, contactErrors);
      check(contactErrors);
    }
    LOG.info("Demo sociale kaart: team {}", groupId);
  }

  private static ContactForm contact(String name, String role) {
    return new ContactForm(name, role, null, null);
  }

  /** Obviously fictional numbers: 06-12345601…, 0900-0000001…. */
  private String nextPhone(String prefix) {
    phone++;
    return prefix.startsWith("06")
        ? prefix + String.format("%02d", phone % 100)
        : prefix + String.format("%07d", phone);
  }

  private void memberships() {
    MEMBERSHIPS.forEach(
        (user, group) -> {
          if (identityService.createUserQuery().userId(user).count() == 1
              && identityService.createGroupQuery().groupId(group).count() == 1
              && identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 0) {
            identityService.createMembership(user, group);
          }
        });
  }

  private static void check(BeanPropertyBindingResult errors) {
    if (errors.hasErrors()) {
      throw failure(errors);
    }
  }

  private static IllegalStateException failure(BeanPropertyBindingResult errors) {
    return new IllegalStateException("Invalid demo data: " + errors.getAllErrors());
  }
}
