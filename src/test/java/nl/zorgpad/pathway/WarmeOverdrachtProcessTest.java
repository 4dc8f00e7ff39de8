package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.date;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZonedDateTime;
import java.util.Map;
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
 * Warme overdracht (reusable step): one test per path — contact confirmed in time; reminder,
 * follow-up, then contact; contact confirmed while the reminder is open — plus vuistregel 3.
 */
@Deployment(resources = "processes/zorgpad-warme-overdracht.bpmn")
class WarmeOverdrachtProcessTest {

  /** A Friday: three working days later is the next Wednesday. */
  static final ZonedDateTime FRIDAY_MORNING = MONDAY_MORNING.plusDays(4);
  static final ZonedDateTime WEDNESDAY_MORNING = FRIDAY_MORNING.plusDays(5);

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    startClockAt(FRIDAY_MORNING);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    reset();
  }

  @Test
  void vuistregel3_handoverRecordedFormallyAndContactConfirmed() {
    ProcessInstance handover = startHandover();
    assertThat(task(handover)).hasDefinitionKey("Task_RecordHandover")
        .hasCandidateGroup("buurtteam")
        .hasDueDate(date(FRIDAY_MORNING.plusDays(4)));

    complete(task(handover), withVariables("handoverMethod", "direct-gesprek",
        "handoverDate", "2026-03-06", "clientInformed", true));

    assertThat(task(handover)).hasDefinitionKey("Task_ConfirmContact").hasCandidateGroup("jgz")
        .hasDueDate(date(WEDNESDAY_MORNING));
    complete(task(handover), withVariables("contactDate", "2026-03-09",
        "contactMethod", "huisbezoek"));

    assertThat(handover).isEnded()
        .hasPassedInOrder("Task_RecordHandover", "Task_ConfirmContact", "End_ContactConfirmed")
        .hasNotPassed("Task_FollowUpHandover")
        .variables().containsEntry("handoverMethod", "direct-gesprek");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel3_handoverWithoutFormalMethodIsRefused() {
    ProcessInstance handover = startHandover();
    String taskId = task(handover).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        Map.of("handoverMethod", "even-tussendoor", "handoverDate", "2026-03-20",
            "clientInformed", false)))
        .isInstanceOfSatisfying(FormFieldValidationException.class, refused -> {
          Assertions.assertThat(refused.getCode()).isEqualTo(PathwayValidation.HANDOVER_INVALID);
          Assertions.assertThat(refused.getMessage())
              .contains("direct gesprek, beveiligde mail of telefonisch consult")
              .contains("ligt in de toekomst")
              .contains("Bevestig dat u de cliënt heeft verteld");
        });
    assertThat(handover).isWaitingAt("Task_RecordHandover");
  }

  @Test
  void handoverReminderAfterThreeWorkingDays() {
    ProcessInstance handover = startHandover();
    recordHandover(handover);
    Assertions.assertThat(job(handover).getDuedate()).isEqualTo(date(WEDNESDAY_MORNING));

    // over the weekend and two working days later, no reminder yet
    startClockAt(WEDNESDAY_MORNING.minusMinutes(1));
    Assertions.assertThat(engine.getManagementService().createJobQuery().executable().count())
        .isZero();
    startClockAt(WEDNESDAY_MORNING);
    Assertions.assertThat(engine.getManagementService().createJobQuery().executable().count())
        .isOne();
    execute(job(handover));

    assertThat(handover).isWaitingAt("Task_ConfirmContact", "Task_FollowUpHandover");
    Task reminder = taskQuery().taskDefinitionKey("Task_FollowUpHandover").singleResult();
    assertThat(reminder).hasCandidateGroup("buurtteam")
        .hasDueDate(date(WEDNESDAY_MORNING.plusDays(1)));
    // one reminder, not a recurring one: escalation follows in the regiehouder step (issue 3)
    Assertions.assertThat(engine.getManagementService().createJobQuery().count()).isZero();

    complete(reminder, withVariables("followUpAction", "ontvanger-gebeld"));
    assertThat(handover).isWaitingAt("Task_ConfirmContact").hasPassed("End_FollowedUp");
    complete(task(handover), withVariables("contactDate", "2026-03-12",
        "contactMethod", "telefonisch"));

    assertThat(handover).isEnded().hasPassed("Timer_HandoverReminder", "Task_FollowUpHandover",
        "End_ContactConfirmed");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void contactConfirmedEndsOpenReminder() {
    ProcessInstance handover = startHandover();
    recordHandover(handover);
    startClockAt(WEDNESDAY_MORNING);
    execute(job(handover));
    assertThat(handover).isWaitingAt("Task_ConfirmContact", "Task_FollowUpHandover");

    Task confirmContact = taskQuery().taskDefinitionKey("Task_ConfirmContact").singleResult();
    complete(confirmContact, withVariables("contactDate", "2026-03-11",
        "contactMethod", "consultatiebureau"));

    assertThat(handover).isEnded().hasPassed("End_ContactConfirmed")
        .hasNotPassed("End_FollowedUp");
    Assertions.assertThat(taskQuery().count()).as("the reminder ends with the handover").isZero();
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  private ProcessInstance startHandover() {
    return engine.getRuntimeService().startProcessInstanceByKey("zorgpad-warme-overdracht",
        "ZP-2026-00007", Map.of("caseNumber", "ZP-2026-00007",
            "senderDiscipline", "buurtteam", "recipientDiscipline", "jgz"));
  }

  private void recordHandover(ProcessInstance handover) {
    complete(task(handover), withVariables("handoverMethod", "beveiligde-mail",
        "handoverDate", "2026-03-06", "clientInformed", true));
  }
}
