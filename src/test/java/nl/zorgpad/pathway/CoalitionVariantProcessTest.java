package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.caseRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.consentRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static nl.zorgpad.pathway.PathwayTestSupport.validSignal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import nl.zorgpad.coalition.AmbiguousCoalitionException;
import nl.zorgpad.coalition.OwnVariantExistsException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Coalition variants on the plain engine with the shipped pathways, decisions and forms deployed
 * as the shared installation, and coalition variants deployed for a tenant as the workbench does:
 * which main pathway a case starts, and where its triage decisions, its consent step (a call
 * activity) and the form of that step come from (decision 0005).
 */
class CoalitionVariantProcessTest {

  static final String UTRECHT = "kansrijke-start-utrecht";
  static final String DORDRECHT = "kansrijke-start-dordrecht";
  static final String MAIN = "zorgpad-kwetsbare-zwangerschap";
  static final String CONSENT = "zorgpad-toestemming";
  static final String CONSENT_FORM = "forms/zorgpad-toestemming-vragen.form";
  static final List<String> SHARED =
      List.of(
          "processes/zorgpad-kwetsbare-zwangerschap.bpmn", "processes/zorgpad-toestemming.bpmn",
          "processes/zorgpad-warme-overdracht.bpmn", "processes/zorgpad-prenataal-huisbezoek.bpmn",
          "processes/zorgpad-mdo.bpmn", "processes/zorgpad-meldcode.bpmn",
          "processes/zorgpad-eerste-levensjaar.bpmn", "processes/zorgpad-triage.dmn",
          "processes/zorgpad-afwegingskader.dmn", "processes/zorgpad-contactmomenten.dmn",
          "forms/zorgpad-signaal.form", CONSENT_FORM);

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;
  RepositoryService repository;
  IdentityService identity;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    repository = engine.getRepositoryService();
    identity = engine.getIdentityService();
    startClockAt(MONDAY_MORNING);
    caseRegistry(engine).clear();
    consentRegistry(engine).clear();
    tenant(UTRECHT);
    tenant(DORDRECHT);
    member("vk-utrecht", UTRECHT);
    member("vk-dordrecht", DORDRECHT);
    member("vk-both", UTRECHT);
    member("vk-both", DORDRECHT);
    member("vk-shared", null);
    DeploymentBuilder shared = repository.createDeployment().name("zorgpad");
    SHARED.forEach(name -> shared.addString(name, text(name)));
    shared.deploy();
  }

  @AfterEach
  void tearDown() {
    identity.clearAuthentication();
    for (Deployment deployment : repository.createDeploymentQuery().list()) {
      repository.deleteDeployment(deployment.getId(), true, true);
    }
    identity.createUserQuery().list().forEach(u -> identity.deleteUser(u.getId()));
    identity.createTenantQuery().list().forEach(t -> identity.deleteTenant(t.getId()));
    ClockUtil.reset();
  }

  @Test
  void caseOfACoalitionWithItsOwnMainPathwayStartsThatVariant() {
    ProcessDefinition utrechtMain =
        deployVariant(
                UTRECHT,
                "processes/" + MAIN + ".bpmn",
                "Zorgpad kwetsbare zwangerschap\"",
                "Zorgpad kwetsbare zwangerschap Utrecht\"")
            .definition(MAIN);

    ProcessInstance pathway = startAs("vk-utrecht", latestFor(MAIN, UTRECHT));

    assertThat(pathway.getProcessDefinitionId()).isEqualTo(utrechtMain.getId());
    assertThat(pathway.getTenantId()).isEqualTo(UTRECHT);
  }

  @Test
  void caseOfAnotherCoalitionKeepsTheSharedPathwayAndBelongsToItsOwnCoalition() {
    deployVariant(
        UTRECHT,
        "processes/" + MAIN + ".bpmn",
        "Zorgpad kwetsbare zwangerschap\"",
        "Zorgpad kwetsbare zwangerschap Utrecht\"");
    ProcessDefinition sharedMain = latestFor(MAIN, null);

    ProcessInstance dordrecht = startAs("vk-dordrecht", latestFor(MAIN, DORDRECHT));
    ProcessInstance sharedInstallation = startAs("vk-shared", latestFor(MAIN, null));

    assertThat(dordrecht.getProcessDefinitionId()).isEqualTo(sharedMain.getId());
    assertThat(dordrecht.getTenantId()).isEqualTo(DORDRECHT);
    assertThat(sharedInstallation.getProcessDefinitionId()).isEqualTo(sharedMain.getId());
    assertThat(sharedInstallation.getTenantId()).isNull();
  }

  @Test
  void overridingOnlyTheMainPathwayStillFindsTheSharedDecisionsSubprocessesAndForms() {
    deployVariant(
        UTRECHT,
        "processes/" + MAIN + ".bpmn",
        "Zorgpad kwetsbare zwangerschap\"",
        "Zorgpad kwetsbare zwangerschap Utrecht\"");

    ProcessInstance pathway = startAs("vk-utrecht", latestFor(MAIN, UTRECHT));

    // the triage and advice decisions are shared, evaluated in (and logged for) the case
    List<HistoricDecisionInstance> decisions =
        engine
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .processInstanceId(pathway.getId())
            .list();
    assertThat(decisions)
        .isNotEmpty()
        .allSatisfy(
            decision -> {
              assertThat(
                      repository
                          .getDecisionDefinition(decision.getDecisionDefinitionId())
                          .getTenantId())
                  .isNull();
              assertThat(decision.getTenantId()).isEqualTo(UTRECHT);
            });
    // the consent step is the shared pathway, run as part of the Utrecht case
    ProcessInstance consent = calledConsent(pathway);
    assertThat(repository.getProcessDefinition(consent.getProcessDefinitionId()).getTenantId())
        .isNull();
    assertThat(consent.getTenantId()).isEqualTo(UTRECHT);
    // its task belongs to Utrecht and shows the shared form
    Task task = consentTask(consent);
    assertThat(task.getTenantId()).isEqualTo(UTRECHT);
    assertThat(formAs("vk-utrecht", task)).isEqualTo(text(CONSENT_FORM));
  }

  @Test
  void aCoalitionsVariantOfACalledPathwayDecisionAndFormIsUsedByItsCasesOnly() {
    ProcessDefinition utrechtConsent =
        deployVariant(
                UTRECHT,
                "processes/" + CONSENT + ".bpmn",
                "name=\"Toestemming",
                "name=\"Utrecht: toestemming")
            .definition(CONSENT);
    String utrechtTriage =
        deployVariant(
                UTRECHT,
                "processes/zorgpad-triage.dmn",
                "name=\"Triage na een signaal\"",
                "name=\"Triage na een signaal (Utrecht)\"")
            .decisionId("zorgpad-triage");
    String utrechtForm =
        text(CONSENT_FORM)
            .replace("Geeft de cliënt toestemming?", "Geeft de cliënt toestemming (Utrecht)?");
    deploy(UTRECHT, CONSENT_FORM, utrechtForm);

    ProcessInstance utrecht = startAs("vk-utrecht", latestFor(MAIN, UTRECHT));
    ProcessInstance dordrecht = startAs("vk-dordrecht", latestFor(MAIN, DORDRECHT));

    // the main pathway is shared for both, its steps are not
    assertThat(utrecht.getProcessDefinitionId()).isEqualTo(dordrecht.getProcessDefinitionId());
    assertThat(calledConsent(utrecht).getProcessDefinitionId()).isEqualTo(utrechtConsent.getId());
    assertThat(calledConsent(dordrecht).getProcessDefinitionId())
        .isEqualTo(latestFor(CONSENT, null).getId());
    assertThat(triageDefinition(utrecht)).isEqualTo(utrechtTriage);
    assertThat(triageDefinition(dordrecht))
        .isEqualTo(
            repository
                .createDecisionDefinitionQuery()
                .decisionDefinitionKey("zorgpad-triage")
                .withoutTenantId()
                .latestVersion()
                .singleResult()
                .getId());
    assertThat(formAs("vk-utrecht", consentTask(calledConsent(utrecht)))).isEqualTo(utrechtForm);
    assertThat(formAs("vk-dordrecht", consentTask(calledConsent(dordrecht))))
        .isEqualTo(text(CONSENT_FORM));
  }

  @Test
  void anotherCoalitionDoesNotSeeTheCasesTasks() {
    ProcessInstance utrecht = startAs("vk-utrecht", latestFor(MAIN, UTRECHT));
    Task task = consentTask(calledConsent(utrecht));

    List<String> seenByDordrecht =
        as(
            "vk-dordrecht",
            () ->
                engine.getTaskService().createTaskQuery().list().stream()
                    .map(Task::getId)
                    .toList());
    List<String> seenByUtrecht =
        as(
            "vk-utrecht",
            () ->
                engine.getTaskService().createTaskQuery().list().stream()
                    .map(Task::getId)
                    .toList());

    assertThat(seenByUtrecht).contains(task.getId());
    assertThat(seenByDordrecht).doesNotContain(task.getId());
  }

  @Test
  void aUserInTwoCoalitionsCannotStartACase() {
    ProcessDefinition sharedMain = latestFor(MAIN, null);

    assertThatThrownBy(() -> startAs("vk-both", sharedMain))
        .isInstanceOf(AmbiguousCoalitionException.class)
        .hasMessageContaining("meer dan één coalitie");
  }

  @Test
  void aCoalitionWithItsOwnVariantCannotStartTheSharedOne() {
    deployVariant(
        UTRECHT,
        "processes/" + MAIN + ".bpmn",
        "Zorgpad kwetsbare zwangerschap\"",
        "Zorgpad kwetsbare zwangerschap Utrecht\"");
    ProcessDefinition sharedMain = latestFor(MAIN, null);

    assertThatThrownBy(() -> startAs("vk-utrecht", sharedMain))
        .isInstanceOf(OwnVariantExistsException.class)
        .hasMessageContaining("eigen versie");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void onlyACoalitionsMembersDeployForIt() {
    String variant = text("processes/" + CONSENT + ".bpmn");

    assertThatThrownBy(
            () ->
                as(
                    "vk-dordrecht",
                    () -> deploy(UTRECHT, "processes/" + CONSENT + ".bpmn", variant)))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining(UTRECHT);
    assertThatThrownBy(
            () ->
                as(
                    "vk-utrecht",
                    () ->
                        repository
                            .createDeployment()
                            .addString("processes/" + CONSENT + ".bpmn", variant)
                            .deploy()))
        .isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("gedeelde zorgpaden");
    Deployed own =
        as("vk-utrecht", () -> deploy(UTRECHT, "processes/" + CONSENT + ".bpmn", variant));

    assertThat(own.definition(CONSENT).getTenantId()).isEqualTo(UTRECHT);
    assertThat(repository.createProcessDefinitionQuery().processDefinitionKey(CONSENT).count())
        .isEqualTo(2);
  }

  // --- helpers -------------------------------------------------------------------------------

  record Deployed(RepositoryService repository, String deploymentId) {
    ProcessDefinition definition(String key) {
      return repository
          .createProcessDefinitionQuery()
          .deploymentId(deploymentId)
          .processDefinitionKey(key)
          .singleResult();
    }

    String decisionId(String key) {
      return repository
          .createDecisionDefinitionQuery()
          .deploymentId(deploymentId)
          .decisionDefinitionKey(key)
          .singleResult()
          .getId();
    }
  }

  private Deployed deployVariant(String tenant, String name, String from, String to) {
    String original = text(name);
    assertThat(original).as("variant marker in " + name).contains(from);
    return deploy(tenant, name, original.replace(from, to));
  }

  private Deployed deploy(String tenant, String name, String content) {
    Deployment deployment =
        repository
            .createDeployment()
            .name("zorgpad")
            .source("zorgpad-workbench")
            .tenantId(tenant)
            .addString(name, content)
            .deploy();
    return new Deployed(repository, deployment.getId());
  }

  /** As SignalController chooses: the coalition's own latest version, else the shared one. */
  private ProcessDefinition latestFor(String key, String coalition) {
    ProcessDefinition own =
        coalition == null
            ? null
            : repository
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .tenantIdIn(coalition)
                .latestVersion()
                .singleResult();
    return own != null
        ? own
        : repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(key)
            .withoutTenantId()
            .latestVersion()
            .singleResult();
  }

  private ProcessInstance startAs(String user, ProcessDefinition definition) {
    return as(
        user, () -> engine.getFormService().submitStartForm(definition.getId(), validSignal()));
  }

  private String formAs(String user, Task task) {
    return as(
        user,
        () -> {
          try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private <T> T as(String user, Supplier<T> call) {
    List<String> tenants =
        identity.createTenantQuery().userMember(user).list().stream().map(Tenant::getId).toList();
    identity.setAuthentication(user, List.of("verloskundige"), tenants);
    try {
      return call.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  private ProcessInstance calledConsent(ProcessInstance pathway) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(pathway.getId())
        .singleResult();
  }

  private Task consentTask(ProcessInstance consent) {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(consent.getId())
        .taskDefinitionKey("Task_AskConsent")
        .singleResult();
  }

  private String triageDefinition(ProcessInstance pathway) {
    return engine
        .getHistoryService()
        .createHistoricDecisionInstanceQuery()
        .processInstanceId(pathway.getId())
        .decisionDefinitionKey("zorgpad-triage")
        .singleResult()
        .getDecisionDefinitionId();
  }

  private void tenant(String id) {
    Tenant tenant = identity.newTenant(id);
    tenant.setName(id);
    identity.saveTenant(tenant);
  }

  private void member(String user, String tenant) {
    if (identity.createUserQuery().userId(user).count() == 0) {
      User created = identity.newUser(user);
      identity.saveUser(created);
    }
    if (tenant != null) {
      identity.createTenantUserMembership(tenant, user);
    }
  }

  private static String text(String name) {
    try (InputStream in =
        CoalitionVariantProcessTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
