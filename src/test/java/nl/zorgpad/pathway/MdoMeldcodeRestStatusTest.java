package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskResourceImpl;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MDO and meldcode checks reach the Tasklist (Camunda's REST resources: complete and
 * submit-form) as HTTP 400 with the Dutch message and their error code — also from inside a
 * multi-instance task.
 */
@Deployment(
    resources = {
      "processes/zorgpad-meldcode.bpmn",
      "processes/zorgpad-afwegingskader.dmn",
      "processes/zorgpad-mdo.bpmn"
    })
class MdoMeldcodeRestStatusTest {

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;
  ObjectMapper objectMapper = new ObjectMapper();

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    startClockAt(MONDAY_MORNING);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void meldcodeStap3_skipWithoutReasonViaRestIs400() {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-meldcode",
            Map.of("caseNumber", "ZP-2026-00001", "meldcodeStartedBy", "verloskundige"));
    String signals = engine.getTaskService().createTaskQuery().singleResult().getId();
    engine
        .getTaskService()
        .complete(
            signals,
            Map.of(
                "meldcodeSignals",
                List.of("verwaarlozing"),
                "meldcodeKindcheck",
                "alleen-ongeboren-kind"));
    String consult = engine.getTaskService().createTaskQuery().singleResult().getId();

    assertRefusedWith400(
        consult,
        variables(
            "meldcodeColleagueConsulted",
            true,
            "meldcodeVeiligThuisAdvice",
            "anoniem",
            "meldcodeTalkSafe",
            "nee"),
        MeldcodeValidation.MELDCODE_CONSULTATION_INVALID,
        "Stap 3 overslaan mag alleen");
  }

  @Test
  void mdoPreparationWithoutAnswerViaRestIs400() {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-mdo",
            Map.of("caseNumber", "ZP-2026-00001", "mdoRequestingDiscipline", "regiehouder"));
    String plan = engine.getTaskService().createTaskQuery().singleResult().getId();
    engine
        .getTaskService()
        .complete(plan, Map.of("mdoParticipants", List.of("jgz"), "mdoMeetingDate", "2026-03-05"));
    String preparation = engine.getTaskService().createTaskQuery().singleResult().getId();

    assertRefusedWith400(
        preparation,
        variables(),
        MeldcodeValidation.MDO_PREPARATION_INVALID,
        "aanwezig bent of schriftelijk");
  }

  private void assertRefusedWith400(
      String taskId, Map<String, VariableValueDto> variables, int code, String dutch) {
    CompleteTaskDto request = new CompleteTaskDto();
    request.setVariables(variables);
    TaskResourceImpl resource =
        new TaskResourceImpl(engine, taskId, "/engine-rest", objectMapper, false, false, false);
    for (Runnable call :
        new Runnable[] {() -> resource.complete(request), () -> resource.submit(request)}) {
      RestException refused = catchThrowableOfType(RestException.class, call::run);
      assertThat(refused.getStatus()).isEqualTo(Status.BAD_REQUEST);
      Response response = ExceptionHandlerHelper.getInstance().getResponse(refused);
      assertThat(response.getStatus()).isEqualTo(400);
      ExceptionDto body = (ExceptionDto) response.getEntity();
      assertThat(body.getCode()).isEqualTo(code);
      assertThat(body.getMessage()).contains(dutch);
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
  }

  private static Map<String, VariableValueDto> variables(Object... namesAndValues) {
    Map<String, VariableValueDto> variables = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      VariableValueDto value = new VariableValueDto();
      value.setValue(namesAndValues[i + 1]);
      variables.put((String) namesAndValues[i], value);
    }
    return variables;
  }
}
