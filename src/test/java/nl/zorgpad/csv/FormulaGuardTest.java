package nl.zorgpad.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaGuardTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=SUM(A1:A9)",
        "+31 30 1234567",
        "-1",
        "@cmd",
        "\tx",
        "\rx",
        "=HYPERLINK(\"http://x\")"
      })
  void aCellThatAFormulaCouldStartWithGetsAnApostrophe_andReadingRemovesIt(String value) {
    assertThat(FormulaGuard.guard(value)).isEqualTo("'" + value);
    assertThat(FormulaGuard.unguard(FormulaGuard.guard(value))).isEqualTo(value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Overvecht", "'t Hooft", "'", "3561-3563", "a=b", " =x", "–"})
  void otherCellsStayAsTheyAre(String value) {
    assertThat(FormulaGuard.guard(value)).isEqualTo(value);
    assertThat(FormulaGuard.unguard(value)).isEqualTo(value);
  }

  @Test
  void nullAndEmptyAreAnEmptyCell() {
    assertThat(FormulaGuard.guard(null)).isEmpty();
    assertThat(FormulaGuard.guard("")).isEmpty();
  }
}
