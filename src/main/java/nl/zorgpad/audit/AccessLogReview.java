package nl.zorgpad.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** A read rests on need-to-know when the guard granted it for one of these reasons. */
  static final Set<String> NEED_TO_KNOW = Set.of("involvement", "task");

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
   * and says when there were more.
   */
  record Unusual(
      List<Entry> withoutNeedToKnow,
      List<Entry> emergencies,
      List<Burst> bursts,
      LocalDate from,
      LocalDate to,
      boolean moreWithoutNeedToKnow,
      boolean moreEmergencies) {}

  /** The review's period when the auditor names none: what a monthly review looks at. */
  static final int DEFAULT_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final ActorDisciplines disciplines;
  private final java.time.Clock clock;

  AccessLogReview(JdbcTemplate jdbc, ActorDisciplines disciplines, java.time.Clock clock) {
    this.jdbc = jdbc;
    this.disciplines = disciplines;
    this.clock = clock;
  }

  /**
   * The newest {@link #LIMIT} records that match, for the search page. Every criterion is a
   * condition of the one query (the organisation through the sociale kaart's teams and the
   * engine's memberships), so the database returns at most {@code LIMIT} rows however long the
   * log is.
   */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  List<Entry> search(Criteria criteria) {
    Where where = where(criteria.from(), criteria.to());
    if (present(criteria.client())) {
      where.and(
          "(client_id = ? or case_number = ?)",
          criteria.client().strip(),
          criteria.client().strip());
    }
    if (present(criteria.user())) {
      where.and(
          "(user_id = ? or responsible_user_id = ?)",
          criteria.user().strip(),
          criteria.user().strip());
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
    return newest(where, LIMIT);
  }

  /**
   * The unusual access of the period, each part found by the database (indexed on the time of
   * the record): reads without need-to-know and refusals, emergency accesses, and the reads of
   * only those users who read {@link #BURST_DOSSIERS} or more dossiers in the period, of whom
   * the one-hour windows are worked out here.
   */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  Unusual unusual(LocalDate from, LocalDate to) {
    LocalDate until =
        to != null ? to : from != null ? null : LocalDate.now(clock.withZone(ZorgpadTime.ZONE));
    LocalDate since = from != null ? from : to != null ? null : until.minusDays(DEFAULT_DAYS - 1);
    Where without =
        caregiversReads(since, until)
            .and(
                "(outcome = 'DENIED'"
                    + " or consent_basis is null or (consent_basis <> 'involvement'"
                    + " and consent_basis not like 'involvement:%' and consent_basis <> 'task'"
                    + " and consent_basis not like 'task:%'))");
    List<Entry> withoutNeedToKnow = newest(without, LIMIT + 1);
    List<Entry> emergencies =
        newest(
            where(since, until).and("(emergency = ? or action = 'EMERGENCY_ACCESS')", true),
            LIMIT + 1);
    // one query: the reads in the period of only those caregivers who read at least
    // BURST_DOSSIERS dossiers in it (found by the grouped subquery), in time order
    Where readers = caregiversReads(since, until).and("client_id is not null");
    List<Object> args = new ArrayList<>(readers.args);
    args.addAll(readers.args);
    List<Burst> bursts =
        new ArrayList<>(
            bursts(
                query(
                    "select "
                        + COLUMNS
                        + " from zp_access_log"
                        + readers.sql
                        + " and user_id in (select user_id from zp_access_log"
                        + readers.sql
                        + " group by user_id having count(distinct coalesce(case_number,"
                        + " client_id)) >= "
                        + BURST_DOSSIERS
                        + ") order by occurred_at, id",
                    args)));
    bursts.sort(java.util.Comparator.comparing(Burst::from).reversed());
    return new Unusual(
        first(withoutNeedToKnow),
        first(emergencies),
        bursts,
        since,
        until,
        withoutNeedToKnow.size() > LIMIT,
        emergencies.size() > LIMIT);
  }

  private static final String COLUMNS =
      "id, occurred_at, user_id, responsible_user_id,"
          + " client_id, case_number, object_type, action, outcome, purpose_of_use, consent_basis,"
          + " emergency";

  /** Reads by caregivers: not the system's, not the auditor's own reads for an audit. */
  private Where caregiversReads(LocalDate from, LocalDate to) {
    return where(from, to)
        .and("action = 'READ'")
        .and("user_id <> 'system'")
        .and("(purpose_of_use is null or purpose_of_use <> ?)", AuditReads.PURPOSE);
  }

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
  private static Where where(LocalDate from, LocalDate to) {
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
  private static final class Where {
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
        (user, list) -> {
          // a sliding one-hour window with a count per dossier in it: each read enters and
          // leaves once (linear in the reads; rebuilding the window's set per read was quadratic)
          int start = 0;
          Instant reportedUntil = Instant.MIN;
          Map<String, Integer> inWindow = new HashMap<>();
          for (int end = 0; end < list.size(); end++) {
            inWindow.merge(dossier(list.get(end)), 1, Integer::sum);
            while (Duration.between(list.get(start).at(), list.get(end).at())
                    .compareTo(BURST_WINDOW)
                > 0) {
              inWindow.computeIfPresent(dossier(list.get(start)), (k, n) -> n == 1 ? null : n - 1);
              start++;
            }
            int dossiers = inWindow.size();
            if (dossiers >= BURST_DOSSIERS && list.get(start).at().isAfter(reportedUntil)) {
              bursts.add(new Burst(user, list.get(start).at(), list.get(end).at(), dossiers));
              reportedUntil = list.get(end).at();
            }
          }
        });
    return bursts;
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
