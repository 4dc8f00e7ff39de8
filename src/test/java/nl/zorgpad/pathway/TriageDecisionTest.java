package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The triage tables of {@code processes/zorgpad-triage.dmn}: every row of every table, each as a
 * named case that proves the row matches (by its rule id in the decision history) and what it
 * decides.
 */
@Deployment(resources = "processes/zorgpad-triage.dmn")
class TriageDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
  }

  @Test
  void theRowsAreEvaluatedThroughTheApplicationsFeelPath() {
    // camunda.cfg.xml registers LiteralFeelEnginePlugin as the application does
    assertThat(
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDmnEngineConfiguration()
                .getFeelEngine())
        .isInstanceOf(LiteralFeelEngine.class);
  }

  // --- zorgpad-risicoscore: one row per risk domain, COLLECT SUM ---

  static Stream<Arguments> weights() {
    return Stream.of(
        Arguments.of("WeightHousing", "huisvesting", 3),
        Arguments.of("WeightPoverty", "armoede", 2),
        Arguments.of("WeightDebts", "schulden", 2),
        Arguments.of("WeightStress", "stress", 1),
        Arguments.of("WeightMentalHealth", "ggz", 3),
        Arguments.of("WeightLvb", "lvb", 3),
        Arguments.of("WeightAddiction", "verslaving", 3),
        Arguments.of("WeightDomesticViolence", "huiselijk-geweld", 4),
        Arguments.of("WeightTeenage", "tienerzwangerschap", 2),
        Arguments.of("WeightMigration", "migratie-taal", 1),
        Arguments.of("WeightNoPermit", "geen-verblijfsvergunning-verzekering", 3),
        Arguments.of("WeightAbsentPartner", "afwezige-partner", 1),
        Arguments.of("WeightLateStart", "late-start-zorg", 2));
  }

  @ParameterizedTest(name = "risicoscore {0}: {1} weighs {2}")
  @MethodSource("weights")
  void riskScoreRow(String rule, String riskDomain, int weight) {
    DmnDecisionResult result =
        evaluate("zorgpad-risicoscore", Variables.putValue("riskDomains", List.of(riskDomain)));

    assertThat(((Number) result.getSingleEntry()).intValue()).isEqualTo(weight);
    assertThat(matchedRules("zorgpad-risicoscore")).containsExactly("Rule_" + rule);
  }

  @Test
  void riskScoreIsTheSumOfTheWeights() {
    DmnDecisionResult result =
        evaluate(
            "zorgpad-risicoscore",
            Variables.putValue("riskDomains", List.of("huisvesting", "armoede", "stress")));

    assertThat(((Number) result.getSingleEntry()).intValue()).isEqualTo(6);
  }

  @Test
  void riskDomainsAsSubmittedByTheTasklistAsJson() {
    DmnDecisionResult result =
        evaluate(
            "zorgpad-risicoscore",
            Variables.createVariables()
                .putValueTyped(
                    "riskDomains", SpinValues.jsonValue("[\"ggz\",\"schulden\"]").create()));

    assertThat(((Number) result.getSingleEntry()).intValue()).isEqualTo(5);
  }

  // --- zorgpad-triage: FIRST, one case per row ---

  static Stream<Arguments> triageRows() {
    return Stream.of(
        row(
            "DomesticViolenceMultiProblem",
            List.of("huiselijk-geweld", "huisvesting"),
            20,
            "hoog",
            true,
            true,
            "buurtteam",
            true,
            true),
        row(
            "DomesticViolence",
            List.of("huiselijk-geweld"),
            20,
            "hoog",
            true,
            true,
            "regiehouder",
            true,
            true),
        row(
            "ManyFactorsMultiProblem",
            List.of("verslaving", "stress", "migratie-taal", "afwezige-partner", "armoede"),
            20,
            "hoog",
            true,
            true,
            "buurtteam",
            false,
            true),
        row(
            "ManyFactors",
            List.of("stress", "migratie-taal", "afwezige-partner", "armoede", "schulden"),
            20,
            "hoog",
            true,
            true,
            "regiehouder",
            false,
            true),
        row(
            "HighScoreMultiProblem",
            List.of("huisvesting", "ggz", "schulden"),
            20,
            "hoog",
            true,
            true,
            "buurtteam",
            false,
            true),
        row(
            "HighScore",
            List.of("ggz", "lvb", "schulden"),
            20,
            "hoog",
            true,
            true,
            "regiehouder",
            false,
            true),
        // seed 001: no valid residence papers, refused by a GP practice; before issue 11 this
        // signal was "laag" and the signaller kept the overview alone
        row(
            "NoPermitOrInsurance",
            List.of("geen-verblijfsvergunning-verzekering"),
            20,
            "verhoogd",
            false,
            true,
            "buurtteam",
            false,
            true),
        row(
            "ElevatedMultiProblem",
            List.of("huisvesting", "stress"),
            20,
            "verhoogd",
            false,
            true,
            "buurtteam",
            false,
            true),
        row(
            "Elevated",
            List.of("ggz", "stress"),
            20,
            "verhoogd",
            false,
            true,
            "regiehouder",
            false,
            true),
        row(
            "LowEarly",
            List.of("armoede", "stress"),
            20,
            "laag",
            false,
            false,
            "huisarts",
            false,
            true),
        row(
            "LowLate",
            List.of("migratie-taal"),
            37,
            "laag",
            false,
            false,
            "huisarts",
            false,
            false));
  }

  private static Arguments row(
      String rule,
      List<String> riskDomains,
      int weeks,
      String level,
      boolean mdo,
      boolean coordinatorNeeded,
      String coordinator,
      boolean meldcode,
      boolean homeVisit) {
    return Arguments.of(
        rule, riskDomains, weeks, level, mdo, coordinatorNeeded, coordinator, meldcode, homeVisit);
  }

  @ParameterizedTest(name = "triage {0}: {1} at {2} weeks")
  @MethodSource("triageRows")
  void triageRow(
      String rule,
      List<String> riskDomains,
      int weeks,
      String level,
      boolean mdo,
      boolean coordinatorNeeded,
      String coordinator,
      boolean meldcode,
      boolean homeVisit) {
    DmnDecisionResult result =
        evaluate(
            "zorgpad-triage",
            Variables.createVariables()
                .putValue("riskDomains", riskDomains)
                .putValue("gestationalAgeWeeks", weeks)
                .putValue("signallingDiscipline", "huisarts"));

    assertThat(matchedRules("zorgpad-triage")).containsExactly("Rule_" + rule);
    assertThat(result.getSingleResult().getEntryMap())
        .containsAllEntriesOf(
            Map.of(
                "riskLevel", level,
                "mdoNeeded", mdo,
                "careCoordinatorNeeded", coordinatorNeeded,
                "careCoordinatorDiscipline", coordinator,
                "meldcodeAdvised", meldcode,
                "prenatalHomeVisitAdvised", homeVisit));
  }

  // --- zorgpad-interventieadvies: COLLECT, one case per row ---

  static Stream<Arguments> adviceRows() {
    return Stream.of(
        Arguments.of("VoorZorg", List.of("tienerzwangerschap"), 24, "verhoogd", "voorzorg"),
        Arguments.of("StevigOuderschap", List.of("ggz"), 24, "verhoogd", "stevig-ouderschap"),
        Arguments.of("Mamaatje", List.of("migratie-taal"), 24, "verhoogd", "mamaatje"),
        Arguments.of(
            "CenteringPregnancy", List.of("schulden"), 14, "verhoogd", "centering-pregnancy"),
        Arguments.of("NuNietZwanger", List.of("verslaving"), 24, "laag", "nu-niet-zwanger"),
        Arguments.of(
            "AccessToCare",
            List.of("geen-verblijfsvergunning-verzekering", "huisvesting"),
            24,
            "verhoogd",
            "toegang-zorg"),
        Arguments.of("RegularJgz", List.of("schulden"), 24, "laag", "reguliere-jgz"));
  }

  @ParameterizedTest(name = "interventieadvies {0}: {1}, {2} weeks, {3}")
  @MethodSource("adviceRows")
  void interventionAdviceRow(
      String rule, List<String> riskDomains, int weeks, String level, String advice) {
    DmnDecisionResult result =
        evaluate(
            "zorgpad-interventieadvies",
            Variables.createVariables()
                .putValue("riskDomains", riskDomains)
                .putValue("gestationalAgeWeeks", weeks)
                .putValue("riskLevel", level));

    assertThat(result.collectEntries("triageInterventionAdvice")).contains(advice);
    assertThat(matchedRules("zorgpad-interventieadvies")).contains("Rule_" + rule);
  }

  @Test
  void interventionAdviceCollectsEveryFittingIntervention() {
    DmnDecisionResult result =
        evaluate(
            "zorgpad-interventieadvies",
            Variables.createVariables()
                .putValue(
                    "riskDomains", List.of("tienerzwangerschap", "afwezige-partner", "stress"))
                .putValue("gestationalAgeWeeks", 16)
                .putValue("riskLevel", "verhoogd"));

    assertThat(result.collectEntries("triageInterventionAdvice"))
        .containsExactly("voorzorg", "stevig-ouderschap", "mamaatje", "centering-pregnancy");
  }

  @Test
  void noPermitOrInsuranceWithOtherRisksStillGetsItsRegiehouderAndAdvice() {
    // the undocumented woman of seed 001: unsafe, unhygienic housing, no care at all
    DmnDecisionResult triage =
        evaluate(
            "zorgpad-triage",
            Variables.createVariables()
                .putValue(
                    "riskDomains", List.of("geen-verblijfsvergunning-verzekering", "huisvesting"))
                .putValue("gestationalAgeWeeks", 30)
                .putValue("signallingDiscipline", "verloskundige"));
    assertThat(matchedRules("zorgpad-triage")).containsExactly("Rule_NoPermitOrInsurance");
    assertThat(triage.getSingleResult().getEntryMap())
        .containsEntry("riskLevel", "verhoogd")
        .containsEntry("careCoordinatorDiscipline", "buurtteam");

    DmnDecisionResult advice =
        evaluate(
            "zorgpad-interventieadvies",
            Variables.createVariables()
                .putValue(
                    "riskDomains", List.of("geen-verblijfsvergunning-verzekering", "huisvesting"))
                .putValue("gestationalAgeWeeks", 30)
                .putValue("riskLevel", "verhoogd"));
    assertThat(advice.collectEntries("triageInterventionAdvice")).containsExactly("toegang-zorg");
  }

  private DmnDecisionResult evaluate(String decision, VariableMap variables) {
    return engine
        .getDecisionService()
        .evaluateDecisionByKey(decision)
        .variables(variables)
        .evaluate();
  }

  /** The rule ids that matched in the latest evaluation of a decision (decision history). */
  private List<String> matchedRules(String decision) {
    HistoricDecisionInstance latest =
        engine
            .getHistoryService()
            .createHistoricDecisionInstanceQuery()
            .decisionDefinitionKey(decision)
            .includeOutputs()
            .orderByEvaluationTime()
            .desc()
            .list()
            .get(0);
    return latest.getOutputs().stream()
        .map(HistoricDecisionOutputInstance::getRuleId)
        .distinct()
        .toList();
  }
}
