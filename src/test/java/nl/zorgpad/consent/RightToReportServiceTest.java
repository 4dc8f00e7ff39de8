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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/** Reports under the meldrecht on the real schema (Flyway V20, in-memory H2). */
@DataJpaTest
@Import({
  RightToReportService.class,
  ConsentService.class,
  CaseFileService.class,
  nl.zorgpad.accesslog.AccessLog.class,
  nl.zorgpad.accesslog.CurrentActor.class,
  nl.zorgpad.pathway.ClockConfiguration.class
})
class RightToReportServiceTest {

  static final ZonedDateTime MONDAY =
      LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam"));

  @Autowired RightToReportService service;
  @Autowired ConsentService consents;
  @Autowired CaseFileService cases;

  String caseNumber;

  @BeforeEach
  void openCase() {
    caseNumber =
        cases.register(
            new Signal(
                "VP-0042",
                LocalDate.of(2026, 7, 20),
                20,
                List.of("huiselijk-geweld"),
                "verloskundige"),
            "demo-verloskundige",
            MONDAY);
  }

  @Test
  void meldrecht_reportIsRecordedWithItsLegalGroundAndIsNoConsent() {
    service.record(
        new RightToReportStatement(
            caseNumber,
            "verloskundige",
            LocalDate.of(2026, 3, 2),
            "niet-geinformeerd-gevaar",
            "demo-verloskundige",
            MONDAY));

    assertThat(service.recordsOf(caseNumber))
        .singleElement()
        .satisfies(
            record -> {
              assertThat(record.getLegalGround()).isEqualTo("wmo-2015-art-5.2.6");
              assertThat(record.getReportingDiscipline()).isEqualTo("verloskundige");
              assertThat(record.getClientInformed()).isEqualTo("niet-geinformeerd-gevaar");
              assertThat(record.getRecordedBy()).isEqualTo("demo-verloskundige");
            });
    assertThat(consents.recordsOf(caseNumber)).as("the exception is not a consent").isEmpty();
  }

  @Test
  void meldrecht_reportForUnknownCaseOrWithoutAnswersIsRefused() {
    assertThatThrownBy(
            () ->
                service.record(
                    new RightToReportStatement(
                        "ZP-2026-99999",
                        "verloskundige",
                        LocalDate.of(2026, 3, 2),
                        "geinformeerd",
                        "demo-verloskundige",
                        MONDAY)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("caseNumber");
    assertThatThrownBy(
            () ->
                service.record(
                    new RightToReportStatement(
                        caseNumber, "tandarts", null, null, "demo-verloskundige", MONDAY)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("meldcodeStartedBy")
        .hasMessageContaining("meldcodeReportDate")
        .hasMessageContaining("meldcodeClientInformedOfReport");
  }
}
