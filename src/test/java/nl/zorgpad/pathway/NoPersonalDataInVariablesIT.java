package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.zorgpad.support.AuditedVariables;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In the running application (demo cases made step by step through the engine, plus whatever the
 * other integration tests did in this context): ACT_RU_VARIABLE, ACT_HI_VARINST and the audit
 * trail's variable changes (every earlier value; the engine's ACT_HI_DETAIL stays empty, ADR 0012)
 * of every zorgpad process hold only reviewed variables with code-like values — no name, BSN,
 * address or free text.
 */
@ZorgpadIntegrationTest
class NoPersonalDataInVariablesIT {

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @Test
  void variablesOfEveryZorgpadProcessAreReviewedCodes() {
    List<String> zorgpadInstances =
        historyService.createHistoricProcessInstanceQuery().list().stream()
            .filter(instance -> instance.getProcessDefinitionKey().startsWith("zorgpad-"))
            .map(instance -> instance.getId())
            .toList();
    assertThat(zorgpadInstances).as("demo cases exist").isNotEmpty();

    int checked = 0;
    for (VariableInstance variable : runtimeService.createVariableInstanceQuery().list()) {
      if (zorgpadInstances.contains(variable.getProcessInstanceId())) {
        PathwayTestSupport.assertReviewed(variable.getName(), variable.getValue());
        checked++;
      }
    }
    for (HistoricVariableInstance variable :
        historyService.createHistoricVariableInstanceQuery().list()) {
      if (zorgpadInstances.contains(variable.getProcessInstanceId())) {
        PathwayTestSupport.assertReviewed(variable.getName(), variable.getValue());
        checked++;
      }
    }
    // the engine keeps no details (ADR 0012): the audit trail is where every earlier value is
    assertThat(
            historyService.createHistoricDetailQuery().list().stream()
                .filter(detail -> zorgpadInstances.contains(detail.getProcessInstanceId())))
        .as("variable-update details and form fields in ACT_HI_DETAIL")
        .isEmpty();
    for (AuditedVariables.Change change : AuditedVariables.of(jdbc, zorgpadInstances)) {
      PathwayTestSupport.assertReviewed(change.name(), change.value());
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }
}
