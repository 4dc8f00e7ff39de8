package nl.zorgpad.monitor;

import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.monitor.Suppression.State;
import nl.zorgpad.monitor.Suppression.Table;

/**
 * The attacker's view of a suppressed table: the published cells are known, every line (row
 * with its total, column with its total) is an equation, the hidden cells are unknowns. A hidden
 * cell is determined exactly when its unit vector lies in the row space of the equations over
 * the unknowns, i.e. when the reduced row echelon form has a row with that cell alone.
 * This is the standard audit of exact disclosure by linear equations; what non-negativity and
 * the known range 1–9 of a "&lt;10" cell add (a narrower range) is a known limit, docs/monitor.md.
 */
final class Derivation {

  private static final double EPSILON = 1e-9;

  private Derivation() {}

  /** {row, column} of a hidden cell the published figures determine, or null if none. */
  static int[] firstDetermined(Table table) {
    List<int[]> unknowns = new ArrayList<>();
    int lastRow = table.columnTotals ? table.rows : table.rows - 1;
    int lastColumn = table.rowTotals ? table.columns : table.columns - 1;
    int[][] index = new int[table.rows + 1][table.columns + 1];
    for (int r = 0; r <= lastRow; r++) {
      for (int c = 0; c <= lastColumn; c++) {
        index[r][c] = -1;
        if (table.states[r][c] != State.VISIBLE) {
          index[r][c] = unknowns.size();
          unknowns.add(new int[] {r, c});
        }
      }
    }
    if (unknowns.isEmpty()) {
      return null;
    }
    List<double[]> equations = new ArrayList<>();
    // each row: inner cells − row total = 0 (only when there is a totals column)
    if (table.rowTotals) {
      for (int r = 0; r <= lastRow; r++) {
        double[] equation = new double[unknowns.size()];
        for (int c = 0; c < table.columns; c++) {
          add(equation, index[r][c], 1);
        }
        add(equation, index[r][table.columns], -1);
        equations.add(equation);
      }
    }
    if (table.columnTotals) {
      for (int c = 0; c <= lastColumn; c++) {
        double[] equation = new double[unknowns.size()];
        for (int r = 0; r < table.rows; r++) {
          add(equation, index[r][c], 1);
        }
        add(equation, index[table.rows][c], -1);
        equations.add(equation);
      }
    }
    double[][] matrix = equations.toArray(new double[0][]);
    reduce(matrix);
    for (double[] row : matrix) {
      int nonZero = -1;
      int count = 0;
      for (int i = 0; i < row.length; i++) {
        if (Math.abs(row[i]) > EPSILON) {
          nonZero = i;
          count++;
        }
      }
      if (count == 1) {
        return unknowns.get(nonZero);
      }
    }
    return null;
  }

  private static void add(double[] equation, int unknown, double coefficient) {
    if (unknown >= 0) {
      equation[unknown] += coefficient;
    }
  }

  /** Gauss-Jordan elimination to reduced row echelon form, in place. */
  static void reduce(double[][] matrix) {
    int rows = matrix.length;
    if (rows == 0) {
      return;
    }
    int columns = matrix[0].length;
    int pivotRow = 0;
    for (int column = 0; column < columns && pivotRow < rows; column++) {
      int best = pivotRow;
      for (int r = pivotRow + 1; r < rows; r++) {
        if (Math.abs(matrix[r][column]) > Math.abs(matrix[best][column])) {
          best = r;
        }
      }
      if (Math.abs(matrix[best][column]) < EPSILON) {
        continue;
      }
      double[] swap = matrix[pivotRow];
      matrix[pivotRow] = matrix[best];
      matrix[best] = swap;
      double pivot = matrix[pivotRow][column];
      for (int c = 0; c < columns; c++) {
        matrix[pivotRow][c] /= pivot;
      }
      for (int r = 0; r < rows; r++) {
        if (r != pivotRow && Math.abs(matrix[r][column]) > EPSILON) {
          double factor = matrix[r][column];
          for (int c = 0; c < columns; c++) {
            matrix[r][c] -= factor * matrix[pivotRow][c];
          }
        }
      }
      pivotRow++;
    }
  }
}
