package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.caseRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.caseTeams;
import static nl.zorgpad.pathway.PathwayTestSupport.consentRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.date;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static nl.zorgpad.pathway.PathwayTestSupport.validSignal;
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
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentStatement;
import nl.zorgpad.time.ZorgpadTime;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Zorgpad kwetsbare zwangerschap, end to end with the real reusable steps and decisions (MDO and
 * meldcode as stubs at the call-activity boundary, {@code src/test/resources/stubs}): one test per
 * path through the main process, the signal's server-side rules, the event subprocesses, and a
 * full year from signal to closing at the first birthday.
 */
@Deployment(
    resources = {
      "processes/zorgpad-kwetsbare-zwangerschap.bpmn",
      "processes/zorgpad-toestemming.bpmn",
      "processes/zorgpad-warme-overdracht.bpmn",
      "processes/zorgpad-prenataal-huisbezoek.bpmn",
      "processes/zorgpad-eerste-levensjaar.bpmn",
      "processes/zorgpad-triage.dmn",
      "processes/zorgpad-contactmomenten.dmn",
      "stubs/zorgpad-mdo.bpmn",
      "stubs/zorgpad-meldcode.bpmn"
    })
class KwetsbareZwangerschapProcessTest {

  static final String PROCESS = "zorgpad-kwetsbare-zwangerschap";

