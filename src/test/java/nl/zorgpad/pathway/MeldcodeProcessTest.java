package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.date;
import static nl.zorgpad.pathway.PathwayTestSupport.openCase;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.consent.InMemoryRightToReportRegistry;
import nl.zorgpad.consent.RightToReportStatement;
import nl.zorgpad.time.ZorgpadTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Meldcode (reusable step): one test per path through the five steps and the afwegingskader,
 * vuistregel 5 ("bel Veilig Thuis" until contact) and the meldrecht record.
 */
@Deployment(resources = {"processes/zorgpad-meldcode.bpmn", "processes/zorgpad-afwegingskader.dmn"})
class MeldcodeProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;
  String caseNumber;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    startClockAt(MONDAY_MORNING);
    caseNumber = openCase(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    reset();
  }

  @Test
  void afwegingsvraag1_noSuspicionClosesAndIsRecorded() {
    ProcessInstance meldcode = startMeldcode();
    assertThat(task(meldcode))
        .hasDefinitionKey("Task_MapSignals")
        .hasCandidateGroup("verloskundige")
        .hasDueDate(date(MONDAY_MORNING.plusDays(2)));
    mapSignalsAndConsult(meldcode, "ja", null);
    assertThat(task(meldcode)).hasDefinitionKey("Task_TalkWithClient");
    complete(task(meldcode), withVariables("meldcodeTalkDate", "2026-03-02"));

    complete(task(meldcode), withVariables("meldcodeSuspicion", "nee"));

    assertThat(meldcode)
        .isEnded()
        .hasPassedInOrder(
            "Task_MapSignals",
            "Task_Consult",
            "Task_TalkWithClient",
            "Task_WeighRisk",
            "Task_Decide",
            "End_NoSuspicion")
        .variables()
        .containsEntry("meldcodeDecision", "afsluiten")
        .containsEntry("meldcodeOutcome", "geen-vermoeden");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void afwegingsvraag2_acuteUnsafetyLeadsToReport() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "ja", null);
    complete(task(meldcode), withVariables("meldcodeTalkDate", "2026-03-02"));
    complete(task(meldcode), withVariables("meldcodeSuspicion", "ja", "meldcodeUnsafety", "ja"));

    assertThat(meldcode).isWaitingAt("Task_ReportToVeiligThuis");
    assertThat(task(meldcode))
        .hasCandidateGroup("verloskundige")
        .hasDueDate(date(MONDAY_MORNING.plusDays(1)));
    report(meldcode, "nee");
    assertThat(meldcode).isWaitingAt("Task_AwaitVeiligThuisContact");
    complete(task(meldcode), withVariables("veiligThuisContactDate", "2026-03-02"));

    assertThat(meldcode)
        .isEnded()
        .hasPassed("End_Reported")
        .hasNotPassed("Task_CallVeiligThuis")
        .variables()
        .containsEntry("meldcodeOutcome", "gemeld-veilig-thuis");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void meldrecht_reportWithoutConsentIsRecordedAsTheException() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "nee", "gevaar-client");
    complete(task(meldcode), withVariables("meldcodeSuspicion", "ja", "meldcodeUnsafety", "ja"));

    report(meldcode, "nee");

    List<RightToReportStatement> reports = rightToReport().statementsOf(caseNumber);
    Assertions.assertThat(reports)
        .singleElement()
        .satisfies(
            recorded -> {
              Assertions.assertThat(recorded.reportingDiscipline()).isEqualTo("verloskundige");
              Assertions.assertThat(recorded.reportedOn()).isEqualTo(LocalDate.of(2026, 3, 2));
              Assertions.assertThat(recorded.clientInformed())
                  .isEqualTo("niet-geinformeerd-gevaar");
            });
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void meldcodeStap3_talkSkippedWhenUnsafeNeedsReason() {
    ProcessInstance meldcode = startMeldcode();
    complete(
        task(meldcode),
        withVariables(
            "meldcodeSignals",
            List.of("partnergeweld"),
            "meldcodeKindcheck",
            "alleen-ongeboren-kind"));
    String consultTask = task(meldcode).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        consultTask,
                        Map.of(
                            "meldcodeColleagueConsulted",
                            true,
                            "meldcodeVeiligThuisAdvice",
                            "anoniem",
                            "meldcodeTalkSafe",
                            "nee")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MELDCODE_CONSULTATION_INVALID);
              Assertions.assertThat(refused.getMessage()).contains("Stap 3 overslaan mag alleen");
            });
    assertThat(meldcode).isWaitingAt("Task_Consult");

    complete(
        task(meldcode),
        withVariables(
            "meldcodeColleagueConsulted",
            true,
            "meldcodeVeiligThuisAdvice",
            "anoniem",
            "meldcodeTalkSafe",
            "nee",
            "meldcodeTalkSkippedReason",
            "gevaar-kind"));

    assertThat(meldcode).isWaitingAt("Task_WeighRisk").hasNotPassed("Task_TalkWithClient");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void meldcodeStap2_colleagueMustBeConsulted() {
    ProcessInstance meldcode = startMeldcode();
    complete(
        task(meldcode),
        withVariables(
            "meldcodeSignals",
            List.of("verwaarlozing"),
            "meldcodeKindcheck",
            "ook-minderjarige-kinderen"));
    String consultTask = task(meldcode).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        consultTask,
                        Map.of(
                            "meldcodeColleagueConsulted",
                            false,
                            "meldcodeVeiligThuisAdvice",
                            "niet-gevraagd",
                            "meldcodeTalkSafe",
                            "ja")))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("overleg eerst met een collega");
    assertThat(meldcode).isWaitingAt("Task_Consult");
  }

  @Test
  void meldcodeStap1_signalsAndKindcheckAreRequired() {
    ProcessInstance meldcode = startMeldcode();
    String signalsTask = task(meldcode).getId();

    assertThatThrownBy(
            () ->
                engine.getTaskService().complete(signalsTask, Map.of("meldcodeSignals", List.of())))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused ->
                Assertions.assertThat(refused.getMessage())
                    .contains("Kies minstens één soort signaal")
                    .contains("Doe de kindcheck"));
    assertThat(meldcode).isWaitingAt("Task_MapSignals");
  }

  @Test
  void afwegingskader_questionsAreAnsweredInOrder() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "nee", "gevaar-melder-of-anderen");
    String weighTask = task(meldcode).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        weighTask, Map.of("meldcodeSuspicion", "ja", "meldcodeUnsafety", "nee")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MELDCODE_ASSESSMENT_INVALID);
              Assertions.assertThat(refused.getMessage()).contains("vraag 3");
            });
    assertThat(meldcode).isWaitingAt("Task_WeighRisk");
  }

  @Test
  void afwegingsvraag4_acceptedHelpIsOrganisedAndClosedWithAgreements() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "nee", "gevaar-client");
    weighHelpPossibleAndAccepted(meldcode);
    assertThat(meldcode).isWaitingAt("Task_OrganiseHelp");
    complete(
        task(meldcode),
        withVariables(
            "meldcodeHelpProviders",
            List.of("buurtteam", "jgz"),
            "meldcodeHelpEvaluationDate",
            "2026-04-15"));

    assertThat(meldcode).isWaitingAt("Task_EvaluateHelp");
    assertThat(task(meldcode))
        .hasCandidateGroup("verloskundige")
        .hasDueDate(date(LocalDate.of(2026, 4, 15).atTime(17, 0).atZone(ZorgpadTime.ZONE)));
    complete(task(meldcode), withVariables("meldcodeHelpEffective", "ja"));

    assertThat(meldcode)
        .isEnded()
        .hasPassed("End_ClosedWithAgreements")
        .hasNotPassed("Task_ReportToVeiligThuis")
        .variables()
        .containsEntry("meldcodeDecision", "afsluiten-met-afspraken")
        .containsEntry("meldcodeOutcome", "hulp-georganiseerd");
    Assertions.assertThat(rightToReport().statementsOf(caseNumber)).isEmpty();
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void afwegingsvraag5_helpWithoutResultLeadsToReportAndHelpAlongside() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "nee", "gevaar-client");
    weighHelpPossibleAndAccepted(meldcode);
    complete(
        task(meldcode),
        withVariables(
            "meldcodeHelpProviders",
            List.of("poh-ggz"),
            "meldcodeHelpEvaluationDate",
            "2026-03-30"));
    complete(task(meldcode), withVariables("meldcodeHelpEffective", "nee"));

    assertThat(meldcode).isWaitingAt("Task_ReportToVeiligThuis");
    report(meldcode, "ja");
    complete(task(meldcode), withVariables("veiligThuisContactDate", "2026-03-02"));
    assertThat(meldcode).isWaitingAt("Task_OrganiseHelp");
    complete(
        task(meldcode),
        withVariables(
            "meldcodeHelpProviders",
            List.of("buurtteam"),
            "meldcodeHelpEvaluationDate",
            "2026-04-30"));

    assertThat(meldcode)
        .isEnded()
        .hasPassed("End_ReportedWithHelp")
        .variables()
        .containsEntry("meldcodeOutcome", "gemeld-veilig-thuis");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel5_callVeiligThuisUntilContact() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "nee", "gevaar-kind");
    complete(
        task(meldcode),
        withVariables(
            "meldcodeSuspicion", "ja", "meldcodeUnsafety", "nee", "meldcodeHelpPossible", "nee"));
    report(meldcode, "nee");
    assertThat(meldcode).isWaitingAt("Task_AwaitVeiligThuisContact");
    // Veilig Thuis triages within 5 working days: Monday → the next Monday
    Assertions.assertThat(job(meldcode).getDuedate()).isEqualTo(date(MONDAY_MORNING.plusDays(7)));

    startClockAt(MONDAY_MORNING.plusDays(7));
    execute(job(meldcode));
    assertThat(meldcode).isWaitingAt("Task_CallVeiligThuis");
    assertThat(task(meldcode))
        .hasCandidateGroup("verloskundige")
        .hasDueDate(date(MONDAY_MORNING.plusDays(8)));
    complete(task(meldcode), withVariables("veiligThuisCallResult", "geen-contact"));

    // no contact yet: wait again, and call again after 5 more working days
    assertThat(meldcode).isWaitingAt("Task_AwaitVeiligThuisContact");
    Assertions.assertThat(job(meldcode).getDuedate()).isEqualTo(date(MONDAY_MORNING.plusDays(14)));
    startClockAt(MONDAY_MORNING.plusDays(14));
    execute(job(meldcode));
    assertThat(meldcode).isWaitingAt("Task_CallVeiligThuis");
    complete(task(meldcode), withVariables("veiligThuisCallResult", "contact-gemaakt"));

    assertThat(meldcode)
        .isEnded()
        .hasPassed("Timer_NoContactFromVeiligThuis", "End_Reported")
        .variables()
        .containsEntry("meldcodeOutcome", "gemeld-veilig-thuis");
    Assertions.assertThat(
            engine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Task_CallVeiligThuis")
                .count())
        .isEqualTo(2);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel5_contactRecordedInTimeNeedsNoCall() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "nee", "gevaar-kind");
    complete(
        task(meldcode),
        withVariables(
            "meldcodeSuspicion",
            "ja",
            "meldcodeUnsafety",
            "nee",
            "meldcodeHelpPossible",
            "ja",
            "meldcodeHelpAccepted",
            "nee"));
    report(meldcode, "nee");
    startClockAt(MONDAY_MORNING.plusDays(3));
    complete(task(meldcode), withVariables("veiligThuisContactDate", "2026-03-05"));

    assertThat(meldcode).isEnded().hasNotPassed("Task_CallVeiligThuis");
    Assertions.assertThat(engine.getManagementService().createJobQuery().count()).isZero();
  }

  @Test
  void meldrecht_reportNeedsDateAndWhetherClientWasTold() {
    ProcessInstance meldcode = startMeldcode();
    mapSignalsAndConsult(meldcode, "nee", "gevaar-client");
    complete(task(meldcode), withVariables("meldcodeSuspicion", "ja", "meldcodeUnsafety", "ja"));
    String reportTask = task(meldcode).getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        reportTask,
                        Map.of("meldcodeReportDate", "2026-03-09", "meldcodeHelpAlongside", "nee")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(MeldcodeValidation.MELDCODE_REPORT_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .contains("niet in de toekomst")
                  .contains("vooraf over de melding");
            });
    Assertions.assertThat(rightToReport().statementsOf(caseNumber)).isEmpty();
  }

  private ProcessInstance startMeldcode() {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-meldcode",
            caseNumber,
            Map.of("caseNumber", caseNumber, "meldcodeStartedBy", "verloskundige"));
  }

  private void mapSignalsAndConsult(
      ProcessInstance meldcode, String talkSafe, String skippedReason) {
    // as the Tasklist submits a checklist: a JSON value
    complete(
        task(meldcode),
        withVariables(
            "meldcodeSignals",
            SpinValues.jsonValue("[\"partnergeweld\",\"uitspraak-client\"]").create(),
            "meldcodeKindcheck",
            "alleen-ongeboren-kind"));
    Map<String, Object> consultation =
        new java.util.HashMap<>(
            Map.of(
                "meldcodeColleagueConsulted",
                true,
                "meldcodeVeiligThuisAdvice",
                "anoniem",
                "meldcodeTalkSafe",
                talkSafe));
    if (skippedReason != null) {
      consultation.put("meldcodeTalkSkippedReason", skippedReason);
    }
    complete(task(meldcode), consultation);
  }

  private void weighHelpPossibleAndAccepted(ProcessInstance meldcode) {
    complete(
        task(meldcode),
        withVariables(
            "meldcodeSuspicion",
            "ja",
            "meldcodeUnsafety",
            "nee",
            "meldcodeHelpPossible",
            "ja",
            "meldcodeHelpAccepted",
            "ja"));
  }

  private void report(ProcessInstance meldcode, String helpAlongside) {
    complete(
        task(meldcode),
        withVariables(
            "meldcodeReportDate",
            "2026-03-02",
            "meldcodeClientInformedOfReport",
            "niet-geinformeerd-gevaar",
            "meldcodeHelpAlongside",
            helpAlongside));
  }

  private InMemoryRightToReportRegistry rightToReport() {
    return (InMemoryRightToReportRegistry)
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getBeans()
            .get("rightToReportRegistry");
  }
}
