package nl.zorgpad.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The answer to a client's request to see who accessed her data (inzageverzoek, Wabvpz): every
 * access-log record about her, her children's dossiers and her case: when, who (organisation,
 * role, user and on whose behalf), what action on which part, on what basis (consent profile),
 * emergency access, allowed or refused.
 */
@Service
class ClientAccessReport {

  /** One line of the report. */
  record Line(
      Instant at,
      String organisation,
      String role,
      String user,
      String responsibleUser,
      String action,
      String objectType,
      String whose,
      String basis,
      boolean emergency,
      String outcome,
      String purpose) {}

  record Report(
      String caseNumber,
      String clientReference,
      Instant made,
      List<Line> lines,
      String chainStatus) {}

  private final CaseFileRepository cases;
  private final LogIds logIds;
  private final JdbcTemplate jdbc;
  private final ActorDisciplines disciplines;
  private final HashChain accessLogChain;
  private final ChainCheckpoints checkpoints;
  private final Clock clock;

  ClientAccessReport(
      CaseFileRepository cases,
      LogIds logIds,
      JdbcTemplate jdbc,
      ActorDisciplines disciplines,
      @org.springframework.beans.factory.annotation.Qualifier("accessLogChain")
          HashChain accessLogChain,
      ChainCheckpoints checkpoints,
      Clock clock) {
    this.clock = clock;
    this.checkpoints = checkpoints;
    this.cases = cases;
    this.logIds = logIds;
    this.jdbc = jdbc;
    this.disciplines = disciplines;
    this.accessLogChain = accessLogChain;
  }

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  Report report(String caseNumber) {
    CaseFile caseFile =
        cases
            .findByCaseNumber(caseNumber)
            .orElseThrow(() -> new AuditCaseNotFoundException(caseNumber));
    List<String> ids = new ArrayList<>();
    ids.add("case:" + caseNumber);
    String client = logIds.client(caseFile.getId());
    if (client != null) {
      ids.add(client);
    }
    ids.addAll(logIds.children(caseFile.getId()));
    String in = String.join(",", ids.stream().map(id -> "?").toList());
    List<Object> args = new ArrayList<>(ids);
    args.add(caseNumber);
    args.add(caseNumber);
    // three index lookups (client, case, and the listings of /casus that showed the case,
    // through zp_access_log_listed), not one scan of every listing ever logged
    String columns =
        "id, occurred_at, user_id, responsible_user_id, client_id, object_type,"
            + " action, outcome, purpose_of_use, consent_basis, emergency from zp_access_log";
    List<Line> lines = new ArrayList<>();
    for (Map<String, Object> row :
        jdbc.queryForList(
            "select "
                + columns
                + " where client_id in ("
                + in
                + ") union select "
                + columns
                + " where case_number = ?"
                + " union select "
                + columns
                + " where id in (select access_log_id from"
                + " zp_access_log_listed where case_number = ?) order by occurred_at, id",
            args.toArray())) {
      String user = (String) row.get("user_id");
      String clientId = String.valueOf(row.get("client_id"));
      lines.add(
          new Line(
              instant(row.get("occurred_at")),
              disciplines.organisationOf(user),
              disciplines.ofUser(user),
              user,
              (String) row.get("responsible_user_id"),
              (String) row.get("action"),
              (String) row.get("object_type"),
              clientId.startsWith("child:")
                  ? "child"
                  : clientId.startsWith("client:") ? "client" : "case",
              (String) row.get("consent_basis"),
              Boolean.TRUE.equals(row.get("emergency")),
              (String) row.get("outcome"),
              (String) row.get("purpose_of_use")));
    }
    // from the last checkpoint: only the records since are verified (issue 13)
    ChainVerification verification = checkpoints.checkIncrementally(accessLogChain);
    return new Report(
        caseNumber,
        caseFile.getClientReference(),
        clock.instant(),
        lines,
        verification.intact() ? "intact" : "broken");
  }

  /**
   * The ids the access log uses for a case's mother and children ({@code client:<id>},
   * {@code child:<id>}, as {@code Client.logId()} and {@code Child.logId()} write them).
   */
  @org.springframework.stereotype.Component
  static class LogIds {
    private final JdbcTemplate jdbc;

    LogIds(JdbcTemplate jdbc) {
      this.jdbc = jdbc;
    }

    String client(Long caseFileId) {
      List<Long> ids =
          jdbc.queryForList(
              "select id from zp_client where case_file_id = ?", Long.class, caseFileId);
      return ids.isEmpty() ? null : "client:" + ids.get(0);
    }

    List<String> children(Long caseFileId) {
      return jdbc
          .queryForList(
              "select id from zp_child where case_file_id = ? order by id", Long.class, caseFileId)
          .stream()
          .map(id -> "child:" + id)
          .toList();
    }
  }

  static Instant instant(Object value) {
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.time.OffsetDateTime time) {
      return time.toInstant();
    }
    return value == null ? null : Instant.parse(value.toString());
  }
}
