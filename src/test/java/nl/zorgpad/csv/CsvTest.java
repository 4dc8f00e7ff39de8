package nl.zorgpad.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesWhatNeedsQuotingAndGuardsFormulas() {
    String line =
        CsvWriter.plain()
            .row("a;b", "say \"hi\"", "=SUM(A1)", "+31 30 1234567", "", "x")
            .toString();
    assertThat(line).isEqualTo("\"a;b\";\"say \"\"hi\"\"\";'=SUM(A1);'+31 30 1234567;;x\r\n");
    List<CsvReader.Row> rows = CsvReader.parse(line);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).cells())
        .containsExactly("a;b", "say \"hi\"", "=SUM(A1)", "+31 30 1234567", "", "x");
  }

  @Test
  void roundTripsQuotesLineBreaksSurroundingSpacesAndFormulas() {
    List<String> cells =
        List.of(
            "two\nlines",
            "cr\r\nlf",
            "\"quoted\"",
            " padded ",
            "=1+1",
            "-",
            "@x",
            "\tTAB",
            "\rCR",
            "a,b",
            "'t Hooft",
            "",
            "#1",
            "Coördinator");
    String file = CsvWriter.withByteOrderMark().row("kop").row(cells).quotedRow(cells).toString();
    List<CsvReader.Row> rows = CsvReader.read(file.getBytes(StandardCharsets.UTF_8));
    // the second row has three line breaks (LF, CRLF, CR): the third starts on line 6
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 6);
    assertThat(rows.get(0).cells()).containsExactly("kop");
    assertThat(rows.get(1).cells()).isEqualTo(cells);
    assertThat(rows.get(2).cells()).isEqualTo(cells);
  }

  @Test
  void aFormulaIsNeverWrittenAsTheStartOfACell() {
    String file =
        CsvWriter.plain().row("=cmd|' /C calc'!A0", "x").quotedRow("+1", "@SUM(1)").toString();
    assertThat(file).isEqualTo("'=cmd|' /C calc'!A0;x\r\n\"'+1\";\"'@SUM(1)\"\r\n");
  }

  @Test
  void quotesEveryCellOfAQuotedRowAndCommasOnlyWhenAsked() {
    assertThat(CsvWriter.plain().quotedRow("a", "", null).toString())
        .isEqualTo("\"a\";\"\";\"\"\r\n");
    assertThat(CsvWriter.plain().row("1,5", "x").toString()).isEqualTo("1,5;x\r\n");
    assertThat(CsvWriter.plain().quoteCommas().row("1,5", "x").toString())
        .isEqualTo("\"1,5\";x\r\n");
  }

  @Test
  void startsWithAByteOrderMarkWhenAsked() {
    assertThat(CsvWriter.withByteOrderMark().row("a").toUtf8()).startsWith(0xEF, 0xBB, 0xBF, 'a');
    assertThat(CsvWriter.plain().row("a").toString()).isEqualTo("a\r\n");
  }

  @Test
  void keepsLineNumbersAcrossQuotedLineBreaks() {
    List<CsvReader.Row> rows = CsvReader.parse("a;b\r\n\"two\nlines\";c\n\nd;e");
    assertThat(rows).extracting(CsvReader.Row::line).containsExactly(1, 2, 4, 5);
    assertThat(rows.get(1).cells()).containsExactly("two\nlines", "c");
    assertThat(rows.get(2).isBlank()).isTrue();
  }

  @Test
  void reportsAnUnterminatedQuoteAtItsLine() {
    assertThatThrownBy(() -> CsvReader.parse("a;b\nc;\"d\n"))
        .isInstanceOfSatisfying(
            CsvReader.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void reportsTextAfterAClosingQuote() {
    assertThatThrownBy(() -> CsvReader.parse("a;b\nc;d\n\"e\"f;g\n"))
        .isInstanceOfSatisfying(
            CsvReader.MalformedCsvException.class, e -> assertThat(e.line()).isEqualTo(3));
  }

  @Test
  void stripsUnquotedCellsButNotQuotedOnes() {
    assertThat(CsvReader.parse("  a  ; \" b \" ;c\"d").get(0).cells())
        .containsExactly("a", " b ", "c\"d");
  }

  @Test
  void leavesAnApostropheThatIsPartOfAName() {
    assertThat(CsvReader.parse("'t Hooft;'-").get(0).cells()).containsExactly("'t Hooft", "-");
  }

  @Test
  void readsCommasWhenTheFirstLineHasMoreCommas_andWindows1252() {
    byte[] file =
        "soort,naam\r\ncontact,\"Coördinator; West\"\r\n".getBytes(Charset.forName("windows-1252"));
    assertThat(CsvReader.read(file))
        .extracting(CsvReader.Row::cells)
        .containsExactly(List.of("soort", "naam"), List.of("contact", "Coördinator; West"));
  }

  @Test
  void anEmptyFileHasNoRows() {
    assertThat(CsvReader.parse("")).isEmpty();
    assertThat(CsvReader.parse("\ufeff")).isEmpty();
  }
}
