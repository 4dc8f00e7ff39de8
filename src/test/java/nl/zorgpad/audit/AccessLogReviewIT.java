package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13: the access-log review is answered by the database, not by reading the whole log —
 * the unusual access of a period (the last 30 days when the auditor names none), reads of
 * only the users who read many dossiers, the organisation as a condition of the query (its
 * text taken literally) — and still finds what the review must find.
 */
@ZorgpadIntegrationTest
class AccessLogReviewIT {

  static final String AUDITOR = "demo-auditor:demo";

  @LocalServerPort int port;
  @Autowired AccessLog accessLog;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcTemplate jdbc;
  @Autowired AccessReviewScan scan;

  Http http;
  String probe;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    probe = "p" + UUID.randomUUID().toString().substring(0, 7);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void withoutAPeriodTheReviewLooksAtTheLastThirtyDays() {
    // the page's dates are Amsterdam's (late in the UTC day it is tomorrow there)
    String old = read(probe, "R" + probe + "-oud", Instant.now().minus(Duration.ofDays(40)));
    String recent = read(probe, "R" + probe + "-nu", null);

    String page = unusual(http.get("/audit/toegang", AUDITOR).body());
    assertThat(page)
        .contains("geen periode gekozen: de laatste 30 dagen")
        .contains(recent)
        .doesNotContain(old);

    String longer =
        unusual(
            http.get(
                    "/audit/toegang?van="
                        + java.time.LocalDate.now(nl.zorgpad.time.ZorgpadTime.ZONE).minusDays(45)
                        + "&tot="
                        + java.time.LocalDate.now(nl.zorgpad.time.ZorgpadTime.ZONE),
                    AUDITOR)
                .body());
    assertThat(longer).contains(recent).contains(old).doesNotContain("geen periode gekozen");
  }

  @Test
  void aUserWhoReadsFiveDossiersWithinAnHourIsReportedAndFourAreNot() {
    String four = "q" + probe;
    for (int i = 0; i < 4; i++) {
      read(four, "R" + four + "-" + i, null);
    }
    for (int i = 0; i < 5; i++) {
      read(probe, "R" + probe + "-" + i, null);
    }
    String page = unusual(http.get("/audit/toegang", AUDITOR).body());
    assertThat(page).contains(probe + " las 5 dossiers").doesNotContain(four + " las");
  }

  @Test
  void theOrganisationIsSearchedInTheQueryAndItsTextTakenLiterally() {
    String organisation =
        jdbc.queryForList(
                "select o.name from ACT_ID_MEMBERSHIP m join zp_team t"
                    + " on t.group_id = m.GROUP_ID_ join zp_organisation o on o.id = t.organisation_id"
                    + " where m.USER_ID_ = 'demo-verloskundige' order by o.name",
                String.class)
            .get(0);
    String hers = read("demo-verloskundige", "R" + probe + "-vk", null);
    String theProbes = read(probe, "R" + probe + "-x", null);

    String found =
        searchResults(
            http.get(
                    "/audit/toegang?organisatie="
                        + java.net.URLEncoder.encode(
                            organisation.substring(2, 12).toUpperCase(),
                            java.nio.charset.StandardCharsets.UTF_8),
                    AUDITOR)
                .body());
    assertThat(found).contains(hers).doesNotContain(theProbes);
    assertThat(http.get("/audit/toegang?organisatie=%25", AUDITOR).body())
        .contains("Gevonden records: 0");
  }

