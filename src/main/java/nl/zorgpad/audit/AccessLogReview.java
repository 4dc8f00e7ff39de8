package nl.zorgpad.audit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
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

  record Criteria(String client, String user, String organisation, LocalDate from, LocalDate to,
      String action, Boolean emergency) {
  }

  record Entry(Long id, Instant at, String user, String responsibleUser, String organisation,
      String role, String clientId, String caseNumber, String objectType, String action,
      String outcome, String purpose, String basis, boolean emergency) {
  }

  record Burst(String user, Instant from, Instant to, int dossiers) {
  }

  record Unusual(List<Entry> withoutNeedToKnow, List<Entry> emergencies, List<Burst> bursts) {
  }

  private final JdbcTemplate jdbc;
  private final ActorDisciplines disciplines;

  AccessLogReview(JdbcTemplate jdbc, ActorDisciplines disciplines) {
    this.jdbc = jdbc;
    this.disciplines = disciplines;
  }

  /** The newest {@link #LIMIT} records that match, for the search page. */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  List<Entry> search(Criteria criteria) {
    List<Entry> entries = all(criteria);
    return entries.size() > LIMIT ? entries.subList(0, LIMIT) : entries;
  }

  private List<Entry> all(Criteria criteria) {
    StringBuilder sql = new StringBuilder("select id, occurred_at, user_id, responsible_user_id,"
        + " client_id, case_number, object_type, action, outcome, purpose_of_use, consent_basis,"
        + " emergency from zp_access_log where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (present(criteria.client())) {
      sql.append(" and (client_id = ? or case_number = ?)");
      args.add(criteria.client().strip());
      args.add(criteria.client().strip());
    }
    if (present(criteria.user())) {
      sql.append(" and (user_id = ? or responsible_user_id = ?)");
      args.add(criteria.user().strip());
      args.add(criteria.user().strip());
    }
    if (criteria.from() != null) {
      sql.append(" and occurred_at >= ?");
      args.add(java.sql.Timestamp.from(
          criteria.from().atStartOfDay(ZorgpadTime.ZONE).toInstant()));
    }
    if (criteria.to() != null) {
      sql.append(" and occurred_at < ?");
      args.add(java.sql.Timestamp.from(
          criteria.to().plusDays(1).atStartOfDay(ZorgpadTime.ZONE).toInstant()));
    }
    if (present(criteria.action())) {
      sql.append(" and action = ?");
      args.add(criteria.action());
    }
    if (criteria.emergency() != null) {
      sql.append(" and emergency = ?");
      args.add(criteria.emergency());
    }
    sql.append(" order by occurred_at desc, id desc");
    List<Entry> entries = query(sql.toString(), args);
    if (present(criteria.organisation())) {
      String wanted = criteria.organisation().strip().toLowerCase();
      entries = entries.stream()
          .filter(entry -> entry.organisation().toLowerCase().contains(wanted)).toList();
    }
    return entries;
  }

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  Unusual unusual(LocalDate from, LocalDate to) {
    // every record of the period, not only the newest the search page shows
    List<Entry> all = all(new Criteria(null, null, null, from, to, null, null));
    List<Entry> withoutNeedToKnow = all.stream()
        .filter(entry -> "READ".equals(entry.action()) && !"system".equals(entry.user())
            && !AuditReads.PURPOSE.equals(entry.purpose())
            && ("DENIED".equals(entry.outcome()) || !NEED_TO_KNOW.contains(
                entry.basis() == null ? "" : entry.basis().split(":")[0])))
        .toList();
    List<Entry> emergencies = all.stream()
        .filter(entry -> entry.emergency() || "EMERGENCY_ACCESS".equals(entry.action()))
        .toList();
    return new Unusual(withoutNeedToKnow, emergencies, bursts(all));
  }

  /**
   * Per caregiver: windows of one hour in which she read the dossiers of at least
   * {@link #BURST_DOSSIERS} cases (a mother and her children count once: one case). The
   * auditor's own reads and the system's are not caregivers' access.
   */
  static List<Burst> bursts(List<Entry> entries) {
    Map<String, List<Entry>> reads = new LinkedHashMap<>();
    entries.stream().filter(entry -> "READ".equals(entry.action()) && entry.clientId() != null
            && !"system".equals(entry.user()) && !AuditReads.PURPOSE.equals(entry.purpose()))
        .sorted(java.util.Comparator.comparing(Entry::at))
        .forEach(entry -> reads.computeIfAbsent(entry.user(), user -> new ArrayList<>())
            .add(entry));
    List<Burst> bursts = new ArrayList<>();
    reads.forEach((user, list) -> {
      int start = 0;
      Instant reportedUntil = Instant.MIN;
      for (int end = 0; end < list.size(); end++) {
        while (Duration.between(list.get(start).at(), list.get(end).at())
            .compareTo(BURST_WINDOW) > 0) {
          start++;
        }
        Set<String> dossiers = new HashSet<>();
        for (int i = start; i <= end; i++) {
          Entry read = list.get(i);
          dossiers.add(read.caseNumber() != null ? read.caseNumber() : read.clientId());
        }
        if (dossiers.size() >= BURST_DOSSIERS && list.get(start).at().isAfter(reportedUntil)) {
          bursts.add(new Burst(user, list.get(start).at(), list.get(end).at(), dossiers.size()));
          reportedUntil = list.get(end).at();
        }
      }
    });
    return bursts;
  }

  private List<Entry> query(String sql, List<Object> args) {
    return jdbc.query(sql, (rs, n) -> {
      String user = rs.getString("user_id");
      return new Entry(rs.getLong("id"),
          ClientAccessReport.instant(rs.getObject("occurred_at")), user,
          rs.getString("responsible_user_id"), disciplines.organisationOf(user),
          disciplines.ofUser(user), rs.getString("client_id"), rs.getString("case_number"),
          rs.getString("object_type"), rs.getString("action"), rs.getString("outcome"),
          rs.getString("purpose_of_use"), rs.getString("consent_basis"),
          rs.getBoolean("emergency"));
    }, args.toArray());
  }

  private static boolean present(String text) {
    return text != null && !text.isBlank();
  }
}
