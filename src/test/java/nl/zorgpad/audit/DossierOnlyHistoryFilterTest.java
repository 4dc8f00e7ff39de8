package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import nl.zorgpad.casus.SignalledClient;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/**
 * The history filter on a plain engine with full history: a start-form submit with the signal's
 * dossier-only fields leaves no trace of them in ACT_HI_VARINST or ACT_HI_DETAIL (variable updates
 * and form fields) — and without the filter the engine does write them (so the test can fail).
 */
class DossierOnlyHistoryFilterTest {

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

  @Test
  void withTheFilterTheEngineWritesNoHistoryOfTheDossierOnlyFields() {
    ProcessEngine engine = engine("history-filter-on", true);
    try {
      submitAndRemove(engine);
      assertThat(historyNames(engine))
          .contains("clientReference")
          .doesNotContainAnyElementsOf(SignalledClient.FIELDS);
    } finally {
      engine.close();
    }
  }

  @Test
  void withoutTheFilterItWould() {
    ProcessEngine engine = engine("history-filter-off", false);
    try {
      submitAndRemove(engine);
      assertThat(historyNames(engine)).containsAll(SignalledClient.FIELDS);
    } finally {
      engine.close();
    }
  }

  @Test
  void otherEventsPassUnchanged() {
    List<org.camunda.bpm.engine.impl.history.event.HistoryEvent> seen = new java.util.ArrayList<>();
    DossierOnlyHistoryFilter filter =
        new DossierOnlyHistoryFilter(
            new org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler() {
              @Override
              public void handleEvent(
                  org.camunda.bpm.engine.impl.history.event.HistoryEvent event) {
                seen.add(event);
              }

              @Override
              public void handleEvents(
                  List<org.camunda.bpm.engine.impl.history.event.HistoryEvent> events) {
                seen.addAll(events);
              }
            });
    var kept = new org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity();
    kept.setVariableName("clientReference");
    var dropped = new org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity();
    dropped.setVariableName(SignalledClient.BSN_FIELD);
    var field = new org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity();
    field.setPropertyId(SignalledClient.POSTCODE_FIELD);
    filter.handleEvents(List.of(kept, dropped, field));
    filter.handleEvent(dropped);
    assertThat(seen).containsExactly(kept);
  }

  /** Submits the start form, then removes the fields as the pathway's start listener does. */
  private static void submitAndRemove(ProcessEngine engine) {
    String definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("filtered")
            .singleResult()
            .getId();
    String instance = engine.getFormService().submitStartForm(definition, SIGNAL).getId();
    SignalledClient.FIELDS.forEach(
        name -> engine.getRuntimeService().removeVariable(instance, name));
  }

  private static List<String> historyNames(ProcessEngine engine) {
    List<String> names = new java.util.ArrayList<>();
    engine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .list()
        .forEach(variable -> names.add(variable.getName()));
    for (HistoricDetail detail : engine.getHistoryService().createHistoricDetailQuery().list()) {
      if (detail instanceof HistoricVariableUpdate update) {
        names.add(update.getVariableName());
      } else if (detail instanceof HistoricFormField formField) {
        names.add(formField.getFieldId());
      }
    }
    return names;
  }

  private static ProcessEngine engine(String name, boolean filtered) {
    ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setJobExecutorActivate(false);
    configuration.setHistory("full");
    if (filtered) {
      configuration
          .getProcessEnginePlugins()
          .add(
              new AbstractProcessEnginePlugin() {
                @Override
                public void postInit(ProcessEngineConfigurationImpl config) {
                  config.setHistoryEventHandler(
                      new DossierOnlyHistoryFilter(config.getHistoryEventHandler()));
                }
              });
    }
    ProcessEngine engine = configuration.buildProcessEngine();
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "filtered.bpmn",
            Bpmn.createExecutableProcess("filtered")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask()
                .endEvent()
                .done())
        .deploy();
    return engine;
  }
}
