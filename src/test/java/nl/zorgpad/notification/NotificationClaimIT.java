package nl.zorgpad.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: the dispatcher claims a round of new events with one update and reads back the rows
 * it won; a claimed event is not claimed again until its claim runs out. In one rolled-back
 * transaction, so that the running dispatcher never sees these events.
 */
@ZorgpadIntegrationTest
class NotificationClaimIT {

  @Autowired NotificationEvents events;
  @Autowired TransactionTemplate transactions;

  @Test
  void aRoundIsClaimedOnceAndAgainOnlyAfterItsClaimRanOut() {
    Instant now = Instant.now();
    Duration timeout = Duration.ofMinutes(5);
    transactions.executeWithoutResult(
        status -> {
          List<String> tasks = List.of(task(), task(), task());
          for (String task : tasks) {
            assertThat(
                    events.record(
                        NotificationKind.NEW_TASK,
                        task,
                        "ZP-CLAIM",
                        "Kennismaking",
                        null,
                        List.of("jgz"),
                        null,
                        null,
                        now))
                .isTrue();
          }
          assertThat(taskIds(events.claimNew(10_000, now, timeout))).containsAll(tasks);
          assertThat(taskIds(events.claimNew(10_000, now.plusSeconds(60), timeout)))
              .doesNotContainAnyElementsOf(tasks);
          assertThat(taskIds(events.claimNew(10_000, now.plus(timeout).plusSeconds(1), timeout)))
              .containsAll(tasks);
          status.setRollbackOnly();
        });
  }

  private static String task() {
    return "claim-" + UUID.randomUUID();
  }

  private static List<String> taskIds(List<NotificationEvent> claimed) {
    return claimed.stream().map(NotificationEvent::taskId).toList();
  }
}
