package zorgpadbench;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * What a database holds, the same way for Zorgpad and stock: rows per table, live size (H2:
 * {@code DISK_SPACE_USED} per table; PostgreSQL: {@code pg_total_relation_size} per table and the
 * database size), open tasks per candidate group, process instances running and ended. A plain
 * helper (no Spring bean), used by both benchmark apps.
 */
public final class DbStats {

  private DbStats() {}

  public static Map<String, Object> collect(DataSource dataSource) {
    Map<String, Object> result = new LinkedHashMap<>();
    try (Connection connection = dataSource.getConnection()) {
      String product = connection.getMetaData().getDatabaseProductName();
      boolean postgres = product.toLowerCase().contains("postgres");
      result.put("database", product + " " + connection.getMetaData().getDatabaseProductVersion());
      Map<String, Long> rows = new TreeMap<>();
      Map<String, Long> bytes = new TreeMap<>();
      for (String table : tables(connection, postgres)) {
        rows.put(table.toUpperCase(), single(connection, "select count(*) from \"" + table + "\""));
        if (postgres) {
          bytes.put(
              table.toUpperCase(),
              single(connection, "select pg_total_relation_size('\"" + table + "\"')"));
        } else {
          bytes.put(
              table.toUpperCase(),
              single(connection, "select disk_space_used('PUBLIC.\"" + table + "\"')"));
        }
      }
      result.put("rows", rows);
      result.put("bytes", bytes);
      result.put("liveBytes", bytes.values().stream().mapToLong(Long::longValue).sum());
      if (postgres) {
        result.put(
            "databaseBytes", single(connection, "select pg_database_size(current_database())"));
        result.put("fsync", text(connection, "show fsync"));
        result.put("synchronousCommit", text(connection, "show synchronous_commit"));
      }
      Map<String, Long> groups = new TreeMap<>();
      try (Statement sql = connection.createStatement();
          ResultSet rs =
              sql.executeQuery(
                  "select GROUP_ID_, count(*) from ACT_RU_IDENTITYLINK where TYPE_ = 'candidate'"
                      + " and TASK_ID_ is not null and GROUP_ID_ is not null group by GROUP_ID_")) {
        while (rs.next()) {
          groups.put(rs.getString(1), rs.getLong(2));
        }
      }
      result.put("openTasksPerGroup", groups);
      result.put("openTasks", single(connection, "select count(*) from ACT_RU_TASK"));
      result.put(
          "runningRootInstances",
          single(
              connection,
              "select count(*) from ACT_RU_EXECUTION where ID_ = PROC_INST_ID_"
                  + " and SUPER_EXEC_ is null"));
      result.put(
          "rootInstances",
          single(
              connection,
              "select count(*) from ACT_HI_PROCINST where SUPER_PROCESS_INSTANCE_ID_ is null"));
      result.put(
          "endedRootInstances",
          single(
              connection,
              "select count(*) from ACT_HI_PROCINST where SUPER_PROCESS_INSTANCE_ID_ is null"
                  + " and END_TIME_ is not null"));
      result.put(
          "completedTasks",
          single(connection, "select count(*) from ACT_HI_TASKINST where END_TIME_ is not null"));
      result.put(
          "completedTasksOfEndedCases",
          single(
              connection,
              "select count(*) from ACT_HI_TASKINST t join ACT_HI_PROCINST p"
                  + " on p.ID_ = t.ROOT_PROC_INST_ID_ where t.END_TIME_ is not null"
                  + " and p.END_TIME_ is not null"));
      result.put(
          "completedTasksOfRunningCases",
          single(
              connection,
              "select count(*) from ACT_HI_TASKINST t join ACT_HI_PROCINST p"
                  + " on p.ID_ = t.ROOT_PROC_INST_ID_ where t.END_TIME_ is not null"
                  + " and p.END_TIME_ is null"));
    } catch (SQLException e) {
      throw new IllegalStateException("database statistics: " + e.getMessage(), e);
    }
    return result;
  }

  private static List<String> tables(Connection connection, boolean postgres) throws SQLException {
    List<String> names = new ArrayList<>();
    DatabaseMetaData meta = connection.getMetaData();
    try (ResultSet rs =
        meta.getTables(null, postgres ? "public" : "PUBLIC", "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  static long single(Connection connection, String query) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String text(Connection connection, String query) throws SQLException {
    try (Statement sql = connection.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
