package nl.zorgpad.socialmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

  @Test
  void quotesWhatNeedsQuotingAndGuardsFormulas() {
    String line = Csv.line(List.of("a;b", "say \"hi\"", "=SUM(A1)", "+31 30 1234567", "", "x"));
    assertThat(line).isEqualTo("\"a;b\";\"say \"\"hi\"\"\";'=SUM(A1);'+31 30 1234567;;x\r\n");
    List<Csv.Row> rows = Csv.parse(line);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).cells())
        .containsExactly("a;b", "say \"hi\"", "=SUM(A1)", "+31 30 1234567", "", "x");
  }

  @Test
  void keepsLineNumbersAcrossQuotedLineBreaks() {
    List<Csv.Row> rows = Csv.parse("a;b\r\n\"two\nlines\";c\n\nd;e");
    assertThat(rows).extracting(Csv.Row::line).containsExactly(1, 2, 4, 5);
    assertThat(rows.get(1).cells()).containsExactly("two\nlines", "c");
    assertThat(rows.get(2).isBlank()).isTrue();
  }

  @Test
  void reportsAnUnterminatedQuoteAtItsLine() {
    assertThatThrownBy(() -> Csv.parse("a;b\nc;\"d\n"))
        .isInstanceOfSatisfying(Csv.MalformedCsvException.class,
            e -> assertThat(e.line()).isEqualTo(2));
  }

  @Test
  void leavesAnApostropheThatIsPartOfAName() {
    assertThat(Csv.parse("'t Hooft;'-").get(0).cells()).containsExactly("'t Hooft", "-");
  }
}
