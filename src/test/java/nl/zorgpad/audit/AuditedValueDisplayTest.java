package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The case history shows a variable's value from the audit trail as the engine's typed value was
 * shown before ADR 0012: the audit record stores booleans as 1/0 and dates as epoch milliseconds.
 */
class AuditedValueDisplayTest {

  @Test
  void booleansAreShownAsTrueOrFalse() {
    assertThat(CaseHistoryService.displayedValue("boolean", "1")).isEqualTo("true");
    assertThat(CaseHistoryService.displayedValue("boolean", "0")).isEqualTo("false");
  }

  @Test
  void datesAreShownAsInstants() {
    assertThat(CaseHistoryService.displayedValue("date", "1733443200000"))
        .isEqualTo("2024-12-06T00:00:00Z");
    // not a number: shown as stored, never a failure of the page
    assertThat(CaseHistoryService.displayedValue("date", "morgen")).isEqualTo("morgen");
  }

  @Test
  void nullValuesShowNothingAndEverythingElseAsStored() {
    assertThat(CaseHistoryService.displayedValue("null", "null")).isNull();
    assertThat(CaseHistoryService.displayedValue("string", null)).isNull();
    assertThat(CaseHistoryService.displayedValue("integer", "12")).isEqualTo("12");
    assertThat(CaseHistoryService.displayedValue("json", "[\"jgz\"]")).isEqualTo("[\"jgz\"]");
    assertThat(CaseHistoryService.displayedValue("string", "zorgen-besproken"))
        .isEqualTo("zorgen-besproken");
  }
}
