package nl.zorgpad.access;

import static nl.zorgpad.access.DossierTestConfig.loginAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.accesslog.AccessLogEntry;
import nl.zorgpad.accesslog.AccessLogRepository;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.ClientDetails;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A dossier change without its access-log record cannot happen: when the log write fails, the
 * change it describes is rolled back with it (same transaction). Runs without a test
 * transaction, so what is committed is what the database holds.
 */
@DataJpaTest
@Import({DossierTestConfig.class, ChangeWithoutLogRecordTest.FailingLog.class})
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class ChangeWithoutLogRecordTest {

  @Autowired CaseFileService cases;
  @Autowired DossierService dossier;
  @Autowired SwitchableLog log;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void reset() {
    log.failing = false;
    DossierTestConfig.logout();
  }

  @Test
  void aFailingLogWriteRollsTheChangeBack() {
    String caseNumber =
        cases.register(
            new Signal("VP-0099", LocalDate.of(2026, 9, 1), 14, List.of("stress"), "verloskundige"),
            "demo-verloskundige",
            LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam")));
    loginAs("demo-verloskundige", "verloskundige");
    int logged = log.entries.size();

    log.failing = true;
    assertThatThrownBy(
            () ->
                dossier.saveClient(
                    caseNumber,
                    new ClientDetails(
                        "Amira", "Bakker", null, null, null, null, "3531AB", null, null),
                    1))
        .hasMessageContaining("log store unavailable");

    assertThat(jdbc.queryForObject("select count(*) from zp_client", Integer.class))
        .as("no client without its log record")
        .isZero();
    assertThat(
            jdbc.queryForObject(
                "select parity from zp_pregnancy p join zp_case_file c"
                    + " on c.id = p.case_file_id where c.case_number = ?",
                Integer.class,
                caseNumber))
        .isNull();
    assertThat(
            jdbc.queryForObject(
                "select neighbourhood from zp_case_file where case_number = ?",
                String.class,
                caseNumber))
        .isNull();
    assertThat(log.entries).hasSize(logged);

    log.failing = false;
    dossier.saveClient(
        caseNumber,
        new ClientDetails("Amira", "Bakker", null, null, null, null, "3531AB", null, null),
        1);
    assertThat(jdbc.queryForObject("select count(*) from zp_client", Integer.class)).isOne();
    assertThat(log.entries).hasSize(logged + 1);
  }

  @Test
  void aFailingLogWriteAlsoRollsBackANewCase() {
    int before = jdbc.queryForObject("select count(*) from zp_case_file", Integer.class);
    log.failing = true;
    assertThatThrownBy(
            () ->
                cases.register(
                    new Signal(
                        "VP-0100",
                        LocalDate.of(2026, 9, 1),
                        14,
                        List.of("stress"),
                        "verloskundige"),
                    "demo-verloskundige",
                    LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam"))))
        .hasMessageContaining("log store unavailable");
    assertThat(jdbc.queryForObject("select count(*) from zp_case_file", Integer.class))
        .isEqualTo(before);
  }

  /** An access-log store that can be made to fail. */
  static class SwitchableLog implements AccessLogRepository {
    final List<AccessLogEntry> entries = new ArrayList<>();
    volatile boolean failing;

    @Override
    public AccessLogEntry save(AccessLogEntry entry) {
      if (failing) {
        throw new IllegalStateException("log store unavailable");
      }
      entries.add(entry);
      return entry;
    }

    @Override
    public List<AccessLogEntry> findByCaseNumberOrderByIdAsc(String caseNumber) {
      return entries.stream().filter(e -> caseNumber.equals(e.getCaseNumber())).toList();
    }

    @Override
    public List<AccessLogEntry> findByClientIdOrderByIdAsc(String clientId) {
      return entries.stream().filter(e -> clientId.equals(e.getClientId())).toList();
    }

    @Override
    public List<AccessLogEntry> findByUserIdOrderByIdAsc(String userId) {
      return entries.stream().filter(e -> userId.equals(e.getUserId())).toList();
    }

    @Override
    public List<AccessLogEntry> findTop50ByOrderByIdDesc() {
      return List.copyOf(entries);
    }

    @Override
    public long count() {
      return entries.size();
    }
  }

  @TestConfiguration
  static class FailingLog {
    @Bean
    @Primary
    SwitchableLog switchableLog() {
      return new SwitchableLog();
    }
  }
}
