package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import nl.zorgpad.time.ZorgpadTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Prenataal huisbezoek (reusable step): one test per path — opted out with a reason; visited;
 * not at home and replanned; cancelled by the client — plus the rules on the decision.
 */
@Deployment(resources = "processes/zorgpad-prenataal-huisbezoek.bpmn")
class PrenataalHuisbezoekProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    startClockAt(MONDAY_MORNING);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    reset();
  }

  @Test
  void vuistregel2_optOutNeedsReason() {
    ProcessInstance homeVisit = considerHomeVisit();
    String taskId = task(homeVisit).getId();

    assertThatThrownBy(
            () ->
                engine.getTaskService().complete(taskId, Map.of("homeVisitDecision", "niet-nodig")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(PathwayValidation.HOME_VISIT_DECISION_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .isEqualTo("Waarom is een JGZ-huisbezoek níet nodig? Kies een reden.");
            });
    assertThat(homeVisit).isWaitingAt("Task_DecideHomeVisit");
  }

  @Test
  void vuistregel2_optOutWithReasonIsRecorded() {
    ProcessInstance homeVisit = considerHomeVisit();
    assertThat(task(homeVisit))
        .hasCandidateGroup("verloskundige")
        .hasDueDate(PathwayTestSupport.date(MONDAY_MORNING.plusDays(7)));

    complete(
        task(homeVisit),
        withVariables(
            "homeVisitDecision", "niet-nodig", "homeVisitOptOutReason", "al-in-zorg-jgz"));

    assertThat(homeVisit)
        .isEnded()
        .hasPassed("End_OptedOut")
        .hasNotPassed("Task_PlanHomeVisit")
        .variables()
        .containsEntry("homeVisitRequested", false)
        .containsEntry("homeVisitOptOutReason", "al-in-zorg-jgz");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void phb_requestNeedsExplicitConsentOfClient() {
    ProcessInstance homeVisit = considerHomeVisit();
    String taskId = task(homeVisit).getId();

    assertThatThrownBy(
            () ->
                engine.getTaskService().complete(taskId, Map.of("homeVisitDecision", "aanvragen")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("uitdrukkelijke toestemming");
    assertThat(homeVisit).isWaitingAt("Task_DecideHomeVisit");
  }

  @Test
  void phb_requestedVisitIsPlannedVisitedAndReported() {
    ProcessInstance homeVisit = considerHomeVisit();
    request(homeVisit);

    assertThat(task(homeVisit)).hasDefinitionKey("Task_PlanHomeVisit").hasCandidateGroup("jgz");
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));
    // report due two working days after the planned visit (Thursday), at the end of the day
    assertThat(task(homeVisit))
        .hasDefinitionKey("Task_ReportHomeVisit")
        .hasCandidateGroup("jgz")
        .hasDueDate(
            PathwayTestSupport.date(LocalDateTime.of(2026, 3, 16, 17, 0).atZone(ZorgpadTime.ZONE)));
    complete(
        task(homeVisit),
        withVariables("homeVisitOutcome", "bezocht", "interventionAdvice", List.of("voorzorg")));

    assertThat(homeVisit)
        .isEnded()
        .hasPassedInOrder(
            "Task_DecideHomeVisit",
            "Task_PlanHomeVisit",
            "Task_ReportHomeVisit",
            "End_HomeVisitDone")
        .variables()
        .containsEntry("homeVisitRequested", true);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void phb_clientNotAtHomeLeadsToNewAppointment() {
    ProcessInstance homeVisit = considerHomeVisit();
    request(homeVisit);
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));

    complete(task(homeVisit), withVariables("homeVisitOutcome", "niet-aangetroffen"));

    assertThat(homeVisit).isWaitingAt("Task_PlanHomeVisit");
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-19"));
    complete(
        task(homeVisit),
        withVariables(
            "homeVisitOutcome", "bezocht", "interventionAdvice", List.of("reguliere-jgz")));
    assertThat(homeVisit).isEnded().hasPassed("End_HomeVisitDone");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void phb_clientCancelsVisit() {
    ProcessInstance homeVisit = considerHomeVisit();
    request(homeVisit);
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));

    complete(task(homeVisit), withVariables("homeVisitOutcome", "afgezegd"));

    assertThat(homeVisit)
        .isEnded()
        .hasPassed("End_ClientCancelledVisit")
        .hasNotPassed("End_HomeVisitDone");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void phb_visitReportNeedsInterventionAdvice() {
    ProcessInstance homeVisit = considerHomeVisit();
    request(homeVisit);
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));
    String taskId = task(homeVisit).getId();

    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of("homeVisitOutcome", "bezocht")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused ->
                Assertions.assertThat(refused.getCode())
                    .isEqualTo(PathwayValidation.HOME_VISIT_REPORT_INVALID));
    assertThat(homeVisit).isWaitingAt("Task_ReportHomeVisit");
  }

  @Test
  void vuistregel7_buurtteamRequestsAndMidwifeAndGpAreInformed() {
    ProcessInstance homeVisit =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "zorgpad-prenataal-huisbezoek",
                "ZP-2026-00009",
                Map.of(
                    "caseNumber",
                    "ZP-2026-00009",
                    "homeVisitRequestingDiscipline",
                    "buurtteam",
                    "generalPractitionerInvolved",
                    true));
    assertThat(task(homeVisit)).hasCandidateGroup("buurtteam");

    complete(
        task(homeVisit),
        withVariables("homeVisitDecision", "aanvragen", "homeVisitClientConsented", true));

    assertThat(homeVisit)
        .isWaitingAt("Task_InformMidwife", "Task_InformGeneralPractitioner", "Task_PlanHomeVisit");
    Task midwife = taskQuery().taskDefinitionKey("Task_InformMidwife").singleResult();
    assertThat(midwife).hasCandidateGroup("verloskundige");
    Task gp = taskQuery().taskDefinitionKey("Task_InformGeneralPractitioner").singleResult();
    assertThat(gp).hasCandidateGroup("huisarts");
    complete(midwife, withVariables("homeVisitRequestNoted", true));
    complete(gp, withVariables("homeVisitRequestNoted", true));
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));
    complete(
        task(homeVisit),
        withVariables("homeVisitOutcome", "bezocht", "interventionAdvice", List.of("mamaatje")));

    assertThat(homeVisit)
        .isEnded()
        .hasPassed("End_MidwifeInformed", "End_GeneralPractitionerInformed", "End_HomeVisitDone");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel7_buurtteamRequestsWithoutGpInvolved_onlyMidwifeInformed() {
    ProcessInstance homeVisit =
        engine
            .getRuntimeService()
            .startProcessInstanceByKey(
                "zorgpad-prenataal-huisbezoek",
                "ZP-2026-00009",
                Map.of(
                    "caseNumber",
                    "ZP-2026-00009",
                    "homeVisitRequestingDiscipline",
                    "buurtteam",
                    "generalPractitionerInvolved",
                    false));

    complete(
        task(homeVisit),
        withVariables("homeVisitDecision", "aanvragen", "homeVisitClientConsented", true));

    assertThat(homeVisit)
        .isWaitingAt("Task_InformMidwife", "Task_PlanHomeVisit")
        .isNotWaitingAt("Task_InformGeneralPractitioner");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  private ProcessInstance considerHomeVisit() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-prenataal-huisbezoek",
            "ZP-2026-00009",
            Map.of(
                "caseNumber", "ZP-2026-00009", "homeVisitRequestingDiscipline", "verloskundige"));
  }

  private void request(ProcessInstance homeVisit) {
    complete(
        task(homeVisit),
        withVariables("homeVisitDecision", "aanvragen", "homeVisitClientConsented", true));
  }
}
