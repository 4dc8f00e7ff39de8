package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.caseRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.caseTeams;
import static nl.zorgpad.pathway.PathwayTestSupport.consentRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.date;
import static nl.zorgpad.pathway.PathwayTestSupport.openCase;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
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
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentStatement;
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
 * Warme overdracht (reusable step): one test per path — consent on record, contact confirmed in
 * time; reminder, follow-up, then contact; contact confirmed while the reminder is open;
 * escalation to the regiehouder; consent not on record, asked and given; asked and refused
 * (regiehouder informed); consent withdrawn (no handover) — plus vuistregel 3.
 */
@Deployment(
    resources = {"processes/zorgpad-warme-overdracht.bpmn", "processes/zorgpad-toestemming.bpmn"})
class WarmeOverdrachtProcessTest {

  /** A Friday: three working days later is the next Wednesday. */
  static final ZonedDateTime FRIDAY_MORNING = MONDAY_MORNING.plusDays(4);

  static final ZonedDateTime WEDNESDAY_MORNING = FRIDAY_MORNING.plusDays(5);

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;
  String caseNumber;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    startClockAt(FRIDAY_MORNING);
    caseRegistry(engine).clear();
    consentRegistry(engine).clear();
    caseNumber = openCase(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    reset();
  }

  @Test
  void vuistregel3_handoverRecordedFormallyAndContactConfirmed() {
    ProcessInstance handover = startHandover();
    assertThat(task(handover))
        .hasDefinitionKey("Task_RecordHandover")
        .hasCandidateGroup("buurtteam")
        .hasDueDate(date(FRIDAY_MORNING.plusDays(4)));

    complete(
        task(handover),
        withVariables(
            "handoverMethod",
            "direct-gesprek",
            "handoverDate",
            "2026-03-06",
            "clientInformed",
            true));

    assertThat(task(handover))
        .hasDefinitionKey("Task_ConfirmContact")
        .hasCandidateGroup("jgz")
        .hasDueDate(date(WEDNESDAY_MORNING));
    complete(
        task(handover), withVariables("contactDate", "2026-03-09", "contactMethod", "huisbezoek"));

    assertThat(handover)
        .isEnded()
        .hasPassedInOrder("Task_RecordHandover", "Task_ConfirmContact", "End_ContactConfirmed")
        .hasNotPassed("Task_FollowUpHandover")
        .variables()
        .containsEntry("handoverMethod", "direct-gesprek");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel3_handoverWithoutFormalMethodIsRefused() {
    ProcessInstance handover = startHandover();
    String taskId = task(handover).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        taskId,
                        Map.of(
                            "handoverMethod",
                            "even-tussendoor",
                            "handoverDate",
                            "2026-03-20",
                            "clientInformed",
                            false)))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(PathwayValidation.HANDOVER_INVALID);
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
    Assertions.assertThat(job("Timer_HandoverReminder", handover).getDuedate())
        .isEqualTo(date(WEDNESDAY_MORNING));

    // over the weekend and two working days later, no reminder yet
    startClockAt(WEDNESDAY_MORNING.minusMinutes(1));
    Assertions.assertThat(engine.getManagementService().createJobQuery().executable().count())
        .isZero();
    startClockAt(WEDNESDAY_MORNING);
    Assertions.assertThat(engine.getManagementService().createJobQuery().executable().count())
        .as("the reminder, not yet the escalation")
        .isOne();
    execute(job("Timer_HandoverReminder", handover));

    assertThat(handover).isWaitingAt("Task_ConfirmContact", "Task_FollowUpHandover");
    Task reminder = taskQuery().taskDefinitionKey("Task_FollowUpHandover").singleResult();
    assertThat(reminder)
        .hasCandidateGroup("buurtteam")
        .hasDueDate(date(WEDNESDAY_MORNING.plusDays(1)));
    // one reminder, not a recurring one: what remains is the escalation to the regiehouder
    Assertions.assertThat(engine.getManagementService().createJobQuery().list())
        .singleElement()
        .satisfies(
            escalation ->
                Assertions.assertThat(escalation.getDuedate())
                    .isEqualTo(date(FRIDAY_MORNING.plusDays(7))));

    complete(reminder, withVariables("followUpAction", "ontvanger-gebeld"));
    assertThat(handover).isWaitingAt("Task_ConfirmContact").hasPassed("End_FollowedUp");
    complete(
        task(handover), withVariables("contactDate", "2026-03-12", "contactMethod", "telefonisch"));

