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

import java.time.LocalDate;
import java.time.ZonedDateTime;
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
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * MDO (reusable step): participants prepare, the meeting is held, decisions become action-point
 * tasks for the named disciplines, and the case gets a next review date (vuistregel 9).
 */
@Deployment(resources = "processes/zorgpad-mdo.bpmn")
class MdoProcessTest {

  static final String CASE = "ZP-2026-00011";

  /** The MDO takes place on Thursday of the first week. */
  static final String MEETING_DATE = "2026-03-05";

  static final ZonedDateTime MEETING_DAY_END =
      LocalDate.of(2026, 3, 5).atTime(17, 0).atZone(ZorgpadTime.ZONE);

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
  void mdo_participantsPrepareAndActionPointsBecomeTasksForTheNamedDisciplines() {
    ProcessInstance mdo = startMdo();
    assertThat(task(mdo))
        .hasDefinitionKey("Task_PlanMdo")
        .hasCandidateGroup("regiehouder")
        .hasDueDate(date(MONDAY_MORNING.plusDays(2)));
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants", List.of("jgz", "buurtteam"), "mdoMeetingDate", MEETING_DATE));

    List<Task> preparations = taskQuery().taskDefinitionKey("Task_PrepareMdo").list();
    Assertions.assertThat(preparations).hasSize(2);
    assertThat(taskQuery().taskCandidateGroup("jgz").singleResult())
        .hasDueDate(date(MEETING_DAY_END));
    assertThat(taskQuery().taskCandidateGroup("buurtteam").singleResult())
        .hasName("MDO voorbereiden");
    complete(
        taskQuery().taskCandidateGroup("jgz").singleResult(),
        withVariables("mdoAttendance", "aanwezig"));
    complete(
        taskQuery().taskCandidateGroup("buurtteam").singleResult(),
        withVariables("mdoAttendance", "schriftelijke-inbreng"));

    assertThat(mdo).isWaitingAt("Task_HoldMdo");
    startClockAt(MEETING_DAY_END);
    complete(
        task(mdo),
        withVariables(
            "mdoHeldDate",
            MEETING_DATE,
            "mdoNextReviewDate",
            "2026-04-02",
            "mdoHasActionPoints",
            "ja"));
    assertThat(task(mdo))
        .hasDefinitionKey("Task_RecordActionPoint")
        .hasCandidateGroup("regiehouder");
    complete(
        task(mdo),
        withVariables(
            "mdoActionDiscipline",
            "jgz",
            "mdoAction",
            "huisbezoek-plannen",
            "mdoActionDueDate",
            "2026-03-12",
            "mdoMoreActionPoints",
            "ja"));
    complete(
        task(mdo),
        withVariables(
            "mdoActionDiscipline",
            "buurtteam",
            "mdoAction",
            "schuldhulp-aanmelden",
            "mdoActionDueDate",
            "2026-03-19",
            "mdoMoreActionPoints",
            "nee"));

    Task jgzAction =
        taskQuery()
            .taskDefinitionKey("Task_CarryOutActionPoint")
            .taskCandidateGroup("jgz")
            .singleResult();
    Task buurtteamAction =
        taskQuery()
            .taskDefinitionKey("Task_CarryOutActionPoint")
            .taskCandidateGroup("buurtteam")
            .singleResult();
    assertThat(jgzAction)
        .hasDueDate(date(LocalDate.of(2026, 3, 12).atTime(17, 0).atZone(ZorgpadTime.ZONE)));
    assertThat(buurtteamAction)
        .hasDueDate(date(LocalDate.of(2026, 3, 19).atTime(17, 0).atZone(ZorgpadTime.ZONE)));
    Assertions.assertThat(engine.getTaskService().getVariable(jgzAction.getId(), "mdoAction"))
        .isEqualTo("huisbezoek-plannen");
    Assertions.assertThat(engine.getTaskService().getVariable(buurtteamAction.getId(), "mdoAction"))
        .isEqualTo("schuldhulp-aanmelden");
    complete(jgzAction, withVariables("mdoActionResult", "uitgevoerd"));
    complete(buurtteamAction, withVariables("mdoActionResult", "niet-gelukt"));

    assertThat(mdo)
        .isEnded()
        .hasPassed("End_ActionPointsDone")
        .variables()
        .containsEntry("mdoNextReviewDate", "2026-04-02");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void mdo_meetingGoesAheadWithoutEveryPreparation() {
    ProcessInstance mdo = startMdo();
    // as the Tasklist submits a checklist: a JSON value
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants",
            SpinValues.jsonValue("[\"jgz\",\"huisarts\"]").create(),
            "mdoMeetingDate",
            MEETING_DATE));
    complete(
        taskQuery().taskCandidateGroup("jgz").singleResult(),
        withVariables("mdoAttendance", "aanwezig"));
    Assertions.assertThat(job(mdo).getDuedate()).isEqualTo(date(MEETING_DAY_END));

