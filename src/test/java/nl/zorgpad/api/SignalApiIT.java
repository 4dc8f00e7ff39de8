package nl.zorgpad.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.stream.Stream;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * POST /api/signals over real HTTP: the same fields and rules as the start form, the case started
 * as the calling user, clear 4xx answers with a Dutch userMessage, and the OpenAPI description
 * behind the login.
 */
@ZorgpadIntegrationTest
class SignalApiIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String GP = "demo-huisarts:demo";
  static final String AUDITOR = "demo-auditor:demo";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CaseFileService caseFiles;
  @Autowired TaskService taskService;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  /** 20 weeks pregnant today: due in 20 weeks. */
  static String validSignal(String discipline) {
    LocalDate dueDate = LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20);
    return """
        {"clientReference": "HA-4711", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "stress"], "signallingDiscipline": "%s"}
        """
        .formatted(dueDate, discipline);
  }

  @Test
  void validSignalOpensCaseAndGivesTheFirstTaskToTheSignallersTeam() throws Exception {
    HttpResponse<String> response = http.postJson("/api/signals", GP, validSignal("huisarts"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(response.body()).path("caseNumber").asText();
    assertThat(caseNumber).matches("^ZP-\\d{4}-\\d{5,}$");
    assertThat(caseFiles.find(caseNumber))
        .hasValueSatisfying(
            caseFile -> assertThat(caseFile.getCreatedBy()).isEqualTo("demo-huisarts"));
    Task first =
        taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    // the signaller's own team (issue 11: the signaller keeps her work), not the whole discipline
    assertThat(taskService.getIdentityLinksForTask(first.getId()))
        .extracting(IdentityLink::getGroupId)
        .containsExactly("huisarts-utrecht-lombok");
  }

  static Stream<Arguments> invalidSignals() {
    String dueDate = LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20).toString();
    String valid = validSignal("verloskundige");
    return Stream.of(
        Arguments.of(
            "clientReference",
            valid.replace("HA-4711", "Anne de Vries"),
            "alleen letters, cijfers en koppeltekens"),
        Arguments.of("clientReference", valid.replace("HA-4711", "111222333"), "lijkt op een BSN"),
        Arguments.of(
            "clientReference", valid.replace("\"HA-4711\"", "null"), "Vul een cliëntreferentie in"),
        Arguments.of(
            "dueDate",
            valid.replace(dueDate, "20-07-2026"),
            "Vul een geldige uitgerekende datum in"),
        Arguments.of(
            "dueDate",
            valid.replace(dueDate, LocalDate.now().plusYears(2).toString()),
            "meer dan 40 weken in de toekomst"),
        Arguments.of(
            "gestationalAgeWeeks", valid.replace(": 20,", ": 50,"), "tussen 4 en 42 weken"),
        Arguments.of(
            "gestationalAgeWeeks",
            valid.replace(": 20,", ": 30,"),
            "past niet bij de uitgerekende datum"),
        Arguments.of(
            "gestationalAgeWeeks", valid.replace(": 20,", ": \"twintig\","), "ongeldige waarde"),
        Arguments.of(
            "riskDomains",
            valid.replace("[\"huisvesting\", \"stress\"]", "[]"),
            "Kies minstens één risicodomein"),
        Arguments.of(
            "riskDomains", valid.replace("\"stress\"", "\"geldzorgen\""), "Onbekend risicodomein"),
        Arguments.of(
            "signallingDiscipline",
            valid.replace("verloskundige", "tandarts"),
            "Kies de discipline die het signaal afgeeft"));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("invalidSignals")
  void eachInvalidFieldIsRefusedWith400AndADutchMessage(String field, String body, String dutch)
      throws Exception {
    HttpResponse<String> response = http.postJson("/api/signals", MIDWIFE, body);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode error = JSON.readTree(response.body());
    assertThat(error.path("detail").asText()).isNotBlank();
    assertThat(error.path("userMessage").asText()).contains(dutch);
    assertThat(error.path("errors"))
        .anySatisfy(
            fieldError -> {
              assertThat(fieldError.path("field").asText()).isEqualTo(field);
              assertThat(fieldError.path("userMessage").asText()).contains(dutch);
            });
  }

  @Test
  void aRefusalIsAnRfc9457ProblemDetailWithCodeUserMessageAndFieldErrors() throws Exception {
    HttpResponse<String> response =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            validSignal("verloskundige")
                .replace("\"gestationalAgeWeeks\": 20", "\"gestationalAgeWeeks\": 60"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).isEqualTo("Bad Request");
    assertThat(problem.path("status").asInt()).isEqualTo(400);
    assertThat(problem.path("detail").asText()).contains("gestationalAgeWeeks");
    assertThat(problem.path("code").asText()).isEqualTo("invalid-input");
    assertThat(problem.path("userMessage").asText()).contains("tussen 4 en 42 weken");
    assertThat(problem.path("errors"))
        .anySatisfy(
            field -> {
              assertThat(field.path("field").asText()).isEqualTo("gestationalAgeWeeks");
              assertThat(field.path("message").asText()).isNotBlank();
              assertThat(field.path("userMessage").asText()).contains("tussen 4 en 42 weken");
            });
  }

  /** Refusals before Zorgpad's handler (Spring Security, Spring MVC) are problem details too. */
  @Test
  void anUnknownEndpointOfTheApiIsAProblemDetail() throws Exception {
    assertProblem(http.get("/api/nothing-here", MIDWIFE), 404, "not-found");
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    try {
      JsonNode problem = JSON.readTree(response.body());
      assertThat(problem.path("type").asText()).isEqualTo("about:blank");
      assertThat(problem.path("status").asInt()).isEqualTo(status);
      assertThat(problem.path("title").asText()).isNotBlank();
      assertThat(problem.path("detail").asText()).isNotBlank();
      assertThat(problem.path("code").asText()).isEqualTo(code);
      assertThat(problem.path("userMessage").asText()).isNotBlank();
    } catch (java.io.IOException unreadable) {
      throw new AssertionError(response.body(), unreadable);
    }
  }

  @Test
  void bodyThatIsNotJsonIsRefusedWith400() throws Exception {
    HttpResponse<String> response = http.postJson("/api/signals", MIDWIFE, "signaal!");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).path("userMessage").asText())
        .contains("geen geldige JSON");
  }

  @Test
  void unauthenticatedIsRefusedWith401() {
    HttpResponse<String> response = http.postJson("/api/signals", null, validSignal("huisarts"));
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic"));
    assertProblem(response, 401, "unauthenticated");
    assertThat(
            http.postJson("/api/signals", "demo-huisarts:wrong", validSignal("huisarts"))
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void userWithoutDisciplineIsRefusedWith403() throws Exception {
    HttpResponse<String> response =
        http.postJson("/api/signals", AUDITOR, validSignal("verloskundige"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).path("userMessage").asText())
        .contains("Alleen zorgverleners");
  }

  @Test
  void signallingForAnotherDisciplineIsRefusedWith403() throws Exception {
    HttpResponse<String> response = http.postJson("/api/signals", GP, validSignal("verloskundige"));
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(response.body()).path("code").asText())
        .isEqualTo("not-your-discipline");
  }

  @Test
  void openApiDescriptionIsForAuthenticatedUsersOnly() throws Exception {
    HttpResponse<String> docs = http.get("/v3/api-docs", MIDWIFE);
    assertThat(docs.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(docs.body()).path("paths");
    assertThat(paths.has("/api/signals")).isTrue();
    assertThat(paths.has("/api/cases/{caseNumber}/end")).isTrue();
    assertThat(paths.has("/modeling/api/deploy")).as("only /api/** is described").isFalse();
    JsonNode refused =
        paths.path("/api/signals").path("post").path("responses").path("400").path("content");
    assertThat(refused.has("application/problem+json")).as(refused.toString()).isTrue();
    assertThat(refused.path("application/problem+json").path("schema").path("$ref").asText())
        .endsWith("/Problem");
    JsonNode problem =
        JSON.readTree(docs.body())
            .path("components")
            .path("schemas")
            .path("Problem")
            .path("properties");
    assertThat(
            problem.has("detail")
                && problem.has("code")
                && problem.has("userMessage")
                && problem.has("errors"))
        .as(problem.toString())
        .isTrue();
    assertThat(http.get("/v3/api-docs", null).statusCode()).isNotEqualTo(200);
    assertThat(http.get("/swagger-ui.html", null).statusCode()).isNotEqualTo(200);
    assertThat(http.get("/swagger-ui/index.html", MIDWIFE).statusCode()).isEqualTo(200);
  }
}
