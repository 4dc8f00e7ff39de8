package nl.zorgpad.socialmap;

import static nl.zorgpad.support.TestSession.fields;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The sociale kaart pages in the running application: anyone logged in searches, coordinators
 * edit and import, caregivers get 403, anonymous users go to the login page, bad input gets a
 * Dutch 4xx answer.
 */
@ZorgpadIntegrationTest
class SocialMapPagesIT {

  static final String COORDINATOR = "demo-coordinator:demo";
  static final String CAREGIVER = "demo-jgz:demo";
  static final String OTHER_CAREGIVER = "demo-kraamzorg:demo";

  /** Every test gets its own PC4 area, far from the demo data. */
  static final AtomicInteger PC4 = new AtomicInteger(9100);

  @LocalServerPort int port;
  @Autowired TeamRepository teams;
  @Autowired NeighbourhoodRepository neighbourhoods;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;

  @Test
  void anonymousUsersAreSentToTheLoginPage() {
    TestSession anonymous = TestSession.browser(port, null);
    for (String path :
        new String[] {
          "/sociale-kaart",
          "/sociale-kaart?postcode=3531AB",
          "/sociale-kaart/export.csv",
          "/sociale-kaart/beheer",
          "/sociale-kaart/wijken/nieuw",
          "/sociale-kaart/import"
        }) {
      HttpResponse<String> response = anonymous.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(302);
      assertThat(response.headers().firstValue("Location"))
          .as(path)
          .hasValueSatisfying(location -> assertThat(location).endsWith("/login"));
    }
  }

  @Test
  void anyoneLoggedInSearchesByPostcodeDisciplineNeighbourhoodAndName() {
    TestSession caregiver = TestSession.browser(port, OTHER_CAREGIVER);

    HttpResponse<String> all = caregiver.get("/sociale-kaart");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body())
        .contains("<h1>Sociale kaart</h1>", "JGZ Utrecht West", "Ziekenhuis Drechtoever")
        .doesNotContain("id=\"link-admin\"");

    HttpResponse<String> postcode = caregiver.get("/sociale-kaart?postcode=3531+ab");
    assertThat(postcode.statusCode()).isEqualTo(200);
    assertThat(postcode.body())
        .contains(
            "Postcode 3531 AB ligt in wijk Lombok (Utrecht).",
            "id=\"team-jgz-utrecht-west\"",
            "Hanna Verbeek",
            "href=\"tel:0612345",
            "href=\"mailto:jgz-utrecht-west@veilig.demo.invalid\"")
        .doesNotContain("id=\"team-jgz-utrecht-noordoost\"", "id=\"team-jgz-amersfoort\"");

    HttpResponse<String> jgzInAmersfoort =
        caregiver.get("/sociale-kaart?discipline=jgz&wijk=amersfoort-noord");
    assertThat(jgzInAmersfoort.body())
        .contains("id=\"team-jgz-amersfoort\"")
        .doesNotContain(
            "id=\"team-verloskundige-amersfoort-noord\"", "id=\"team-jgz-utrecht-west\"");

