package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.audit.AccessLogReview.Entry;
import org.junit.jupiter.api.Test;

/** "Many dossiers read by one user in a short time" on the access-log review's unusual list. */
class AccessLogBurstTest {

  static final Instant NINE = Instant.parse("2026-11-24T09:00:00Z");

  static Entry read(String user, String purpose, String client, String caseNumber, int minute) {
    return new Entry(
        (long) minute,
        NINE.plusSeconds(60L * minute),
        user,
        user,
        "org",
        "jgz",
        client,
        caseNumber,
        "Client",
        "READ",
        "ALLOWED",
        purpose,
        "involvement",
        false);
  }

  static List<Entry> casesReadWithinAnHour(String user, String purpose, int cases) {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      entries.add(read(user, purpose, "client:" + i, "ZP-2026-0000" + i, i * 10));
    }
    return entries;
  }

  @Test
  void fiveCasesWithinAnHourAreABurstFourAreNot() {
    assertThat(AccessLogReview.bursts(casesReadWithinAnHour("demo-jgz", "care", 5)))
        .singleElement()
        .satisfies(
            burst -> {
              assertThat(burst.user()).isEqualTo("demo-jgz");
              assertThat(burst.dossiers()).isEqualTo(5);
            });
    assertThat(AccessLogReview.bursts(casesReadWithinAnHour("demo-jgz", "care", 4))).isEmpty();
  }

  @Test
  void aMotherAndHerChildrenAreOneCase() {
    List<Entry> entries = new ArrayList<>(casesReadWithinAnHour("demo-jgz", "care", 3));
    entries.add(read("demo-jgz", "care", "child:7", "ZP-2026-00001", 31));
    entries.add(read("demo-jgz", "care", "child:8", "ZP-2026-00001", 32));
    assertThat(AccessLogReview.bursts(entries)).isEmpty();
  }

  @Test
  void readsSpreadOverMoreThanAnHourAreNoBurst() {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      entries.add(read("demo-jgz", "care", "client:" + i, "ZP-2026-0000" + i, i * 20));
    }
    assertThat(AccessLogReview.bursts(entries)).isEmpty();
  }

  @Test
  void theAuditorsOwnReadsAndTheSystemAreNotCaregiversAccess() {
    assertThat(AccessLogReview.bursts(casesReadWithinAnHour("demo-auditor", AuditReads.PURPOSE, 8)))
        .isEmpty();
    assertThat(AccessLogReview.bursts(casesReadWithinAnHour("system", "care", 8))).isEmpty();
  }
}
