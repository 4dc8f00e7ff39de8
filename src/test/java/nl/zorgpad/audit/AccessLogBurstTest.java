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

  @Test
  void theSlidingWindowFindsWhatRebuildingEveryWindowFinds() {
    java.util.Random random = new java.util.Random(13);
    for (int run = 0; run < 200; run++) {
      List<Entry> entries = new ArrayList<>();
      int minute = 0;
      for (int i = 0; i < 60; i++) {
        minute += random.nextInt(25);
        int dossier = random.nextInt(9);
        entries.add(
            read(
                "demo-" + random.nextInt(2),
                "care",
                "client:" + dossier,
                random.nextInt(4) == 0 ? null : "ZP-2026-0000" + dossier,
                minute));
      }
      assertThat(AccessLogReview.bursts(entries)).as("run " + run).isEqualTo(rebuilt(entries));
    }
  }

  @Test
  void tenThousandReadsInAnHourAreOneBurst() {
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Entry one = read("demo-jgz", "care", "client:" + i, "ZP-2026-" + i, 0);
      entries.add(
          new Entry(
              (long) i,
              NINE.plusMillis(300L * i),
              one.user(),
              one.responsibleUser(),
              one.organisation(),
              one.role(),
              one.clientId(),
              one.caseNumber(),
              one.objectType(),
              one.action(),
              one.outcome(),
              one.purpose(),
              one.basis(),
              one.emergency()));
    }
    // the window of up to 10,000 reads is kept, not rebuilt for every read
    assertThat(AccessLogReview.bursts(entries)).hasSize(1);
  }

  /** The reference: every window's dossiers counted afresh (the former, quadratic way). */
  private static List<AccessLogReview.Burst> rebuilt(List<Entry> entries) {
    java.util.Map<String, List<Entry>> reads = new java.util.LinkedHashMap<>();
    entries.stream()
        .sorted(java.util.Comparator.comparing(Entry::at))
        .forEach(e -> reads.computeIfAbsent(e.user(), u -> new ArrayList<>()).add(e));
    List<AccessLogReview.Burst> bursts = new ArrayList<>();
    reads.forEach(
        (user, list) -> {
          int start = 0;
          Instant reportedUntil = Instant.MIN;
          for (int end = 0; end < list.size(); end++) {
            while (java.time.Duration.between(list.get(start).at(), list.get(end).at())
                    .compareTo(java.time.Duration.ofHours(1))
                > 0) {
              start++;
            }
            java.util.Set<String> dossiers = new java.util.HashSet<>();
            for (int i = start; i <= end; i++) {
              Entry read = list.get(i);
              dossiers.add(read.caseNumber() != null ? read.caseNumber() : read.clientId());
            }
            if (dossiers.size() >= 5 && list.get(start).at().isAfter(reportedUntil)) {
              bursts.add(
                  new AccessLogReview.Burst(
                      user, list.get(start).at(), list.get(end).at(), dossiers.size()));
              reportedUntil = list.get(end).at();
            }
          }
        });
    return bursts;
  }
}
