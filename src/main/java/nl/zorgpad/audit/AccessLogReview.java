package nl.zorgpad.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.time.ZorgpadTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Searching the access log and the report of unusual access: reads that rest on neither an
 * involvement nor an open task (and refused reads), emergency accesses (noodprocedure), and one
 * user reading many different dossiers in a short time.
 */
@Service
class AccessLogReview {

  static final int LIMIT = 500;

  static final Duration BURST_WINDOW = Duration.ofHours(1);
  static final int BURST_DOSSIERS = 5;

  record Criteria(
      String client,
      String user,
      String organisation,
      LocalDate from,
      LocalDate to,
      String action,
      Boolean emergency) {}

  record Entry(
      Long id,
      Instant at,
      String user,
      String responsibleUser,
      String organisation,
      String role,
      String clientId,
      String caseNumber,
      String objectType,
      String action,
      String outcome,
      String purpose,
      String basis,
      boolean emergency) {}

  record Burst(String user, Instant from, Instant to, int dossiers) {}

  /**
   * The unusual access of a period ({@code from}–{@code to}, the last {@link #DEFAULT_DAYS} days
   * when the auditor gave none); each list holds at most {@link #LIMIT} records, newest first,
   * and says when there were more. {@code reviewedUntil} is the time of the last record the
   * review has judged when more records still wait for it (null when it is up to date).
   */
  record Unusual(
      List<Entry> withoutNeedToKnow,
      List<Entry> emergencies,
      List<Burst> bursts,
      LocalDate from,
      LocalDate to,
      boolean moreWithoutNeedToKnow,
      boolean moreEmergencies,
      boolean moreBursts,
      Instant reviewedUntil) {}

  /** The review's period when the auditor names none: what a monthly review looks at. */
  static final int DEFAULT_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final ActorDisciplines disciplines;
  private final java.time.Clock clock;
  private final AccessReviewScan scan;

  AccessLogReview(
      JdbcTemplate jdbc,
      ActorDisciplines disciplines,
      java.time.Clock clock,
      AccessReviewScan scan) {
    this.jdbc = jdbc;
    this.scan = scan;
    this.disciplines = disciplines;
    this.clock = clock;
  }

  /**
   * The newest {@link #LIMIT} records that match, for the search page. Every criterion is a
   * condition of the query (the organisation through the sociale kaart's teams and the engine's
   * memberships), so the database returns at most {@code LIMIT} rows however long the log is. A
   * client or a user is looked up through the index of each column it may be in (client id or
   * case number; user or responsible user), each branch read newest first from its index and
   * stopped after {@code LIMIT} rows, the branches merged: an {@code or} over two columns made H2
   * read the whole log backwards by time until it had found {@code LIMIT} of a rare user's rows.
   */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  List<Entry> search(Criteria criteria) {
    Where where = where(criteria.from(), criteria.to());
    List<String> driving = List.of();
    String key = null;
    if (present(criteria.client())) {
      driving = List.of("client_id", "case_number");
      key = criteria.client().strip();
    }
    if (present(criteria.user())) {
      if (driving.isEmpty()) {
        driving = List.of("user_id", "responsible_user_id");
        key = criteria.user().strip();
      } else {
        where.and(
            "(user_id = ? or responsible_user_id = ?)",
            criteria.user().strip(),
            criteria.user().strip());
      }
    }
    if (present(criteria.action())) {
      where.and("action = ?", criteria.action());
    }
    if (criteria.emergency() != null) {
      where.and("emergency = ?", criteria.emergency());
    }
    if (present(criteria.organisation())) {
      // a user belongs to an organisation through a team of hers in the sociale kaart
      where.and(
          "user_id in (select m.USER_ID_ from ACT_ID_MEMBERSHIP m join zp_team t on"
              + " t.group_id = m.GROUP_ID_ join zp_organisation o on o.id = t.organisation_id"
              + " where lower(o.name) like ? escape '\\')",
          "%" + likeEscaped(criteria.organisation().strip().toLowerCase()) + "%");
    }
    if (driving.isEmpty()) {
      return newest(where, LIMIT);
    }
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (String column : driving) {
      if (!sql.isEmpty()) {
        sql.append(" union ");
      }
      sql.append(branch(column, where));
      args.add(key);
      args.addAll(where.args);
    }
    return query(sql + " order by occurred_at desc, id desc limit " + LIMIT, args);
  }

