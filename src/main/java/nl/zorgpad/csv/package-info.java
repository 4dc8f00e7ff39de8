/**
 * CSV for every feature that reads or writes it (the sociale kaart's import and export, the
 * audit and monitor exports), on Apache Commons CSV: semicolon-separated as Dutch spreadsheets
 * expect, CRLF line ends, and one guard against formula injection ({@link
 * nl.zorgpad.csv.FormulaGuard}). A shared package: it depends on no feature.
 */
package nl.zorgpad.csv;
