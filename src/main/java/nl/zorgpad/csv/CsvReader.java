package nl.zorgpad.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file with the habits of Dutch spreadsheets, on Commons CSV: semicolon as the usual
 * delimiter (comma when the first line has more commas than semicolons), UTF-8 with or without
 * byte-order mark (Windows-1252 as fallback), quoted cells with doubled quotes, unquoted cells
 * stripped of surrounding white space, blank lines kept (with their line numbers), and the
 * {@link FormulaGuard}'s apostrophe removed.
 */
public final class CsvReader {

  private CsvReader() {}

  /** A line of the file: its 1-based line number (of the first physical line) and its cells. */
  public record Row(int line, List<String> cells) {

    public boolean isBlank() {
      return cells.stream().allMatch(String::isBlank);
    }
  }

  /** The file cannot be read as CSV at all (e.g. an unterminated quote); line is 1-based. */
  public static final class MalformedCsvException extends RuntimeException {

    private final int line;

    MalformedCsvException(int line, String message, Throwable cause) {
      super(message, cause);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }

  /** The rows of a file as uploaded: decoded, then {@linkplain #parse parsed}. */
  public static List<Row> read(byte[] bytes) {
    return parse(decode(bytes));
  }

  /** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (what Excel on Windows saves). */
  public static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  /**
   * The rows of the text.
   *
   * @throws MalformedCsvException at the line of the row that cannot be read
   */
  public static List<Row> parse(String text) {
    if (!text.isEmpty() && text.charAt(0) == CsvWriter.BYTE_ORDER_MARK) {
      text = text.substring(1);
    }
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(detectDelimiter(text))
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .get();
    List<Row> rows = new ArrayList<>();
    int line = 1;
    try (CSVParser parser =
        CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        line = (int) parser.getCurrentLineNumber() + 1;
        if (!records.hasNext()) {
          break;
        }
        CSVRecord record = records.next();
        rows.add(new Row(line, record.stream().map(FormulaGuard::unguard).toList()));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new MalformedCsvException(line, e.getMessage(), e);
    }
    return rows;
  }

  /** Semicolon unless the first line has more commas than semicolons (outside quotes). */
  private static char detectDelimiter(String text) {
    int semicolons = 0;
    int commas = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\n' || c == '\r')) {
        break;
      } else if (!quoted && c == ';') {
        semicolons++;
      } else if (!quoted && c == ',') {
        commas++;
      }
    }
    return commas > semicolons ? ',' : CsvWriter.DELIMITER;
  }
}
