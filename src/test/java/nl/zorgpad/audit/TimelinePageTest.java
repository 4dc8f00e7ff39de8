package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15: the auditor's timeline folds one look at a case into one line, and is paged. */
class TimelinePageTest {

  static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

  static TimelineEvent access(Instant at, String user, String part) {
    return new TimelineEvent(
        at,
        TimelineEvent.Type.ACCESS,
        null,
        part,
        "jgz",
        user,
        null,
        "READ",
        null,
        "ALLOWED · care · involvement");
  }

  static TimelineEvent task(Instant at) {
    return new TimelineEvent(
        at,
        TimelineEvent.Type.TASK_COMPLETED,
        "Zorgpad",
        "Taak",
        "jgz",
        "demo-jgz",
        null,
        null,
        1000L,
        null);
  }

  @Test
  void theRecordsOfOneLookAtACaseAreOneLineNamingTheParts() {
    List<TimelineEvent> folded =
        TimelinePage.fold(
            List.of(
                access(T0, "demo-jgz", "CaseSummary"),
                access(T0.plusMillis(30), "demo-jgz", "Client"),
                access(T0.plusSeconds(1), "demo-jgz", "Task"),
                // another user, then a later look by the first: lines of their own
                access(T0.plusSeconds(2), "demo-verloskundige", "CaseSummary"),
                task(T0.plusSeconds(3)),
                access(T0.plusSeconds(60), "demo-jgz", "CaseSummary")));
    assertThat(folded)
        .extracting(TimelineEvent::subject)
        .containsExactly("CaseSummary,Client,Task", "CaseSummary", "Taak", "CaseSummary");
  }

  @Test
  void aLongHistoryIsPagedAndAPageAfterTheLastIsTheLast() {
    List<TimelineEvent> events = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      events.add(task(T0.plusSeconds(i)));
    }
    TimelinePage first = TimelinePage.of(events, 1);
    assertThat(first.events()).hasSize(TimelinePage.PAGE_SIZE);
    assertThat(first.pages()).isEqualTo(3);
    assertThat(first.total()).isEqualTo(120);
    assertThat(first.hasPrevious()).isFalse();
    assertThat(first.hasNext()).isTrue();
    TimelinePage last = TimelinePage.of(events, 99);
    assertThat(last.page()).isEqualTo(3);
    assertThat(last.events())
        .hasSize(20)
        .first()
        .extracting(TimelineEvent::at)
        .isEqualTo(T0.plusSeconds(100));
    assertThat(last.hasNext()).isFalse();
    assertThat(TimelinePage.of(List.of(), 1).pages()).isEqualTo(1);
  }
}