    assertThat(handover)
        .isEnded()
        .hasPassed("Timer_HandoverReminder", "Task_FollowUpHandover", "End_ContactConfirmed");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void contactConfirmedEndsOpenReminder() {
    ProcessInstance handover = startHandover();
    recordHandover(handover);
    startClockAt(WEDNESDAY_MORNING);
    execute(job("Timer_HandoverReminder", handover));
    assertThat(handover).isWaitingAt("Task_ConfirmContact", "Task_FollowUpHandover");

    Task confirmContact = taskQuery().taskDefinitionKey("Task_ConfirmContact").singleResult();
    complete(
        confirmContact,
        withVariables("contactDate", "2026-03-11", "contactMethod", "consultatiebureau"));

    assertThat(handover).isEnded().hasPassed("End_ContactConfirmed").hasNotPassed("End_FollowedUp");
    Assertions.assertThat(taskQuery().count()).as("the reminder ends with the handover").isZero();
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void handoverEscalatesToRegiehouderAfterFiveWorkingDays() {
    ProcessInstance handover = startHandover();
    recordHandover(handover);
    startClockAt(WEDNESDAY_MORNING);
    execute(job("Timer_HandoverReminder", handover));
    complete(
        taskQuery().taskDefinitionKey("Task_FollowUpHandover").singleResult(),
        withVariables("followUpAction", "ontvanger-gebeld"));

    // five working days after the handover was recorded (Friday): the next Friday
    ZonedDateTime nextFriday = FRIDAY_MORNING.plusDays(7);
    startClockAt(nextFriday);
    execute(job("Timer_HandoverEscalation", handover));

    Task escalation = taskQuery().taskDefinitionKey("Task_EscalateHandover").singleResult();
    assertThat(escalation)
        .hasCandidateGroup("regiehouder")
        .hasDueDate(date(nextFriday.plusDays(4)));
    complete(escalation, withVariables("escalationAction", "andere-ontvanger-gezocht"));
    assertThat(handover).isWaitingAt("Task_ConfirmContact").hasPassed("End_Escalated");
    complete(
        task(handover), withVariables("contactDate", "2026-03-16", "contactMethod", "telefonisch"));

    assertThat(handover)
        .isEnded()
        .hasPassed("Timer_HandoverEscalation", "Task_EscalateHandover", "End_ContactConfirmed");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void consentCheckedFirst_askedWhenNotOnRecordAndGiven() {
    ProcessInstance handover = startHandoverWithoutConsent();

    assertThat(handover)
        .isWaitingAt("Call_AskConsent")
        .variables()
        .containsEntry("consentStatus", "NONE");
    ProcessInstance consent = calledProcessInstance("zorgpad-toestemming", handover);
    assertThat(task(consent)).hasCandidateGroup("buurtteam");
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(handover).isWaitingAt("Task_RecordHandover");
    Assertions.assertThat(
            consentRegistry(engine).currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.GIVEN);
    recordHandover(handover);
    complete(
        task(handover), withVariables("contactDate", "2026-03-09", "contactMethod", "telefonisch"));
    assertThat(handover)
        .isEnded()
        .hasPassedInOrder(
            "Task_CheckConsent", "Call_AskConsent", "Task_RecordHandover", "End_ContactConfirmed");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusedConsentMeansNoHandoverAndRegiehouderIsInformed() {
    ProcessInstance handover = startHandoverWithoutConsent();
    ProcessInstance consent = calledProcessInstance("zorgpad-toestemming", handover);
    complete(
        task(consent),
        withVariables("consentDecision", "REFUSED", "consentRefusalReason", "voldoende-hulp"));

    assertThat(handover).isWaitingAt("Task_NoteRefusal");
    assertThat(task(handover)).hasCandidateGroup("regiehouder");
    complete(task(handover), withVariables("refusalNoted", true));

    assertThat(handover).isEnded().hasPassed("End_NoConsent").hasNotPassed("Task_RecordHandover");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void withdrawnConsentStopsTheHandover() {
    consentRegistry(engine)
        .record(
            new ConsentStatement(
                caseNumber,
                "jgz",
                "warme-overdracht",
                ConsentDecision.WITHDRAWN,
                "wil-geen-contact",
                "demo-regiehouder",
                FRIDAY_MORNING));

    ProcessInstance handover = startHandoverWithoutConsent();

    assertThat(handover)
        .isEnded()
        .hasPassed("End_ConsentWithdrawn")
        .hasNotPassed("Call_AskConsent", "Task_RecordHandover");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  // --- issue 11: the regiehouder's team; one consent task per moment

  @Test
  void regiehouderRecorded_escalationGoesToHerTeamNotToEveryRegiehouder() {
    // the regiehouder of the team of Lombok accepted the case
    caseTeams(engine)
        .recordCareCoordinator(
            caseNumber, "buurtteam-utrecht-lombok", "buurtteam", "demo-buurtteam");
    ProcessInstance handover = startHandover();
    recordHandover(handover);
    ZonedDateTime nextFriday = FRIDAY_MORNING.plusDays(7);
    startClockAt(nextFriday);
    execute(job("Timer_HandoverEscalation", handover));

    assertThat(taskQuery().taskDefinitionKey("Task_EscalateHandover").singleResult())
        .hasCandidateGroup("buurtteam-utrecht-lombok");
    Assertions.assertThat(
            taskService()
                .getIdentityLinksForTask(
                    taskQuery().taskDefinitionKey("Task_EscalateHandover").singleResult().getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .containsExactly("buurtteam-utrecht-lombok");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusalAskedAtThisMomentIsTheAnswer_regiehouderInformedWithoutAskingAgain() {
    consentRegistry(engine)
        .record(
            new ConsentStatement(
                caseNumber,
                "jgz",
                "warme-overdracht",
                ConsentDecision.REFUSED,
                "voldoende-hulp",
                "demo-buurtteam",
                FRIDAY_MORNING));

    ProcessInstance handover = startHandoverAskedAtThisMoment();

    assertThat(handover)
        .isWaitingAt("Task_NoteRefusal")
        .hasNotPassed("Call_AskConsent")
        .variables()
        .containsEntry("consentStatus", "REFUSED");
    complete(task(handover), withVariables("refusalNoted", true));
    assertThat(handover).isEnded().hasPassed("End_NoConsent").hasNotPassed("Task_RecordHandover");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void
      vuistregel4_partlyRefusedWithAskAgain_askedAgainAfterTheWaitingPeriodWithoutHoldingUpOthers() {
    consentRegistry(engine)
        .record(
            new ConsentStatement(
                caseNumber,
                "jgz",
                "warme-overdracht",
                ConsentDecision.REFUSED,
                "wil-bedenktijd",
                "demo-buurtteam",
                FRIDAY_MORNING,
                true));

    ProcessInstance handover = startHandoverAskedAtThisMoment();

    assertThat(handover)
        .isWaitingAt("Timer_AskConsentAgain")
        .variables()
        .containsEntry("consentStatus", "REFUSED_ASK_AGAIN");
    Assertions.assertThat(job(handover).getDuedate())
        .isEqualTo(Deadlines.withDefaults().consentAskAgain());
    execute(job(handover));
    ProcessInstance consent = calledProcessInstance("zorgpad-toestemming", handover);
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(handover).isWaitingAt("Task_RecordHandover");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusedAtAnEarlierMomentIsAskedAgainForThisHandover() {
    // e.g. refused before the birth; the kraamzorg's handover to JGZ after it asks again
    consentRegistry(engine)
        .record(
            new ConsentStatement(
                caseNumber,
                "jgz",
                "warme-overdracht",
                ConsentDecision.REFUSED,
                "wil-geen-contact",
                "demo-buurtteam",
                FRIDAY_MORNING));

    ProcessInstance handover = startHandoverWithoutConsent();

    assertThat(handover)
        .isWaitingAt("Call_AskConsent")
        .variables()
        .containsEntry("consentStatus", "REFUSED_EARLIER");
  }

  private org.camunda.bpm.engine.TaskService taskService() {
    return engine.getTaskService();
  }

  private ProcessInstance startHandoverAskedAtThisMoment() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-warme-overdracht",
            caseNumber,
            Map.of(
                "caseNumber",
                caseNumber,
                "senderDiscipline",
                "buurtteam",
                "recipientDiscipline",
                "jgz",
                "careCoordinatorDiscipline",
                "regiehouder",
                "handoverConsentAsked",
                true));
  }

  /** A handover for which the client gave consent earlier (consent on record). */
  private ProcessInstance startHandover() {
    consentRegistry(engine)
        .record(
            new ConsentStatement(
                caseNumber,
                "jgz",
                "warme-overdracht",
                ConsentDecision.GIVEN,
                null,
                "demo-buurtteam",
                FRIDAY_MORNING));
    return startHandoverWithoutConsent();
  }

  private ProcessInstance startHandoverWithoutConsent() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-warme-overdracht",
            caseNumber,
            Map.of(
                "caseNumber",
                caseNumber,
                "senderDiscipline",
                "buurtteam",
                "recipientDiscipline",
                "jgz",
                "careCoordinatorDiscipline",
                "regiehouder"));
  }

  private void recordHandover(ProcessInstance handover) {
    complete(
        task(handover),
        withVariables(
            "handoverMethod",
            "beveiligde-mail",
            "handoverDate",
            "2026-03-06",
            "clientInformed",
            true));
  }
}
