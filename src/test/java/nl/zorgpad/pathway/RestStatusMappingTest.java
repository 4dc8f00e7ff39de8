package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.caseRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.dto.runtime.StartProcessInstanceDto;
import org.camunda.bpm.engine.rest.dto.task.CompleteTaskDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.sub.repository.impl.ProcessDefinitionResourceImpl;
import org.camunda.bpm.engine.rest.sub.task.impl.TaskResourceImpl;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Refused input reaches a REST caller (and the Tasklist) as HTTP 400 with the Dutch message and
 * Zorgpad's error code. Runs Camunda's own REST resource classes on the plain engine, so it
 * proves the mapping of the engine-rest version in use without starting the application.
 */
@Deployment(
    resources = {
      "processes/zorgpad-kwetsbare-zwangerschap.bpmn",
      "processes/zorgpad-prenataal-huisbezoek.bpmn"
    })
class RestStatusMappingTest {

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;
  ObjectMapper objectMapper = new ObjectMapper();

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    startClockAt(MONDAY_MORNING);
    caseRegistry(engine).clear();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
  }

  @Test
  void invalidSignalSubmittedAsStartFormIs400WithDutchMessage() {
    StartProcessInstanceDto request = new StartProcessInstanceDto();
    request.setVariables(
        variables(
            "clientReference",
            "Jansen, Kerkstraat 1",
            "dueDate",
            "2026-07-20",
            "gestationalAgeWeeks",
            20,
            "signallingDiscipline",
            "huisarts"));
    ProcessDefinitionResourceImpl resource =
        new ProcessDefinitionResourceImpl(
            engine, definitionId("zorgpad-kwetsbare-zwangerschap"), "/engine-rest", objectMapper);

    RestException refused =
        catchThrowableOfType(RestException.class, () -> resource.submitForm(null, request));

    assertThat(refused.getStatus()).isEqualTo(Status.BAD_REQUEST);
    ExceptionDto body = responseBody(refused, 400);
    assertThat(body.getCode()).isEqualTo(PathwayValidation.SIGNAL_INVALID);
    assertThat(body.getMessage())
        .contains("Gebruik geen naam, BSN of adres")
        .contains("Kies minstens één risicodomein");
  }

  @Test
  void vuistregel2_optOutWithoutReasonViaRestIs400() {
    engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-prenataal-huisbezoek",
            Map.of(
                "caseNumber", "ZP-2026-00001", "homeVisitRequestingDiscipline", "verloskundige"));
    String taskId = engine.getTaskService().createTaskQuery().singleResult().getId();
    CompleteTaskDto request = new CompleteTaskDto();
    request.setVariables(variables("homeVisitDecision", "niet-nodig"));
    TaskResourceImpl resource =
        new TaskResourceImpl(engine, taskId, "/engine-rest", objectMapper, false, false, false);

    for (Runnable call :
        new Runnable[] {() -> resource.complete(request), () -> resource.submit(request)}) {
      RestException refused = catchThrowableOfType(RestException.class, call::run);
      assertThat(refused.getStatus()).isEqualTo(Status.BAD_REQUEST);
      ExceptionDto body = responseBody(refused, 400);
      assertThat(body.getCode()).isEqualTo(PathwayValidation.HOME_VISIT_DECISION_INVALID);
      assertThat(body.getMessage())
          .endsWith("Waarom is een JGZ-huisbezoek níet nodig? Kies een reden.");
    }
    assertThat(engine.getTaskService().createTaskQuery().taskId(taskId).count()).isOne();
  }

  /**
   * Known limit of Camunda 7.24: {@code POST /process-definition/{id}/start} answers every
   * engine exception with 500. Signals come in through submit-form (the Tasklist) or, later,
   * Zorgpad's own signal endpoint (issue 3); this test notices when Camunda changes it.
   */
  @Test
  void startEndpointAnswersRefusedSignalWith500() {
    StartProcessInstanceDto request = new StartProcessInstanceDto();
    request.setVariables(variables("clientReference", "x"));
    ProcessDefinitionResourceImpl resource =
        new ProcessDefinitionResourceImpl(
            engine, definitionId("zorgpad-kwetsbare-zwangerschap"), "/engine-rest", objectMapper);

    RestException refused =
        catchThrowableOfType(
            RestException.class, () -> resource.startProcessInstance(null, request));

    assertThat(refused.getStatus()).isEqualTo(Status.INTERNAL_SERVER_ERROR);
    assertThat(responseBody(refused, 500).getCode()).isEqualTo(PathwayValidation.SIGNAL_INVALID);
  }

  private ExceptionDto responseBody(RestException exception, int status) {
    Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
    assertThat(response.getStatus()).isEqualTo(status);
    return (ExceptionDto) response.getEntity();
  }

  private String definitionId(String key) {
    return engine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .latestVersion()
        .singleResult()
        .getId();
  }

  /** Variables as the Tasklist sends them: a value without a type. */
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
