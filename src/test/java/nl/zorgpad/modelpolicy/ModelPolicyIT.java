package nl.zorgpad.modelpolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every door of the running application refuses the code-running models of issue 10
 * (decision 0006), as {@code demo-coordinator}, who may deploy: {@code /engine-rest}, the
 * webapps' own engine API ({@code /camunda/api/engine}, which has the same deployment resource),
 * the workbench and the Java API of the application's engine. Each answer is a 4xx whose text
 * names the element in Dutch, with no stack trace or class name; nothing is deployed and the
 * command never runs. The start-up deployer's door is {@code PathwayDeployerPolicyTest}.
 */
@ZorgpadIntegrationTest
class ModelPolicyIT {

  private static final String COORDINATOR = "demo-coordinator:demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A package-qualified class name, a stack frame or an engine code. */
  private static final Pattern INTERNALS =
      Pattern.compile(
          "\\b(org|nl|java|javax|jakarta|com|sun)\\.[a-z]+\\.[A-Za-z]|\\tat |\\bat [a-z]+\\.[a-z]+\\."
              + "|Caused by|ENGINE-\\d|Exception:");

  @TempDir static Path temp;

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired ProcessEngineConfigurationImpl configuration;
  @Autowired PathwayBeans pathwayBeans;

  Http http;

  @BeforeEach
  void setUp() {
    http = new Http(port);
  }

  static Path touched() {
    return temp.resolve("touched-through-a-door");
  }

  static Stream<HostileModels.Hostile> restModels() {
    return HostileModels.all(touched(), "it-rest-").stream();
  }

  static Stream<HostileModels.Hostile> webappModels() {
    return HostileModels.all(touched(), "it-webapp-").stream();
  }

  static Stream<HostileModels.Hostile> workbenchModels() {
    return HostileModels.all(touched(), "it-wb-").stream();
  }

  static Stream<HostileModels.Hostile> javaModels() {
    return HostileModels.all(touched(), "it-java-").stream();
  }