  /**
   * One branch of the search: the rows with {@code column = ?} and the other conditions, read
   * newest first from the column's index (the order starts at the column, an equality, so that
   * H2 reads the index backwards and stops after {@link #LIMIT} rows).
   */
  static String branch(String column, Where where) {
    return "(select "
        + COLUMNS
        + " from zp_access_log where "
        + column
        + " = ?"
        + where.sql.substring(" where 1 = 1".length())
        + " order by "
        + column
        + " desc, occurred_at desc, id desc limit "
        + LIMIT
        + ")";
  }

  /**
   * The unusual access of the period, read from the review's findings ({@link AccessReviewScan}:
   * each record judged once, after it was written): reads without need-to-know and refusals,
   * emergency accesses, and the one-hour windows in which a caregiver read {@link
   * #BURST_DOSSIERS} or more dossiers (a window belongs to the period its first read is in). The
   * page first lets the scan read what is still pending (bounded); each list is at most {@link
   * #LIMIT} findings, newest first, read through {@code ix_access_finding_kind}.
   */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  Unusual unusual(LocalDate from, LocalDate to) {
    LocalDate until =
        to != null ? to : from != null ? null : LocalDate.now(clock.withZone(ZorgpadTime.ZONE));
    LocalDate since = from != null ? from : to != null ? null : until.minusDays(DEFAULT_DAYS - 1);
    AccessReviewScan.Point point = scan.catchUp();
    List<Entry> withoutNeedToKnow = findings("WITHOUT_NEED_TO_KNOW", since, until);
    List<Entry> emergencies = findings("EMERGENCY", since, until);
    Where period = findingsOf("BURST", since, until);
    List<Burst> bursts =
        jdbc.query(
            "select user_id, occurred_at, until_at, dossiers from zp_access_finding"
                + period.sql
                + NEWEST_FINDINGS,
            (rs, n) ->
                new Burst(
                    rs.getString("user_id"),
                    ClientAccessReport.instant(rs.getObject("occurred_at")),
                    ClientAccessReport.instant(rs.getObject("until_at")),
                    rs.getInt("dossiers")),
            period.args.toArray());
    return new Unusual(
        first(withoutNeedToKnow),
        first(emergencies),
        bursts.size() > LIMIT ? bursts.subList(0, LIMIT) : bursts,
        since,
        until,
        withoutNeedToKnow.size() > LIMIT,
        emergencies.size() > LIMIT,
        bursts.size() > LIMIT,
        point.behind() ? point.scannedAt() : null);
  }

  /**
   * The newest findings first, one more than the page shows: the order starts at the index's
   * leading column (the kind, an equality) so that H2 and PostgreSQL read the index backwards
   * from the period's end and stop after {@code LIMIT + 1} entries.
   */
  static final String NEWEST_FINDINGS =
      " order by kind desc, occurred_at desc, id desc limit " + (LIMIT + 1);

  /** The newest {@code LIMIT + 1} findings of a kind in the period, as their records. */
  private List<Entry> findings(String kind, LocalDate since, LocalDate until) {
    Where period = findingsOf(kind, since, until);
    List<Long> ids =
        jdbc.queryForList(
            "select access_log_id from zp_access_finding" + period.sql + NEWEST_FINDINGS,
            Long.class,
            period.args.toArray());
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    return query(
        "select "
            + COLUMNS
            + " from zp_access_log where id in ("
            + marks
            + ") order by occurred_at desc, id desc",
        new ArrayList<>(ids));
  }

  /** A kind of finding in the period (index {@code ix_access_finding_kind}). */
  private static Where findingsOf(String kind, LocalDate from, LocalDate to) {
    Where where = where(from, to);
    return where.and("kind = ?", kind);
  }

  private static final String COLUMNS =
      "id, occurred_at, user_id, responsible_user_id,"
          + " client_id, case_number, object_type, action, outcome, purpose_of_use, consent_basis,"
          + " emergency";

  private List<Entry> newest(Where where, int limit) {
    return query(
        "select "
            + COLUMNS
            + " from zp_access_log"
            + where.sql
            + " order by occurred_at desc, id desc limit "
            + limit,
        where.args);
  }