    assertThat(caregiver.get("/sociale-kaart?zoek=verbeek").body())
        .contains("Hanna Verbeek")
        .doesNotContain("id=\"team-jgz-amersfoort\"");
    assertThat(caregiver.get("/sociale-kaart?postcode=9999").body())
        .contains("Postcode 9999 ligt niet in een wijk van de sociale kaart.");
  }

  @Test
  void badSearchInputGets400WithADutchMessage() {
    TestSession caregiver = TestSession.browser(port, CAREGIVER);
    HttpResponse<String> postcode = caregiver.get("/sociale-kaart?postcode=Kanaalstraat+1");
    assertThat(postcode.statusCode()).isEqualTo(400);
    assertThat(postcode.body()).contains("is geen geldige postcode");
    HttpResponse<String> discipline = caregiver.get("/sociale-kaart?discipline=tandarts");
    assertThat(discipline.statusCode()).isEqualTo(400);
    assertThat(discipline.body()).contains("Onbekende discipline.");
    assertThat(caregiver.get("/sociale-kaart?wijk=nergens").statusCode()).isEqualTo(400);
  }

  @Test
  void anyoneLoggedInExportsTheMap() {
    HttpResponse<String> export =
        TestSession.browser(port, CAREGIVER).get("/sociale-kaart/export.csv");
    assertThat(export.statusCode()).isEqualTo(200);
    assertThat(export.headers().firstValue("Content-Type")).hasValue("text/csv;charset=UTF-8");
    assertThat(export.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(value -> assertThat(value).contains("sociale-kaart.csv"));
    assertThat(export.body())
        .startsWith("\ufeffsoort;code;naam;organisatie;")
        .contains(
            "team;jgz-utrecht-west;JGZ Utrecht West;Jeugdgezondheidszorg Utrecht Stad;;jgz;"
                + "utrecht-lombok;");
  }

  @Test
  void everyListOfTheAdminPageDeletesOnlyAfterAConfirmation() {
    TestSession coordinator = TestSession.browser(port, COORDINATOR);
    long lombok = neighbourhoods.findByCode("utrecht-lombok").orElseThrow().getId();
    String admin = coordinator.get("/sociale-kaart/beheer").body();
    assertThat(admin)
        .contains(
            "action=\"/sociale-kaart/wijken/" + lombok + "/verwijderen\"",
            "data-confirm=\"Lombok (Utrecht) verwijderen?\"",
            "/sociale-kaart/organisaties/",
            // the question itself is asked by static/js/zorgpad.js (no inline script: CSP);
            // ContentSecurityPolicyBrowserIT clicks it
            "<script src=\"/js/zorgpad.js\" defer></script>");
    assertThat(admin).doesNotContain("onsubmit=");
    long teamId = teams.findByGroupId("jgz-utrecht-west").orElseThrow().getId();
    assertThat(admin).contains("action=\"/sociale-kaart/teams/" + teamId + "/verwijderen\"");
  }

  @Test
  void caregiversCannotEditOrImport() {
    TestSession caregiver = TestSession.browser(port, CAREGIVER);
    long teamId = teams.findByGroupId("jgz-utrecht-west").orElseThrow().getId();
    for (String path :
        new String[] {
          "/sociale-kaart/beheer",
          "/sociale-kaart/wijken/nieuw",
          "/sociale-kaart/organisaties/nieuw",
          "/sociale-kaart/teams/" + teamId,
          "/sociale-kaart/teams/" + teamId + "/contacten/nieuw",
          "/sociale-kaart/import"
        }) {
      assertThat(caregiver.get(path).statusCode()).as(path).isEqualTo(403);
    }
    // with a valid CSRF token, so that it is the role that is refused
    HttpResponse<String> create =
        caregiver.postForm(
            "/sociale-kaart/organisaties/nieuw",
            "/sociale-kaart",
            fields("name", "Mijn Eigen Praktijk", "type", "OVERIG", "coalition", "Test"));
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(
            caregiver
                .postForm(
                    "/sociale-kaart/teams/" + teamId + "/verwijderen", "/sociale-kaart", Map.of())
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> upload =
        caregiver.postCsv(
            "/sociale-kaart/import",
            "/sociale-kaart",
            "bestand",
            "kaart.csv",
            "soort;code\n".getBytes(StandardCharsets.UTF_8));
    assertThat(upload.statusCode()).isEqualTo(403);
    assertThat(teams.findByGroupId("jgz-utrecht-west")).isPresent();
    HttpResponse<String> forbidden = caregiver.get("/sociale-kaart/beheer");
    assertThat(forbidden.body()).contains("U heeft geen toegang tot deze pagina.");
  }

  @Test
  void coordinatorBuildsANeighbourhoodWithATeamAndAContact() {
    TestSession coordinator = TestSession.browser(port, COORDINATOR);
    int pc4 = PC4.getAndIncrement();
    String code = "it-wijk-" + pc4;

    assertThat(coordinator.get("/sociale-kaart/beheer").statusCode()).isEqualTo(200);
    assertThat(coordinator.get("/sociale-kaart/wijken/nieuw").statusCode()).isEqualTo(200);
    HttpResponse<String> neighbourhood =
        coordinator.postForm(
            "/sociale-kaart/wijken/nieuw",
            "/sociale-kaart/wijken/nieuw",
            fields(
                "code",
                code,
                "name",
                "Testwijk " + pc4,
                "municipality",
                "Teststad",
                "coalition",
                "Kansrijke Start Test",
                "postcodes",
                pc4 + "AA-" + pc4 + "ZZ"));
    assertThat(neighbourhood.statusCode()).isEqualTo(302);
    long neighbourhoodId = neighbourhoods.findByCode(code).orElseThrow().getId();

    HttpResponse<String> organisation =
        coordinator.postForm(
            "/sociale-kaart/organisaties/nieuw",
            "/sociale-kaart/organisaties/nieuw",
            fields(
                "name",
                "Testorganisatie " + pc4,
                "type",
                "GGD_JGZ",
                "coalition",
                "Kansrijke Start Test",
                "phone",
                "030 123 45 67"));
    assertThat(organisation.statusCode()).isEqualTo(302);
    String overview = coordinator.get("/sociale-kaart/beheer").body();
    Matcher organisationLink =
        Pattern.compile("/sociale-kaart/organisaties/(\\d+)\">Testorganisatie " + pc4)
            .matcher(overview);
    assertThat(organisationLink.find()).isTrue();

    String groupId = "jgz-it-" + pc4;
    HttpResponse<String> team =
        coordinator.postForm(
            "/sociale-kaart/teams/nieuw",
            "/sociale-kaart/teams/nieuw",
            fields(
                "name",
                "JGZ Testteam",
                "organisationId",
                organisationLink.group(1),
                "discipline",
                "jgz",
                "groupId",
                groupId,
                "neighbourhoodIds",
                String.valueOf(neighbourhoodId)));
    assertThat(team.statusCode()).isEqualTo(302);
    String teamPath =
        team.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
    assertThat(teamPath).matches("/sociale-kaart/teams/\\d+");
    // the team's Camunda group exists at once
    assertThat(identityService.createGroupQuery().groupId(groupId).singleResult().getName())
        .isEqualTo("JGZ Testteam – Testorganisatie " + pc4);

    HttpResponse<String> contact =
        coordinator.postForm(
            teamPath + "/contacten/nieuw",
            teamPath,
            fields(
                "name",
                "Test Contactpersoon",
                "role",
                "Jeugdverpleegkundige",
                "phone",
                "06-12345678",
                "secureMail",
                "test@veilig.demo.invalid"));
    assertThat(contact.statusCode()).isEqualTo(302);

    String found =
        TestSession.browser(port, CAREGIVER).get("/sociale-kaart?postcode=" + pc4 + "XY").body();
    assertThat(found)
        .contains(
            "ligt in wijk Testwijk " + pc4 + " (Teststad)",
            "Test Contactpersoon",
            "href=\"tel:0612345678\"",
            "030 123 45 67");
  }

  @Test
  void invalidFormsAreShownAgainWithDutchMessagesAnd422() {
    TestSession coordinator = TestSession.browser(port, COORDINATOR);
    HttpResponse<String> reserved =
        coordinator.postForm(
            "/sociale-kaart/teams/nieuw",
            "/sociale-kaart/teams/nieuw",
            fields("name", "", "organisationId", "999999", "discipline", "jgz", "groupId", "jgz"));
    assertThat(reserved.statusCode()).isEqualTo(422);
    assertThat(reserved.body())
        .contains(
            "Niet opgeslagen: verbeter de gemarkeerde velden.",
            "Vul dit veld in.",
            "Deze groepscode is gereserveerd",
            "Deze bestaat niet (meer) in de sociale kaart.");

    HttpResponse<String> ranges =
        coordinator.postForm(
            "/sociale-kaart/wijken/nieuw",
            "/sociale-kaart/wijken/nieuw",
            fields(
                "code",
                "Geen Code",
                "name",
                "Lombok-bis",
                "municipality",
                "Utrecht",
                "coalition",
                "Test",
                "postcodes",
                "3531-3531"));
    assertThat(ranges.statusCode()).isEqualTo(422);
    assertThat(ranges.body())
        .contains(
            "Gebruik kleine letters, cijfers en streepjes",
            "Postcodereeks 3531 overlapt met wijk Lombok (Utrecht) (utrecht-lombok).");

    HttpResponse<String> type =
        coordinator.postForm(
            "/sociale-kaart/organisaties/nieuw",
            "/sociale-kaart/organisaties/nieuw",
            fields(
                "name", "Praktijk X", "type", "TANDARTS", "coalition", "Test", "phone", "bel me"));
    assertThat(type.statusCode()).isEqualTo(422);
    assertThat(type.body())
        .contains("Deze waarde is ongeldig.", "Vul een geldig telefoonnummer in");

    assertThat(coordinator.get("/sociale-kaart/teams/99999999").statusCode()).isEqualTo(404);
    assertThat(coordinator.get("/sociale-kaart/teams/abc").statusCode()).isEqualTo(400);
  }

  @Test
  void deletingWhatIsInUseGets409WithADutchMessage() {
    TestSession coordinator = TestSession.browser(port, COORDINATOR);
    long lombok = neighbourhoods.findByCode("utrecht-lombok").orElseThrow().getId();
    HttpResponse<String> neighbourhood =
        coordinator.postForm(
            "/sociale-kaart/wijken/" + lombok + "/verwijderen", "/sociale-kaart/beheer", Map.of());
    assertThat(neighbourhood.statusCode()).isEqualTo(409);
    assertThat(neighbourhood.body()).contains("Wijk Lombok (Utrecht) wordt nog bediend door:");

    // a team with an open task
    if (repositoryService
            .createProcessDefinitionQuery()
            .processDefinitionKey("it-pages-task")
            .count()
        == 0) {
      repositoryService
          .createDeployment()
          .addModelInstance(
              "it-pages-task.bpmn",
              Bpmn.createExecutableProcess("it-pages-task")
                  .camundaHistoryTimeToLive(1)
                  .startEvent()
                  .userTask()
                  .camundaCandidateGroups("regiehouder")
                  .endEvent()
                  .done())
          .deploy();
    }
    runtimeService.startProcessInstanceByKey("it-pages-task", Map.of("neighbourhood", "doesburg"));
    long team = teams.findByGroupId("regiehouder-doesburg").orElseThrow().getId();
    HttpResponse<String> delete =
        coordinator.postForm(
            "/sociale-kaart/teams/" + team + "/verwijderen", "/sociale-kaart/beheer", Map.of());
    assertThat(delete.statusCode()).isEqualTo(409);
    assertThat(delete.body())
        .contains("Team Sociale regiehouders CJG Doesburg heeft nog 1 open" + " taken.");
    assertThat(teams.findById(team)).isPresent();
  }

  @Test
  void importWithBadRowsReportsEachRowAndChangesNothingNotEvenInTheEngine() {
    TestSession coordinator = TestSession.browser(port, COORDINATOR);
    int pc4 = PC4.getAndIncrement();
    String header = String.join(";", SocialMapCsv.COLUMNS) + "\n";
    String good =
        header
            + "wijk;it-import-"
            + pc4
            + ";Importwijk;;;;;;;;;Teststad;Test;"
            + pc4
            + "\n"
            + "organisatie;;Importorganisatie "
            + pc4
            + ";;kraamzorgorganisatie;;;;;;;;Test;\n"
            + "team;kraamzorg-import-"
            + pc4
            + ";Kraamteam;Importorganisatie "
            + pc4
            + ";;kraamzorg;it-import-"
            + pc4
            + ";;;;;;;\n";
    String bad =
        good
            + "contact;;Zonder Team;;;;;;Kraamverzorgende;06-12345678;;;;\n"
            + "wijk;it-import-bis-"
            + pc4
            + ";Overlap;;;;;;;;;Teststad;Test;"
            + pc4
            + "KA\n";

    HttpResponse<String> refused =
        coordinator.postCsv(
            "/sociale-kaart/import",
            "/sociale-kaart/import",
            "bestand",
            "kaart.csv",
            bad.getBytes(StandardCharsets.UTF_8));

    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body())
        .contains(
            "is niet ingelezen: 2 fouten gevonden",
            "<td>5</td>",
            "<td>team</td>",
            "<td>6</td>",
            "<td>postcodes</td>",
            "overlapt met wijk");
    assertThat(neighbourhoods.findByCode("it-import-" + pc4)).isEmpty();
    assertThat(identityService.createGroupQuery().groupId("kraamzorg-import-" + pc4).count())
        .as("the team's group was rolled back with the rest")
        .isZero();

    HttpResponse<String> accepted =
        coordinator.postCsv(
            "/sociale-kaart/import",
            "/sociale-kaart/import",
            "bestand",
            "kaart.csv",
            good.getBytes(StandardCharsets.UTF_8));
    assertThat(accepted.statusCode()).isEqualTo(302);
    assertThat(coordinator.get("/sociale-kaart/beheer").body())
        .contains("Import gelukt: 1 wijken, 1 organisaties, 1 teams en 0 contactpersonen");
    assertThat(identityService.createGroupQuery().groupId("kraamzorg-import-" + pc4).count())
        .isOne();

    HttpResponse<String> empty =
        coordinator.postCsv(
            "/sociale-kaart/import", "/sociale-kaart/import", "bestand", "", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("Kies een CSV-bestand om in te lezen.");
  }
}
