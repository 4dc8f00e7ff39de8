package nl.zorgpad.socialmap;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The small part of RFC 4180 Zorgpad needs, with the habits of Dutch spreadsheets: semicolon as
 * the usual delimiter (comma also read), UTF-8 with or without byte-order mark (Windows-1252
 * read as fallback), quoted cells with doubled quotes, and a guard against formula injection
 * (a cell starting with = + - @ is written with a leading apostrophe, which reading removes).
 */
final class Csv {

  static final char DELIMITER = ';';
  private static final char BOM = '\ufeff';

  private Csv() {
  }

  /** A line of the file: its 1-based line number (of the first physical line) and its cells. */
  record Row(int line, List<String> cells) {

    boolean isBlank() {
      return cells.stream().allMatch(cell -> cell.isBlank());
    }
  }

  /** The file cannot be read as CSV at all (e.g. an unterminated quote); line is 1-based. */
  static final class MalformedCsvException extends RuntimeException {

    private final int line;

    MalformedCsvException(int line, String message) {
      super(message);
      this.line = line;
    }

    int line() {
      return line;
    }
  }

  /** UTF-8 when the bytes are valid UTF-8, otherwise Windows-1252 (what Excel on Windows saves). */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, Charset.forName("windows-1252"));
    }
  }

  static List<Row> parse(String text) {
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
    }
    char delimiter = detectDelimiter(text);
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean cellWasQuoted = false;
    int line = 1;
    int rowStart = 1;
    int quoteStart = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
      } else if (c == '"' && cell.toString().isBlank() && !cellWasQuoted) {
        quoted = true;
        cellWasQuoted = true;
        cell.setLength(0);
        quoteStart = line;
      } else if (c == delimiter) {
        cells.add(unguard(cell.toString(), cellWasQuoted));
        cell.setLength(0);
        cellWasQuoted = false;
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(unguard(cell.toString(), cellWasQuoted));
        rows.add(new Row(rowStart, List.copyOf(cells)));
        cells.clear();
        cell.setLength(0);
        cellWasQuoted = false;
        line++;
        rowStart = line;
      } else if (cellWasQuoted && !Character.isWhitespace(c)) {
        throw new MalformedCsvException(line, "text after closing quote");
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new MalformedCsvException(quoteStart, "unterminated quote");
    }
    if (cell.length() > 0 || !cells.isEmpty() || cellWasQuoted) {
      cells.add(unguard(cell.toString(), cellWasQuoted));
      rows.add(new Row(rowStart, List.copyOf(cells)));
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
    return commas > semicolons ? ',' : DELIMITER;
  }

  private static String unguard(String cell, boolean quoted) {
    String value = quoted ? cell : cell.strip();
    if (value.length() > 1 && value.charAt(0) == '\'' && isFormulaStart(value.charAt(1))) {
      return value.substring(1);
    }
    return value;
  }

  private static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
  }

  /** One line of output, ending in CRLF (RFC 4180). */
  static String line(List<String> cells) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(DELIMITER);
      }
      out.append(cell(cells.get(i)));
    }
    return out.append("\r\n").toString();
  }

  private static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String guarded = isFormulaStart(value.charAt(0)) ? "'" + value : value;
    boolean needsQuotes = guarded.indexOf(DELIMITER) >= 0 || guarded.indexOf(',') >= 0
        || guarded.indexOf('"') >= 0 || guarded.indexOf('\n') >= 0 || guarded.indexOf('\r') >= 0
        || !guarded.equals(guarded.strip());
    return needsQuotes ? '"' + guarded.replace("\"", "\"\"") + '"' : guarded;
  }

  static String byteOrderMark() {
    return String.valueOf(BOM);
  }
}
