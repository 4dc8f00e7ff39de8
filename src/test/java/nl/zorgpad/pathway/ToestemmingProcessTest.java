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
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Toestemming (reusable step): one test per path, plus the refusal rule. */
@Deployment(resources = "processes/zorgpad-toestemming.bpmn")
class ToestemmingProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

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
    assertThat(task(consent)).hasDefinitionKey("Task_AskConsent").hasCandidateGroup("buurtteam")
        .hasDueDate(PathwayTestSupport.date(MONDAY_MORNING.plusDays(7)));

    engine.getIdentityService().setAuthenticatedUserId("demo-buurtteam");
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(consent).isEnded().hasPassed("End_ConsentGiven")
        .variables().containsEntry("consentGiven", true);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber)).singleElement()
        .satisfies(statement -> {
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

    complete(task(consent), withVariables("consentDecision", "REFUSED",
        "consentRefusalReason", "wil-bedenktijd"));

    assertThat(consent).isEnded().hasPassed("End_ConsentRefused")
        .variables().containsEntry("consentGiven", false);
    Assertions.assertThat(consentRegistry(engine)
            .currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.REFUSED);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber).get(0).reasonCode())
        .isEqualTo("wil-bedenktijd");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void vuistregel4_refusalWithoutReasonIsRefused() {
    ProcessInstance consent = askConsent("verloskundige");
    String taskId = task(consent).getId();

    assertThatThrownBy(() -> engine.getTaskService().complete(taskId,
        Map.of("consentDecision", "REFUSED")))
        .isInstanceOfSatisfying(FormFieldValidationException.class, refused -> {
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
    complete(task(consent), withVariables("consentDecision", "REFUSED",
        "consentRefusalReason", "wil-bedenktijd", "consentAskAgain", true));

    // 20 working days from Monday 2 March 2026: Monday 30 March
    assertThat(consent).isWaitingAt("Timer_AskAgain");
    Assertions.assertThat(job(consent).getDuedate())
        .isEqualTo(PathwayTestSupport.date(MONDAY_MORNING.plusDays(28)));
    startClockAt(MONDAY_MORNING.plusDays(28));
    execute(job(consent));

    assertThat(task(consent)).hasDefinitionKey("Task_AskConsent")
        .hasCandidateGroup("verloskundige");
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(consent).isEnded().hasPassed("Timer_AskAgain", "End_ConsentGiven")
        .variables().containsEntry("consentGiven", true).containsEntry("consentAskAgain", false);
    Assertions.assertThat(consentRegistry(engine).statementsOf(caseNumber))
        .extracting(ConsentStatement::decision)
        .containsExactly(ConsentDecision.REFUSED, ConsentDecision.GIVEN);
    Assertions.assertThat(consentRegistry(engine)
        .currentDecision(caseNumber, "jgz", "warme-overdracht")).contains(ConsentDecision.GIVEN);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  private ProcessInstance askConsent(String requestingDiscipline) {
    return engine.getRuntimeService().startProcessInstanceByKey("zorgpad-toestemming", caseNumber,
        Map.of("caseNumber", caseNumber, "requestingDiscipline", requestingDiscipline,
            "recipientDiscipline", "jgz", "consentPurpose", "warme-overdracht"));
  }
}
