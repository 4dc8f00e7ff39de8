package nl.zorgpad.casus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * One case per woman (decision 0008) on the real schema (Flyway V55 on in-memory H2): which open
 * case a signal matches, what joining records, and that nothing else is matched.
 */
@DataJpaTest
@Import({
  CaseFileService.class,
  nl.zorgpad.accesslog.AccessLog.class,
  nl.zorgpad.accesslog.CurrentActor.class,
  CaseMatchingTest.Keys.class,
  nl.zorgpad.pathway.ClockConfiguration.class
})
class CaseMatchingTest {

  static final ZonedDateTime MONDAY =
      LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam"));
  static final LocalDate BIRTH = LocalDate.of(1996, 5, 17);
  static final SignalledClient HER = new SignalledClient("111222333", BIRTH, "3822AB");
  static final SignalSource VOLUNTEER =
      new SignalSource(
          "demo-informele-zorg", List.of("informele-zorg", "informele-zorg-utrecht"), null);
  static final SignalSource MIDWIFE =
      new SignalSource(
          "demo-verloskundige", List.of("verloskundige", "verloskundige-utrecht-lombok"), null);

  @TestConfiguration
  static class Keys {
    @Bean
    ClientMatchKeys clientMatchKeys() {
      return ClientMatchKeys.withSecret(ClientMatchKeysTest.SECRET);
    }
  }

  @Autowired CaseFileService service;
  @Autowired JdbcTemplate jdbc;
  @Autowired ClientMatchKeyRepository matchKeys;
  @Autowired CaseFileRepository caseFiles;
  @Autowired ClientRepository clients;
  @Autowired PlatformTransactionManager transactions;

  static Signal signal(String discipline, LocalDate dueDate, String... riskDomains) {
    return new Signal("REF-0001", dueDate, 20, List.of(riskDomains), discipline);
  }

  static LocalDate dueDate() {
    return MONDAY.toLocalDate().plusWeeks(20);
  }

  @Test
  void theFirstSignalOpensHerCaseWithHerDossierTeamAndKeys() {
    SignalOutcome first =
        service.openOrMatch(signal("informele-zorg", dueDate(), "stress"), HER, VOLUNTEER, MONDAY);

    assertThat(first.matched()).isFalse();
    CaseFile caseFile = service.find(first.caseNumber()).orElseThrow();
    assertThat(clients.findByCaseFileId(caseFile.getId()))
        .hasValueSatisfying(
            client -> {
              assertThat(client.getBsn()).isEqualTo("111222333");
              assertThat(client.getBirthDate()).isEqualTo(BIRTH);
              assertThat(client.getPostcode()).isEqualTo("3822AB");
            });
    assertThat(matchKeys.findByCaseNumber(first.caseNumber()))
        .extracting(ClientMatchKey::getKind)
        .containsExactlyInAnyOrder(MatchKind.BSN_BIRTH_DATE, MatchKind.BIRTH_DATE_POSTCODE);
    assertThat(
            jdbc.queryForObject(
                "select group_id from zp_involvement where case_number = ?",
                String.class,
                first.caseNumber()))
        .isEqualTo("informele-zorg-utrecht");
  }

  @Test
  void aSecondSignalForHerMatchesHerOpenCaseAndWritesNothing() {
    String caseNumber =
        service
            .openOrMatch(signal("informele-zorg", dueDate(), "stress"), HER, VOLUNTEER, MONDAY)
            .caseNumber();
    int cases = count("zp_case_file");

    SignalOutcome second =
        service.openOrMatch(
            signal("verloskundige", dueDate().plusWeeks(1), "huiselijk-geweld"),
            new SignalledClient("111222333", BIRTH, null),
            MIDWIFE,
            MONDAY);

    assertThat(second.matched()).isTrue();
    assertThat(second.caseNumber()).isEqualTo(caseNumber);
    assertThat(second.kind()).isEqualTo(MatchKind.BSN_BIRTH_DATE);
    assertThat(count("zp_case_file")).isEqualTo(cases);
  }

  @Test
  void withoutBsnTheBirthDateAndPostcodeDigitsMatchWeaker() {
    String caseNumber =
        service
            .openOrMatch(signal("informele-zorg", dueDate(), "stress"), HER, VOLUNTEER, MONDAY)
            .caseNumber();

    SignalOutcome second =
        service.openOrMatch(
            signal("verloskundige", dueDate(), "stress"),
            new SignalledClient(null, BIRTH, "3822"),
            MIDWIFE,
            MONDAY);

    assertThat(second.caseNumber()).isEqualTo(caseNumber);
    assertThat(second.kind()).isEqualTo(MatchKind.BIRTH_DATE_POSTCODE);
  }

