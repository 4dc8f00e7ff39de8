package nl.zorgpad.notification;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The events table: written in the caller's transaction (the engine's, when a task is created),
 * read by the dispatcher. One row per kind and task ({@code uk_notification_event}).
 */
@Component
class NotificationEvents {

  private static final int MAX_NAME = 255;
  private static final int MAX_GROUPS = 1000;
  private static final RowMapper<NotificationEvent> ROW =
      (rs, n) ->
          new NotificationEvent(
              rs.getLong("id"),
              NotificationKind.valueOf(rs.getString("kind")),
              rs.getString("task_id"),
              rs.getString("case_number"),
              rs.getString("task_title"),
              instant(rs.getTimestamp("due_at")),
              groups(rs.getString("group_ids")),
              rs.getString("assignee"),
              rs.getString("tenant_id"),
              instant(rs.getTimestamp("created_at")));

  private final JdbcTemplate jdbc;

  NotificationEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the event unless this task already has one of this kind; true when recorded. */
  boolean record(
      NotificationKind kind,
      String taskId,
      String caseNumber,
      String taskName,
      Instant dueAt,
      List<String> groupIds,
      String assignee,
      String tenantId,
      Instant now) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from zp_notification_event" + " where kind = ? and task_id = ?",
            Integer.class,
            kind.name(),
            taskId);
    if (existing != null && existing > 0) {
      return false;
    }
    try {
      jdbc.update(
          "insert into zp_notification_event (kind, task_id, case_number, task_title,"
              + " due_at, group_ids, assignee, tenant_id, created_at, status)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW')",
          kind.name(),
          taskId,
          caseNumber,
          cut(taskName, MAX_NAME),
          dueAt == null ? null : Timestamp.from(dueAt),
          cut(String.join(",", groupIds), MAX_GROUPS),
          assignee,
          tenantId,
          Timestamp.from(now));
      return true;
    } catch (DuplicateKeyException raced) {
      return false;
    }
  }

  /** Claims up to {@code limit} new events for this node. */
  List<NotificationEvent> claimNew(int limit, Instant now, Duration timeout) {
    List<Long> candidates =
        jdbc.queryForList(
            "select id from zp_notification_event"
                + " where status = 'NEW' and (claimed_until is null or claimed_until < ?)"
                + " order by id limit ?",
            Long.class,
            Timestamp.from(now),
            limit);
    if (candidates.isEmpty()) {
      return List.of();
    }
    // one update claims the round, one query reads back the rows this node won (another node's
    // claim in between keeps its rows); to the millisecond, as the column is read back by it
    String ids = String.join(",", candidates.stream().map(id -> "?").toList());
    Timestamp until =
        Timestamp.from(now.plus(timeout).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    List<Object> claim = new ArrayList<>(List.of(until, NodeId.VALUE));
    claim.addAll(candidates);
    claim.add(Timestamp.from(now));
    int rows =
        jdbc.update(
            "update zp_notification_event set claimed_until = ?, claimed_by = ? where id in ("
                + ids
                + ") and status = 'NEW' and (claimed_until is null or claimed_until < ?)",
            claim.toArray());
    if (rows == 0) {
      return List.of();
    }
    List<Object> won = new ArrayList<>(candidates);
    won.add(NodeId.VALUE);
    won.add(until);
    return jdbc.query(
        "select * from zp_notification_event where id in ("
            + ids
            + ") and claimed_by = ? and claimed_until = ? order by id",
        ROW,
        won.toArray());
  }

  Optional<NotificationEvent> find(long id) {
    return jdbc.query("select * from zp_notification_event where id = ?", ROW, id).stream()
        .findFirst();
  }

  void markDone(long id) {
    jdbc.update(
        "update zp_notification_event set status = 'DONE', claimed_until = null" + " where id = ?",
        id);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static List<String> groups(String text) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.split(",")).filter(g -> !g.isBlank()).toList();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
