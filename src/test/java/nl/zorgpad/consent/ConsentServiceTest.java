package nl.zorgpad.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.casus.Violation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Consent records on the real schema (Flyway V1, in-memory H2). */
@DataJpaTest
@Import({
  ConsentService.class,
  CaseFileService.class,
  nl.zorgpad.accesslog.AccessLog.class,
  nl.zorgpad.accesslog.CurrentActor.class,
  nl.zorgpad.pathway.ClockConfiguration.class
})
class ConsentServiceTest {

  static final ZonedDateTime MONDAY =
      LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam"));

  @Autowired ConsentService service;
  @Autowired CaseFileService cases;
  @Autowired JdbcTemplate jdbc;

  String caseNumber;

  @BeforeEach
  void openCase() {
    caseNumber =
        cases.register(
            new Signal(
                "VP-0042", LocalDate.of(2026, 7, 20), 20, List.of("stress"), "verloskundige"),
            "demo-verloskundige",
            MONDAY);
  }

  ConsentStatement statement(ConsentDecision decision, String reason, ZonedDateTime at) {
    return new ConsentStatement(
        caseNumber, "jgz", "warme-overdracht", decision, reason, "demo-verloskundige", at);
  }

  @Test
  void vuistregel4_decisionsAreRecordedPerRecipientAndPurpose() {
    service.record(statement(ConsentDecision.GIVEN, "ignored for a consent", MONDAY));

    assertThat(service.recordsOf(caseNumber))
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getDecision()).isEqualTo(ConsentDecision.GIVEN);
              assertThat(record.getReasonCode()).as("a consent has no reason").isNull();
              assertThat(record.getRecipientDiscipline()).isEqualTo("jgz");
              assertThat(record.getPurpose()).isEqualTo("warme-overdracht");
              assertThat(record.getRecordedBy()).isEqualTo("demo-verloskundige");
              assertThat(record.getRecordedAt()).isEqualTo(MONDAY.toInstant());
            });
    assertThat(service.currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.GIVEN);
    assertThat(service.currentDecision(caseNumber, "kraamzorg", "warme-overdracht")).isEmpty();
  }

  @Test
  void vuistregel4_theWishToBeAskedAgainIsKeptPerRefusedRecordUntilANewerDecision() {
    service.record(
        new ConsentStatement(
            caseNumber,
            "jgz",
            "warme-overdracht",
            ConsentDecision.REFUSED,
            "wil-bedenktijd",
            "demo-verloskundige",
            MONDAY,
            true));
    service.record(
        new ConsentStatement(
            caseNumber,
            "informele-zorg",
            "warme-overdracht",
            ConsentDecision.GIVEN,
            null,
            "demo-verloskundige",
            MONDAY,
            true));

    assertThat(service.askAgainLater(caseNumber, "jgz", "warme-overdracht")).isTrue();
    assertThat(service.askAgainLater(caseNumber, "informele-zorg", "warme-overdracht"))
        .as("only a refusal is asked again")
        .isFalse();
    assertThat(
            jdbc.queryForObject(
                "select ask_again from zp_consent_record where"
                    + " recipient_discipline = 'informele-zorg' and case_number = ?",
                Boolean.class,
                caseNumber))
        .isFalse();

    service.record(statement(ConsentDecision.GIVEN, null, MONDAY.plusDays(28)));
    assertThat(service.askAgainLater(caseNumber, "jgz", "warme-overdracht")).isFalse();
  }

  @Test
  void theNewestDecisionCountsAndTheHistoryStays() {
    service.record(statement(ConsentDecision.GIVEN, null, MONDAY));
    service.record(statement(ConsentDecision.WITHDRAWN, "wil-geen-contact", MONDAY.plusDays(2)));

    assertThat(service.currentDecision(caseNumber, "jgz", "warme-overdracht"))
        .contains(ConsentDecision.WITHDRAWN);
    assertThat(service.recordsOf(caseNumber))
        .extracting(ConsentRecord::getDecision)
        .containsExactly(ConsentDecision.GIVEN, ConsentDecision.WITHDRAWN);
  }

  @Test
  void refusalWithoutReasonIsRefusedInDutch() {
    assertThatThrownBy(() -> service.record(statement(ConsentDecision.REFUSED, null, MONDAY)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            invalid ->
                assertThat(invalid.dutchMessage())
                    .isEqualTo("Kies de reden waarom de cliënt geen toestemming geeft."));
    assertThat(service.recordsOf(caseNumber)).isEmpty();
  }

  @Test
  void unknownCodesAndCasesAreRefused() {
    ConsentStatement bad =
        new ConsentStatement(
            caseNumber,
            "schoonmoeder",
            "alles",
            ConsentDecision.REFUSED,
            "geen-zin",
            "demo-verloskundige",
            MONDAY);
    assertThatThrownBy(() -> service.record(bad))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            invalid ->
                assertThat(invalid.violations())
                    .extracting(Violation::field)
                    .containsExactly(
                        "recipientDiscipline", "consentPurpose", "consentRefusalReason"));

    ConsentStatement unknownCase =
        new ConsentStatement(
            "ZP-2026-99999",
            "jgz",
            "warme-overdracht",
            ConsentDecision.GIVEN,
            null,
            "demo-verloskundige",
            MONDAY);
    assertThatThrownBy(() -> service.record(unknownCase))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("not a known case");
  }

  @Test
  void schemaRefusesARefusalWithoutReasonToo() {
    assertThatThrownBy(
            () ->
                jdbc.update(
                    "insert into zp_consent_record (case_number,"
                        + " recipient_discipline, purpose, decision, recorded_by, recorded_at)"
                        + " values (?, 'jgz', 'warme-overdracht', 'REFUSED', 'x', current_timestamp)",
                    caseNumber))
        .isInstanceOf(DataIntegrityViolationException.class);
  }
}