  @Test
  void aNextPregnancyAClosedCaseOrAnotherCoalitionIsNotHerOpenCase() {
    String caseNumber =
        service
            .openOrMatch(signal("informele-zorg", dueDate(), "stress"), HER, VOLUNTEER, MONDAY)
            .caseNumber();

    assertThat(
            service
                .openOrMatch(
                    signal("verloskundige", dueDate().plusWeeks(25), "stress"),
                    HER,
                    MIDWIFE,
                    MONDAY.plusWeeks(25))
                .matched())
        .as("another pregnancy")
        .isFalse();
    assertThat(
            service
                .openOrMatch(
                    signal("verloskundige", dueDate(), "stress"),
                    HER,
                    new SignalSource(
                        "demo-verloskundige-zeist",
                        List.of("verloskundige"),
                        "kansrijke-start-zeist"),
                    MONDAY)
                .matched())
        .as("another coalition")
        .isFalse();
    service.endEarly(caseNumber, CaseEndReason.MOVED, MONDAY);
    SignalOutcome afterClosing =
        service.openOrMatch(signal("verloskundige", dueDate(), "stress"), HER, MIDWIFE, MONDAY);
    assertThat(afterClosing.caseNumber()).isNotEqualTo(caseNumber);
  }

  @Test
  void joiningRecordsTheSignalAndInvolvesHerTeamOnce() {
    String caseNumber =
        service
            .openOrMatch(signal("informele-zorg", dueDate(), "stress"), HER, VOLUNTEER, MONDAY)
            .caseNumber();
    Signal midwifeSignal = signal("verloskundige", dueDate(), "huiselijk-geweld");
    SignalOutcome match = service.openOrMatch(midwifeSignal, HER, MIDWIFE, MONDAY);

    JoinedCase joined = service.joinOpenCase(match, midwifeSignal, MIDWIFE, MONDAY);

    assertThat(joined.repeated()).isFalse();
    assertThat(joined.riskDomains()).containsExactly("stress", "huiselijk-geweld");
    assertThat(joined.contact().careCoordinator()).isFalse();
    assertThat(joined.contact().groupId()).isEqualTo("informele-zorg-utrecht");
    assertThat(
            jdbc.queryForList(
                "select role from zp_involvement where case_number = ? and"
                    + " user_id = 'demo-verloskundige'",
                String.class,
                caseNumber))
        .containsExactly("JOINED_SIGNALLER");
    assertThat(
            jdbc.queryForList(
                "select origin from zp_case_signal where case_number = ?",
                String.class,
                caseNumber))
        .containsExactly("FIRST", "JOINED");
    // the same signal again (a second click): answered, not recorded twice
    assertThat(
            service.joinOpenCase(match, midwifeSignal, MIDWIFE, MONDAY.plusMinutes(2)).repeated())
        .isTrue();
    assertThat(count("zp_case_signal where case_number = '" + caseNumber + "'")).isEqualTo(2);
    // no BSN, birth date or postcode of the joining signal is kept anywhere but the keys
    assertThat(count("zp_client")).isEqualTo(1);
  }

  @Test
  void aClosedCaseCannotBeJoined() {
    String caseNumber =
        service
            .openOrMatch(signal("informele-zorg", dueDate(), "stress"), HER, VOLUNTEER, MONDAY)
            .caseNumber();
    SignalOutcome match = SignalOutcome.matched(caseNumber, MatchKind.BSN_BIRTH_DATE, "x");
    service.endEarly(caseNumber, CaseEndReason.DUPLICATE, MONDAY);

    assertThatThrownBy(
            () ->
                service.joinOpenCase(
                    match, signal("verloskundige", dueDate(), "stress"), MIDWIFE, MONDAY))
        .isInstanceOf(CaseClosedException.class);
    assertThat(service.find(caseNumber).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.CLOSED_DUPLICATE);
  }

  @Test
  void twoCasesMadeBeforeTheBsnWasKnownAreFoundAsPossibleDuplicates() {
    String one =
        service
            .openOrMatch(
                signal("informele-zorg", dueDate(), "stress"),
                SignalledClient.none(),
                VOLUNTEER,
                MONDAY)
            .caseNumber();
    String other =
        service
            .openOrMatch(
                signal("verloskundige", dueDate(), "stress"),
                SignalledClient.none(),
                MIDWIFE,
                MONDAY)
            .caseNumber();
    assertThat(service.possibleDuplicatesOf(one)).isEmpty();

    service.rekey(caseFiles.findByCaseNumber(one).orElseThrow(), HER.details(), MONDAY.toInstant());
    service.rekey(
        caseFiles.findByCaseNumber(other).orElseThrow(), HER.details(), MONDAY.toInstant());

    assertThat(service.possibleDuplicatesOf(one))
        .extracting(CaseFileService.PossibleDuplicate::caseNumber)
        .containsExactly(other);
  }

  @Test
  void aNewSecretDerivesEveryKeyAgainFromTheDossier() {
    String caseNumber =
        service
            .openOrMatch(signal("informele-zorg", dueDate(), "stress"), HER, VOLUNTEER, MONDAY)
            .caseNumber();
    ClientMatchKeys rotated = ClientMatchKeys.withSecret(ClientMatchKeysTest.SECRET + "-new");
    ClientMatchKeyRotation rotation =
        new ClientMatchKeyRotation(
            rotated,
            matchKeys,
            caseFiles,
            clients,
            service,
            transactions,
            nl.zorgpad.pathway.EngineClock.ENGINE);

    assertThat(rotation.rotate()).isGreaterThanOrEqualTo(1);

    assertThat(matchKeys.findByCaseNumber(caseNumber))
        .isNotEmpty()
        .allSatisfy(key -> assertThat(key.getSecretId()).isEqualTo(rotated.secretId()));
  }

  private int count(String tableAndCondition) {
    return jdbc.queryForObject("select count(*) from " + tableAndCondition, Integer.class);
  }
}
