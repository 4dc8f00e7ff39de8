package nl.zorgpad.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import nl.zorgpad.monitor.Suppression.State;
import nl.zorgpad.monitor.Suppression.Table;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, item 3: counts 1–9 are never visible, and no hidden count can be derived from the
 * totals or the other cells of its row/column. Adversarial tables, then random ones checked by
 * an attacker that solves the published equations ({@link Derivation}).
 */
class SuppressionTest {

  @Test
  void aSmallCountIsHiddenAndNotDerivableFromItsRowTotal() {
    // one row (e.g. one indicator), three wijken: 12, 5, 20 → total 37
    Table table = Suppression.suppress(new long[][] {{12, 5, 20}});
    assertThat(table.state(0, 1)).isEqualTo(State.PRIMARY);
    // the smallest other member is hidden too, else 37 − 12 − 20 = 5
    assertThat(table.state(0, 0)).isEqualTo(State.SECONDARY);
    assertThat(table.visible(0, 2)).isTrue();
    assertThat(table.visible(0, 3)).as("the total").isTrue();
    assertNothingDerivable(table);
  }

  @Test
  void aSmallTotalIsHiddenWithOneOfItsCells() {
    // 4 + 0 + 3 = 7: the total is small, and so are two cells
    Table table = Suppression.suppress(new long[][] {{4, 0, 3}});
    assertThat(table.state(0, 3)).isEqualTo(State.PRIMARY);
    assertThat(table.visible(0, 1)).as("a zero stays visible").isTrue();
    assertNothingDerivable(table);
  }

  @Test
  void complementaryCellsAreChosenAcrossRowsAndColumns() {
    long[][] cells = {
      {20, 3, 15},
      {11, 14, 30},
      {25, 12, 40}
    };
    Table table = Suppression.suppress(cells);
    assertThat(table.state(0, 1)).isEqualTo(State.PRIMARY);
    assertLinesProtected(table);
    assertNothingDerivable(table);
    // the smallest candidates: 11 in the column of the 3? no — 12 (column 1) and 15 (row 0)
    assertThat(table.state(2, 1)).isNotEqualTo(State.VISIBLE);
  }

  @Test
  void twoProtectedGroupsJoinedByOneCellAreCaughtByTheAudit() {
    // a table where the line rule alone leaves hidden cells determined in combination
    long[][] cells = {
      {5, 5, 50, 50},
      {5, 5, 50, 50},
      {50, 50, 5, 5},
      {50, 50, 5, 5}
    };
    Table table = Suppression.suppress(cells);
    assertNothingVisibleSmall(table);
    assertLinesProtected(table);
    assertNothingDerivable(table);
  }

  @Test
  void aSingleCellTableHidesItsSmallValue() {
    Table table = Suppression.suppress(new long[][] {{7}});
    assertThat(table.state(0, 0)).isEqualTo(State.PRIMARY);
    assertThat(table.state(1, 1)).as("its total is the same cell").isEqualTo(State.PRIMARY);
  }

  @Test
  void randomTablesNeverShowOrGiveAwayASmallCount() {
    Random random = new Random(14);
    for (int run = 0; run < 3000; run++) {
      int rows = 1 + random.nextInt(6);
      int columns = 1 + random.nextInt(6);
      long[][] cells = new long[rows][columns];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++) {
          int kind = random.nextInt(4);
          cells[r][c] = kind == 0 ? 0 : kind == 1 ? 1 + random.nextInt(9) : random.nextInt(60);
        }
      }
      Table table = Suppression.suppress(cells);
      assertNothingVisibleSmall(table);
      assertLinesProtected(table);
      assertNothingDerivable(table);
    }
  }

  @Test
  void theAttackerFindsACellThatIsLeftAloneInItsLine() {
    // the audit itself must be able to fail: hide one cell only and it is found
    Table table = Suppression.suppress(new long[][] {{12, 20, 30}});
    table.states[0][1] = State.PRIMARY;
    assertThat(Derivation.firstDetermined(table)).containsExactly(0, 1);
  }

  private static void assertNothingVisibleSmall(Table table) {
    for (int r = 0; r <= table.rows; r++) {
      for (int c = 0; c <= table.columns; c++) {
        if (table.visible(r, c)) {
          assertThat(Suppression.small(table.value(r, c)))
              .as("visible small count at %d,%d", r, c)
              .isFalse();
        }
      }
    }
  }

  /** No line (row or column with its total) has exactly one hidden member. */
  private static void assertLinesProtected(Table table) {
    if (table.rowTotals) {
      for (int r = 0; r <= table.rows; r++) {
        int hidden = 0;
        for (int c = 0; c <= table.columns; c++) {
          hidden += table.visible(r, c) ? 0 : 1;
        }
        assertThat(hidden).as("row %d", r).isNotEqualTo(1);
      }
    }
    if (table.columnTotals) {
      for (int c = 0; c <= table.columns; c++) {
        int hidden = 0;
        for (int r = 0; r <= table.rows; r++) {
          hidden += table.visible(r, c) ? 0 : 1;
        }
        assertThat(hidden).as("column %d", c).isNotEqualTo(1);
      }
    }
  }

  private static void assertNothingDerivable(Table table) {
    assertThat(Derivation.firstDetermined(table)).as("a hidden cell is determined").isNull();
  }
}
