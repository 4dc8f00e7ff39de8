package nl.zorgpad.casus;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalRulesTest {

  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  static Signal valid() {
    return new Signal(
        "VP-2026-0042", LocalDate.of(2026, 7, 20), 20, List.of("armoede"), "verloskundige");
  }

  static Signal withReference(String reference) {
    Signal s = valid();
    return new Signal(
        reference, s.dueDate(), s.gestationalAgeWeeks(), s.riskDomains(), s.signallingDiscipline());
  }

  @Test
  void validSignalBreaksNoRule() {
    assertThat(SignalRules.check(valid(), TODAY)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Fatima de Vries",
        "jansen@example.nl",
        "ab",
        "Kerkstraat 12",
        "1234567890123456789012345678901"
      })
  void clientReferenceMustBePseudonymous(String reference) {
    assertThat(SignalRules.check(withReference(reference), TODAY))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("clientReference");
              assertThat(v.dutchMessage()).contains("Gebruik geen naam, BSN of adres");
            });
  }

  @Test
  void bsnIsRecognisedByTheElevenTest() {
    assertThat(SignalRules.looksLikeBsn("111222333")).isTrue();
    assertThat(SignalRules.looksLikeBsn("123456782")).isTrue();
    assertThat(SignalRules.looksLikeBsn("12345678")).as("8 digits with leading zero").isFalse();
    assertThat(SignalRules.looksLikeBsn("123456789")).isFalse();
    assertThat(SignalRules.looksLikeBsn("000000000")).isFalse();
    assertThat(SignalRules.check(withReference("111222333"), TODAY))
        .singleElement()
        .satisfies(v -> assertThat(v.dutchMessage()).contains("lijkt op een BSN"));
  }

  @Test
  void datesOfBirthAndPostcodesAreRefused() {
    assertThat(SignalRules.check(withReference("12-03-1998"), TODAY))
        .singleElement()
        .satisfies(v -> assertThat(v.dutchMessage()).contains("geboortedatum"));
    assertThat(SignalRules.check(withReference("3511AB"), TODAY))
        .singleElement()
        .satisfies(v -> assertThat(v.dutchMessage()).contains("postcode"));
  }

  @Test
  void gestationalAgeMustBeBetween4And42Weeks() {
    Signal tooEarly = new Signal("VP-1", LocalDate.of(2026, 7, 20), 3, List.of("stress"), "jgz");
    assertThat(SignalRules.check(tooEarly, TODAY))
        .extracting(Violation::field)
        .containsExactly("gestationalAgeWeeks");
  }

  @Test
  void gestationalAgeMustFitTheDueDate() {
    Signal inconsistent =
        new Signal("VP-1", LocalDate.of(2026, 7, 20), 30, List.of("stress"), "jgz");
    assertThat(SignalRules.check(inconsistent, TODAY))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.dutchMessage())
                    .isEqualTo(
                        "De zwangerschapsduur past niet bij de uitgerekende datum (verwacht"
                            + " ongeveer 20 weken). Controleer beide."));
  }

  @Test
  void dueDateMustBelongToAnOngoingPregnancy() {
    Signal past = new Signal("VP-1", TODAY.minusWeeks(7), 42, List.of("stress"), "jgz");
    Signal farAhead = new Signal("VP-1", TODAY.plusWeeks(41), 4, List.of("stress"), "jgz");
    assertThat(SignalRules.check(past, TODAY))
        .extracting(Violation::field)
        .containsExactly("dueDate");
    assertThat(SignalRules.check(farAhead, TODAY))
        .extracting(Violation::field)
        .containsExactly("dueDate");
  }

  @Test
  void everyMissingFieldIsReportedInFormOrder() {
    Signal empty = new Signal(null, null, null, null, null);
    assertThat(SignalRules.check(empty, TODAY))
        .extracting(Violation::field)
        .containsExactly(
            "clientReference",
            "dueDate",
            "gestationalAgeWeeks",
            "riskDomains",
            "signallingDiscipline");
  }

  @Test
  void riskDomainsMustBeKnownCodes() {
    Signal unknown =
        new Signal(
            "VP-1", LocalDate.of(2026, 7, 20), 20, List.of("armoede", "naam: Jansen"), "jgz");
    assertThat(SignalRules.check(unknown, TODAY))
        .singleElement()
        .satisfies(v -> assertThat(v.field()).isEqualTo("riskDomains"));
  }

  @Test
  void regiehouderIsNoSignallingDiscipline() {
    Signal s = valid();
    Signal byRegiehouder =
        new Signal(
            s.clientReference(),
            s.dueDate(),
            s.gestationalAgeWeeks(),
            s.riskDomains(),
            "regiehouder");
    assertThat(SignalRules.check(byRegiehouder, TODAY))
        .extracting(Violation::field)
        .containsExactly("signallingDiscipline");
  }

  @Test
  void invalidInputCarriesEnglishAndDutch() {
    InvalidInputException invalid =
        new InvalidInputException(
            "signal",
            SignalRules.check(new Signal(null, null, 20, List.of("stress"), "jgz"), TODAY));
    assertThat(invalid.getMessage())
        .isEqualTo(
            "Invalid signal: clientReference is required; dueDate is required (ISO date"
                + " yyyy-MM-dd)");
    assertThat(invalid.dutchMessage())
        .isEqualTo(
            "Vul een cliëntreferentie in (bijvoorbeeld uw eigen dossiernummer)."
                + " Vul een geldige uitgerekende datum in.");
  }
}
