package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.caseRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.consentRegistry;
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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentStatement;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
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

/** Toestemming (reusable step): one test per path, plus the refusal rule. */
@Deployment(resources = "processes/zorgpad-toestemming.bpmn")
class ToestemmingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = PathwayTestSupport.engineWithCoverage();

  ProcessEngine engine;
  String caseNumber;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
    init(engine);
    startClockAt(MONDAY_MORNING);
    caseRegistry(engine).clear();
    consentRegistry(engine).clear();
    caseNumber = openCase(engine);
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
    reset();
  }

  @Test
  void vuistregel4_consentGivenIsRecordedForRecipientAndPurpose() {
    ProcessInstance consent = askConsent("buurtteam");
    assertThat(task(consent))
        .hasDefinitionKey("Task_AskConsent")
        .hasCandidateGroup("buurtteam")
        .hasDueDate(PathwayTestSupport.date(MONDAY_MORNING.plusDays(7)));

    engine.getIdentityService().setAuthenticatedUserId("demo-buurtteam");
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(consent)
        .isEnded()
        .hasPassed("End_ConsentGiven")
        .variables()
        .containsEntry("consentGiven", true);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber))
        .singleElement()
        .satisfies(
            statement -> {
              Assertions.assertThat(statement.decision()).isEqualTo(ConsentDecision.GIVEN);
              Assertions.assertThat(statement.recipientDiscipline()).isEqualTo("jgz");
              Assertions.assertThat(statement.purpose()).isEqualTo("warme-overdracht");
              Assertions.assertThat(statement.recordedBy()).isEqualTo("demo-buurtteam");
            });
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusalIsRecordedWithReason() {
    ProcessInstance consent = askConsent("verloskundige");

    complete(
        task(consent),
        withVariables("consentDecision", "REFUSED", "consentRefusalReason", "wil-bedenktijd"));

    assertThat(consent)
        .isEnded()
        .hasPassed("End_ConsentRefused")
        .variables()
        .containsEntry("consentGiven", false);
    Assertions.assertThat(
            consentRegistry(engine).currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.REFUSED);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber).get(0).reasonCode())
        .isEqualTo("wil-bedenktijd");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusalWithoutReasonIsRefused() {
    ProcessInstance consent = askConsent("verloskundige");
    String taskId = task(consent).getId();

    assertThatThrownBy(
            () -> engine.getTaskService().complete(taskId, Map.of("consentDecision", "REFUSED")))
        .isInstanceOfSatisfying(
            FormFieldValidationException.class,
            refused -> {
              Assertions.assertThat(refused.getCode())
                  .isEqualTo(PathwayValidation.CONSENT_DECISION_INVALID);
              Assertions.assertThat(refused.getMessage())
                  .isEqualTo("Kies de reden waarom de cliënt geen toestemming geeft.");
            });

    assertThat(consent).isWaitingAt("Task_AskConsent");
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber)).isEmpty();
  }

  @Test
  void vuistregel4_refusedConsentIsAskedAgainAfterTheWaitingPeriod() {
    ProcessInstance consent = askConsent("verloskundige");
    complete(
        task(consent),
        withVariables(
            "consentDecision",
            "REFUSED",
            "consentRefusalReason",
            "wil-bedenktijd",
            "consentAskAgain",
            true));

    // 20 working days from Monday 2 March 2026: Monday 30 March
    assertThat(consent).isWaitingAt("Timer_AskAgain");
    Assertions.assertThat(job(consent).getDuedate())
        .isEqualTo(PathwayTestSupport.date(MONDAY_MORNING.plusDays(28)));
    startClockAt(MONDAY_MORNING.plusDays(28));
    execute(job(consent));

    assertThat(task(consent))
        .hasDefinitionKey("Task_AskConsent")
        .hasCandidateGroup("verloskundige");
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(consent)
        .isEnded()
        .hasPassed("Timer_AskAgain", "End_ConsentGiven")
        .variables()
        .containsEntry("consentGiven", true)
        .containsEntry("consentAskAgain", false);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber))
        .extracting(ConsentStatement::decision)
        .containsExactly(ConsentDecision.REFUSED, ConsentDecision.GIVEN);
    Assertions.assertThat(
            consentRegistry(engine).currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.GIVEN);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  // --- issue 11: one consent task per moment, listing every recipient

  @Test
  void vuistregel4_oneTaskForEveryRecipientOfTheMoment_oneRecordPerRecipient() {
    ProcessInstance consent = askConsentFor(List.of("jgz", "informele-zorg", "huisarts"));

    Assertions.assertThat(taskQuery().processInstanceId(consent.getId()).count())
        .as("one consent task for the moment")
        .isOne();
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(consent)
        .isEnded()
        .hasPassed("End_ConsentGiven")
        .variables()
        .containsEntry("consentGiven", true);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber))
        .extracting(
            ConsentStatement::recipientDiscipline,
            ConsentStatement::purpose,
            ConsentStatement::decision)
        .containsExactly(
            Assertions.tuple("jgz", "warme-overdracht", ConsentDecision.GIVEN),
            Assertions.tuple("informele-zorg", "warme-overdracht", ConsentDecision.GIVEN),
            Assertions.tuple("huisarts", "warme-overdracht", ConsentDecision.GIVEN));
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusalPerRecipient_partlyRefusedWithAskAgainEndsAndTheRegisterKeepsTheWish() {
    ProcessInstance consent = askConsentFor(List.of("jgz", "informele-zorg"));

    // the Tasklist submits the checklist as JSON
    complete(
        task(consent),
        withVariables(
            "consentDecision",
            "PARTIAL",
            "consentRefusedRecipients",
            SpinValues.jsonValue("[\"informele-zorg\"]").create(),
            "consentRefusalReason",
            "wil-bedenktijd",
            "consentAskAgain",
            true));

    // the consented handover must not wait for the refused one: the step ends at once
    assertThat(consent)
        .isEnded()
        .hasPassed("End_ConsentRefused")
        .hasNotPassed("Timer_AskAgain")
        .variables()
        .containsEntry("consentGiven", false);
    Assertions.assertThat(
            consentRegistry(engine).currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.GIVEN);
    Assertions.assertThat(
            consentRegistry(engine)
                .currentDecision(caseNumber, "informele-zorg", "warme-overdracht"))
        .contains(ConsentDecision.REFUSED);
    Assertions.assertThat(
            consentRegistry(engine).askAgainLater(caseNumber, "informele-zorg", "warme-overdracht"))
        .isTrue();
    Assertions.assertThat(
            consentRegistry(engine).askAgainLater(caseNumber, "jgz", "warme-overdracht"))
        .isFalse();
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusedForEveryoneWithAskAgain_theRefusedAreAskedAgainInOneTask() {
    ProcessInstance consent = askConsentFor(List.of("jgz", "informele-zorg"));
    complete(
        task(consent),
        withVariables(
            "consentDecision",
            "REFUSED",
            "consentRefusalReason",
            "wil-bedenktijd",
            "consentAskAgain",
            true));

    assertThat(consent).isWaitingAt("Timer_AskAgain");
    startClockAt(MONDAY_MORNING.plusDays(28));
    execute(job(consent));
    Assertions.assertThat(
            engine.getRuntimeService().getVariable(consent.getId(), "consentRecipients"))
        .isEqualTo(List.of("jgz", "informele-zorg"));
    complete(
        task(consent),
        withVariables(
            "consentDecision",
            "PARTIAL",
            "consentRefusedRecipients",
            List.of("jgz"),
            "consentRefusalReason",
            "wil-geen-contact",
            "consentAskAgain",
            false));

    assertThat(consent).isEnded().hasPassed("Timer_AskAgain", "End_ConsentRefused");
    Assertions.assertThat(
            consentRegistry(engine)
                .currentDecision(caseNumber, "informele-zorg", "warme-overdracht"))
        .contains(ConsentDecision.GIVEN);
    Assertions.assertThat(
            consentRegistry(engine).currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.REFUSED);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_partialRefusalMustNameSomeButNotAllOfTheRecipientsAsked() {
    ProcessInstance consent = askConsentFor(List.of("jgz", "informele-zorg"));
    String taskId = task(consent).getId();

    for (Map<String, Object> answer :
        List.<Map<String, Object>>of(
            Map.of("consentDecision", "PARTIAL", "consentRefusalReason", "wil-geen-contact"),
            Map.of(
                "consentDecision",
                "PARTIAL",
                "consentRefusedRecipients",
                List.of("kraamzorg"),
                "consentRefusalReason",
                "wil-geen-contact"),
            Map.of(
                "consentDecision",
                "PARTIAL",
                "consentRefusedRecipients",
                List.of("jgz", "informele-zorg"),
                "consentRefusalReason",
                "wil-geen-contact"),
            Map.of("consentDecision", "PARTIAL", "consentRefusedRecipients", List.of("jgz")))) {
      assertThatThrownBy(() -> engine.getTaskService().complete(taskId, answer))
          .as(answer.toString())
          .isInstanceOfSatisfying(
              FormFieldValidationException.class,
              refused ->
                  Assertions.assertThat(refused.getCode())
                      .isEqualTo(PathwayValidation.CONSENT_DECISION_INVALID));
    }
    assertThat(consent).isWaitingAt("Task_AskConsent");
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber)).isEmpty();
  }

  private ProcessInstance askConsentFor(List<String> recipients) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-toestemming",
            caseNumber,
            Map.of(
                "caseNumber",
                caseNumber,
                "requestingDiscipline",
                "verloskundige",
                "consentRecipients",
                recipients,
                "consentPurpose",
                "warme-overdracht"));
  }

  private ProcessInstance askConsent(String requestingDiscipline) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            "zorgpad-toestemming",
            caseNumber,
            Map.of(
                "caseNumber",
                caseNumber,
                "requestingDiscipline",
                requestingDiscipline,
                "recipientDiscipline",
                "jgz",
                "consentPurpose",
                "warme-overdracht"));
  }
}
