package nl.zorgpad.monitor;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.casus.NeighbourhoodChanged;
import nl.zorgpad.monitor.CaseDossier.ConsentRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills {@code zp_monitor_fact}: {@link #project} replaces one case's facts (called by
 * {@link MonitorHistoryEventHandler} before the commit of the transaction that moved the case);
 * {@link #rebuild} recomputes every case from the engine history and the dossier, a page of
 * cases per transaction.
 */
@Service
public class MonitorProjection {

  static final int PAGE = 200;
  private static final Logger LOG = LoggerFactory.getLogger(MonitorProjection.class);

  private final JdbcTemplate jdbc;
  private final MonitorHistory history;
  private final TransactionTemplate transactions;

  MonitorProjection(
      JdbcTemplate jdbc, MonitorHistory history, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.history = history;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Replaces the facts of this case (no-op for a business key without a dossier). */
  public void project(String caseNumber) {
    CaseDossier dossier = dossier(caseNumber);
    if (dossier == null) {
      return;
    }
    MonitorHistory.CaseHistory caseHistory = history.caseHistory(caseNumber);
    store(
        dossier.id(),
        caseHistory.coalition(),
        wijk(dossier.id()),
        FactProjector.project(dossier, caseHistory));
  }

  String caseNumberOfRoot(String rootProcessInstanceId) {
    return history.caseNumberOfRoot(rootProcessInstanceId);
  }

  /** Recomputes every case, {@value #PAGE} per transaction; returns the number of cases. */
  public int rebuild() {
    long started = System.nanoTime();
    long after = -1;
    int cases = 0;
    while (true) {
      long from = after;
      List<String> page =
          jdbc.queryForList(
              "select case_number from zp_case_file where id > ?"
                  + " order by id fetch first "
                  + PAGE
                  + " rows only",
              String.class,
              from);
      if (page.isEmpty()) {
        break;
      }
      transactions.executeWithoutResult(status -> page.forEach(this::project));
      cases += page.size();
      after =
          jdbc.queryForObject(
              "select id from zp_case_file where case_number = ?",
              Long.class,
              page.get(page.size() - 1));
    }
    LOG.info(
        "monitor facts rebuilt for {} cases in {} ms",
        cases,
        (System.nanoTime() - started) / 1_000_000);
    return cases;
  }

  /** True when the table is empty while there are cases (e.g. right after the migration). */
  boolean needsRebuild() {
    Integer facts =
        jdbc.queryForObject(
            "select count(*) from (select 1 from zp_monitor_fact fetch first 1 rows only) f",
            Integer.class);
    Integer caseFiles =
        jdbc.queryForObject(
            "select count(*) from (select 1 from zp_case_file fetch first 1 rows only) c",
            Integer.class);
    return facts != null && facts == 0 && caseFiles != null && caseFiles > 0;
  }

  /** The wijk of a case now (its facts carry it: the monitor counts without a join). */
  private String wijk(long caseFileId) {
    String wijk =
        jdbc.queryForObject(
            "select neighbourhood from zp_case_file where id = ?", String.class, caseFileId);
    return wijk == null ? MonitorQuery.UNKNOWN_WIJK : wijk;
  }

  /** A case's wijk changed after its facts were written: its facts follow (one statement). */
  @EventListener
  void follow(NeighbourhoodChanged changed) {
    jdbc.update(
        "update zp_monitor_fact set wijk = ? where case_file_id = ?",
        changed.neighbourhood(),
        changed.caseFileId());
  }

  /**
   * Makes the case's rows equal to {@code facts}: rows that stay as they are are kept, only the
   * changed ones are deleted and inserted. A task completion usually changes none or one of a
   * case's facts; replacing all of them (≈ 8 rows) on every completion was most of the
   * projection's writes and of the identity sequence's use (docs/benchmarks.md, "Task completion
   * and case creation: causes and fixes"). The table's content afterwards is the same.
   */
  private void store(long caseFileId, String coalition, String wijk, List<Fact> facts) {
    Map<List<Object>, Deque<Long>> existing = new HashMap<>();
    jdbc.query(
        "select id, coalition, kind, code, fact_month, hours, wijk from zp_monitor_fact"
            + " where case_file_id = ?",
        rs -> {
          Object hours = rs.getObject("hours");
          existing
              .computeIfAbsent(
                  row(
                      rs.getString("coalition"),
                      rs.getString("kind"),
                      rs.getString("code"),
                      rs.getDate("fact_month").toLocalDate(),
                      hours == null ? null : ((Number) hours).intValue(),
                      rs.getString("wijk")),
                  k -> new ArrayDeque<>())
              .add(rs.getLong("id"));
        },
        caseFileId);
    List<Object[]> inserts = new ArrayList<>();
    for (Fact fact : facts) {
      if (fact.at() == null) {
        continue;
      }
      String code = truncate(fact.code());
      LocalDate month = fact.month();
      Deque<Long> same =
          existing.get(row(coalition, fact.kind().name(), code, month, fact.hours(), wijk));
      if (same != null && !same.isEmpty()) {
        same.poll();
        continue;
      }
      inserts.add(
          new Object[] {
            caseFileId, coalition, fact.kind().name(), code, Date.valueOf(month), fact.hours(), wijk
          });
    }
    List<Object[]> deletes = new ArrayList<>();
    existing.values().forEach(ids -> ids.forEach(id -> deletes.add(new Object[] {id})));
    if (!deletes.isEmpty()) {
      jdbc.batchUpdate("delete from zp_monitor_fact where id = ?", deletes);
    }
    if (!inserts.isEmpty()) {
      jdbc.batchUpdate(
          "insert into zp_monitor_fact (case_file_id, coalition, kind, code,"
              + " fact_month, hours, wijk) values (?, ?, ?, ?, ?, ?, ?)",
          inserts);
    }
  }

  private static List<Object> row(
      String coalition, String kind, String code, LocalDate month, Integer hours, String wijk) {
    return Arrays.asList(coalition, kind, code, month, hours, wijk);
  }

  private CaseDossier dossier(String caseNumber) {
    List<CaseDossier> found =
        jdbc.query(
            "select id, created_at, signalling_discipline, status,"
                + " closed_at, end_reason from zp_case_file where case_number = ?",
            (rs, i) -> {
              long id = rs.getLong("id");
              return new CaseDossier(
                  id,
                  caseNumber,
                  instant(rs.getTimestamp("created_at")),
                  rs.getString("signalling_discipline"),
                  List.of(),
                  rs.getString("status"),
                  instant(rs.getTimestamp("closed_at")),
                  rs.getString("end_reason"),
                  List.of(),
                  List.of());
            },
            caseNumber);
    if (found.isEmpty()) {
      return null;
    }
    CaseDossier base = found.get(0);
    List<String> domains =
        jdbc.queryForList(
            "select risk_domain from zp_case_risk_domain"
                + " where case_file_id = ? order by list_index",
            String.class,
            base.id());
    List<ConsentRow> consents =
        jdbc.query(
            "select decision, reason_code, recorded_at"
                + " from zp_consent_record where case_number = ? order by id",
            (rs, i) ->
                new ConsentRow(
                    rs.getString("decision"),
                    rs.getString("reason_code"),
                    instant(rs.getTimestamp("recorded_at"))),
            caseNumber);
    List<LocalDate> reports =
        jdbc.query(
            "select reported_on from zp_right_to_report" + " where case_number = ? order by id",
            (rs, i) -> rs.getDate(1).toLocalDate(),
            caseNumber);
    return new CaseDossier(
        base.id(),
        caseNumber,
        base.createdAt(),
        base.signallingDiscipline(),
        domains,
        base.status(),
        base.closedAt(),
        base.endReason(),
        consents,
        reports);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static String truncate(String code) {
    return code.length() <= 60 ? code : code.substring(0, 60);
  }
}
