package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In the running application (demo cases made step by step through the engine, plus whatever the
 * other integration tests did in this context): ACT_RU_VARIABLE, ACT_HI_VARINST and ACT_HI_DETAIL
 * (variable updates and submitted form fields) of every zorgpad process hold only reviewed
 * variables with code-like values — no name, BSN, address or free text.
 */
@ZorgpadIntegrationTest
class NoPersonalDataInVariablesIT {

  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;

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
    for (HistoricDetail detail : historyService.createHistoricDetailQuery().list()) {
      if (!zorgpadInstances.contains(detail.getProcessInstanceId())) {
        continue;
      }
      if (detail instanceof HistoricVariableUpdate update) {
        PathwayTestSupport.assertReviewed(update.getVariableName(), update.getValue());
      } else if (detail instanceof HistoricFormField field) {
        PathwayTestSupport.assertReviewed(field.getFieldId(), field.getFieldValue());
      }
      checked++;
    }
    assertThat(checked).isGreaterThan(50);
  }
}
