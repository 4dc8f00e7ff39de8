package nl.zorgpad.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, deliverable 2 (decision 0008), driven as the demo users do it — the Tasklist's own
 * REST calls and {@code POST /api/signals}: Al Amal's volunteer and a midwife signal the same
 * woman (seed 000: "In het overleg begon een verloskundige toevallig over diezelfde vrouw") and
 * there is one case, both are involved, the first signaller gets "Nieuw signaal van
 * verloskundige", and neither reads the other's dossier content; two signals at the same moment
 * still give one case.
 */
@ZorgpadIntegrationTest
class OneCasePerWomanIT {

  static final String VOLUNTEER = "demo-informele-zorg:demo";
  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String GP = "demo-huisarts:demo";
  static final String MAIN = "zorgpad-kwetsbare-zwangerschap";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Random RANDOM = new Random();

  @LocalServerPort int port;
  @Autowired CaseFileService caseFiles;
  @Autowired CaseInvolvements involvements;
  @Autowired TaskService taskService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  @Test
  void volunteerInTheTasklistAndMidwifeThroughTheApi_oneCaseBothInvolved() throws Exception {
    Client woman = Client.random();
    TasklistSession volunteer = new TasklistSession(port, VOLUNTEER);

    HttpResponse<String> first =
        volunteer.submitStartForm(
            MAIN, woman.form("informele-zorg", "VZ-0001", List.of("migratie-taal")));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String caseNumber = TasklistSession.json(first).path("businessKey").asText();
    long casesBefore = caseCount();

    HttpResponse<String> second =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            woman.api("verloskundige", "VP-7781", List.of("huiselijk-geweld", "stress")));

    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(second.body());
    assertThat(answer.path("joined").asBoolean()).isTrue();
    assertThat(answer.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(answer.path("match").asText()).isEqualTo("bsn-geboortedatum");
    // told in Dutch that she has a case and whom to contact — and nothing of her dossier
    assertThat(answer.path("userMessage").asText())
        .contains("al een lopende casus")
        .contains(caseNumber)
        .contains("eerste signaleerder")
        .contains("Moedermaatjes Utrecht")
        .doesNotContain(woman.bsn)
        .doesNotContain(woman.birthDate.toString())
        .doesNotContain(woman.postcode);
    assertThat(caseCount()).as("no second case").isEqualTo(casesBefore);

    List<Involvement> involved = involvements.current(caseNumber);
    assertThat(involved)
        .anySatisfy(
            i -> {
              assertThat(i.getUserId()).isEqualTo("demo-informele-zorg");
              assertThat(i.getRole()).isEqualTo(InvolvementRole.SIGNALLER);
              assertThat(i.getGroupId()).isEqualTo("informele-zorg-utrecht");
            });
    assertThat(involved)
        .anySatisfy(
            i -> {
              assertThat(i.getUserId()).isEqualTo("demo-verloskundige");
              assertThat(i.getRole()).isEqualTo(InvolvementRole.JOINED_SIGNALLER);
              assertThat(i.getGroupId()).isEqualTo("verloskundige-utrecht-lombok");
            });

    // the first signaller (no regiehouder yet) gets the new signal, in her Tasklist
    Task review =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey("Task_ReviewNewSignal")
            .singleResult();
    assertThat(review.getName()).isEqualTo("Nieuw signaal van verloskundige");
    assertThat(review.getAssignee()).isEqualTo("demo-informele-zorg");
    assertThat(candidateGroups(review)).containsExactly("informele-zorg-utrecht");
    JsonNode hers = volunteer.tasksOfCase(caseNumber);
    assertThat(hers.findValuesAsText("name")).contains("Nieuw signaal van verloskundige");

    // neither reads the other's dossier content: the volunteer (informal care) and the midwife
    // (a later signaller) see the case, not the mother's dossier, without the client's consent
    assertThat(http.get("/casus/" + caseNumber, MIDWIFE).statusCode()).isEqualTo(200);
    assertThat(http.get("/casus/" + caseNumber, MIDWIFE).body())
        .contains("Moedermaatjes Utrecht")
        .doesNotContain(woman.bsn);
    assertThat(http.get("/casus/" + caseNumber + "/client", MIDWIFE).statusCode()).isEqualTo(403);
    assertThat(http.get("/casus/" + caseNumber + "/client", VOLUNTEER).statusCode()).isEqualTo(403);

    // she reviews it in the Tasklist: no extra action
    HttpResponse<String> done =
        volunteer.submitTaskForm(review.getId(), Map.of("newSignalAction", "geen-actie"));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void midwifeThroughTheApiThenVolunteerInTheTasklist_theVolunteerIsToldInDutch() throws Exception {
    Client woman = Client.random();
    HttpResponse<String> first =
        http.postJson(
            "/api/signals", MIDWIFE, woman.api("verloskundige", "VP-7782", List.of("stress")));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(first.body()).path("caseNumber").asText();
    long casesBefore = caseCount();

    HttpResponse<String> second =
        new TasklistSession(port, VOLUNTEER)
            .submitStartForm(
                MAIN, woman.form("informele-zorg", "VZ-0002", List.of("migratie-taal")));

    // the Tasklist shows the refusal's text in its start dialog: no new case, whom to contact
    assertThat(second.statusCode()).as(second.body()).isIn(400, 409);
    assertThat(second.body())
        .contains("al een lopende casus")
        .contains(caseNumber)
        .contains("Verloskundigen Lombok")
        .doesNotContain(woman.bsn);
    assertThat(caseCount()).isEqualTo(casesBefore);
    assertThat(involvements.current(caseNumber))
        .anySatisfy(
            i -> {
              assertThat(i.getUserId()).isEqualTo("demo-informele-zorg");
              assertThat(i.getRole()).isEqualTo(InvolvementRole.JOINED_SIGNALLER);
            });
    Task review =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey("Task_ReviewNewSignal")
            .singleResult();
    assertThat(review.getName()).isEqualTo("Nieuw signaal van informele-zorg");
    assertThat(review.getAssignee()).isEqualTo("demo-verloskundige");
    assertThat(candidateGroups(review)).containsExactly("verloskundige-utrecht-lombok");

    // pressing "start" again joins nothing twice
    HttpResponse<String> again =
        new TasklistSession(port, VOLUNTEER)
            .submitStartForm(
                MAIN, woman.form("informele-zorg", "VZ-0002", List.of("migratie-taal")));
    assertThat(again.body()).contains("was al aan die casus toegevoegd");
    assertThat(
            taskService
                .createTaskQuery()
                .processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey("Task_ReviewNewSignal")
                .count())
        .isEqualTo(1);
  }

  @Test
  void withoutBsn_birthDateAndPostcodeMatchWeakerAndTheReviewerIsAskedToConfirm() throws Exception {
    Client woman = Client.random().withoutBsn();
    HttpResponse<String> first =
        http.postJson(
            "/api/signals",
            GP,
            woman.api("huisarts", "HA-5511", List.of("geen-verblijfsvergunning-verzekering")));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(first.body()).path("caseNumber").asText();

    HttpResponse<String> second =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            woman
                .withPostcode(woman.postcode.substring(0, 4))
                .api("verloskundige", "VP-7783", List.of("late-start-zorg")));

    JsonNode answer = JSON.readTree(second.body());
    assertThat(answer.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(answer.path("match").asText()).isEqualTo("geboortedatum-postcode");
    assertThat(answer.path("userMessage").asText()).contains("zonder BSN");
  }

  @Test
  void twoSignalsForOneWomanAtTheSameMomentGiveOneCase() throws Exception {
    Client woman = Client.random();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<HttpResponse<String>>> signals =
        List.of(
            () -> {
              start.await();
              return http.postJson(
                  "/api/signals",
                  MIDWIFE,
                  woman.api("verloskundige", "VP-8001", List.of("stress")));
            },
            () -> {
              start.await();
              return http.postJson(
                  "/api/signals", GP, woman.api("huisarts", "HA-8002", List.of("armoede")));
            });
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    for (Callable<HttpResponse<String>> signal : signals) {
      answers.add(pool.submit(signal));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (Future<HttpResponse<String>> answer : answers) {
      HttpResponse<String> response = answer.get();
      statuses.add(response.statusCode());
      numbers.add(JSON.readTree(response.body()).path("caseNumber").asText());
    }
    pool.shutdown();

    assertThat(statuses).as("one opened, one joined").containsExactlyInAnyOrder(201, 200);
    assertThat(numbers.get(0)).isEqualTo(numbers.get(1));
  }

  @Test
  void anotherCoalitionsCaseIsNeverMatched() throws Exception {
    Client woman = Client.random();
    HttpResponse<String> shared =
        http.postJson(
            "/api/signals", MIDWIFE, woman.api("verloskundige", "VP-9001", List.of("stress")));
    HttpResponse<String> zeist =
        http.postJson(
            "/api/signals",
            "demo-verloskundige-zeist:demo",
            woman.api("verloskundige", "VZ-9002", List.of("stress")));

    assertThat(shared.statusCode()).isEqualTo(201);
    assertThat(zeist.statusCode()).as("Zeist's case is Zeist's (decision 0005)").isEqualTo(201);
    assertThat(JSON.readTree(zeist.body()).path("caseNumber").asText())
        .isNotEqualTo(JSON.readTree(shared.body()).path("caseNumber").asText());
  }

  @Test
  void aClosedCaseIsNotJoined() throws Exception {
    Client woman = Client.random();
    HttpResponse<String> first =
        http.postJson(
            "/api/signals", MIDWIFE, woman.api("verloskundige", "VP-9101", List.of("stress")));
    String caseNumber = JSON.readTree(first.body()).path("caseNumber").asText();
    assertThat(
            http.postJson(
                    "/api/cases/" + caseNumber + "/end", MIDWIFE, "{\"endReason\": \"verhuisd\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(caseFiles.find(caseNumber).map(CaseFile::getStatus))
        .hasValue(CaseStatus.CLOSED_MOVED);

    HttpResponse<String> again =
        http.postJson("/api/signals", GP, woman.api("huisarts", "HA-9102", List.of("stress")));

    assertThat(again.statusCode()).isEqualTo(201);
    // and /casus names the early end in Dutch (issue 11: no ??case.status…??)
    assertThat(http.get("/casus", MIDWIFE).body())
        .contains("Gesloten (verhuisd)")
        .doesNotContain("??");
  }

  private long caseCount() {
    return jdbc.queryForObject("select count(*) from zp_case_file", Long.class);
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /** What a signaller knows about the woman: random, so that tests never meet by accident. */
  record Client(String bsn, LocalDate birthDate, String postcode) {

    static Client random() {
      LocalDate birth = LocalDate.of(1985, 1, 1).plusDays(RANDOM.nextInt(14 * 365));
      return new Client(
          nl.zorgpad.support.TestBsn.random(),
          birth,
          "3531" + (char) ('A' + RANDOM.nextInt(20)) + "B");
    }

    /** She tells nothing about who she is (only the pseudonymous reference). */
    static Client unknown() {
      return new Client(null, null, null);
    }

    Client withoutBsn() {
      return new Client(null, birthDate, postcode);
    }

    Client withPostcode(String other) {
      return new Client(bsn, birthDate, other);
    }

    Map<String, Object> form(String discipline, String reference, List<String> riskDomains) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("clientReference", reference);
      values.put("dueDate", LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20).toString());
      values.put("gestationalAgeWeeks", 20);
      values.put("riskDomains", riskDomains);
      values.put("signallingDiscipline", discipline);
      if (bsn != null) {
        values.put("clientBsn", bsn);
      }
      if (birthDate != null) {
        values.put("clientBirthDate", birthDate.toString());
      }
      if (postcode != null) {
        values.put("clientPostcode", postcode);
      }
      return values;
    }

    String api(String discipline, String reference, List<String> riskDomains) {
      Map<String, Object> values = form(discipline, reference, riskDomains);
      try {
        return JSON.writeValueAsString(values);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