  /** Due date of {@link PathwayTestSupport#validSignal()}: Monday 20 July 2026. */
  static final ZonedDateTime DUE_DATE_MORNING =
      LocalDateTime.of(2026, 7, 20, 9, 0).atZone(ZorgpadTime.ZONE);

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    startClockAt(MONDAY_MORNING);
    caseRegistry(engine).clear();
    consentRegistry(engine).clear();
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    reset();
  }

  // --- signal and triage ---

  @Test
  void signalOpensCaseWithCaseNumberAsBusinessKey() {
    engine.getIdentityService().setAuthenticatedUserId("demo-verloskundige");
    try {
      ProcessInstance pathway = startSignal(validSignal());

      String caseNumber = "ZP-2026-00001";
      assertThat(pathway)
          .hasBusinessKey(caseNumber)
          .hasVariables("caseNumber")
          .isWaitingAt("Call_Consent");
      Assertions.assertThat(engine.getRuntimeService().getVariable(pathway.getId(), "caseNumber"))
          .isEqualTo(caseNumber);
      CaseFile caseFile = caseRegistry(engine).find(caseNumber).orElseThrow();
      Assertions.assertThat(caseFile.getClientReference()).isEqualTo("VP-2026-0042");
      Assertions.assertThat(caseFile.getGestationalAgeWeeksAtSignal()).isEqualTo(20);
      Assertions.assertThat(caseFile.getRiskDomains()).containsExactly("huisvesting", "armoede");
      Assertions.assertThat(caseFile.getCreatedBy()).isEqualTo("demo-verloskundige");
      Assertions.assertThat(caseFile.getStatus()).isEqualTo(CaseStatus.ACTIVE);
      // the business key travels into the reusable step
      assertThat(called(pathway, "zorgpad-toestemming")).hasBusinessKey(caseNumber);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void triageDecidesLevelNextStepsAndInterventionAdvice() {
    ProcessInstance pathway = startSignal(validSignal());

    // huisvesting (3) + armoede (2) = 5: verhoogd; housing makes it a multi-problem case
    assertThat(pathway)
        .hasPassedInOrder("Start_Signal", "Task_Triage", "Task_InterventionAdvice")
        .isWaitingAt("Call_Consent")
        .variables()
        .containsEntry("riskScore", 5)
        .containsEntry("riskLevel", "verhoogd")
        .containsEntry("mdoNeeded", false)
        .containsEntry("careCoordinatorNeeded", true)
        .containsEntry("careCoordinatorDiscipline", "buurtteam")
        .containsEntry("meldcodeAdvised", false)
        .containsEntry("prenatalHomeVisitAdvised", true)
        .containsEntry("triageInterventionAdvice", List.of());
    Assertions.assertThat(engine.getRuntimeService().getVariables(pathway.getId()))
        .doesNotContainKeys("decisionResult");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusalWithoutSafetyConcerns_signallerConfirmsAndTheCaseCloses() {
    ProcessInstance pathway = startSignal(validSignal());
    String caseNumber = pathway.getBusinessKey();

    ProcessInstance consent = called(pathway, "zorgpad-toestemming");
    assertThat(task(consent)).hasCandidateGroup("verloskundige");
    complete(
        task(consent),
        withVariables(
            "consentDecision", "REFUSED", "consentRefusalReason", "wantrouwen-instanties"));

    // no safety concerns known: the signaller is told the case closes, and may still start the
    // meldcode (afwegingsvraag 1); until she chose, the case stays open
    Task confirm = taskOf(pathway, "Task_ConfirmClosingWithoutConsent");
    assertThat(confirm)
        .hasCandidateGroup("verloskundige")
        .hasDueDate(date(MONDAY_MORNING.plusDays(2)));
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.ACTIVE);
    complete(confirm, withVariables("refusalFollowUp", "casus-sluiten"));

    assertThat(pathway)
        .isEnded()
        .hasPassedInOrder(
            "Start_Signal",
            "Task_Triage",
            "Call_Consent",
            "Gateway_ConsentGiven",
            "Gateway_SafetyAtStake",
            "Task_ConfirmClosingWithoutConsent",
            "End_ConsentRefused")
        .hasNotPassed("Task_AcceptCase", "Call_WarmHandover", "Event_KeptOpenForMeldcode");
    List<ConsentStatement> recorded = consentRegistry(engine).statementsOf(caseNumber);
    Assertions.assertThat(recorded)
        .singleElement()
        .satisfies(
            statement -> {
              Assertions.assertThat(statement.decision()).isEqualTo(ConsentDecision.REFUSED);
              Assertions.assertThat(statement.reasonCode()).isEqualTo("wantrouwen-instanties");
              // consent is specific: for the regiehouder the triage chose, for regie
              Assertions.assertThat(statement.recipientDiscipline()).isEqualTo("buurtteam");
              Assertions.assertThat(statement.purpose()).isEqualTo("regie");
            });
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED_NO_CONSENT);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusalWithoutSafetyConcernsAskedAgainLater_caseWaitsInsteadOfClosing() {
    ProcessInstance pathway = startSignal(validSignal());
    ProcessInstance consent = called(pathway, "zorgpad-toestemming");
    complete(
        task(consent),
        withVariables(
            "consentDecision",
            "REFUSED",
            "consentRefusalReason",
            "wil-bedenktijd",
            "consentAskAgain",
            true));

    // the documented "ask again" route: the case stays open and waits for the second question
    assertThat(consent).isWaitingAt("Timer_AskAgain");
    assertThat(pathway).isWaitingAt("Call_Consent");
    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.ACTIVE);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  // --- meldrecht (Wmo 2015 art. 5.2.6): a refused consent never ends a case where safety is at
  //     stake; the meldcode runs without consent

  @Test
  void meldrecht_triageAdvisesMeldcode_itRunsBesideTheConsentAndARefusalKeepsTheCaseOpen() {
    // a GP signals a homeless woman in an unsafe place (seed 001)
    ProcessInstance pathway =
        startSignal(
            validSignal()
                .putValue("riskDomains", List.of("huisvesting", "huiselijk-geweld"))
                .putValue("signallingDiscipline", "huisarts"));
    String caseNumber = pathway.getBusinessKey();

    // the meldcode runs at once, for the GP who has the signals, without waiting for consent
    assertThat(pathway).variables().containsEntry("meldcodeAdvised", true);
    assertThat(pathway).isWaitingAt("Call_MeldcodeAfterTriage", "Call_Consent");
    ProcessInstance meldcode = called(pathway, "zorgpad-meldcode");
    assertThat(meldcode).hasBusinessKey(caseNumber);
    assertThat(task(meldcode)).hasCandidateGroup("huisarts");

    // she refuses all help
    complete(
        task(called(pathway, "zorgpad-toestemming")),
        withVariables("consentDecision", "REFUSED", "consentRefusalReason", "wil-geen-contact"));

    assertThat(pathway)
        .isNotEnded()
        .hasPassed("Gateway_SafetyAtStake", "Event_KeptOpenForMeldcode")
        .hasNotPassed("Task_ConfirmClosingWithoutConsent")
        .isWaitingAt("Call_MeldcodeAfterTriage", "Task_FollowUpMeldrecht");
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.MELDCODE_WITHOUT_CONSENT);
    // the signaller sees it in her tasks
    Task followUp = taskOf(pathway, "Task_FollowUpMeldrecht");
    assertThat(followUp).hasCandidateGroup("huisarts");
    // closing is refused while the meldcode runs
    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(followUp.getId(), Map.of("meldrechtFollowUp", "casus-sluiten")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(PathwayValidation.REFUSAL_FOLLOW_UP_INVALID);
              Assertions.assertThat(refused.getMessage()).contains("De meldcode loopt nog");
            });

    // the GP reports to Veilig Thuis (stub: the outcome of the meldcode)
    complete(task(meldcode), withVariables("meldcodeOutcome", "gemeld-veilig-thuis"));
    assertThat(pathway)
        .hasPassed("End_MeldcodeAfterTriageDone")
        .isWaitingAt("Task_FollowUpMeldrecht")
        .variables()
        .containsEntry("meldcodeOutcome", "gemeld-veilig-thuis");
    complete(followUp, withVariables("meldrechtFollowUp", "casus-sluiten"));

    assertThat(pathway).isEnded().hasPassed("End_ClosedAfterMeldcode");
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED_NO_CONSENT);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void meldrecht_meldcodeStartedBeforeTheRefusalKeepsTheCaseOpen() {
    ProcessInstance pathway = startSignal(validSignal());
    assertThat(pathway).variables().containsEntry("meldcodeAdvised", false);
    // any involved discipline starts the meldcode (message, API or the Tasklist's start form)
    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.START_REPORTING_CODE)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable(PathwayMessages.MELDCODE_STARTED_BY, "buurtteam")
        .correlate();
    assertThat(pathway)
        .hasPassed("Event_MeldcodeStartedRecorded")
        .variables()
        .containsEntry("meldcodeStarted", true);

    complete(
        task(called(pathway, "zorgpad-toestemming")),
        withVariables(
            "consentDecision", "REFUSED", "consentRefusalReason", "wantrouwen-instanties"));

    assertThat(pathway)
        .isWaitingAt("Call_Meldcode", "Task_FollowUpMeldrecht")
        .hasNotPassed("Task_ConfirmClosingWithoutConsent");
    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.MELDCODE_WITHOUT_CONSENT);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void
      meldrecht_signallerStartsTheMeldcodeAfterARefusal_thenAsksAgainAndTheCaseRunsOnWithConsent() {
    ProcessInstance pathway = startSignal(validSignal());
    String caseNumber = pathway.getBusinessKey();
    complete(
        task(called(pathway, "zorgpad-toestemming")),
        withVariables("consentDecision", "REFUSED", "consentRefusalReason", "wil-geen-contact"));

    // afwegingsvraag 1 after all: there are concerns about safety
    complete(
        taskOf(pathway, "Task_ConfirmClosingWithoutConsent"),
        withVariables("refusalFollowUp", "meldcode-starten"));

    ProcessInstance meldcode = called(pathway, "zorgpad-meldcode");
    assertThat(task(meldcode)).hasCandidateGroup("verloskundige");
    assertThat(pathway)
        .isWaitingAt("Call_MeldcodeWithoutConsent", "Task_FollowUpMeldrecht")
        .variables()
        .containsEntry("meldcodeStarted", true);
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.MELDCODE_WITHOUT_CONSENT);

    // after contact with Veilig Thuis she asks again, and the client consents
    complete(
        taskOf(pathway, "Task_FollowUpMeldrecht"),
        withVariables("meldrechtFollowUp", "opnieuw-vragen"));
    complete(
        task(called(pathway, "zorgpad-toestemming")), withVariables("consentDecision", "GIVEN"));

    assertThat(pathway).isWaitingAt("Call_MeldcodeWithoutConsent", "Task_AcceptCase");
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.ACTIVE);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber))
        .extracting(ConsentStatement::decision)
        .containsExactly(ConsentDecision.REFUSED, ConsentDecision.GIVEN);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void meldrecht_theMeldcodeStartedAfterARefusalEnds_theCaseStaysOpenUntilTheSignallerClosesIt() {
    ProcessInstance pathway = startSignal(validSignal());
    String caseNumber = pathway.getBusinessKey();
    complete(
        task(called(pathway, "zorgpad-toestemming")),
        withVariables("consentDecision", "REFUSED", "consentRefusalReason", "wil-geen-contact"));
    complete(
        taskOf(pathway, "Task_ConfirmClosingWithoutConsent"),
        withVariables("refusalFollowUp", "meldcode-starten"));
    ProcessInstance meldcode = called(pathway, "zorgpad-meldcode");

    // she reports to Veilig Thuis (stub: the outcome of the meldcode); the meldcode ends
    complete(task(meldcode), withVariables("meldcodeOutcome", "gemeld-veilig-thuis"));

    assertThat(pathway)
        .isNotEnded()
        .hasPassed("End_MeldcodeWithoutConsentDone")
        .isWaitingAt("Task_FollowUpMeldrecht")
        .variables()
        .containsEntry("meldcodeOutcome", "gemeld-veilig-thuis");
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .as("the end of the meldcode does not close the case")
        .isEqualTo(CaseStatus.MELDCODE_WITHOUT_CONSENT);
    // no meldcode runs now: she may close it
    complete(
        taskOf(pathway, "Task_FollowUpMeldrecht"),
        withVariables("meldrechtFollowUp", "casus-sluiten"));

    assertThat(pathway).isEnded().hasPassed("End_ClosedAfterMeldcode");
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED_NO_CONSENT);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  @Deployment(
      resources = {
        "processes/zorgpad-kwetsbare-zwangerschap.bpmn",
        "processes/zorgpad-meldcode-starten.bpmn",
        "processes/zorgpad-toestemming.bpmn",
        "processes/zorgpad-triage.dmn",
        "stubs/zorgpad-mdo.bpmn",
        "stubs/zorgpad-meldcode.bpmn"
      })
  void meldrecht_anyInvolvedDisciplineStartsTheMeldcodeFromTheTasklistStartForm() {
    engine.getIdentityService().setAuthentication("ha-1", List.of("huisarts"));
    ProcessInstance pathway;
    try {
      pathway = startSignal(validSignal().putValue("signallingDiscipline", "huisarts"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String caseNumber = pathway.getBusinessKey();

    // the GP opens "Meldcode starten in een casus" in the Tasklist
    ProcessInstance request =
        submitMeldcodeStart("ha-1", List.of("huisarts"), caseNumber, "huisarts");

    assertThat(request).isEnded().hasPassed("Start_MeldcodeRequested", "End_MeldcodeStartedInCase");
    Assertions.assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(request.getId())
                .singleResult()
                .getBusinessKey())
        .as("the request belongs to the case")
        .isEqualTo(caseNumber);
    assertThat(pathway)
        .hasPassed("Event_MeldcodeStartedRecorded")
        .isWaitingAt("Call_Consent", "Call_Meldcode")
        .variables()
        .containsEntry("meldcodeStarted", true)
        .containsEntry("meldcodeStartedBy", "huisarts");
    assertThat(task(called(pathway, "zorgpad-meldcode"))).hasCandidateGroup("huisarts");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  @Deployment(
      resources = {
        "processes/zorgpad-kwetsbare-zwangerschap.bpmn",
        "processes/zorgpad-meldcode-starten.bpmn",
        "processes/zorgpad-toestemming.bpmn",
        "processes/zorgpad-triage.dmn",
        "stubs/zorgpad-mdo.bpmn",
        "stubs/zorgpad-meldcode.bpmn"
      })
  void meldrecht_startFormRefusesTheNotInvolvedAnotherDisciplineAndAClosedCase() {
    engine.getIdentityService().setAuthentication("ha-1", List.of("huisarts"));
    ProcessInstance pathway;
    try {
      pathway = startSignal(validSignal().putValue("signallingDiscipline", "huisarts"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    String caseNumber = pathway.getBusinessKey();

    assertMeldcodeStartRefused(
        "jgz-1", List.of("jgz"), caseNumber, "jgz", "onbekend, of u bent er niet bij betrokken");
    assertMeldcodeStartRefused(
        "ha-1", List.of("huisarts"), caseNumber, "jgz", "namens uw eigen discipline");
    assertMeldcodeStartRefused(
        "ha-1", List.of("huisarts"), "casus 12", "huisarts", "Vul het casusnummer in");
    Assertions.assertThat(calledAll(pathway, "zorgpad-meldcode")).isEmpty();

    // closed without safety concerns: nothing waits for the meldcode any more
    complete(
        task(called(pathway, "zorgpad-toestemming")),
        withVariables("consentDecision", "REFUSED", "consentRefusalReason", "wil-geen-contact"));
    complete(
        taskOf(pathway, "Task_ConfirmClosingWithoutConsent"),
        withVariables("refusalFollowUp", "casus-sluiten"));
    assertMeldcodeStartRefused("ha-1", List.of("huisarts"), caseNumber, "huisarts", "is gesloten");
    Assertions.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("zorgpad-meldcode-starten")
                .count())
        .isZero();
  }

  @Test
  void meldrecht_theMeldcodeRunsWithoutAnyConsentTaskInTheMeldcodeStep() {
    ProcessInstance pathway =
        startSignal(validSignal().putValue("riskDomains", List.of("huiselijk-geweld")));

    // the consent step is asked only for the regie; the meldcode itself asks none
    Assertions.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("zorgpad-toestemming")
                .count())
        .isOne();
    assertThat(called(pathway, "zorgpad-meldcode")).isActive();
  }

  // --- regiehouder, handovers, PHB, MDO ---

  @Test
  void signalConsentWarmHandoverAndHomeVisit_fullPathway() {
    ProcessInstance pathway = startSignal(validSignal());
    String caseNumber = pathway.getBusinessKey();
    giveConsent(pathway);

    Task accept = taskOf(pathway, "Task_AcceptCase");
    assertThat(accept).hasCandidateGroup("buurtteam").hasDueDate(date(MONDAY_MORNING.plusDays(3)));
    complete(
        accept,
        withVariables(
            "handoverRecipients",
            List.of("jgz", "informele-zorg"),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));

    // one consent task for this moment, for both recipients (issue 11), asked by the signaller
    ProcessInstance handoverConsent = called(pathway, "zorgpad-toestemming");
    assertThat(task(handoverConsent)).hasCandidateGroup("verloskundige");
    Assertions.assertThat(
            engine.getRuntimeService().getVariable(handoverConsent.getId(), "consentRecipients"))
        .isEqualTo(List.of("jgz", "informele-zorg"));
    complete(task(handoverConsent), withVariables("consentDecision", "GIVEN"));

    // a warm handover to each chosen discipline, at the same time, consent on record
    List<ProcessInstance> handovers = calledAll(pathway, "zorgpad-warme-overdracht");
    Assertions.assertThat(handovers).hasSize(2);
    List<String> recipients = new ArrayList<>();
    for (ProcessInstance handover : handovers) {
      assertThat(handover).hasBusinessKey(caseNumber).isWaitingAt("Task_RecordHandover");
      recipients.add(
          (String) engine.getRuntimeService().getVariable(handover.getId(), "recipientDiscipline"));
      handOver(handover);
    }
    Assertions.assertThat(recipients).containsExactlyInAnyOrder("jgz", "informele-zorg");

    ProcessInstance homeVisit = called(pathway, "zorgpad-prenataal-huisbezoek");
    assertThat(task(homeVisit))
        .hasDefinitionKey("Task_DecideHomeVisit")
        .hasCandidateGroup("verloskundige");
    complete(
        task(homeVisit),
        withVariables("homeVisitDecision", "aanvragen", "homeVisitClientConsented", true));
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));
    complete(
        task(homeVisit),
        withVariables(
            "homeVisitOutcome",
            "bezocht",
            "interventionAdvice",
            List.of("stevig-ouderschap", "mamaatje")));

    // no MDO for a "verhoogd" case: waiting for the birth
    assertThat(pathway)
        .hasPassedInOrder(
            "Task_AcceptCase", "Call_WarmHandover", "Call_PrenatalHomeVisit", "Gateway_MdoNeeded")
        .hasNotPassed("Call_Mdo")
        .isWaitingAt("Task_ReportBirth")
        .variables()
        .containsEntry("consentGiven", true)
        .containsEntry("homeVisitRequested", true);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber))
        .extracting(ConsentStatement::recipientDiscipline, ConsentStatement::purpose)
        .containsExactlyInAnyOrder(
            Assertions.tuple("buurtteam", "regie"),
            Assertions.tuple("jgz", "warme-overdracht"),
            Assertions.tuple("informele-zorg", "warme-overdracht"));
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void careCoordinatorAcceptsCase_regiehouderWhenNoMultiProblem() {
    ProcessInstance pathway =
        startSignal(validSignal().putValue("riskDomains", List.of("ggz", "stress")));
    giveConsent(pathway);

    assertThat(taskOf(pathway, "Task_AcceptCase")).hasCandidateGroup("regiehouder");
  }

  @Test
  void vuistregel8_buurtteamIsRegiehouderInMultiProblemCase() {
    ProcessInstance pathway =
        startSignal(validSignal().putValue("riskDomains", List.of("verslaving", "stress")));
    giveConsent(pathway);

    assertThat(taskOf(pathway, "Task_AcceptCase")).hasCandidateGroup("buurtteam");
    assertThat(pathway).variables().containsEntry("careCoordinatorDiscipline", "buurtteam");
  }

  @Test
  void lowRisk_signallerKeepsTheOverviewAndIsNotAskedConsentForHerOwnRegie() {
    ProcessInstance pathway =
        startSignal(
            validSignal()
                .putValue("riskDomains", List.of("stress"))
                .putValue("signallingDiscipline", "huisarts"));

    assertThat(pathway).hasPassed("Gateway_RegieConsentNeeded").hasNotPassed("Call_Consent");
    Assertions.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("zorgpad-toestemming")
                .count())
        .isZero();
    assertThat(taskOf(pathway, "Task_AcceptCase")).hasCandidateGroup("huisarts");
    assertThat(pathway)
        .variables()
        .containsEntry("riskLevel", "laag")
        .containsEntry("careCoordinatorNeeded", false)
        .containsEntry("triageInterventionAdvice", List.of("reguliere-jgz"));
  }

  @Test
  void acceptanceWithUnknownRecipientOrRequesterIsRefused() {
    ProcessInstance pathway = startSignal(validSignal());
    giveConsent(pathway);
    String taskId = taskOf(pathway, "Task_AcceptCase").getId();

    assertThatThrownBy(
            () ->
                engine
                    .getTaskService()
                    .complete(
                        taskId,
                        Map.of(
                            "handoverRecipients",
                            List.of("jgz", "bakker", "verloskundige"),
                            "homeVisitRequestingDiscipline",
                            "jgz",
                            "startMeldcode",
                            false)))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(PathwayValidation.CASE_ACCEPTANCE_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .contains("Onbekende discipline")
                  .contains("De signalerende discipline draagt over")
                  .contains("de verloskundige of het buurtteam");
            });
    assertThat(pathway).isWaitingAt("Task_AcceptCase");
  }

  @Test
  void vuistregel7_buurtteamRequestsPhbAndMidwifeAndGpAreInformed() {
    ProcessInstance pathway = startSignal(validSignal());
    giveConsent(pathway);
    complete(
        taskOf(pathway, "Task_AcceptCase"),
        withVariables(
            "handoverRecipients",
            List.of("huisarts"),
            "homeVisitRequestingDiscipline",
            "buurtteam",
            "startMeldcode",
            false));
    giveHandoverConsent(pathway);
    handOver(called(pathway, "zorgpad-warme-overdracht"));

    ProcessInstance homeVisit = called(pathway, "zorgpad-prenataal-huisbezoek");
    assertThat(task(homeVisit)).hasCandidateGroup("buurtteam");
    complete(
        task(homeVisit),
        withVariables("homeVisitDecision", "aanvragen", "homeVisitClientConsented", true));

    assertThat(homeVisit)
        .isWaitingAt("Task_InformMidwife", "Task_InformGeneralPractitioner", "Task_PlanHomeVisit");
  }

  @Test
  void vuistregel9_mdoWhenTriageAdvisesIt() {
    ProcessInstance pathway =
        startSignal(validSignal().putValue("riskDomains", List.of("ggz", "lvb", "schulden")));
    acceptWithoutHandoversAndOptOutOfPhb(pathway);

    assertThat(pathway).isWaitingAt("Call_Mdo");
    ProcessInstance mdo = called(pathway, "zorgpad-mdo");
    assertThat(mdo).hasBusinessKey(pathway.getBusinessKey());
    assertThat(task(mdo)).hasCandidateGroup("regiehouder");
    complete(task(mdo), withVariables("mdoNextReviewDate", "2026-04-15"));

    assertThat(pathway)
        .isWaitingAt("Task_ReportBirth")
        .variables()
        .containsEntry("mdoNextReviewDate", "2026-04-15");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void meldcodeStartedAtAcceptanceRunsBesideThePathway() {
    ProcessInstance pathway =
        startSignal(validSignal().putValue("riskDomains", List.of("ggz", "stress")));
    assertThat(pathway).variables().containsEntry("meldcodeAdvised", false);
    giveConsent(pathway);
    complete(
        taskOf(pathway, "Task_AcceptCase"),
        withVariables(
            "handoverRecipients",
            List.of(),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            true));

    ProcessInstance meldcode = called(pathway, "zorgpad-meldcode");
    assertThat(task(meldcode)).hasCandidateGroup("regiehouder");
    assertThat(pathway).isWaitingAt("Call_MeldcodeAtAcceptance", "Call_PrenatalHomeVisit");
    complete(task(meldcode), withVariables("meldcodeOutcome", "hulp-georganiseerd"));

    assertThat(pathway)
        .hasPassed("End_MeldcodeAtAcceptanceDone")
        .isWaitingAt("Call_PrenatalHomeVisit")
        .variables()
        .containsEntry("meldcodeOutcome", "hulp-georganiseerd");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void meldcodeAdvisedByTheTriageRunsOnce_acceptanceStartsNoSecondOne() {
    ProcessInstance pathway =
        startSignal(validSignal().putValue("riskDomains", List.of("huiselijk-geweld")));
    giveConsent(pathway);
    complete(
        taskOf(pathway, "Task_AcceptCase"),
        withVariables(
            "handoverRecipients",
            List.of(),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            true));

    assertThat(pathway)
        .hasPassed("End_NoMeldcodeAtAcceptance")
        .hasNotPassed("Call_MeldcodeAtAcceptance")
        .isWaitingAt("Call_MeldcodeAfterTriage", "Call_PrenatalHomeVisit")
        .variables()
        .containsEntry("startMeldcode", false);
    Assertions.assertThat(calledAll(pathway, "zorgpad-meldcode")).hasSize(1);
  }

  // --- the regiehouder recorded (Doesburg) ---

  @Test
  void regiehouderRecordedWithHerTeamWhenSheAccepts_regieTasksGoToHerTeam() {
    member("demo-buurtteam", "buurtteam", "buurtteam-utrecht-lombok");
    ProcessInstance pathway = startSignal(validSignal());
    String caseNumber = pathway.getBusinessKey();
    giveConsent(pathway);

    engine.getIdentityService().setAuthenticatedUserId("demo-buurtteam");
    try {
      complete(
          taskOf(pathway, "Task_AcceptCase"),
          withVariables(
              "handoverRecipients",
              List.of(),
              "homeVisitRequestingDiscipline",
              "verloskundige",
              "startMeldcode",
              false));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    Assertions.assertThat(caseTeams(engine).all(caseNumber))
        .singleElement()
        .satisfies(
            i -> {
              Assertions.assertThat(i.getRole()).isEqualTo(InvolvementRole.CARE_COORDINATOR);
              Assertions.assertThat(i.getGroupId()).isEqualTo("buurtteam-utrecht-lombok");
              Assertions.assertThat(i.getUserId()).isEqualTo("demo-buurtteam");
              Assertions.assertThat(i.getDiscipline()).isEqualTo("buurtteam");
            });
    // later regie tasks go to her team, not to every buurtteam
    complete(
        task(called(pathway, "zorgpad-prenataal-huisbezoek")),
        withVariables(
            "homeVisitDecision", "niet-nodig", "homeVisitOptOutReason", "al-in-zorg-jgz"));
    startClockAt(DUE_DATE_MORNING.plusDays(21));
    execute(job("Timer_BirthOverdue", pathway));
    assertThat(taskOf(pathway, "Task_CheckBirth")).hasCandidateGroup("buurtteam-utrecht-lombok");
    Assertions.assertThat(
            engine
                .getTaskService()
                .getIdentityLinksForTask(taskOf(pathway, "Task_CheckBirth").getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .containsExactly("buurtteam-utrecht-lombok");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  // --- birth ---

  @Test
  void birthReportedByTheInvolvedMidwifeTeamIsRecordedAndKraamzorgFollows() {
    ProcessInstance pathway = startSignal(validSignal());
    // the midwives of Lombok got a task in the case earlier (the dossier's involvement)
    caseTeams(engine)
        .involve(
            pathway.getBusinessKey(),
            "verloskundige-utrecht-lombok",
            "verloskundige",
            null,
            InvolvementRole.TASK);
    acceptWithoutHandoversAndOptOutOfPhb(pathway);
    ZonedDateTime birthDay = DUE_DATE_MORNING.minusDays(2);
    startClockAt(birthDay.plusHours(3));

    Task report = taskOf(pathway, "Task_ReportBirth");
    assertThat(report)
        .hasCandidateGroup("verloskundige-utrecht-lombok")
        .hasDueDate(date(DUE_DATE_MORNING.plusDays(21)));
    Assertions.assertThat(engine.getTaskService().getIdentityLinksForTask(report.getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .as("not every midwife")
        .containsExactly("verloskundige-utrecht-lombok");
    complete(report, withVariables("birthDate", "2026-07-18"));

    assertThat(pathway).hasPassed("End_BirthReported").isWaitingAt("Task_EndMaternityCare");
    // kraamperiode: due one working day after day 10 (Tuesday 28 July → Wednesday 29 July)
    assertThat(taskOf(pathway, "Task_EndMaternityCare"))
        .hasCandidateGroup("kraamzorg")
        .hasDueDate(date(LocalDateTime.of(2026, 7, 29, 17, 0).atZone(ZorgpadTime.ZONE)));
    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getChildBirthDate())
        .isEqualTo(LocalDate.of(2026, 7, 18));
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void birthTaskGoesToTheSignallingMidwifesOwnTeamAndTheInvolvedKraamzorg() {
    member("demo-verloskundige", "verloskundige", "verloskundige-utrecht-lombok");
    engine.getIdentityService().setAuthenticatedUserId("demo-verloskundige");
    ProcessInstance pathway;
    try {
      pathway = startSignal(validSignal());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    caseTeams(engine)
        .involve(
            pathway.getBusinessKey(),
            "kraamzorg-utrecht",
            "kraamzorg",
            null,
            InvolvementRole.HANDOVER);
    acceptWithoutHandoversAndOptOutOfPhb(pathway);

    Assertions.assertThat(
            engine
                .getTaskService()
                .getIdentityLinksForTask(taskOf(pathway, "Task_ReportBirth").getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .containsExactlyInAnyOrder("verloskundige-utrecht-lombok", "kraamzorg-utrecht");
  }

  @Test
  void birthTaskGoesToTheRegiehouderWhenNoMidwifeKraamzorgOrHospitalIsInvolved() {
    // a GP signalled; no midwife was ever involved: not every midwife gets the task
    ProcessInstance pathway =
        startSignal(validSignal().putValue("signallingDiscipline", "huisarts"));
    acceptWithoutHandoversAndOptOutOfPhb(pathway);

    assertThat(taskOf(pathway, "Task_ReportBirth")).hasCandidateGroup("buurtteam");
    Assertions.assertThat(
            engine
                .getTaskService()
                .getIdentityLinksForTask(taskOf(pathway, "Task_ReportBirth").getId()))
        .extracting(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
        .containsExactly("buurtteam");
  }

  @Test
  void birthReportedByMessageFromKraamzorg() {
    ProcessInstance pathway = waitingForBirth();
    startClockAt(DUE_DATE_MORNING.plusDays(1));

    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.BIRTH_REPORTED)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable(PathwayMessages.BIRTH_DATE, "2026-07-21")
        .correlate();

    assertThat(pathway)
        .hasPassed("Event_BirthReported")
        .hasNotPassed("End_BirthReported")
        .isWaitingAt("Task_EndMaternityCare");
    Assertions.assertThat(taskQuery().taskDefinitionKey("Task_ReportBirth").count()).isZero();
    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getChildBirthDate())
        .isEqualTo(LocalDate.of(2026, 7, 21));
  }

  @Test
  void birthDateInTheFutureIsRefused() {
    ProcessInstance pathway = waitingForBirth();
    startClockAt(DUE_DATE_MORNING);
    String taskId = taskOf(pathway, "Task_ReportBirth").getId();

    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of("birthDate", "2026-07-25")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode()).isEqualTo(PathwayValidation.BIRTH_INVALID);
              Assertions.assertThat(refused.getMessage()).contains("ligt in de toekomst");
            });
    assertThat(pathway).isWaitingAt("Task_ReportBirth");
  }

  @Test
  void noBirthReportThreeWeeksAfterDueDate_regiehouderChecks() {
    ProcessInstance pathway = waitingForBirth();
    ZonedDateTime overdue = DUE_DATE_MORNING.plusDays(21);
    Assertions.assertThat(job("Timer_BirthOverdue", pathway).getDuedate()).isEqualTo(date(overdue));

    startClockAt(overdue);
    execute(job("Timer_BirthOverdue", pathway));
    Task check = taskOf(pathway, "Task_CheckBirth");
    assertThat(check).hasCandidateGroup("buurtteam");
    // the midwife can still report; the check is beside it
    assertThat(pathway).isWaitingAt("Task_ReportBirth", "Task_CheckBirth");
    complete(check, withVariables("birthCheckOutcome", "niet-bereikt"));

    // checked again five working days later
    startClockAt(overdue.plusDays(7));
    execute(job("Timer_CheckBirthAgain", pathway));
    complete(
        taskOf(pathway, "Task_CheckBirth"),
        withVariables("birthCheckOutcome", "geboren", "birthDate", "2026-08-02"));

    assertThat(pathway).hasPassed("End_BirthFoundByCheck").isWaitingAt("Task_EndMaternityCare");
    Assertions.assertThat(taskQuery().taskDefinitionKey("Task_ReportBirth").count()).isZero();
    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getChildBirthDate())
        .isEqualTo(LocalDate.of(2026, 8, 2));
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  // --- event subprocesses ---

  @Test
  void newSignalAtAnyTime_retriageWithoutInterrupting() {
    ProcessInstance pathway = waitingForBirth();

    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.NEW_SIGNAL)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable("riskDomains", List.of("huisvesting", "armoede", "huiselijk-geweld"))
        .setVariable("signallingDiscipline", "kraamzorg")
        .correlate();

    assertThat(pathway)
        .isWaitingAt("Task_ReportBirth", "Task_ReviewNewSignal")
        .hasPassed("Task_Retriage", "Task_RetriageAdvice")
        .variables()
        .containsEntry("riskLevel", "hoog")
        .containsEntry("meldcodeAdvised", true)
        // the regie stays where it is
        .containsEntry("careCoordinatorDiscipline", "buurtteam");
    Task review = taskOf(pathway, "Task_ReviewNewSignal");
    assertThat(review).hasCandidateGroup("buurtteam");
    complete(review, withVariables("newSignalAction", "mdo-aanvragen"));
    ProcessInstance mdo = called(pathway, "zorgpad-mdo");
    complete(task(mdo), withVariables("mdoNextReviewDate", "2026-06-01"));

    assertThat(pathway)
        .hasPassed("Call_MdoAfterSignal", "End_NewSignalHandled")
        .isWaitingAt("Task_ReportBirth");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void newSignalNeedingNoAction() {
    ProcessInstance pathway = waitingForBirth();
    correlateNewSignal(pathway, List.of("stress"));

    complete(
        taskOf(pathway, "Task_ReviewNewSignal"), withVariables("newSignalAction", "geen-actie"));

    assertThat(pathway)
        .hasPassed("End_NewSignalHandled")
        .hasNotPassed("Call_MdoAfterSignal")
        .isWaitingAt("Task_ReportBirth");
  }

  @Test
  void newSignalLeadingToTheMeldcode() {
    ProcessInstance pathway = waitingForBirth();
    correlateNewSignal(pathway, List.of("huiselijk-geweld"));

    complete(
        taskOf(pathway, "Task_ReviewNewSignal"),
        withVariables("newSignalAction", "meldcode-starten"));
    ProcessInstance meldcode = called(pathway, "zorgpad-meldcode");
    assertThat(task(meldcode)).hasCandidateGroup("buurtteam");
    complete(task(meldcode), withVariables("meldcodeOutcome", "gemeld-veilig-thuis"));

    assertThat(pathway).hasPassed("Call_MeldcodeAfterSignal", "End_NewSignalHandled");
  }

  @Test
  void meldcodeStartedAtAnyTimeByAnyDiscipline() {
    ProcessInstance pathway = waitingForBirth();

    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.START_REPORTING_CODE)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable(PathwayMessages.MELDCODE_STARTED_BY, "verloskundige")
        .correlate();

    ProcessInstance meldcode = called(pathway, "zorgpad-meldcode");
    assertThat(meldcode).hasBusinessKey(pathway.getBusinessKey());
    assertThat(task(meldcode)).hasCandidateGroup("verloskundige");
    assertThat(pathway).isWaitingAt("Task_ReportBirth", "Call_Meldcode");
    complete(task(meldcode), withVariables("meldcodeOutcome", "geen-vermoeden"));

    assertThat(pathway)
        .hasPassed("End_MeldcodeCompleted")
        .isWaitingAt("Task_ReportBirth")
        .variables()
        .containsEntry("meldcodeOutcome", "geen-vermoeden");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void caseEndedEarlyWithReason_closedInDossierAndTasksCancelled() {
    ProcessInstance pathway = waitingForBirth();

    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.END_CASE)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable(PathwayMessages.END_REASON, "verhuisd")
        .correlate();

    assertThat(pathway).isWaitingAt("Task_InformInvolvedOfEnd");
    Assertions.assertThat(taskQuery().taskDefinitionKey("Task_ReportBirth").count()).isZero();
    CaseFile caseFile = caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow();
    Assertions.assertThat(caseFile.getStatus()).isEqualTo(CaseStatus.CLOSED_MOVED);
    Assertions.assertThat(caseFile.getEndReason()).isEqualTo("verhuisd");
    complete(taskOf(pathway, "Task_InformInvolvedOfEnd"), withVariables("involvedInformed", true));

    assertThat(pathway)
        .isEnded()
        .hasPassed("End_CaseEndedEarly")
        .hasNotPassed("End_PathwayCompleted");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void pregnancyEndedEndsTheCaseWithThatReason() {
    ProcessInstance pathway = startSignal(validSignal());

    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.END_CASE)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable(PathwayMessages.END_REASON, "zwangerschap-beeindigd")
        .correlate();

    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED_PREGNANCY_ENDED);
    Assertions.assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("zorgpad-toestemming")
                .count())
        .as("the open consent ends")
        .isZero();
  }

  @Test
  void caseEndWithUnknownReasonIsRefusedAndNothingIsCancelled() {
    ProcessInstance pathway = waitingForBirth();

    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .createMessageCorrelation(PathwayMessages.END_CASE)
                    .processInstanceBusinessKey(pathway.getBusinessKey())
                    .setVariable(PathwayMessages.END_REASON, "geen-zin")
                    .correlate())
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused ->
                Assertions.assertThat(refused.getCode())
                    .isEqualTo(PathwayValidation.CASE_END_INVALID));
    assertThat(pathway).isWaitingAt("Task_ReportBirth");
    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.ACTIVE);
  }

  @Test
  void consentWithdrawnForOneRecipientStopsLaterHandoversToIt() {
    ProcessInstance pathway = startSignal(validSignal());
    giveConsent(pathway);

    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.WITHDRAW_CONSENT)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable("recipientDiscipline", "jgz")
        .correlate();

    Assertions.assertThat(
            consentRegistry(engine)
                .currentDecision(pathway.getBusinessKey(), "jgz", "warme-overdracht"))
        .contains(ConsentDecision.WITHDRAWN);
    assertThat(pathway).hasPassed("End_WithdrawalRecorded").isWaitingAt("Task_AcceptCase");

    complete(
        taskOf(pathway, "Task_AcceptCase"),
        withVariables(
            "handoverRecipients",
            List.of("jgz"),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));

    Assertions.assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityId("End_ConsentWithdrawn")
                .count())
        .isOne();
    Assertions.assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityId("Task_RecordHandover")
                .count())
        .isZero();
    assertThat(pathway).isWaitingAt("Call_PrenatalHomeVisit");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  // --- the whole year ---

  @Test
  // the real MDO and meldcode processes, not the stubs of the other tests of this class
  @Deployment(
      resources = {
        "processes/zorgpad-kwetsbare-zwangerschap.bpmn",
        "processes/zorgpad-toestemming.bpmn",
        "processes/zorgpad-warme-overdracht.bpmn",
        "processes/zorgpad-prenataal-huisbezoek.bpmn",
        "processes/zorgpad-eerste-levensjaar.bpmn",
        "processes/zorgpad-triage.dmn",
        "processes/zorgpad-contactmomenten.dmn",
        "processes/zorgpad-mdo.bpmn",
        "processes/zorgpad-meldcode.bpmn",
        "processes/zorgpad-afwegingskader.dmn"
      })
  void fullYear_signalToClosingAtFirstBirthday_withBirthMdoAndMeldcode() {
    // a high-risk signal: domestic violence and mental health
    ProcessInstance pathway =
        startSignal(validSignal().putValue("riskDomains", List.of("huiselijk-geweld", "ggz")));
    String caseNumber = pathway.getBusinessKey();
    assertThat(pathway)
        .variables()
        .containsEntry("riskLevel", "hoog")
        .containsEntry("mdoNeeded", true)
        .containsEntry("meldcodeAdvised", true)
        .containsEntry("careCoordinatorDiscipline", "regiehouder");
    giveConsent(pathway);

    // the regiehouder accepts and hands over to JGZ
    complete(
        taskOf(pathway, "Task_AcceptCase"),
        withVariables(
            "handoverRecipients",
            List.of("jgz"),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            true));
    // the triage advised the meldcode: it runs since the signal, for the signalling midwife
    ProcessInstance meldcode = called(pathway, "zorgpad-meldcode");
    assertThat(task(meldcode)).hasCandidateGroup("verloskundige");
    giveHandoverConsent(pathway);
    handOver(called(pathway, "zorgpad-warme-overdracht"));
    // meldcode steps 1–5: signals and kindcheck, consultation, talking skipped because it would
    // endanger the client, the afwegingskader says help, help organised and effective
    complete(
        task(meldcode),
        withVariables(
            "meldcodeSignals",
            SpinValues.jsonValue("[\"partnergeweld\"]").create(),
            "meldcodeKindcheck",
            "alleen-ongeboren-kind"));
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
            "gevaar-client"));
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
    complete(
        task(meldcode),
        withVariables(
            "meldcodeHelpProviders",
            List.of("buurtteam", "jgz"),
            "meldcodeHelpEvaluationDate",
            "2026-04-15"));
    complete(task(meldcode), withVariables("meldcodeHelpEffective", "ja"));
    assertThat(meldcode)
        .isEnded()
        .hasPassed("End_ClosedWithAgreements")
        .variables()
        .containsEntry("meldcodeOutcome", "hulp-georganiseerd");

    // PHB requested and visited
    ProcessInstance homeVisit = called(pathway, "zorgpad-prenataal-huisbezoek");
    complete(
        task(homeVisit),
        withVariables("homeVisitDecision", "aanvragen", "homeVisitClientConsented", true));
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));
    startClockAt(MONDAY_MORNING.plusDays(10));
    complete(
        task(homeVisit),
        withVariables(
            "homeVisitOutcome", "bezocht", "interventionAdvice", List.of("stevig-ouderschap")));

    // MDO (vuistregel 9)
    ProcessInstance mdo = called(pathway, "zorgpad-mdo");
    complete(
        task(mdo),
        withVariables(
            "mdoParticipants", List.of("jgz", "buurtteam"), "mdoMeetingDate", "2026-03-19"));
    complete(
        taskQuery().processInstanceId(mdo.getId()).taskCandidateGroup("jgz").singleResult(),
        withVariables("mdoAttendance", "aanwezig"));
    complete(
        taskQuery().processInstanceId(mdo.getId()).taskCandidateGroup("buurtteam").singleResult(),
        withVariables("mdoAttendance", "schriftelijke-inbreng"));
    startClockAt(LocalDate.of(2026, 3, 19).atTime(17, 0).atZone(ZorgpadTime.ZONE));
    complete(
        task(mdo),
        withVariables(
            "mdoHeldDate",
            "2026-03-19",
            "mdoNextReviewDate",
            "2026-04-16",
            "mdoHasActionPoints",
            "ja"));
    complete(
        task(mdo),
        withVariables(
            "mdoActionDiscipline",
            "jgz",
            "mdoAction",
            "huisbezoek-plannen",
            "mdoActionDueDate",
            "2026-03-26",
            "mdoMoreActionPoints",
            "nee"));
    complete(task(mdo), withVariables("mdoActionResult", "uitgevoerd"));
    assertThat(mdo).isEnded().hasPassed("End_ActionPointsDone");

    // the birth, the kraamperiode, the handover to JGZ
    startClockAt(DUE_DATE_MORNING.minusDays(1));
    complete(taskOf(pathway, "Task_ReportBirth"), withVariables("birthDate", "2026-07-19"));
    startClockAt(DUE_DATE_MORNING.plusDays(8));
    complete(
        taskOf(pathway, "Task_EndMaternityCare"),
        withVariables("maternityCareOutcome", "afgerond", "maternityCareEndDate", "2026-07-27"));
    ProcessInstance jgzHandover = called(pathway, "zorgpad-warme-overdracht");
    // consent for JGZ is on record since the first handover: the kraamzorg hands over at once
    assertThat(jgzHandover).isWaitingAt("Task_RecordHandover");
    assertThat(task(jgzHandover)).hasCandidateGroup("kraamzorg");
    handOver(jgzHandover);

    // the first year: every contact moment and check-in when its day comes
    ProcessInstance firstYear = called(pathway, "zorgpad-eerste-levensjaar");
    assertThat(firstYear).hasBusinessKey(caseNumber);
    List<String> moments = new ArrayList<>();
    while (!isEnded(firstYear)) {
      Job next =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(firstYear.getId())
              .orderByJobDuedate()
              .asc()
              .list()
              .get(0);
      moveClockTo(next.getDuedate());
      engine.getManagementService().executeJob(next.getId());
      for (Task open : taskQuery().processInstanceId(firstYear.getId()).list()) {
        moments.add((String) engine.getTaskService().getVariable(open.getId(), "contactMoment"));
        if (open.getTaskDefinitionKey().equals("Task_JgzContactMoment")) {
          assertThat(open).hasCandidateGroup("jgz");
          complete(open, withVariables("contactMomentOutcome", "gezien"));
        } else {
          assertThat(open).hasCandidateGroup("regiehouder");
          complete(open, withVariables("checkInOutcome", "loopt-goed"));
        }
      }
    }
    // in time order (a JGZ moment and a check-in on the same day in either order)
    Assertions.assertThat(moments)
        .containsExactlyInAnyOrder(
            "dag-4-7",
            "week-2",
            "week-4",
            "week-6-extra",
            "regie-week-6",
            "week-8",
            "maand-3",
            "regie-maand-3",
            "maand-4",
            "maand-6",
            "regie-maand-6",
            "maand-7-5",
            "maand-9",
            "regie-maand-9",
            "maand-11");
    Assertions.assertThat(moments.subList(0, 3)).containsExactly("dag-4-7", "week-2", "week-4");
    Assertions.assertThat(moments.get(moments.size() - 1)).isEqualTo("maand-11");
    Assertions.assertThat(ClockUtil.getCurrentTime())
        .isEqualTo(date(LocalDateTime.of(2027, 7, 19, 9, 0).atZone(ZorgpadTime.ZONE)));

    // closing evaluation at the first birthday
    Task evaluation = taskOf(pathway, "Task_ClosingEvaluation");
    assertThat(evaluation).hasCandidateGroup("regiehouder");
    complete(
        evaluation,
        withVariables("closingEvaluation", "doelen-bereikt", "aftercare", "reguliere-jgz"));

    // every step passed (the engine clock stands still within a step, so the history cannot
    // always tell the order of steps started in the same moment)
    assertThat(pathway)
        .isEnded()
        .hasPassed(
            "Start_Signal",
            "Task_Triage",
            "Call_Consent",
            "Task_AcceptCase",
            "Call_HandoverConsent",
            "Call_WarmHandover",
            "Call_PrenatalHomeVisit",
            "Call_Mdo",
            "Task_ReportBirth",
            "Task_EndMaternityCare",
            "Call_JgzHandover",
            "Call_FirstYear",
            "Task_ClosingEvaluation",
            "End_PathwayCompleted")
        .hasPassed("Call_MeldcodeAfterTriage")
        .hasNotPassed("Call_MeldcodeAtAcceptance");
    CaseFile caseFile = caseRegistry(engine).find(caseNumber).orElseThrow();
    Assertions.assertThat(caseFile.getStatus()).isEqualTo(CaseStatus.CLOSED);
    Assertions.assertThat(caseFile.getChildBirthDate()).isEqualTo(LocalDate.of(2026, 7, 19));
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  // --- rules on the signal ---

  @Test
  void signalFromTasklistWithRiskDomainsAsJson() {
    // the Tasklist submits a checklist as a JSON variable
    VariableMap signal =
        validSignal()
            .putValueTyped("riskDomains", SpinValues.jsonValue("[\"ggz\",\"schulden\"]").create())
            .putValue("gestationalAgeWeeks", 20L);

    ProcessInstance pathway = startSignal(signal);

    Assertions.assertThat(
            caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow().getRiskDomains())
        .containsExactly("ggz", "schulden");
    // the triage reads the JSON list too: ggz (3) + schulden (2)
    assertThat(pathway).variables().containsEntry("riskScore", 5);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void signalThatBreaksRulesIsRefusedInDutchAndLeavesNoCase() {
    VariableMap signal =
        validSignal()
            .putValue("clientReference", "Fatima de Vries")
            .putValue("gestationalAgeWeeks", 3)
            .putValue("riskDomains", List.of());

    assertThatThrownBy(() -> startSignal(signal))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode()).isEqualTo(PathwayValidation.SIGNAL_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .contains("Gebruik geen naam, BSN of adres")
                  .contains("tussen 4 en 42 weken")
                  .contains("minstens één risicodomein");
            });
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    Assertions.assertThat(caseRegistry(engine).all()).isEmpty();
  }

  @Test
  void signalWithBsnAsClientReferenceIsRefused() {
    VariableMap signal = validSignal().putValue("clientReference", "111222333");

    assertThatThrownBy(() -> startSignal(signal))
        .isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("lijkt op een BSN");
  }

  @Test
  void cancellingPathwayWithOpenTaskNeedsNoAnswer() {
    ProcessInstance pathway = startSignal(validSignal());

    // the completion checks are end listeners: a cancelled task has no answer to check
    engine.getRuntimeService().deleteProcessInstance(pathway.getId(), "test: case withdrawn");

    assertThat(pathway).isEnded();
    Assertions.assertThat(consentRegistry(engine).statementsOf(pathway.getBusinessKey())).isEmpty();
  }

  // --- helpers: the steps as the caregivers do them ---

  private ProcessInstance startSignal(VariableMap signal) {
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS)
            .latestVersion()
            .singleResult()
            .getId();
    // the Tasklist submits the start form, as here
    return engine.getFormService().submitStartForm(definitionId, signal);
  }

  private void giveConsent(ProcessInstance pathway) {
    complete(
        task(called(pathway, "zorgpad-toestemming")), withVariables("consentDecision", "GIVEN"));
  }

  private ProcessInstance submitMeldcodeStart(
      String user, List<String> groups, String caseNumber, String discipline) {
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("zorgpad-meldcode-starten")
            .latestVersion()
            .singleResult()
            .getId();
    engine.getIdentityService().setAuthentication(user, groups);
    try {
      return engine
          .getFormService()
          .submitStartForm(
              definitionId,
              Map.of("meldcodeCaseNumber", caseNumber, "meldcodeStartedBy", discipline));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void assertMeldcodeStartRefused(
      String user, List<String> groups, String caseNumber, String discipline, String message) {
    assertThatThrownBy(() -> submitMeldcodeStart(user, groups, caseNumber, discipline))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(PathwayValidation.MELDCODE_START_INVALID);
              Assertions.assertThat(refused.getMessage()).contains(message);
            });
  }

  /** The one consent task at acceptance, for every handover recipient: given. */
  private void giveHandoverConsent(ProcessInstance pathway) {
    complete(
        task(called(pathway, "zorgpad-toestemming")), withVariables("consentDecision", "GIVEN"));
  }

  /** A caregiver of the plain engine's identity service, member of her groups. */
  private void member(String userId, String... groups) {
    var identity = engine.getIdentityService();
    if (identity.createUserQuery().userId(userId).count() == 0) {
      identity.saveUser(identity.newUser(userId));
    }
    for (String group : groups) {
      if (identity.createGroupQuery().groupId(group).count() == 0) {
        identity.saveGroup(identity.newGroup(group));
      }
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
  }

  /** Signal (verhoogd, buurtteam regiehouder), no handovers, PHB opted out: waiting for birth. */
  private ProcessInstance waitingForBirth() {
    ProcessInstance pathway = startSignal(validSignal());
    acceptWithoutHandoversAndOptOutOfPhb(pathway);
    assertThat(pathway).isWaitingAt("Task_ReportBirth");
    return pathway;
  }

  private void acceptWithoutHandoversAndOptOutOfPhb(ProcessInstance pathway) {
    giveConsent(pathway);
    complete(
        taskOf(pathway, "Task_AcceptCase"),
        withVariables(
            "handoverRecipients",
            List.of(),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));
    complete(
        task(called(pathway, "zorgpad-prenataal-huisbezoek")),
        withVariables(
            "homeVisitDecision", "niet-nodig", "homeVisitOptOutReason", "al-in-zorg-jgz"));
  }

  /** A warm handover: consent asked and given when not on record, handed over, contact. */
  private void handOver(ProcessInstance handover) {
    List<ProcessInstance> consent = calledAll(handover, "zorgpad-toestemming");
    if (!consent.isEmpty()) {
      complete(task(consent.get(0)), withVariables("consentDecision", "GIVEN"));
    }
    String today = Deadlines.withDefaults().now().toLocalDate().toString();
    complete(
        task(handover),
        withVariables(
            "handoverMethod",
            "telefonisch-consult",
            "handoverDate",
            today,
            "clientInformed",
            true));
    complete(task(handover), withVariables("contactDate", today, "contactMethod", "telefonisch"));
    assertThat(handover).isEnded().hasPassed("End_ContactConfirmed");
  }

  private void correlateNewSignal(ProcessInstance pathway, List<String> riskDomains) {
    engine
        .getRuntimeService()
        .createMessageCorrelation(PathwayMessages.NEW_SIGNAL)
        .processInstanceBusinessKey(pathway.getBusinessKey())
        .setVariable("riskDomains", riskDomains)
        .setVariable("signallingDiscipline", "jgz")
        .correlate();
  }

  private Task taskOf(ProcessInstance instance, String taskDefinitionKey) {
    return taskQuery()
        .processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  private ProcessInstance called(ProcessInstance parent, String processDefinitionKey) {
    List<ProcessInstance> called = calledAll(parent, processDefinitionKey);
    Assertions.assertThat(called)
        .as("running %s called by %s", processDefinitionKey, parent.getProcessDefinitionId())
        .hasSize(1);
    return called.get(0);
  }

  private List<ProcessInstance> calledAll(ProcessInstance parent, String processDefinitionKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(parent.getId())
        .processDefinitionKey(processDefinitionKey)
        .list();
  }

  private boolean isEnded(ProcessInstance instance) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance.getId())
            .count()
        == 0;
  }

  private void moveClockTo(Date due) {
    if (due.after(ClockUtil.getCurrentTime())) {
      ClockUtil.setCurrentTime(due);
    }
  }
}
