package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The afwegingskader (nji.nl, mandatory since 1 January 2019) as the decision table
 * {@code zorgpad-afwegingskader}: one test per rule row, named after the question that decides.
 */
@Deployment(resources = "processes/zorgpad-afwegingskader.dmn")
class AfwegingskaderDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
  }

  @Test
  void afwegingsvraag1_noSuspicionCloses() {
    assertThat(decide("nee", null, null, null, null)).isEqualTo("afsluiten");
    assertThat(ruleOf("nee", null, null, null, null)).isEqualTo("Rule_NoSuspicion");
  }

  @Test
  void afwegingsvraag2_acuteOrStructuralUnsafetyLeadsToReport() {
    assertThat(decide("ja", "ja", null, null, null)).isEqualTo("melden");
    assertThat(ruleOf("ja", "ja", null, null, null)).isEqualTo("Rule_AcuteUnsafety");
    // whatever the later answers say: unsafety is reported
    assertThat(decide("ja", "ja", "ja", "ja", "ja")).isEqualTo("melden");
  }

  @Test
  void afwegingsvraag3_noAdequateHelpLeadsToReport() {
    assertThat(decide("ja", "nee", "nee", null, null)).isEqualTo("melden");
    assertThat(ruleOf("ja", "nee", "nee", null, null)).isEqualTo("Rule_NoHelpPossible");
  }

  @Test
  void afwegingsvraag4_helpNotAcceptedLeadsToReport() {
    assertThat(decide("ja", "nee", "ja", "nee", null)).isEqualTo("melden");
    assertThat(ruleOf("ja", "nee", "ja", "nee", null)).isEqualTo("Rule_HelpNotAccepted");
  }

  @Test
  void afwegingsvraag4_acceptedHelpIsOrganised() {
    assertThat(decide("ja", "nee", "ja", "ja", null)).isEqualTo("hulp-organiseren");
    assertThat(ruleOf("ja", "nee", "ja", "ja", null)).isEqualTo("Rule_OrganiseHelp");
  }

  @Test
  void afwegingsvraag5_helpWithoutResultLeadsToReportAfterAll() {
    assertThat(decide("ja", "nee", "ja", "ja", "nee")).isEqualTo("melden");
    assertThat(ruleOf("ja", "nee", "ja", "ja", "nee")).isEqualTo("Rule_HelpNotEffective");
  }

  @Test
  void afwegingsvraag5_effectiveHelpClosesWithAgreementsOnMonitoring() {
    assertThat(decide("ja", "nee", "ja", "ja", "ja")).isEqualTo("afsluiten-met-afspraken");
    assertThat(ruleOf("ja", "nee", "ja", "ja", "ja")).isEqualTo("Rule_HelpEffective");
  }

  @Test
  void unansweredQuestionGivesNoDecision() {
    // the step-4 check refuses this before the table is asked; the table itself decides nothing
    assertThat(evaluate("ja", null, null, null, null).getFirstResult()).isNull();
  }

  private String decide(String q1, String q2, String q3, String q4, String q5) {
    return evaluate(q1, q2, q3, q4, q5).getSingleResult().getSingleEntry();
  }

  private String ruleOf(String q1, String q2, String q3, String q4, String q5) {
    evaluate(q1, q2, q3, q4, q5);
    return engine
        .getHistoryService()
        .createHistoricDecisionInstanceQuery()
        .includeInputs()
        .includeOutputs()
        .orderByEvaluationTime()
        .desc()
        .list()
        .get(0)
        .getOutputs()
        .get(0)
        .getRuleId();
  }

  private DmnDecisionResult evaluate(String q1, String q2, String q3, String q4, String q5) {
    Map<String, Object> answers = new HashMap<>();
    answers.put("meldcodeSuspicion", q1);
    answers.put("meldcodeUnsafety", q2);
    answers.put("meldcodeHelpPossible", q3);
    answers.put("meldcodeHelpAccepted", q4);
    answers.put("meldcodeHelpEffective", q5);
    return engine
        .getDecisionService()
        .evaluateDecisionByKey("zorgpad-afwegingskader")
        .variables(answers)
        .evaluate();
  }
}
