package nl.zorgpad.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The outbox's due mails are read in the index's order: H2 takes the first rows of the index
 * instead of sorting every pending mail (176,335 of them after a region's generation without a
 * mail relay made one claim take 4.5 s; docs/benchmarks.md).
 */
@ZorgpadIntegrationTest
class OutboxDueOrderIT {

  @Autowired JdbcTemplate jdbc;

  @Test
  void theDueMailsAreReadInTheIndexsOrderNotSorted() {
    Timestamp now = Timestamp.from(Instant.now());
    String plan = jdbc.queryForObject("EXPLAIN " + Outbox.DUE, String.class, now, now, 50);
    assertThat(plan).contains("IX_NOTIFICATION_MAIL_NEXT").contains("index sorted");
  }
}
