package nl.zorgpad.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dispatcher marks a round of events done in one transaction; when one event of the round
 * fails, the others are still done (each in a transaction of its own) and the failing one stays
 * new for a later round. Real events in the real database, claimed by the test first so that the
 * running dispatcher leaves them alone; for a group without recipients.
 */
@ZorgpadIntegrationTest
class NotificationRoundIT {

  @Autowired NotificationEvents events;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aRoundIsDoneTogetherAndAFailingEventDoesNotHoldBackTheOthers() {
    Instant now = Instant.now();
    List<String> tasks = List.of(task(), task(), task());
    transactions.executeWithoutResult(
        status ->
            tasks.forEach(
                task ->
                    events.record(
                        NotificationKind.NEW_TASK,
                        task,
                        "ZP-ROUND",
                        "Kennismaking",
                        null,
                        List.of("zp-round-nobody"),
                        null,
                        null,
                        now)));
    List<NotificationEvent> claimed =
        events.claimNew(10_000, now, Duration.ofMinutes(5)).stream()
            .filter(e -> tasks.contains(e.taskId()))
            .toList();
    assertThat(claimed).hasSize(3);

    // a round that succeeds: both done
    List<NotificationEvent> first = claimed.subList(0, 2);
    int done =
        NotificationDispatcher.inOneTransactionElseEach(
            transactions, first, e -> events.markDone(e.id()), (e, ex) -> {});
    assertThat(done).isEqualTo(2);
    assertThat(status(first.get(0))).isEqualTo("DONE");
    assertThat(status(first.get(1))).isEqualTo("DONE");

    // a round in which the middle one fails: the others done, it stays NEW, reported
    List<NotificationEvent> round =
        List.of(claimed.get(2), first.get(0), first.get(1)); // one new, two already done
    jdbc.update(
        "update zp_notification_event set status = 'NEW' where id in (?, ?)",
        first.get(0).id(),
        first.get(1).id());
    List<Long> failed = new ArrayList<>();
    done =
        NotificationDispatcher.inOneTransactionElseEach(
            transactions,
            round,
            e -> {
              events.markDone(e.id());
              if (e.id() == first.get(0).id()) {
                throw new IllegalStateException("this event cannot be dispatched");
              }
            },
            (e, ex) -> failed.add(e.id()));
    assertThat(done).isEqualTo(2);
    assertThat(failed).containsExactly(first.get(0).id());
    assertThat(status(claimed.get(2))).isEqualTo("DONE");
    assertThat(status(first.get(0))).isEqualTo("NEW");
    assertThat(status(first.get(1))).isEqualTo("DONE");
    jdbc.update("delete from zp_notification_event where case_number = 'ZP-ROUND'");
  }

  private String status(NotificationEvent event) {
    return jdbc.queryForObject(
        "select status from zp_notification_event where id = ?", String.class, event.id());
  }

  private static String task() {
    return "round-" + UUID.randomUUID();
  }
}
