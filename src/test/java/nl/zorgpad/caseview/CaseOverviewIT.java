package nl.zorgpad.caseview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessLogEntry;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.casus.HandoverRegistry;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case pages over real HTTP with the demo cases (made step by step as the demo users):
 * involved caregivers see the case, others get a Dutch 403 and a logged refusal, the
 * noodprocedure works and is flagged, and every read has a complete access-log record.
 */
@ZorgpadIntegrationTest
class CaseOverviewIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String JGZ = "demo-jgz:demo";
  static final String KRAAMZORG = "demo-kraamzorg:demo";

  @LocalServerPort int port;
  @Autowired CaseFileRepository caseFiles;
  @Autowired AccessLog accessLog;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired HandoverRegistry dossier;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired nl.zorgpad.rest.BusinessKeySubqueryPlugin businessKeySubquery;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  String demoCase(String clientReference) {
    return caseFiles.findAll().stream()
        .filter(c -> c.getClientReference().equals(clientReference))
        .map(CaseFile::getCaseNumber)
        .findFirst()
        .orElseThrow();
  }

  List<AccessLogEntry> logSince(String caseNumber, String userId, Instant since) {
    return accessLog.ofCase(caseNumber).stream()
        .filter(e -> e.getUserId().equals(userId) && !e.getOccurredAt().isBefore(since))
        .toList();
  }

  @Test
  void theSignallingMidwifeSeesHerCaseWithEveryPartAndEveryReadIsLoggedWithAllFields() {
    String caseNumber = demoCase("DEMO-VK-0101");
    Instant before = Instant.now();

    HttpResponse<String> page = http.get("/casus/" + caseNumber, MIDWIFE);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Casus " + caseNumber)
        .contains("Betrokkenen")
        .contains("Signaleerder")
        .contains("Heeft een taak")
        .contains("Toestemming vragen aan cliënt")
        .contains("id=\"case-diagram\"")
        .contains("Cliëntgegevens invullen of wijzigen")
        .doesNotContain("id=\"mother-hidden\"");
    List<AccessLogEntry> reads = logSince(caseNumber, "demo-verloskundige", before);
    assertThat(reads)
        .extracting(AccessLogEntry::getObjectType)
        .contains(
            "CaseSummary",
            "Client",
            "Pregnancy",
            "Child",
            "Involvement",
            "HandoverRecord",
            "ConsentRecord",
            "Task");
    assertThat(reads)
        .allSatisfy(
            entry -> {
              assertThat(entry.getAction()).isEqualTo(AccessAction.READ);
              assertThat(entry.getOutcome()).isEqualTo(AccessOutcome.ALLOWED);
              assertThat(entry.getOccurredAt()).isNotNull();
              assertThat(entry.getResponsibleUserId()).isEqualTo("demo-verloskundige");
              assertThat(entry.getUserRoles()).contains("verloskundige");
              assertThat(entry.getClientId()).isNotBlank();
              assertThat(entry.getCaseNumber()).isEqualTo(caseNumber);
              assertThat(entry.getNetworkAddress()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
              assertThat(entry.getSourceSystem()).isEqualTo("zorgpad");
              assertThat(entry.getPurposeOfUse()).isEqualTo("care");
              assertThat(entry.getConsentBasis()).isEqualTo("involvement");
              assertThat(entry.isEmergency()).isFalse();
            });
  }

  @Test
  void anUninvolvedCaregiverGetsADutch403AndTheRefusalIsLogged() {
    String caseNumber = demoCase("DEMO-VK-0101");
    Instant before = Instant.now();

    HttpResponse<String> page = http.get("/casus/" + caseNumber, KRAAMZORG);

    assertThat(page.statusCode()).isEqualTo(403);
    assertThat(page.body())
        .contains("Geen toegang tot deze casus")
        .contains("Noodprocedure")
        .doesNotContain("DEMO-VK-0101");
    assertThat(logSince(caseNumber, "demo-kraamzorg", before))
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getOutcome()).isEqualTo(AccessOutcome.DENIED);
              assertThat(entry.getAction()).isEqualTo(AccessAction.READ);
              assertThat(entry.getConsentBasis()).isNull();
              assertThat(entry.getNetworkAddress()).isNotBlank();
            });
    assertThat(http.get("/casus/" + caseNumber + "/diagram", KRAAMZORG).statusCode())
        .isEqualTo(403);
    assertThat(http.get("/casus/" + caseNumber + "/client", KRAAMZORG).statusCode()).isEqualTo(403);
    assertThat(http.get("/casus", KRAAMZORG).body()).doesNotContain(caseNumber);
  }

  @Test
  void emergencyAccessNeedsAReasonWorksAndIsFlagged() {
    String caseNumber = demoCase("DEMO-HA-0104");
    TestSession kraamzorg = TestSession.browser(port, "demo-kraamzorg:demo");
    assertThat(kraamzorg.get("/casus/" + caseNumber).statusCode()).isEqualTo(403);

    HttpResponse<String> noReason =
        kraamzorg.submit("/casus/" + caseNumber + "/noodtoegang", "reason", "");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(noReason.body()).contains("Geef de reden voor de noodtoegang");
    assertThat(kraamzorg.get("/casus/" + caseNumber).statusCode()).isEqualTo(403);

    Instant before = Instant.now();
    HttpResponse<String> opened =
        kraamzorg.submit(
            "/casus/" + caseNumber + "/noodtoegang",
            "reason",
            "Kraamzorg acuut nodig, verloskundige niet bereikbaar");
    assertThat(opened.statusCode()).isEqualTo(302);
    HttpResponse<String> page = kraamzorg.get("/casus/" + caseNumber);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"emergency-banner\"");

    List<AccessLogEntry> entries = logSince(caseNumber, "demo-kraamzorg", before);
    assertThat(entries.get(0))
        .satisfies(
            entry -> {
              assertThat(entry.getAction()).isEqualTo(AccessAction.EMERGENCY_ACCESS);
              assertThat(entry.isEmergency()).isTrue();
              assertThat(entry.getDetail()).contains("verloskundige niet bereikbaar");
            });
    assertThat(entries.subList(1, entries.size()))
        .isNotEmpty()
        .allSatisfy(
            entry -> {
              assertThat(entry.getOutcome()).isEqualTo(AccessOutcome.ALLOWED);
              assertThat(entry.isEmergency()).isTrue();
              assertThat(entry.getConsentBasis()).isEqualTo("emergency");
              assertThat(entry.getPurposeOfUse()).isEqualTo("emergency");
            });
  }

  @Test
  void jgzSeesTheMothersDossierOnlyWithConsent() {
    // case 3: consent GIVEN for jgz, JGZ holds "Contact met cliënt bevestigen"
    String withConsent = demoCase("DEMO-VK-0103");
    Instant before = Instant.now();
    HttpResponse<String> page = http.get("/casus/" + withConsent, JGZ);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("id=\"mother-hidden\"");
    assertThat(logSince(withConsent, "demo-jgz", before))
        .filteredOn(e -> e.getObjectType().equals("Client"))
        .singleElement()
        .satisfies(e -> assertThat(e.getConsentBasis()).startsWith("consent:"));

    // case 1: JGZ involved by a task, no consent, no referral: child yes, mother no
    String withoutConsent = demoCase("DEMO-VK-0101");
    dossierInvolves(withoutConsent, "jgz");
    HttpResponse<String> second = http.get("/casus/" + withoutConsent, JGZ);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("id=\"mother-hidden\"");
    assertThat(http.get("/casus/" + withoutConsent + "/client", JGZ).statusCode()).isEqualTo(403);
  }

  @Test
  void theCaseListShowsOnlyCasesTheUserMaySee() {
    String first = demoCase("DEMO-VK-0101");
    String buurtteamCase = demoCase("DEMO-BT-0102");
    String list = everyListPage(MIDWIFE);
    assertThat(list).contains(first).doesNotContain(buurtteamCase);
    assertThat(http.get("/casus", "demo-coordinator:demo").body()).contains("id=\"no-cases\"");
    assertThat(http.get("/casus/" + first, "demo-coordinator:demo").statusCode()).isEqualTo(403);
  }

  @Test
  void oneListingIsOneAccessLogRecordNamingTheCasesShown() {
    String first = demoCase("DEMO-VK-0101");
    Instant before = Instant.now();
    // the newest case comes first: the demo case is on the last page once other tests made more
    String list = http.get("/casus?pagina=999", MIDWIFE).body();
    assertThat(list).contains(first);
    // issue 13: one SEARCH record for the listing (not one per case), naming every case shown
    List<AccessLogEntry> listings = jdbcListings("demo-verloskundige", before);
    assertThat(listings)
        .singleElement()
        .satisfies(
            entry -> {
              assertThat(entry.getAction()).isEqualTo(AccessAction.SEARCH);
              assertThat(entry.getOutcome()).isEqualTo(AccessOutcome.ALLOWED);
              assertThat(entry.getCaseNumber()).isNull();
              assertThat(entry.getDetail()).startsWith("CASE_SUMMARY listed: ").contains(first);
              java.util.regex.Matcher shown =
                  java.util.regex.Pattern.compile("href=\"/casus/([^\"/?]+)\"").matcher(list);
              List<String> numbers = new java.util.ArrayList<>();
              while (shown.find()) {
                numbers.add(shown.group(1));
              }
              assertThat(numbers).isNotEmpty();
              assertThat(entry.getDetail().substring("CASE_SUMMARY listed: ".length()).split(" "))
                  .containsExactlyElementsOf(numbers);
              // and it is indexed by each case it names, in the same transaction (the client access
              // report finds the listing through this index, V78)
              assertThat(
                      jdbc.queryForList(
                          "select case_number from zp_access_log_listed where"
                              + " access_log_id = ?",
                          String.class,
                          entry.getId()))
                  .containsExactlyInAnyOrderElementsOf(numbers);
            });
    assertThat(
            accessLog.ofCase(first).stream()
                .filter(
                    e ->
                        !e.getOccurredAt().isBefore(before)
                            && e.getUserId().equals("demo-verloskundige")))
        .isEmpty();
    // a page number that is no number or after the last page answers a page, never an error
    assertThat(http.get("/casus?pagina=abc", MIDWIFE).statusCode()).isEqualTo(200);
    assertThat(http.get("/casus?pagina=999", MIDWIFE).body()).contains(first);
  }

  /** Every page of the user's case list, one after the other (25 cases a page, newest first). */
  private String everyListPage(String user) {
    StringBuilder pages = new StringBuilder();
    for (int page = 1; page < 1000; page++) {
      String body = http.get("/casus?pagina=" + page, user).body();
      pages.append(body);
      if (!body.contains("/casus?pagina=" + (page + 1) + "\"")) {
        return pages.toString();
      }
    }
    throw new AssertionError("more than 999 pages of cases");
  }

  List<AccessLogEntry> jdbcListings(String userId, Instant since) {
    return accessLog.ofUser(userId).stream()
        .filter(e -> "CaseList".equals(e.getObjectType()) && !e.getOccurredAt().isBefore(since))
        .toList();
  }

  @Test
  void theDiagramShowsWhereTheCaseStands() {
    String caseNumber = demoCase("DEMO-VK-0101");
    HttpResponse<String> diagram = http.get("/casus/" + caseNumber + "/diagram", MIDWIFE);
    assertThat(diagram.statusCode()).isEqualTo(200);
    assertThat(diagram.body())
        .contains("zorgpad-kwetsbare-zwangerschap")
        .contains("\"active\":[\"Call_Consent\"]")
        .contains("Start_Signal");
  }

  @Test
  void aConfirmedWarmHandoverIsRecordedAndInvolvesJgz() {
    // case 5: the pathway recorded the handover and JGZ confirmed contact
    String caseNumber = demoCase("DEMO-VK-0105");
    HttpResponse<String> page = http.get("/casus/" + caseNumber, MIDWIFE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Van Verloskundige naar Jeugdgezondheidszorg (JGZ)")
        .contains("contact bevestigd op")
        .contains("Warme overdracht");
  }

  @Test
  void theFinishedTasksOfEveryInstanceOfTheCaseAreShownWithWhoDidThem() {
    // case 5 went through the consent sub-pathway and the main pathway: its finished tasks are
    // read by business key through BusinessKeySubquery (the engine's join read every historic task)
    String caseNumber = demoCase("DEMO-VK-0105");
    List<String> instancesWithFinishedTasks =
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .finished()
            .list()
            .stream()
            .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getProcessInstanceId)
            .distinct()
            .toList();
    assertThat(instancesWithFinishedTasks).hasSizeGreaterThan(1);
    List<String> expected =
        historyService
            .createHistoricTaskInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .finished()
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()
            .stream()
            .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getName)
            .toList();

    long rewrittenBefore = businessKeySubquery.interceptor().rewrittenStatements();
    String page = http.get("/casus/" + caseNumber, MIDWIFE).body();
    // the page's task queries by business key (open, finished) are read through the subquery
    assertThat(businessKeySubquery.interceptor().rewrittenStatements() - rewrittenBefore)
        .isGreaterThanOrEqualTo(2);

    List<String> shown =
        java.util.regex.Pattern.compile("class=\"zp-done-task\">([^<(]+) \\(")
            .matcher(page)
            .results()
            .map(m -> org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)))
            .toList();
    assertThat(shown).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(page).contains("Toestemming vragen aan cliënt (door ").contains("afgerond ");
  }

  @Test
  void theMidwifeEntersTheClientsDataOnTheCliëntgegevensPage() {
    String caseNumber = demoCase("DEMO-VK-0103");
    TestSession midwife = TestSession.browser(port, MIDWIFE);
    HttpResponse<String> invalid =
        midwife.submit(
            "/casus/" + caseNumber + "/client",
            "givenName",
            "Amira",
            "bsn",
            "123456789",
            "postcode",
            "3531 AB");
    assertThat(invalid.statusCode()).isEqualTo(400);
    assertThat(invalid.body()).contains("Het BSN is niet geldig");
    HttpResponse<String> badDateAndParity =
        midwife.submit(
            "/casus/" + caseNumber + "/client",
            "givenName",
            "Amira",
            "birthDate",
            "01-05-1998",
            "parity",
            "twee");
    assertThat(badDateAndParity.statusCode()).isEqualTo(400);
    assertThat(badDateAndParity.body())
        .contains("Vul de geboortedatum in als jjjj-mm-dd.")
        .contains("Vul de pariteit in als een getal.")
        .as("the form keeps what she typed")
        .contains("value=\"01-05-1998\"");

    HttpResponse<String> saved =
        midwife.submit(
            "/casus/" + caseNumber + "/client",
            "givenName",
            "Amira",
            "familyName",
            "Demo",
            "bsn",
            "111222333",
            "birthDate",
            "1998-05-01",
            "postcode",
            "3531 AB",
            "city",
            "Utrecht",
            "parity",
            "1");
    assertThat(saved.statusCode()).isEqualTo(302);
    assertThat(midwife.get("/casus/" + caseNumber).body()).contains("Amira Demo");
    // the sociale kaart knows 3531 AB: the case now lies in Lombok (team assignment reads it)
    assertThat(caseFiles.findByCaseNumber(caseNumber).orElseThrow().getNeighbourhood())
        .isEqualTo("utrecht-lombok");
    assertThat(accessLog.ofCase(caseNumber))
        .anySatisfy(
            e -> {
              assertThat(e.getObjectType()).isEqualTo("Client");
              assertThat(e.getAction()).isEqualTo(AccessAction.CREATE);
              assertThat(e.getUserId()).isEqualTo("demo-verloskundige");
            });
  }

  @Test
  void theRegiehouderGivesATaskToAnotherTeamOfItsDisciplineAndTheEngineRecordsItWasHer() {
    String caseNumber = demoCase("DEMO-VK-0103");
    Task jgzTask =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskCandidateGroup("jgz")
            .singleResult();
    assertThat(jgzTask)
        .as("the demo's JGZ contact task, fallen back to the discipline")
        .isNotNull();
    TestSession regiehouder = TestSession.browser(port, "demo-regiehouder:demo");
    TestSession jgz = TestSession.browser(port, JGZ);
    String path = "/casus/" + caseNumber + "/taken/" + jgzTask.getId() + "/toewijzen";
    try {
      String page = regiehouder.get("/casus/" + caseNumber).body();
      assertThat(page)
          .contains("id=\"reassign-" + jgzTask.getId() + "\"")
          .contains("value=\"jgz-utrecht-west\"")
          .contains("Toewijzen aan")
          .doesNotContain("value=\"buurtteam-utrecht-lombok\"");
      assertThat(jgz.get("/casus/" + caseNumber).body())
          .as("only the regiehouder gets the form")
          .doesNotContain("id=\"reassign-");

      HttpResponse<String> refused = jgz.submit(path, "groupId", "jgz-utrecht-west");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("Alleen de regiehouder van deze casus");
      HttpResponse<String> otherDiscipline =
          regiehouder.submit(path, "groupId", "buurtteam-utrecht-lombok");
      assertThat(otherDiscipline.statusCode()).isEqualTo(400);
      assertThat(otherDiscipline.body()).contains("Kies een team van dezelfde discipline");
      assertThat(regiehouder.submit(path, "groupId", "").statusCode()).isEqualTo(400);
      String otherCase = demoCase("DEMO-VK-0105");
      assertThat(
              regiehouder
                  .submit(
                      "/casus/" + otherCase + "/taken/" + jgzTask.getId() + "/toewijzen",
                      "groupId",
                      "jgz-utrecht-west")
                  .statusCode())
          .as("a task of another case")
          .isIn(400, 403);
      assertThat(candidateGroups(jgzTask.getId())).containsExactly("jgz");

      Instant before = Instant.now();
      assertThat(regiehouder.submit(path, "groupId", "jgz-utrecht-west").statusCode())
          .isEqualTo(302);
      assertThat(candidateGroups(jgzTask.getId())).containsExactly("jgz-utrecht-west");
      assertThat(
              historyService
                  .createUserOperationLogQuery()
                  .taskId(jgzTask.getId())
                  .userId("demo-regiehouder")
                  .list())
          .extracting(UserOperationLogEntry::getOperationType)
          .contains(
              UserOperationLogEntry.OPERATION_TYPE_ADD_GROUP_LINK,
              UserOperationLogEntry.OPERATION_TYPE_DELETE_GROUP_LINK);
      assertThat(logSince(caseNumber, "demo-regiehouder", before))
          .anySatisfy(
              entry -> {
                assertThat(entry.getAction()).isEqualTo(AccessAction.UPDATE);
                assertThat(entry.getObjectType()).isEqualTo("Task");
                assertThat(entry.getObjectId()).isEqualTo(jgzTask.getId());
              });
    } finally {
      // other tests use the demo case as it was
      regiehouder.submit(path, "groupId", "jgz");
      assertThat(candidateGroups(jgzTask.getId())).containsExactly("jgz");
    }
  }

  private List<String> candidateGroups(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  @Test
  void aReferralGoesOnlyToATeamOfTheSocialeKaartOrADiscipline() {
    String caseNumber = demoCase("DEMO-VK-0101");
    TestSession midwife = TestSession.browser(port, MIDWIFE);
    String page = midwife.get("/casus/" + caseNumber).body();
    // the teams of the case's coalition (issue 11), not Zeist's
    assertThat(page)
        .contains("<select id=\"groupId\" name=\"groupId\" required>")
        .contains("value=\"jgz-utrecht-west\"")
        .contains("Moedermaatjes Utrecht")
        .doesNotContain("Wandelmaatjes 1000 dagen");

    for (String wrong : new String[] {"jgz-utrect-west", "", "jgz; drop table"}) {
      HttpResponse<String> refused =
          midwife.submit("/casus/" + caseNumber + "/verwijzing", "groupId", wrong);
      assertThat(refused.statusCode()).as(wrong).isEqualTo(400);
      assertThat(refused.body()).as(wrong).contains("Kies een team of discipline uit de lijst");
    }
    assertThat(midwife.get("/casus/" + caseNumber).body()).doesNotContain("jgz-utrect-west");

    assertThat(
            midwife
                .submit("/casus/" + caseNumber + "/verwijzing", "groupId", "informele-zorg-zeist")
                .statusCode())
        .as("another coalition's team")
        .isEqualTo(400);
    assertThat(
            midwife
                .submit("/casus/" + caseNumber + "/verwijzing", "groupId", "informele-zorg-utrecht")
                .statusCode())
        .isEqualTo(302);
    assertThat(midwife.get("/casus/" + caseNumber).body()).contains("Moedermaatjes Utrecht");
  }

  @Test
  void theBuurtteamBecomesRegiehouder() {
    String caseNumber = demoCase("DEMO-BT-0102");
    TestSession buurtteam = TestSession.browser(port, "demo-buurtteam:demo");
    assertThat(buurtteam.get("/casus/" + caseNumber).body()).contains("Ik word regiehouder");
    assertThat(buurtteam.submit("/casus/" + caseNumber + "/regiehouder").statusCode())
        .isEqualTo(302);
    String page = buurtteam.get("/casus/" + caseNumber).body();
    // "Regiehouder: <team name>" (issue 11)
    assertThat(page)
        .contains("id=\"care-coordinator\">Buurtteam Lombok<")
        .doesNotContain("Ik word regiehouder");
  }

  @Test
  void theOverviewShowsTheContactsOfAnInvolvedTeamFromTheSocialeKaart() {
    String caseNumber = demoCase("DEMO-VK-0101");
    dossierInvolves(caseNumber, "jgz-utrecht-west");
    HttpResponse<String> page = http.get("/casus/" + caseNumber, MIDWIFE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("jgz-utrecht-west")
        .contains("Hanna Verbeek")
        .contains("Jeugdverpleegkundige");
  }

  private void dossierInvolves(String caseNumber, String group) {
    dossier.involveForTask(caseNumber, List.of(group), "system");
  }
}
