package nl.zorgpad.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nl.zorgpad.casus.SignalledClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The intake's start listener on a plain engine: whatever way a process is started, the
 * dossier-only fields of a signal are not kept as variables; within the start they can still be
 * read under their held name (the pathway's start listener moves them into the dossier).
 */
class DossierOnlyFieldsListenerTest {

  static ProcessEngine engine;
  static final Map<String, Object> SIGNAL =
      Map.of(
          SignalledClient.BSN_FIELD,
          "111222333",
          SignalledClient.BIRTH_DATE_FIELD,
          "1994-02-03",
          SignalledClient.POSTCODE_FIELD,
          "3531AB",
          "clientReference",
          "VP-1");

  @BeforeAll
  static void startEngine() {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("intake-test");
    configuration.setJdbcUrl("jdbc:h2:mem:intake-test;DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    configuration.getProcessEnginePlugins().add(new SignalIntakePlugin(() -> null));
    engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "intake.bpmn",
            Bpmn.createExecutableProcess("intake")
                .camundaHistoryTimeToLive(1)
                .startEvent("Start")
                .userTask("Task_Wait")
                .endEvent()
                .done())
        .deploy();
  }

  @AfterAll
  static void stopEngine() {
    engine.close();
  }

  @Test
  void aNormalStartKeepsOnlyTheOtherVariables() {
    ProcessInstance started =
        engine.getRuntimeService().startProcessInstanceByKey("intake", SIGNAL);
    assertThat(engine.getRuntimeService().getVariables(started.getId()))
        .containsOnlyKeys("clientReference");
  }

  @Test
  void aStartThatSkipsTheStartEventKeepsThemNeither() {
    ProcessInstance started =
        engine
            .getRuntimeService()
            .createProcessInstanceByKey("intake")
            .startBeforeActivity("Task_Wait")
            .setVariables(SIGNAL)
            .execute();
    assertThat(engine.getRuntimeService().getVariables(started.getId()))
        .containsOnlyKeys("clientReference");
  }

  @Test
  void aStartFormSubmitKeepsThemNeither() {
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("intake")
            .singleResult()
            .getId();
    ProcessInstance started = engine.getFormService().submitStartForm(definition, SIGNAL);
    assertThat(engine.getRuntimeService().getVariables(started.getId()))
        .containsOnlyKeys("clientReference");
  }
}