  @Test
  void theScanInSmallBatchesFindsTheWindowsTheWholeLogShows() {
    // two caregivers' reads over three hours, a few minutes apart, of seven dossiers each
    String first = "a" + probe;
    String second = "b" + probe;
    java.util.Random random = new java.util.Random(13);
    Instant at = Instant.now().minus(Duration.ofHours(3));
    for (int i = 0; i < 80; i++) {
      at = at.plusSeconds(30 + random.nextInt(240));
      String user = random.nextBoolean() ? first : second;
      read(user, "R" + user + "-" + random.nextInt(7), at);
    }
    // batches of 7 records: every window crosses batches; the scheduled scan may run in between
    while (scan.scan(7) > 0) {
      // scans until nothing is pending
    }
    List<AccessLogReview.Entry> reads =
        jdbc.query(
            "select "
                + AccessReviewScan.READ_COLUMNS
                + " from zp_access_log where user_id in (?, ?) order by occurred_at, id",
            AccessReviewScan.READ,
            first,
            second);
    List<AccessLogReview.Burst> whole = AccessLogReview.bursts(reads);
    List<AccessLogReview.Burst> stored =
        jdbc.query(
            "select user_id, occurred_at, until_at, dossiers from zp_access_finding"
                + " where kind = 'BURST' and user_id in (?, ?) order by id",
            (rs, n) ->
                new AccessLogReview.Burst(
                    rs.getString("user_id"),
                    ClientAccessReport.instant(rs.getObject("occurred_at")),
                    ClientAccessReport.instant(rs.getObject("until_at")),
                    rs.getInt("dossiers")),
            first,
            second);
    java.util.Comparator<AccessLogReview.Burst> order =
        java.util.Comparator.comparing(AccessLogReview.Burst::user)
            .thenComparing(AccessLogReview.Burst::from);
    assertThat(whole).hasSizeGreaterThan(2);
    assertThat(stored.stream().sorted(order).toList())
        .isEqualTo(whole.stream().sorted(order).toList());
    // and each read without need-to-know is one finding, once
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_access_finding where kind = 'WITHOUT_NEED_TO_KNOW'"
                    + " and user_id in (?, ?)",
                Integer.class,
                first,
                second))
        .isEqualTo(80);
  }

  @Test
  void aReadCommittedAfterALaterOneWasScannedIsStillReviewed() throws Exception {
    // the slow transaction takes its id first but commits last: the scan must not pass it by
    String slow = "R" + probe + "-traag";
    java.util.concurrent.CountDownLatch inserted = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService other =
        java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.Future<?> slowRead =
          other.submit(
              () ->
                  transactions.executeWithoutResult(
                      status -> {
                        accessLog.record(event(slow, null), actor(probe));
                        inserted.countDown();
                        await(release);
                      }));
      await(inserted);
      read(probe, "R" + probe + "-snel", null);
      scan.scan(Long.MAX_VALUE);
      release.countDown();
      slowRead.get(30, java.util.concurrent.TimeUnit.SECONDS);
    } finally {
      release.countDown();
      other.shutdownNow();
    }
    scan.scan(Long.MAX_VALUE);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_access_finding f join zp_access_log l"
                    + " on l.id = f.access_log_id where f.kind = 'WITHOUT_NEED_TO_KNOW'"
                    + " and l.case_number = ?",
                Integer.class,
                slow))
        .isEqualTo(1);
  }

  private static void await(java.util.concurrent.CountDownLatch latch) {
    try {
      assertThat(latch.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Test
  void thePageReadsTheNewestFindingsFromTheIndexWithoutSorting() {
    java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
    String plan =
        jdbc.queryForObject(
            "EXPLAIN select access_log_id from zp_access_finding where 1 = 1"
                + " and occurred_at >= ? and occurred_at < ? and kind = ?"
                + AccessLogReview.NEWEST_FINDINGS,
            String.class,
            now,
            now,
            "BURST");
    assertThat(plan).contains("IX_ACCESS_FINDING_KIND").contains("index sorted");
  }

  @Test
  void aUserIsFoundAsTheOneWhoReadAndAsTheOneResponsibleThroughEachColumnsIndex() {
    String assistant = "s" + probe;
    String caseNumber = "R" + probe + "-vw";
    read(new Actor(assistant, probe, List.of(), "127.0.0.1"), caseNumber, null);
    assertThat(searchResults(http.get("/audit/toegang?gebruiker=" + assistant, AUDITOR).body()))
        .contains(caseNumber);
    assertThat(searchResults(http.get("/audit/toegang?gebruiker=" + probe, AUDITOR).body()))
        .contains(caseNumber);
    assertThat(
            searchResults(
                http.get("/audit/toegang?gebruiker=" + probe + "&client=" + caseNumber, AUDITOR)
                    .body()))
        .contains(caseNumber);
    assertThat(
            searchResults(
                http.get("/audit/toegang?gebruiker=" + probe + "x&client=" + caseNumber, AUDITOR)
                    .body()))
        .contains("Gevonden records: 0");
    // each branch reads its column's index newest first and stops (no sort of all her rows)
    for (String column : List.of("user_id", "responsible_user_id", "client_id", "case_number")) {
      String plan =
          jdbc.queryForObject(
              "EXPLAIN "
                  + AccessLogReview.branch(
                      column,
                      AccessLogReview.where(
                          java.time.LocalDate.now(nl.zorgpad.time.ZorgpadTime.ZONE), null)),
              String.class,
              probe,
              java.sql.Timestamp.from(Instant.now()));
      assertThat(plan).as(column).contains("index sorted").contains("IX_ACCESS_LOG_");
    }
  }

  /** The page's unusual-access part (the search results above it list the newest records). */
  private static String unusual(String page) {
    return page.substring(page.indexOf("Opvallende toegang"));
  }

  /** The page's search results (the unusual access below them is not filtered). */
  private static String searchResults(String page) {
    return page.substring(0, page.indexOf("Opvallende toegang"));
  }

  /** One READ without need-to-know by this user, at this time (now when null). */
  private String read(String user, String caseNumber, Instant at) {
    return read(actor(user), caseNumber, at);
  }

  private static Actor actor(String user) {
    return new Actor(user, user, List.of(), "127.0.0.1");
  }

  /** A READ of the case's summary on this basis (null: neither involvement nor task). */
  private static AccessEvent event(String caseNumber, String basis) {
    return new AccessEvent(
        caseNumber,
        "case:" + caseNumber,
        "CaseSummary",
        caseNumber,
        AccessAction.READ,
        AccessOutcome.ALLOWED,
        AccessEvent.Purposes.CARE,
        basis,
        false,
        null);
  }

  /** One READ without need-to-know by this actor, at this time (now when null). */
  private String read(Actor actor, String caseNumber, Instant at) {
    if (at != null) {
      ClockUtil.setCurrentTime(Date.from(at));
    }
    try {
      transactions.executeWithoutResult(status -> accessLog.record(event(caseNumber, null), actor));
    } finally {
      ClockUtil.reset();
    }
    return caseNumber;
  }
}
