package nl.zorgpad.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * Writes a CSV file as Dutch spreadsheets read it: semicolon-separated, CRLF after every row
 * (RFC 4180), every cell through the {@link FormulaGuard}, quoting by Commons CSV (only where
 * needed, or every cell of a {@link #quotedRow}). Optionally begins with a byte-order mark, so that
 * Excel reads the text as UTF-8.
 *
 * <pre>{@code
 * String csv = CsvWriter.withByteOrderMark().row(header).row(cells).toString();
 * }</pre>
 */
public final class CsvWriter {

  public static final char DELIMITER = ';';
  static final char BYTE_ORDER_MARK = '\ufeff';

  private static final CSVFormat MINIMAL =
      CSVFormat.DEFAULT
          .builder()
          .setDelimiter(DELIMITER)
          .setRecordSeparator("\r\n")
          .setQuoteMode(QuoteMode.MINIMAL)
          .get();
  private static final CSVFormat ALL = MINIMAL.builder().setQuoteMode(QuoteMode.ALL).get();

  private final StringBuilder out = new StringBuilder();
  private boolean quoteCommas;

  private CsvWriter(boolean byteOrderMark) {
    if (byteOrderMark) {
      out.append(BYTE_ORDER_MARK);
    }
  }

  /** A file without byte-order mark. */
  public static CsvWriter plain() {
    return new CsvWriter(false);
  }

  /** A file that starts with the UTF-8 byte-order mark (for Excel). */
  public static CsvWriter withByteOrderMark() {
    return new CsvWriter(true);
  }

  /**
   * Also quotes cells that contain a comma: for files that are read back, where a program may
   * take the comma for the delimiter (the sociale kaart's import reads comma-separated files too).
   */
  public CsvWriter quoteCommas() {
    this.quoteCommas = true;
    return this;
  }

  /** One row, cells quoted only where needed. */
  public CsvWriter row(List<String> cells) {
    return write(cells, false);
  }

  public CsvWriter row(String... cells) {
    return row(Arrays.asList(cells));
  }

  /** One row with every cell quoted. */
  public CsvWriter quotedRow(List<String> cells) {
    return write(cells, true);
  }

  public CsvWriter quotedRow(String... cells) {
    return quotedRow(Arrays.asList(cells));
  }

  private CsvWriter write(List<String> cells, boolean quoteAll) {
    try {
      for (int i = 0; i < cells.size(); i++) {
        String cell = FormulaGuard.guard(cells.get(i));
        CSVFormat format = quoteAll || (quoteCommas && cell.indexOf(',') >= 0) ? ALL : MINIMAL;
        format.print(cell, out, i == 0);
      }
      MINIMAL.println(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not throw
    }
    return this;
  }

  /** The file so far. */
  @Override
  public String toString() {
    return out.toString();
  }

  /** The file so far, UTF-8 encoded. */
  public byte[] toUtf8() {
    return toString().getBytes(StandardCharsets.UTF_8);
  }
}
