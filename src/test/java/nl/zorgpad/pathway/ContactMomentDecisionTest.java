package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The follow-up schedule of the first year ({@code processes/zorgpad-contactmomenten.dmn}):
 * which moments (every row, by risk level and discipline) and on which day after birth (every
 * row).
 */
@Deployment(resources = "processes/zorgpad-contactmomenten.dmn")
class ContactMomentDecisionTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessEngineExtension.builder().build();

  ProcessEngine engine;

  @BeforeEach
  void setUp() {
    engine = extension.getProcessEngine();
  }

  @Test
  void jgzContactMomentsOfTheRivmList_inTimeOrder() {
    assertThat(schedule("jgz", "laag"))
        .containsExactly(
            "dag-4-7",
            "week-2",
            "week-4",
            "week-8",
            "maand-3",
            "maand-4",
            "maand-6",
            "maand-7-5",
            "maand-9",
            "maand-11");
  }

  @Test
  void highRiskAddsAnExtraJgzHomeVisitInWeekSix() {
    assertThat(schedule("jgz", "hoog"))
        .containsExactly(
            "dag-4-7",
            "week-2",
            "week-4",
            "week-6-extra",
            "week-8",
            "maand-3",
            "maand-4",
            "maand-6",
            "maand-7-5",
            "maand-9",
            "maand-11");
  }

  @Test
  void regiehouderChecksInQuarterly() {
    assertThat(schedule("regiehouder", "verhoogd"))
        .containsExactly("regie-maand-3", "regie-maand-6", "regie-maand-9");
  }

  @Test
  void highRiskRegiehouderChecksInAfterTheKraamperiodeToo() {
    assertThat(schedule("regiehouder", "hoog"))
        .containsExactly("regie-week-6", "regie-maand-3", "regie-maand-6", "regie-maand-9");
  }

  static Stream<Arguments> scheduleRows() {
    return Stream.of(
        Arguments.of("DayFourToSeven", "jgz", "laag", "dag-4-7"),
        Arguments.of("WeekTwo", "jgz", "laag", "week-2"),
        Arguments.of("WeekFour", "jgz", "laag", "week-4"),
        Arguments.of("WeekSixExtra", "jgz", "hoog", "week-6-extra"),
        Arguments.of("WeekEight", "jgz", "laag", "week-8"),
        Arguments.of("MonthThree", "jgz", "laag", "maand-3"),
        Arguments.of("MonthFour", "jgz", "laag", "maand-4"),
        Arguments.of("MonthSix", "jgz", "laag", "maand-6"),
        Arguments.of("MonthSevenHalf", "jgz", "laag", "maand-7-5"),
        Arguments.of("MonthNine", "jgz", "laag", "maand-9"),
        Arguments.of("MonthEleven", "jgz", "laag", "maand-11"),
        Arguments.of("CheckInWeekSix", "regiehouder", "hoog", "regie-week-6"),
        Arguments.of("CheckInMonthThree", "regiehouder", "laag", "regie-maand-3"),
        Arguments.of("CheckInMonthSix", "regiehouder", "laag", "regie-maand-6"),
        Arguments.of("CheckInMonthNine", "regiehouder", "laag", "regie-maand-9"));
  }

  @ParameterizedTest(name = "contactmomenten {0}: {1}, {2} → {3}")
  @MethodSource("scheduleRows")
  void scheduleRow(String rule, String discipline, String riskLevel, String moment) {
    assertThat(schedule(discipline, riskLevel)).contains(moment);
    assertThat(matchedRules("zorgpad-contactmomenten")).contains("Rule_" + rule);
  }

  static Stream<Arguments> dayRows() {
    return Stream.of(
        Arguments.of("dag-4-7", 4),
        Arguments.of("week-2", 14),
        Arguments.of("week-4", 28),
        Arguments.of("week-6-extra", 42),
        Arguments.of("week-8", 56),
        Arguments.of("maand-3", 91),
        Arguments.of("maand-4", 122),
        Arguments.of("maand-6", 183),
        Arguments.of("maand-7-5", 228),
        Arguments.of("maand-9", 274),
        Arguments.of("maand-11", 335),
        Arguments.of("regie-week-6", 42),
        Arguments.of("regie-maand-3", 91),
        Arguments.of("regie-maand-6", 183),
        Arguments.of("regie-maand-9", 274));
  }

  @ParameterizedTest(name = "contactmoment-dag {0} → day {1}")
  @MethodSource("dayRows")
  void dayRow(String moment, int day) {
    DmnDecisionResult result =
        engine
            .getDecisionService()
            .evaluateDecisionByKey("zorgpad-contactmoment-dag")
            .variables(Variables.putValue("contactMoment", moment))
            .evaluate();

    assertThat(((Number) result.getSingleEntry()).intValue()).isEqualTo(day);
    assertThat(matchedRules("zorgpad-contactmoment-dag"))
        .singleElement()
        .asString()
        .startsWith("Rule_Day");
  }

  private List<String> schedule(String discipline, String riskLevel) {
    return engine
        .getDecisionService()
        .evaluateDecisionByKey("zorgpad-contactmomenten")
        .variables(
            Variables.createVariables()
                .putValue("contactMomentDiscipline", discipline)
                .putValue("riskLevel", riskLevel))
        .evaluate()
        .collectEntries("contactMoment");
  }

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
