package zorgpadbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Deliverable 3 of issue 13, the evidence for the Tasklist row: the three statements the
 * Tasklist's HAL filter request runs (the task list page, the count, and the filter's variables
 * {@code caseNumber}/{@code clientReference} of the listed tasks — the last two are what HAL adds
 * to the plain JSON list), exactly as MyBatis logs them for a caregiver with authorization on,
 * with the caregiver's user id and groups as parameters, under {@code EXPLAIN ANALYZE}: on the
 * PostgreSQL databases the suite generated (Zorgpad and stock) and on the suite's H2 work copies.
 * Writes {@code target/benchmarks/findings/plans-*.txt}.
 *
 * <p>Run after the suite: {@code ./mvnw -Pbenchmark test -Dbenchmark.explain=true
 * -Dtest=HalQueryPlansTest} (optionally {@code -Dbenchmark.caregiver=demo-jgz}, {@code
 * -Dbenchmark.explain.dir=<dir>} for H2 files elsewhere than the suite's work copies).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.explain", matches = "true")
class HalQueryPlansTest {

  static final String AUTH_TASK =
      " left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A"
          + " WHERE A.TYPE_ < 2 AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( %s ) )"
          + " AND ( ( A.RESOURCE_TYPE_ = ? AND %s = ? OR A.RESOURCE_TYPE_ = ? AND %s = ? ) ) ) AUTH"
          + " ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))";
  static final String TASK_WHERE =
      " WHERE ( 1 = 1 and ( I.TYPE_ = 'candidate' and"
          + " ( I.GROUP_ID_ IN ( %s ) ) ) and RES.SUSPENSION_STATE_ = 1 ) and"
          + " ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )"
          + " and (RES.TENANT_ID_ is null )";
  static final String LIST =
      "select distinct RES.ID_, RES.DUE_DATE_, RES.CREATE_TIME_,"
          + " RES.PROC_INST_ID_, RES.EXECUTION_ID_ from ACT_RU_TASK RES"
          + " left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"
          + " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
          + AUTH_TASK
          + TASK_WHERE
          + " order by RES.DUE_DATE_ asc, RES.CREATE_TIME_ desc LIMIT 15 OFFSET 0";
  static final String COUNT =
      "select count(distinct RES.ID_ ) from ACT_RU_TASK RES"
          + " left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_"
          + " left join ACT_RE_PROCDEF D on RES.PROC_DEF_ID_ = D.ID_"
          + AUTH_TASK
          + TASK_WHERE;
  static final String VARIABLES =
      "select distinct RES.* from ( select RES.*, ( case when"
          + " RES.TASK_ID_ is not null and RES.EXECUTION_ID_ is not null then EXECUTION.ACT_INST_ID_"
          + " when RES.CASE_EXECUTION_ID_ is not null then RES.CASE_EXECUTION_ID_ when"
          + " EXECUTION.PARENT_ID_ is null and RES.IS_CONCURRENT_LOCAL_ = false then EXECUTION.ID_"
          + " when EXECUTION.IS_SCOPE_ = true and EXECUTION.PARENT_ID_ is not null and"
          + " RES.IS_CONCURRENT_LOCAL_ = false then PARENT_EXECUTION.ACT_INST_ID_ else"
          + " EXECUTION.ACT_INST_ID_ end ) ACT_INST_ID_ from ACT_RU_VARIABLE RES"
          + " left join ACT_RU_EXECUTION EXECUTION on RES.EXECUTION_ID_ = EXECUTION.ID_"
          + " left join ACT_RU_EXECUTION PARENT_EXECUTION on EXECUTION.PARENT_ID_ = PARENT_EXECUTION.ID_"
          + " left join ACT_RU_EXECUTION PROC_EXECUTION on PROC_EXECUTION.ID_ = RES.PROC_INST_ID_"
          + " left join ACT_RE_PROCDEF PROCDEF on PROCDEF.ID_ = PROC_EXECUTION.PROC_DEF_ID_"
          + " left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ < 2 AND"
          + " ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( %s ) ) AND ( ( A.RESOURCE_TYPE_ = ? AND"
          + " %s = ? OR A.RESOURCE_TYPE_ = ? AND %s = ? OR A.RESOURCE_TYPE_ = ? AND %s = ? ) ) ) AUTH"
          + " ON (AUTH.RESOURCE_ID_ IN ( RES.PROC_INST_ID_ , PROC_EXECUTION.ID_ , PROCDEF.KEY_ ,"
          + " RES.TASK_ID_ , '*' ) ) WHERE RES.NAME_ in ( 'caseNumber' , 'clientReference' ) and"
          + " RES.VAR_SCOPE_ in ( %s ) and ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR"
          + " (AUTH.RESOURCE_ID_ IS NOT NULL) ) and (RES.TENANT_ID_ is null ) ) RES"
          + " order by RES.ID_ asc LIMIT 2147483647 OFFSET 0";

  @Test
  void plansOfTheHalFilterRequest() throws Exception {
    SideBySide.Settings settings = SideBySide.Settings.load();
    Path findings = settings.root().resolve("findings");
    Files.createDirectories(findings);
    String user = settings.caregiver();
    Path pgData = settings.root().resolve("db/pg");
    if (Files.isDirectory(pgData)) {
      try (Pg pg = Pg.start(pgData)) {
        List<String> databases = new ArrayList<>();
        try (Connection c = pg.server.getPostgresDatabase().getConnection();
            ResultSet rs =
                c.createStatement()
                    .executeQuery(
                        "select datname from pg_database"
                            + " where datname like 'zg\\_%' or datname like 'sg\\_%' order by datname")) {
          while (rs.next()) {
            databases.add(rs.getString(1));
          }
        }
        for (String database : databases) {
          try (Connection c = DriverManager.getConnection(pg.url(database), Pg.USER, Pg.PASSWORD)) {
            Files.writeString(
                findings.resolve("plans-postgres-" + database + ".txt"),
                explain(c, user, true, "EXPLAIN (ANALYZE, BUFFERS) "));
          }
        }
      }
    }
    // the suite's work copies, or another directory (e.g. a copy of the Tasklist benchmark's data)
    Path work =
        Path.of(
                System.getProperty(
                    "benchmark.explain.dir", settings.root().resolve("work").toString()))
            .toAbsolutePath();
    if (Files.isDirectory(work)) {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".mv.db")).toList()) {
          String base = file.toString().replaceAll("\\.mv\\.db$", "");
          try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + base, "sa", "")) {
            Files.writeString(
                findings.resolve("plans-h2-" + file.getParent().getFileName() + ".txt"),
                explain(c, user, false, "EXPLAIN ANALYZE "));
          }
        }
      }
    }
    System.out.println("query plans written to " + findings);
  }

  private static String explain(Connection c, String user, boolean postgres, String prefix)
      throws SQLException {
    List<String> groups = new ArrayList<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select GROUP_ID_ from ACT_ID_MEMBERSHIP where USER_ID_ = ? order by GROUP_ID_")) {
      s.setString(1, user);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          groups.add(rs.getString(1));
        }
      }
    }
    if (groups.isEmpty()) {
      return "user " + user + " has no groups here\n";
    }
    String in = String.join(" , ", groups.stream().map(g -> "?").toList());
    String bit = postgres ? "(A.PERMS_ & ?)" : "BITAND(A.PERMS_,CAST(? AS BIGINT))";
    StringBuilder out = new StringBuilder();
    out.append("caregiver ").append(user).append(", groups ").append(groups).append('\n');
    out.append("authorization rows: ")
        .append(single(c, "select count(*) from ACT_RU_AUTHORIZATION"))
        .append(", of her groups: ")
        .append(countOfGroups(c, groups))
        .append('\n');
    String list = String.format(LIST, in, bit, bit, in);
    String count = String.format(COUNT, in, bit, bit, in);
    List<Object> taskParams = new ArrayList<>();
    taskParams.add(user);
    taskParams.addAll(groups);
    taskParams.addAll(List.of(7, 2, 2, 6, 64, 64));
    taskParams.addAll(groups);
    List<String> scopes = new ArrayList<>();
    long started = System.nanoTime();
    try (PreparedStatement s = bind(c.prepareStatement(list), taskParams);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        scopes.add(rs.getString("ID_"));
        scopes.add(rs.getString("PROC_INST_ID_"));
        if (rs.getString("EXECUTION_ID_") != null) {
          scopes.add(rs.getString("EXECUTION_ID_"));
        }
      }
    }
    out.append(String.format("list (15 rows): %.1f ms%n", (System.nanoTime() - started) / 1e6));
    section(out, c, "TASK LIST (15 rows, as the Tasklist asks)", prefix + list, taskParams);
    section(out, c, "TASK COUNT (HAL adds it)", prefix + count, taskParams);
    List<String> distinct = scopes.stream().distinct().toList();
    if (!distinct.isEmpty()) {
      String variables =
          String.format(
              VARIABLES,
              in,
              bit,
              bit,
              bit,
              String.join(" , ", distinct.stream().map(x -> "?").toList()));
      List<Object> varParams = new ArrayList<>();
      varParams.add(user);
      varParams.addAll(groups);
      varParams.addAll(List.of(8, 2, 2, 6, 512, 512, 7, 2, 2));
      varParams.addAll(distinct);
      section(
          out,
          c,
          "FILTER VARIABLES OF THE LISTED TASKS (HAL adds it)",
          prefix + variables,
          varParams);
    }
    return out.toString();
  }

  private static long countOfGroups(Connection c, List<String> groups) throws SQLException {
    String in = String.join(",", groups.stream().map(g -> "?").toList());
    try (PreparedStatement s =
            bind(
                c.prepareStatement(
                    "select count(*) from ACT_RU_AUTHORIZATION where GROUP_ID_ in (" + in + ")"),
                new ArrayList<>(groups));
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long single(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void section(
      StringBuilder out, Connection c, String title, String sql, List<Object> params)
      throws SQLException {
    out.append("\n==== ").append(title).append('\n');
    for (int run = 0; run < 2; run++) { // the second run is the warm one
      long started = System.nanoTime();
      StringBuilder plan = new StringBuilder();
      try (PreparedStatement s = bind(c.prepareStatement(sql), params);
          ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          plan.append(rs.getString(1)).append('\n');
        }
      }
      out.append(
          String.format("-- run %d: %.1f ms wall%n", run + 1, (System.nanoTime() - started) / 1e6));
      if (run == 1) {
        out.append(plan);
      }
    }
  }

  private static PreparedStatement bind(PreparedStatement s, List<Object> params)
      throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      s.setObject(i + 1, params.get(i));
    }
    return s;
  }
}