    startClockAt(MEETING_DAY_END);
    execute(job(mdo));

    assertThat(mdo).isWaitingAt("Task_HoldMdo").hasPassed("Timer_MeetingDay");
    Assertions.assertThat(taskQuery().taskCandidateGroup("huisarts").count()).isZero();
    assertThat(task(mdo)).hasDueDate(date(MEETING_DAY_END.plusDays(4)));
    complete(
        task(mdo),
        withVariables(
            "mdoHeldDate",
            MEETING_DATE,
            "mdoNextReviewDate",
            "2026-03-26",
            "mdoHasActionPoints",
            "nee"));
    assertThat(mdo)
        .isEnded()
        .hasPassed("End_NoActionPoints")
        .variables()
        .containsEntry("mdoNextReviewDate", "2026-03-26");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void mdo_isMultidisciplinary() {
    ProcessInstance mdo = startMdo();
    String planTask = task(mdo).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        planTask,
                        Map.of(
                            "mdoParticipants",
                            List.of("regiehouder"),
                            "mdoMeetingDate",
                            "2026-01-27")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MDO_PLAN_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .contains("minstens één andere discipline")
                  .contains("hoogstens een maand geleden");
            });
    assertThat(mdo).isWaitingAt("Task_PlanMdo");
  }

  @Test
  void vuistregel9_nextReviewWithinAMonth() {
    ProcessInstance mdo = startMdo();
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants",
            List.of("jgz"),
            "mdoMeetingDate",
            "2026-03-02",
            "mdoPreparation",
            "voorbereiden"));
    complete(task(mdo), withVariables("mdoAttendance", "aanwezig"));
    String holdTask = task(mdo).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        holdTask,
                        Map.of(
                            "mdoHeldDate",
                            "2026-03-02",
                            "mdoNextReviewDate",
                            "2026-05-01",
                            "mdoHasActionPoints",
                            "nee")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MDO_MEETING_INVALID);
              Assertions.assertThat(refused.getMessage()).contains("Vuistregel 9");
            });
    assertThat(mdo).isWaitingAt("Task_HoldMdo");
  }

  @Test
  void mdo_actionPointNeedsDisciplineCodedActionAndDueDate() {
    ProcessInstance mdo = startMdo();
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants",
            List.of("jgz"),
            "mdoMeetingDate",
            "2026-03-02",
            "mdoPreparation",
            "voorbereiden"));
    complete(task(mdo), withVariables("mdoAttendance", "aanwezig"));
    complete(
        task(mdo),
        withVariables(
            "mdoHeldDate",
            "2026-03-02",
            "mdoNextReviewDate",
            "2026-03-30",
            "mdoHasActionPoints",
            "ja"));
    String actionPointTask = task(mdo).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        actionPointTask,
                        Map.of(
                            "mdoActionDiscipline",
                            "politie",
                            "mdoAction",
                            "iets doen",
                            "mdoActionDueDate",
                            "2026-02-01",
                            "mdoMoreActionPoints",
                            "nee")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MDO_ACTION_POINT_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .contains("Kies de discipline")
                  .contains("Kies het actiepunt uit de lijst")
                  .contains("uiterste datum");
            });
    assertThat(mdo).isWaitingAt("Task_RecordActionPoint");
  }

  // --- issue 11: preparation never silently skipped; the held date not before the planned one

  @Test
  void mdoPlannedTodayAfterFive_participantsStillPrepareForTwoHours() {
    // Monday 18:00: the end of the MDO day has passed; before issue 11 the preparation tasks
    // were created and deleted in the same second
    ZonedDateTime mondayEvening = MONDAY_MORNING.withHour(18);
    startClockAt(mondayEvening);
    ProcessInstance mdo = startMdo();
    String planTask = task(mdo).getId();

    // the planner is told in Dutch and chooses
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        planTask,
                        Map.of(
                            "mdoParticipants",
                            List.of("jgz", "buurtteam"),
                            "mdoMeetingDate",
                            "2026-03-02")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MDO_PLAN_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .contains("vandaag of al geweest")
                  .contains("minstens twee uur");
            });
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants",
            List.of("jgz", "buurtteam"),
            "mdoMeetingDate",
            "2026-03-02",
            "mdoPreparation",
            "voorbereiden"));

    assertThat(mdo).isWaitingAt("Task_PrepareMdo");
    Assertions.assertThat(taskQuery().taskDefinitionKey("Task_PrepareMdo").list())
        .hasSize(2)
        .allSatisfy(
            preparation -> assertThat(preparation).hasDueDate(date(mondayEvening.plusHours(2))));
    Assertions.assertThat(job(mdo).getDuedate()).isEqualTo(date(mondayEvening.plusHours(2)));
    complete(
        taskQuery().taskCandidateGroup("jgz").singleResult(),
        withVariables("mdoAttendance", "schriftelijke-inbreng"));
    startClockAt(mondayEvening.plusHours(2));
    execute(job(mdo));

    assertThat(mdo).hasPassed("Task_PrepareMdo", "Timer_MeetingDay").isWaitingAt("Task_HoldMdo");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void mdoAlreadyHeld_chairChoosesToRecordWithoutPreparation() {
    ProcessInstance mdo = startMdo();
    // an MDO held last Friday, recorded now: the chair chooses, visibly
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants",
            List.of("jgz", "huisarts"),
            "mdoMeetingDate",
            "2026-02-27",
            "mdoPreparation",
            "zonder-voorbereiding"));

    assertThat(mdo)
        .isWaitingAt("Task_HoldMdo")
        .hasPassed("Gateway_Preparation")
        .hasNotPassed("Task_PrepareMdo")
        .variables()
        .containsEntry("mdoPreparation", "zonder-voorbereiding");
    Assertions.assertThat(taskQuery().taskDefinitionKey("Task_PrepareMdo").count()).isZero();
    complete(
        task(mdo),
        withVariables(
            "mdoHeldDate",
            "2026-02-27",
            "mdoNextReviewDate",
            "2026-03-20",
            "mdoHasActionPoints",
            "nee"));
    assertThat(mdo).isEnded().hasPassed("End_NoActionPoints");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void mdoOnALaterDayIsAlwaysPrepared() {
    ProcessInstance mdo = startMdo();
    // a choice sent for a later MDO does not skip its preparation
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants",
            List.of("jgz"),
            "mdoMeetingDate",
            MEETING_DATE,
            "mdoPreparation",
            "zonder-voorbereiding"));

    assertThat(mdo)
        .isWaitingAt("Task_PrepareMdo")
        .variables()
        .containsEntry("mdoPreparation", "voorbereiden");
    assertThat(task(mdo)).hasDueDate(date(MEETING_DAY_END));
  }

  @Test
  void mdo_heldDateBeforeThePlannedDateIsRefused() {
    ProcessInstance mdo = startMdo();
    complete(
        task(mdo),
        withVariables("mdoParticipants", List.of("jgz"), "mdoMeetingDate", MEETING_DATE));
    complete(task(mdo), withVariables("mdoAttendance", "aanwezig"));
    startClockAt(MEETING_DAY_END);
    String holdTask = task(mdo).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        holdTask,
                        Map.of(
                            "mdoHeldDate",
                            "2026-03-04",
                            "mdoNextReviewDate",
                            "2026-03-26",
                            "mdoHasActionPoints",
                            "nee")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MDO_MEETING_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .contains("Het MDO was gepland op 5 maart 2026")
                  .contains("kan niet eerder gehouden zijn");
            });
    assertThat(mdo).isWaitingAt("Task_HoldMdo");
  }

  private ProcessInstance startMdo() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-mdo",
            CASE,
            Map.of("caseNumber", CASE, "mdoRequestingDiscipline", "regiehouder"));
  }
}