  private static List<Entry> first(List<Entry> entries) {
    return entries.size() > LIMIT ? entries.subList(0, LIMIT) : entries;
  }

  /** The period as conditions on the record's time (index {@code ix_access_log_occurred}). */
  static Where where(LocalDate from, LocalDate to) {
    Where where = new Where();
    if (from != null) {
      where.and(
          "occurred_at >= ?",
          java.sql.Timestamp.from(from.atStartOfDay(ZorgpadTime.ZONE).toInstant()));
    }
    if (to != null) {
      where.and(
          "occurred_at < ?",
          java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(ZorgpadTime.ZONE).toInstant()));
    }
    return where;
  }

  /** A where clause built from fixed SQL fragments and bound values. */
  static final class Where {
    private String sql = " where 1 = 1";
    private final List<Object> args = new ArrayList<>();

    Where and(String condition, Object... values) {
      sql += " and " + condition;
      args.addAll(List.of(values));
      return this;
    }
  }

  private static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  /**
   * Per caregiver: windows of one hour in which she read the dossiers of at least
   * {@link #BURST_DOSSIERS} cases (a mother and her children count once: one case). The
   * auditor's own reads and the system's are not caregivers' access.
   */
  static List<Burst> bursts(List<Entry> entries) {
    Map<String, List<Entry>> reads = new LinkedHashMap<>();
    entries.stream()
        .filter(
            entry ->
                "READ".equals(entry.action())
                    && entry.clientId() != null
                    && !"system".equals(entry.user())
                    && !AuditReads.PURPOSE.equals(entry.purpose()))
        .sorted(java.util.Comparator.comparing(Entry::at))
        .forEach(
            entry -> reads.computeIfAbsent(entry.user(), user -> new ArrayList<>()).add(entry));
    List<Burst> bursts = new ArrayList<>();
    reads.forEach(
        (user, list) -> slide(list, read -> true, Instant.MIN, (burst, read) -> bursts.add(burst)));
    return bursts;
  }

  /**
   * One caregiver's reads in time order through a sliding one-hour window with a count per
   * dossier in it: each read enters and leaves once (linear in the reads; rebuilding the window's
   * set per read was quadratic). At each read that is {@code judged}, a window of {@link
   * #BURST_DOSSIERS} or more dossiers that starts after the last reported one ({@code
   * reportedUntil}, moved on by each report) is reported with the read that completed it; the
   * other reads only fill the window (the scan's hour before its batch).
   */
  static void slide(
      List<Entry> list,
      java.util.function.Predicate<Entry> judged,
      Instant reportedUntil,
      java.util.function.BiConsumer<Burst, Entry> report) {
    int start = 0;
    Instant reported = reportedUntil;
    Map<String, Integer> inWindow = new HashMap<>();
    for (int end = 0; end < list.size(); end++) {
      inWindow.merge(dossier(list.get(end)), 1, Integer::sum);
      while (Duration.between(list.get(start).at(), list.get(end).at()).compareTo(BURST_WINDOW)
          > 0) {
        inWindow.computeIfPresent(dossier(list.get(start)), (k, n) -> n == 1 ? null : n - 1);
        start++;
      }
      int dossiers = inWindow.size();
      if (dossiers >= BURST_DOSSIERS
          && judged.test(list.get(end))
          && list.get(start).at().isAfter(reported)) {
        Entry last = list.get(end);
        report.accept(new Burst(last.user(), list.get(start).at(), last.at(), dossiers), last);
        reported = last.at();
      }
    }
  }

  private static String dossier(Entry read) {
    return read.caseNumber() != null ? read.caseNumber() : read.clientId();
  }

  private List<Entry> query(String sql, List<Object> args) {
    return jdbc.query(
        sql,
        (rs, n) -> {
          String user = rs.getString("user_id");
          return new Entry(
              rs.getLong("id"),
              ClientAccessReport.instant(rs.getObject("occurred_at")),
              user,
              rs.getString("responsible_user_id"),
              disciplines.organisationOf(user),
              disciplines.ofUser(user),
              rs.getString("client_id"),
              rs.getString("case_number"),
              rs.getString("object_type"),
              rs.getString("action"),
              rs.getString("outcome"),
              rs.getString("purpose_of_use"),
              rs.getString("consent_basis"),
              rs.getBoolean("emergency"));
        },
        args.toArray());
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
