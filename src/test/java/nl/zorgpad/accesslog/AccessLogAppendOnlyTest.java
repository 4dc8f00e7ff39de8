package nl.zorgpad.accesslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.Column;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The access log is append-only at the repository level, and never written outside a transaction. */
@DataJpaTest
@Import({AccessLog.class, CurrentActor.class, nl.zorgpad.pathway.ClockConfiguration.class})
class AccessLogAppendOnlyTest {

  @Autowired AccessLog accessLog;
  @Autowired AccessLogRepository repository;
  @Autowired JdbcTemplate jdbc;

  static AccessEvent read(String caseNumber) {
    return new AccessEvent(
        caseNumber,
        "client:7",
        "Client",
        "7",
        AccessAction.READ,
        AccessOutcome.ALLOWED,
        "care",
        "involvement",
        false,
        null);
  }

  @Test
  void theRepositoryOffersOnlySaveFindAndCount() {
    assertThat(AccessLogRepository.class.getInterfaces())
        .containsExactly(org.springframework.data.repository.Repository.class);
    List<String> methods =
        Arrays.stream(AccessLogRepository.class.getMethods()).map(Method::getName).toList();
    assertThat(methods)
        .allMatch(name -> name.equals("save") || name.startsWith("find") || name.equals("count"));
  }

  @Test
  void theEntryIsImmutable() {
    for (Field field : AccessLogEntry.class.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("id")) {
        continue;
      }
      assertThat(field.getAnnotation(Column.class).updatable()).as(field.getName()).isFalse();
    }
    assertThat(Arrays.stream(AccessLogEntry.class.getMethods()).map(Method::getName))
        .noneMatch(name -> name.startsWith("set"));
    assertThat(AccessLogEntry.class.isAnnotationPresent(org.hibernate.annotations.Immutable.class))
        .isTrue();
  }

  @Test
  void anEntryHoldsEveryNen7513Field() {
    AccessLogEntry saved =
        accessLog.record(
            read("ZP-2026-00001"),
            new Actor(
                "demo-jgz", "demo-regiehouder", List.of("jgz", "jgz-utrecht-west"), "10.0.0.7"));
    AccessLogEntry entry = repository.findByCaseNumberOrderByIdAsc("ZP-2026-00001").get(0);
    assertThat(entry.getId()).isEqualTo(saved.getId());
    assertThat(entry.getOccurredAt()).isNotNull();
    assertThat(entry.getUserId()).isEqualTo("demo-jgz");
    assertThat(entry.getResponsibleUserId()).isEqualTo("demo-regiehouder");
    assertThat(entry.getUserRoles()).isEqualTo("jgz,jgz-utrecht-west");
    assertThat(entry.getClientId()).isEqualTo("client:7");
    assertThat(entry.getObjectType()).isEqualTo("Client");
    assertThat(entry.getObjectId()).isEqualTo("7");
    assertThat(entry.getAction()).isEqualTo(AccessAction.READ);
    assertThat(entry.getOutcome()).isEqualTo(AccessOutcome.ALLOWED);
    assertThat(entry.getNetworkAddress()).isEqualTo("10.0.0.7");
    assertThat(entry.getSourceSystem()).isEqualTo("zorgpad");
    assertThat(entry.getPurposeOfUse()).isEqualTo("care");
    assertThat(entry.getConsentBasis()).isEqualTo("involvement");
    assertThat(entry.isEmergency()).isFalse();
    assertThat(entry.getPreviousHash()).as("reserved for issue 5").isNull();
    assertThat(entry.getHash()).as("reserved for issue 5").isNull();
  }

  @Test
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  void recordingOutsideATransactionIsRefused() {
    long before = jdbc.queryForObject("select count(*) from zp_access_log", Long.class);
    assertThatThrownBy(() -> accessLog.record(read("ZP-2026-00002")))
        .isInstanceOf(IllegalTransactionStateException.class);
    assertThat(jdbc.queryForObject("select count(*) from zp_access_log", Long.class))
        .isEqualTo(before);
  }
}
