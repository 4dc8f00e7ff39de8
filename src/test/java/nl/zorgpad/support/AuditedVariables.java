package nl.zorgpad.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every variable change of some process instances as the audit trail holds it: since ADR 0012 the
 * only record of a variable's earlier values (the engine keeps no variable-update details).
 * Values come back typed as the engine held them: a number or boolean as a {@code Long}, JSON as
 * a list or map, else the text.
 */
public final class AuditedVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One variable change: its process instance, user, task, name and value. */
  public record Change(
      String processInstanceId,
      String userId,
      String taskId,
      String name,
      String type,
      String stored,
      Object value) {}

  private AuditedVariables() {}

  public static List<Change> of(JdbcTemplate jdbc, Collection<String> processInstanceIds) {
    List<Change> changes = new ArrayList<>();
    if (processInstanceIds.isEmpty()) {
      return changes;
    }
    String marks = String.join(",", processInstanceIds.stream().map(id -> "?").toList());
    jdbc.query(
        "select process_instance_id, user_id, task_id, variable_key, variable_type, value_text"
            + " from zp_audit_record where event_type like 'variable-%'"
            + " and process_instance_id in ("
            + marks
            + ") order by id",
        rs -> {
          String type = rs.getString("variable_type");
          String stored = rs.getString("value_text");
          changes.add(
              new Change(
                  rs.getString("process_instance_id"),
                  rs.getString("user_id"),
                  rs.getString("task_id"),
                  rs.getString("variable_key"),
                  type,
                  stored,
                  typed(type, stored)));
        },
        processInstanceIds.toArray());
    return changes;
  }

  static Object typed(String type, String stored) {
    if (stored == null || "null".equals(type)) {
      return null;
    }
    if (type != null && type.toLowerCase().contains("json")) {
      try {
        return JSON.readValue(stored, Object.class);
      } catch (IOException e) {
        throw new UncheckedIOException("audit record holds no JSON: " + stored, e);
      }
    }
    if ("boolean".equals(type)
        || "integer".equals(type)
        || "long".equals(type)
        || "short".equals(type)
        || "date".equals(type)) {
      return Long.valueOf(stored);
    }
    if ("double".equals(type)) {
      return Double.valueOf(stored);
    }
    return stored;
  }
}
