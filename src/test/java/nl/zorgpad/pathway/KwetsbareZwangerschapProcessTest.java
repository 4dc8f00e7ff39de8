package nl.zorgpad.pathway;

import static nl.zorgpad.pathway.PathwayTestSupport.MONDAY_MORNING;
import static nl.zorgpad.pathway.PathwayTestSupport.assertNoPersonalDataInHistory;
import static nl.zorgpad.pathway.PathwayTestSupport.caseRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.consentRegistry;
import static nl.zorgpad.pathway.PathwayTestSupport.startClockAt;
import static nl.zorgpad.pathway.PathwayTestSupport.validSignal;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentStatement;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Zorgpad kwetsbare zwangerschap, end to end with the real reusable steps: one test per path
 * through the main process, plus the signal's server-side rules.
 */
@Deployment(resources = {
    "processes/zorgpad-kwetsbare-zwangerschap.bpmn",
    "processes/zorgpad-toestemming.bpmn",
    "processes/zorgpad-warme-overdracht.bpmn",
    "processes/zorgpad-prenataal-huisbezoek.bpmn"})
class KwetsbareZwangerschapProcessTest {

  static final String PROCESS = "zorgpad-kwetsbare-zwangerschap";

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

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

  @Test
  void signalOpensCaseWithCaseNumberAsBusinessKey() {
    engine.getIdentityService().setAuthenticatedUserId("demo-verloskundige");
    try {
      ProcessInstance pathway = startSignal(validSignal());

      String caseNumber = "ZP-2026-00001";
      assertThat(pathway).hasBusinessKey(caseNumber)
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
      assertThat(calledProcessInstance("zorgpad-toestemming", pathway))
          .hasBusinessKey(caseNumber);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  @Test
  void vuistregel4_refusedConsentEndsPathwayAndIsRecorded() {
    ProcessInstance pathway = startSignal(validSignal());
    String caseNumber = pathway.getBusinessKey();

    ProcessInstance consent = calledProcessInstance("zorgpad-toestemming", pathway);
    assertThat(task(consent)).hasCandidateGroup("verloskundige");
    complete(task(consent), withVariables(
        "consentDecision", "REFUSED", "consentRefusalReason", "wantrouwen-instanties"));

    assertThat(pathway).isEnded()
        .hasPassedInOrder("Start_Signal", "Call_Consent", "Gateway_ConsentGiven",
            "End_ConsentRefused")
        .hasNotPassed("Call_WarmHandover");
    List<ConsentStatement> recorded = consentRegistry(engine).statementsOf(caseNumber);
    Assertions.assertThat(recorded).singleElement().satisfies(statement -> {
      Assertions.assertThat(statement.decision()).isEqualTo(ConsentDecision.REFUSED);
      Assertions.assertThat(statement.reasonCode()).isEqualTo("wantrouwen-instanties");
      Assertions.assertThat(statement.recipientDiscipline()).isEqualTo("jgz");
      Assertions.assertThat(statement.purpose()).isEqualTo("warme-overdracht");
    });
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED_NO_CONSENT);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void signalConsentWarmHandoverAndHomeVisit_fullPathway() {
    ProcessInstance pathway = startSignal(validSignal());
    String caseNumber = pathway.getBusinessKey();

    ProcessInstance consent = calledProcessInstance("zorgpad-toestemming", pathway);
    complete(task(consent), withVariables("consentDecision", "GIVEN"));

    assertThat(pathway).isWaitingAt("Call_WarmHandover");
    ProcessInstance handover = calledProcessInstance("zorgpad-warme-overdracht", pathway);
    assertThat(handover).hasBusinessKey(caseNumber);
    assertThat(task(handover)).hasDefinitionKey("Task_RecordHandover")
        .hasCandidateGroup("verloskundige");
    complete(task(handover), withVariables("handoverMethod", "telefonisch-consult",
        "handoverDate", "2026-03-02", "clientInformed", true));
    assertThat(task(handover)).hasDefinitionKey("Task_ConfirmContact").hasCandidateGroup("jgz");
    complete(task(handover), withVariables("contactDate", "2026-03-03",
        "contactMethod", "telefonisch"));

    assertThat(pathway).isWaitingAt("Call_PrenatalHomeVisit");
    ProcessInstance homeVisit = calledProcessInstance("zorgpad-prenataal-huisbezoek", pathway);
    assertThat(task(homeVisit)).hasDefinitionKey("Task_DecideHomeVisit")
        .hasCandidateGroup("verloskundige");
    complete(task(homeVisit), withVariables("homeVisitDecision", "aanvragen",
        "homeVisitClientConsented", true));
    assertThat(task(homeVisit)).hasDefinitionKey("Task_PlanHomeVisit").hasCandidateGroup("jgz");
    complete(task(homeVisit), withVariables("homeVisitPlannedDate", "2026-03-12"));
    complete(task(homeVisit), withVariables("homeVisitOutcome", "bezocht",
        "interventionAdvice", List.of("stevig-ouderschap", "mamaatje")));

    assertThat(pathway).isEnded()
        .hasPassedInOrder("Start_Signal", "Call_Consent", "Call_WarmHandover",
            "Call_PrenatalHomeVisit", "End_PathwayCompleted")
        .variables().containsEntry("consentGiven", true).containsEntry("homeVisitRequested", true);
    Assertions.assertThat(caseRegistry(engine).find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED);
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void signalFromTasklistWithRiskDomainsAsJson() {
    // the Tasklist submits a checklist as a JSON variable
    VariableMap signal = validSignal()
        .putValueTyped("riskDomains", SpinValues.jsonValue("[\"ggz\",\"schulden\"]").create())
        .putValue("gestationalAgeWeeks", 20L);

    ProcessInstance pathway = startSignal(signal);

    Assertions.assertThat(caseRegistry(engine).find(pathway.getBusinessKey()).orElseThrow()
        .getRiskDomains()).containsExactly("ggz", "schulden");
    assertNoPersonalDataInHistory(engine.getHistoryService());
  }

  @Test
  void signalThatBreaksRulesIsRefusedInDutchAndLeavesNoCase() {
    VariableMap signal = validSignal()
        .putValue("clientReference", "Fatima de Vries")
        .putValue("gestationalAgeWeeks", 3)
        .putValue("riskDomains", List.of());

    assertThatThrownBy(() -> startSignal(signal))
        .isInstanceOfSatisfying(FormFieldValidationException.class, refused -> {
          Assertions.assertThat(refused.getCode()).isEqualTo(PathwayValidation.SIGNAL_INVALID);
          Assertions.assertThat(refused.getMessage())
              .contains("Gebruik geen naam, BSN of adres")
              .contains("tussen 4 en 42 weken")
              .contains("minstens één risicodomein");
        });
    Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count())
        .isZero();
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
    Assertions.assertThat(consentRegistry(engine).statementsOf(pathway.getBusinessKey()))
        .isEmpty();
  }

  private ProcessInstance startSignal(VariableMap signal) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(PROCESS).latestVersion().singleResult().getId();
    // the Tasklist submits the start form, as here
    return engine.getFormService().submitStartForm(definitionId, signal);
  }
}
