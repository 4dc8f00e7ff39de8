package nl.zorgpad.csv;

/**
 * The one guard against formula (CSV) injection, as OWASP recommends: a cell that starts with
 * {@code = + - @}, a tab or a carriage return would be taken for a formula by a spreadsheet
 * program, so it is written with a leading apostrophe. Reading removes that apostrophe again, so
 * that an export can be imported unchanged; an apostrophe before anything else ("'t Hooft") stays.
 */
public final class FormulaGuard {

  private FormulaGuard() {}

  /** The cell as it is safe to write; null is written as an empty cell. */
  public static String guard(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    return isFormulaStart(value.charAt(0)) ? "'" + value : value;
  }

  /** The value a guarded cell stood for (what {@link #guard} added is removed). */
  public static String unguard(String cell) {
    if (cell.length() > 1 && cell.charAt(0) == '\'' && isFormulaStart(cell.charAt(1))) {
      return cell.substring(1);
    }
    return cell;
  }

  static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }
}
