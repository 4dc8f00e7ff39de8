package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.date;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import nl.zorgpad.time.ZorgpadTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Eerste levensjaar (reusable step): one test per path — every moment done, the step ends at the
 * first birthday; a moment still open at the first birthday is cancelled — and the schedule's
 * dates counted from the child's birth date on the engine clock.
 */
@Deployment(
    resources = {
      "processes/zorgpad-eerste-levensjaar.bpmn",
      "processes/zorgpad-contactmomenten.dmn"
    })
class EersteLevensjaarProcessTest {

  /** Saturday 18 July 2026. */
  static final String BIRTH_DATE = "2026-07-18";

  static final ZonedDateTime AFTER_KRAAMPERIODE =
      LocalDateTime.of(2026, 7, 29, 10, 0).atZone(ZorgpadTime.ZONE);
  static final ZonedDateTime FIRST_BIRTHDAY =
      LocalDateTime.of(2027, 7, 18, 9, 0).atZone(ZorgpadTime.ZONE);

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    startClockAt(AFTER_KRAAMPERIODE);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    reset();
  }

  @Test
  void contactMomentsFromTheScheduleCountedFromTheBirthDate() {
    ProcessInstance firstYear = startFirstYear("verhoogd");

    assertThat(firstYear)
        .variables()
        .containsEntry(
            "jgzContactMoments",
            List.of(
                "dag-4-7",
                "week-2",
                "week-4",
                "week-8",
                "maand-3",
                "maand-4",
                "maand-6",
                "maand-7-5",
                "maand-9",
                "maand-11"))
        .containsEntry(
            "checkInMoments", List.of("regie-maand-3", "regie-maand-6", "regie-maand-9"));
    Assertions.assertThat(job("Timer_JgzMomentDue", firstYear).getDuedate())
        .as("day 4 after the birth, 09:00")
        .isEqualTo(date(LocalDateTime.of(2026, 7, 22, 9, 0).atZone(ZorgpadTime.ZONE)));
    Assertions.assertThat(job("Timer_CheckInDue", firstYear).getDuedate())
        .as("day 91 after the birth")
        .isEqualTo(date(LocalDateTime.of(2026, 10, 17, 9, 0).atZone(ZorgpadTime.ZONE)));
    Assertions.assertThat(job("Timer_FirstBirthday", firstYear).getDuedate())
        .isEqualTo(date(FIRST_BIRTHDAY));

    execute(job("Timer_JgzMomentDue", firstYear));
    Task dayFour = taskQuery().taskDefinitionKey("Task_JgzContactMoment").singleResult();
    // due five working days after day 4 (Wednesday 22 July): Wednesday 29 July, 17:00
    assertThat(dayFour)
        .hasCandidateGroup("jgz")
        .hasDueDate(date(LocalDateTime.of(2026, 7, 29, 17, 0).atZone(ZorgpadTime.ZONE)));
    Assertions.assertThat(engine.getTaskService().getVariable(dayFour.getId(), "contactMoment"))
        .isEqualTo("dag-4-7");
  }

  @Test
  void everyMomentDone_endsAtTheFirstBirthday() {
    ProcessInstance firstYear = startFirstYear("verhoogd");

    int done = 0;
    while (engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(firstYear.getId())
            .count()
        > 0) {
      Job next =
          engine.getManagementService().createJobQuery().orderByJobDuedate().asc().list().get(0);
      if (next.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(next.getDuedate());
      }
      engine.getManagementService().executeJob(next.getId());
      for (Task open : taskQuery().list()) {
        if (open.getTaskDefinitionKey().equals("Task_CheckIn")) {
          assertThat(open).hasCandidateGroup("regiehouder");
          complete(open, withVariables("checkInOutcome", "zorgen-besproken"));
        } else {
          complete(open, withVariables("contactMomentOutcome", "gezien"));
        }
        done++;
      }
    }

    Assertions.assertThat(done).isEqualTo(13);
    assertThat(firstYear)
        .isEnded()
        .hasPassed("End_JgzMomentsDone", "End_CheckInsDone", "End_FirstBirthday");
    Assertions.assertThat(ClockUtil.getCurrentTime()).isEqualTo(date(FIRST_BIRTHDAY));
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void momentStillOpenAtTheFirstBirthdayIsCancelled() {
    ProcessInstance firstYear = startFirstYear("hoog");

    startClockAt(FIRST_BIRTHDAY);
    execute(job("Timer_FirstBirthday", firstYear));

    assertThat(firstYear)
        .isEnded()
        .hasPassed("End_FirstBirthday")
        .hasNotPassed("End_JgzMomentsDone", "End_CheckInsDone");
    Assertions.assertThat(taskQuery().count()).isZero();
    Assertions.assertThat(engine.getManagementService().createJobQuery().count()).isZero();
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  private ProcessInstance startFirstYear(String riskLevel) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-eerste-levensjaar",
            "ZP-2026-00011",
            Map.of(
                "caseNumber",
                "ZP-2026-00011",
                "birthDate",
                BIRTH_DATE,
                "riskLevel",
                riskLevel,
                "careCoordinatorDiscipline",
                "regiehouder"));
  }
}
