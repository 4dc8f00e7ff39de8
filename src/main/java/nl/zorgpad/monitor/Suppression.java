package nl.zorgpad.monitor;

/**
 * Small-cell suppression of one table with its totals (docs/monitor.md, "Privacy"):
 *
 * <ol>
 *   <li><b>Primary</b>: every count from 1 to {@value #THRESHOLD}-1, total cells included, is
 *       hidden (shown as "&lt;10").</li>
 *   <li><b>Secondary (complementary)</b>: a line (a row with its row total, a column with its
 *       column total, the totals row with the grand total) with exactly one hidden member would
 *       give it away by subtraction; the smallest other member (a non-zero one if there is one)
 *       is hidden too (shown as "×"). Repeated until no line has exactly one hidden member.</li>
 * </ol>
 * The table is {@code cells[row][column]}; the caller passes the inner cells only, the totals are
 * computed here. With one row (or one column) there is no separate totals row (column): it would
 * be the same numbers.
 */
final class Suppression {

  static final int THRESHOLD = 10;

  enum State {
    VISIBLE,
    PRIMARY,
    SECONDARY
  }

  /** A suppressed table: the values and the state of every cell, totals included. */
  static final class Table {
    final int rows;
    final int columns;

    /** (rows + 1) × (columns + 1): the last row holds column totals, the last column row totals. */
    final long[][] values;

    final State[][] states;
    final boolean rowTotals;
    final boolean columnTotals;

    Table(int rows, int columns, long[][] values, State[][] states) {
      this.rows = rows;
      this.columns = columns;
      this.values = values;
      this.states = states;
      this.rowTotals = columns > 1;
      this.columnTotals = rows > 1;
    }

    /** Inner cell, or a total: row == rows is the totals row, column == columns the totals column. */
    long value(int row, int column) {
      return values[resolveRow(row)][resolveColumn(column)];
    }

    State state(int row, int column) {
      return states[resolveRow(row)][resolveColumn(column)];
    }

    boolean visible(int row, int column) {
      return state(row, column) == State.VISIBLE;
    }

    // with one row the totals row is that row; with one column the totals column is that column
    private int resolveRow(int row) {
      return row == rows && !columnTotals ? 0 : row;
    }

    private int resolveColumn(int column) {
      return column == columns && !rowTotals ? 0 : column;
    }
  }

  private Suppression() {}

  static boolean small(long value) {
    return value > 0 && value < THRESHOLD;
  }

  static Table suppress(long[][] cells) {
    int rows = cells.length;
    int columns = rows == 0 ? 0 : cells[0].length;
    long[][] values = new long[rows + 1][columns + 1];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        values[r][c] = cells[r][c];
        values[r][columns] += cells[r][c];
        values[rows][c] += cells[r][c];
        values[rows][columns] += cells[r][c];
      }
    }
    State[][] states = new State[rows + 1][columns + 1];
    for (int r = 0; r <= rows; r++) {
      for (int c = 0; c <= columns; c++) {
        states[r][c] = small(values[r][c]) ? State.PRIMARY : State.VISIBLE;
      }
    }
    Table table = new Table(rows, columns, values, states);
    if (rows == 0 || columns == 0) {
      return table;
    }
    protectLines(table);
    // lines with two hidden members can still give a cell away in combination (two protected
    // groups joined by one cell); an audit solves the published equations and hides more
    // until no hidden cell is determined by them
    int[] determined;
    while ((determined = Derivation.firstDetermined(table)) != null) {
      hideNear(table, determined);
      protectLines(table);
    }
    if (!table.columnTotals) {
      copyRow(table, 0, rows);
    }
    if (!table.rowTotals) {
      copyColumn(table, 0, columns);
    }
    return table;
  }

  /** Step 2: hide one more member of each line with exactly one hidden member, repeatedly. */
  private static void protectLines(Table table) {
    int rows = table.rows;
    int columns = table.columns;
    boolean changed = true;
    while (changed) {
      changed = false;
      // rows (each with its row total when there are several columns), and the totals row
      int lastRow = table.columnTotals ? rows : rows - 1;
      int lastColumn = table.rowTotals ? columns : columns - 1;
      for (int r = 0; r <= lastRow; r++) {
        int[][] line = new int[lastColumn + 1][];
        for (int c = 0; c <= lastColumn; c++) {
          line[c] = new int[] {r, c};
        }
        changed |= protect(table, line);
      }
      for (int c = 0; c <= lastColumn; c++) {
        int[][] line = new int[lastRow + 1][];
        for (int r = 0; r <= lastRow; r++) {
          line[r] = new int[] {r, c};
        }
        changed |= protect(table, line);
      }
    }
  }

  /** Hides the smallest visible cell of a line through the determined cell (else anywhere). */
  private static void hideNear(Table table, int[] cell) {
    int[] best = null;
    for (int r = 0; r <= table.rows; r++) {
      for (int c = 0; c <= table.columns; c++) {
        if (table.states[r][c] != State.VISIBLE) {
          continue;
        }
        boolean near = r == cell[0] || c == cell[1];
        boolean bestNear = best != null && (best[0] == cell[0] || best[1] == cell[1]);
        if (best == null
            || (near && !bestNear)
            || (near == bestNear && better(table.values[r][c], table.values[best[0]][best[1]]))) {
          best = new int[] {r, c};
        }
      }
    }
    if (best == null) {
      throw new IllegalStateException("nothing left to hide");
    }
    table.states[best[0]][best[1]] = State.SECONDARY;
  }

  /** A line whose members sum up (the last member is the sum of the others). */
  private static boolean protect(Table table, int[][] line) {
    if (line.length < 2) {
      return false;
    }
    int hidden = 0;
    for (int[] cell : line) {
      if (table.states[cell[0]][cell[1]] != State.VISIBLE) {
        hidden++;
      }
    }
    if (hidden != 1) {
      return false;
    }
    int[] best = null;
    for (int[] cell : line) {
      if (table.states[cell[0]][cell[1]] != State.VISIBLE) {
        continue;
      }
      if (best == null || better(table.values[cell[0]][cell[1]], table.values[best[0]][best[1]])) {
        best = cell;
      }
    }
    table.states[best[0]][best[1]] = State.SECONDARY;
    return true;
  }

  /** The smallest non-zero value wins; a zero only when there is nothing else. */
  private static boolean better(long candidate, long current) {
    if (current == 0) {
      return candidate != 0;
    }
    return candidate != 0 && candidate < current;
  }

  private static void copyRow(Table table, int from, int to) {
    for (int c = 0; c <= table.columns; c++) {
      table.values[to][c] = table.values[from][c];
      table.states[to][c] = table.states[from][c];
    }
  }

  private static void copyColumn(Table table, int from, int to) {
    for (int r = 0; r <= table.rows; r++) {
      table.values[r][to] = table.values[r][from];
      table.states[r][to] = table.states[r][from];
    }
  }
}