  // --- /engine-rest -------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("restModels")
  void engineRestRefusesCodeRunningModels(HostileModels.Hostile model) {
    long before = repositoryService.createDeploymentQuery().count();
    HttpResponse<String> response =
        http.send(
            http.builder("/engine-rest/deployment/create", COORDINATOR)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(model)))
                .build());
    assertRefused(response, model, before);
  }

  // --- the webapps' engine API ----------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("webappModels")
  void theWebappsEngineApiRefusesCodeRunningModels(HostileModels.Hostile model) {
    String path = "/camunda/api/engine/engine/default/deployment";
    HttpResponse<String> first = http.get(path + "?maxResults=1", COORDINATOR);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String cookies =
        String.join(
            "; ",
            first.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";")[0])
                .toList());
    long before = repositoryService.createDeploymentQuery().count();
    HttpResponse<String> response =
        http.send(
            http.builder(path + "/create", COORDINATOR)
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(model)))
                .build());
    assertRefused(response, model, before);
  }

  @Test
  void theWebappsEngineApiHasADeploymentDoorThatTakesAGoodModel() {
    // the control for the test above: the door is reachable and deploys what keeps the policy
    String path = "/camunda/api/engine/engine/default/deployment";
    HttpResponse<String> first = http.get(path + "?maxResults=1", COORDINATOR);
    String token = first.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
    String cookies =
        String.join(
            "; ",
            first.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";")[0])
                .toList());
    HostileModels.Hostile good =
        new HostileModels.Hostile(
            "good",
            "processes/it-webapp-good.bpmn",
            HostileModels.definitions(
                    "it-webapp-good", "<bpmn:task id=\"Task_Run\" name=\"Stap\"" + " />")
                .getBytes(StandardCharsets.UTF_8),
            "it-webapp-good",
            "");
    HttpResponse<String> response =
        http.send(
            http.builder(path + "/create", COORDINATOR)
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", token)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(good)))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(
            repositoryService
                .createProcessDefinitionQuery()
                .processDefinitionKey("it-webapp-good")
                .count())
        .isEqualTo(1);
  }

  // --- the workbench ------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("workbenchModels")
  void theWorkbenchRefusesCodeRunningModelsOnTheirElement(HostileModels.Hostile model)
      throws Exception {
    long before = repositoryService.createDeploymentQuery().count();
    String submission =
        JSON.writeValueAsString(
            Map.of(
                "resources",
                List.of(
                    Map.of(
                        "name",
                        model.resource(),
                        "content",
                        new String(model.content(), StandardCharsets.UTF_8)))));
    HttpResponse<String> response =
        TestSession.of(port, COORDINATOR).json("POST", "/modeling/api/deploy", "/", submission);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    JsonNode result = JSON.readTree(response.body());
    assertThat(result.path("deployed").asBoolean()).isFalse();
    List<String> messages = result.path("issues").findValuesAsText("message");
    assertThat(messages).as(response.body()).anyMatch(m -> m.contains(model.elementText()));
    if (!model.elementText().equals("DOCTYPE")) {
      assertThat(result.path("issues").findValuesAsText("elementId")).isNotEmpty();
    }
    assertThat(response.body()).doesNotContainPattern(INTERNALS);
    assertNothingDeployed(model, before);
  }

  // --- the application's Java API -----------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource("javaModels")
  void theApplicationsRepositoryServiceRefusesCodeRunningModels(HostileModels.Hostile model) {
    long before = repositoryService.createDeploymentQuery().count();
    assertThatThrownBy(
            () ->
                repositoryService
                    .createDeployment()
                    .name(model.name())
                    .addInputStream(model.resource(), new ByteArrayInputStream(model.content()))
                    .deploy())
        .isInstanceOf(ModelRefusedException.class)
        .hasMessageContaining(model.elementText());
    assertNothingDeployed(model, before);
  }

  @Test
  void theApplicationsEngineResolvesOnlyThePathwayBeans() {
    assertThat(configuration.getExpressionManager()).isInstanceOf(PolicyExpressionManager.class);
    assertThat(configuration.getScriptEngineResolver()).isInstanceOf(NoScriptEngineResolver.class);
    assertThat(pathwayBeans.names())
        .contains(
            "deadlines", "caseClosing", "consentCheck", "meldcodeClosing", "veiligThuisCallCheck")
        .doesNotContain(
            "repositoryService", "processEngine", "dataSource", "pathwayDeployer", "caseRegistry");
  }

  // --- the start-up report ------------------------------------------------------------------

  @Test
  void theHealthContributorShowsTheReportToAuditorsOnly() throws Exception {
    HttpResponse<String> auditor = http.get("/actuator/health/modelPolicy", "demo-auditor:demo");
    assertThat(auditor.statusCode()).as(auditor.body()).isEqualTo(200);
    JsonNode health = JSON.readTree(auditor.body());
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(health.path("details").path("filesChecked").asInt()).isGreaterThan(40);
    assertThat(health.path("details").path("findings")).isEmpty();

    HttpResponse<String> midwife = http.get("/actuator/health", "demo-verloskundige:demo");
    assertThat(midwife.body()).doesNotContain("modelPolicy").doesNotContain("findings");
  }

  // --- helpers ------------------------------------------------------------------------------

  private static final String BOUNDARY = "zorgpad-policy-boundary";

  private static byte[] multipart(HostileModels.Hostile model) {
    String head =
        "--"
            + BOUNDARY
            + "\r\n"
            + "Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\n"
            + model.name()
            + "\r\n--"
            + BOUNDARY
            + "\r\n"
            + "Content-Disposition: form-data; name=\"data\"; filename=\""
            + model.resource()
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
    String tail = "\r\n--" + BOUNDARY + "--\r\n";
    byte[] h = head.getBytes(StandardCharsets.UTF_8);
    byte[] t = tail.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[h.length + model.content().length + t.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(model.content(), 0, all, h.length, model.content().length);
    System.arraycopy(t, 0, all, h.length + model.content().length, t.length);
    return all;
  }

  /** Either the engine's own 400 (ParseException) or Zorgpad's mapping of a refusal (4xx). */
  private void assertRefused(
      HttpResponse<String> response, HostileModels.Hostile model, long deploymentsBefore) {
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(response.body()).as("Dutch, naming the element").contains(model.elementText());
    assertThat(response.body()).contains("Niet gepubliceerd");
    assertThat(response.body()).as("no internals").doesNotContainPattern(INTERNALS);
    assertNothingDeployed(model, deploymentsBefore);
  }

  private void assertNothingDeployed(HostileModels.Hostile model, long deploymentsBefore) {
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deploymentsBefore);
    if (model.processKey() != null) {
      assertThat(
              repositoryService
                  .createProcessDefinitionQuery()
                  .processDefinitionKey(model.processKey())
                  .count())
          .isZero();
    }
    assertThat(Files.exists(touched())).isFalse();
  }
}
