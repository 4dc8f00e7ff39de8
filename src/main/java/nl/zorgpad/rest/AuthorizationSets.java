package nl.zorgpad.rest;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.ParameterMapping;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;

/**
 * Camunda's task query (list and count) checks authorization by joining a derived table of the
 * caller's grants (Authorization.xml, {@code authCheckJoinWithoutOnClause}):
 *
 * <pre>
 * left join ( SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ &lt; 2
 *             AND ( A.USER_ID_ in ( ?, '*') OR A.GROUP_ID_ IN ( ?, … ) ) AND ( &lt;types and perms&gt; ) ) AUTH
 *   ON (AUTH.RESOURCE_ID_ IN ( RES.ID_ , D.KEY_ , '*' ))
 * … WHERE … ( (RES.CASE_EXECUTION_ID_ IS NOT NULL) OR (AUTH.RESOURCE_ID_ IS NOT NULL) )
 * </pre>
 *
 * H2 evaluates that derived table once per task row that reaches it, three index lookups each, as a
 * query of its own: 26 of the 27 ms of a caregiver's count at 2,000 cases (docs/benchmarks.md, "The
 * authorization join as sets").
 *
 * <p>This MyBatis interceptor drops the join and tests each value of its {@code ON} clause against
 * the caller's grants, in place of the {@code IS NOT NULL}:
 *
 * <pre>
 * ( ( RES.ID_ in (SELECT A.RESOURCE_ID_ FROM ACT_RU_AUTHORIZATION A WHERE A.TYPE_ &lt; 2
 *                 AND A.USER_ID_ in ( ?, '*') AND ( &lt;types and perms&gt; ))
 *     or RES.ID_ in (SELECT … AND A.GROUP_ID_ IN ( ?, … ) AND ( &lt;same&gt; )) )
 *   or ( D.KEY_ in (…) or D.KEY_ in (…) )
 *   or exists (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE A.RESOURCE_ID_ = '*' AND &lt;the engine's conditions&gt;) )
 * </pre>
 *
 * Each set is an uncorrelated subquery, worked out once per execution (H2 keeps the result of a
 * plain subquery while the parameters in its own text are unchanged; PostgreSQL hashes it), read
 * through an index of its own ({@link AuthorizationPrincipalIndexes}; the engine's {@code OR} of user
 * and groups could use none). The engine's parameters are bound once per subquery that needs them:
 * the statement's parameter mappings are rebuilt in the order of the new placeholders (the values
 * are the engine's, only their positions change). Two shapes were tried and are unsafe or slow: a
 * common table expression in front (H2 then reused a subquery's result for the next caller, as the
 * parameters are not in the subquery's text — a leak between callers) and one {@code UNION ALL} per
 * value (H2 keeps no union result: it ran once per row).
 *
 * <p>It returns the same rows: with the left join and {@code select distinct} / {@code
 * count(distinct …)}, a row qualifies if the rest of the {@code WHERE} holds and some grant matches
 * one of the {@code ON} values — exactly "the value is among her grants' resource ids". Only that
 * shape is rewritten: a {@code left join} of exactly this derived table, once, with {@code AUTH}
 * used nowhere but in the one {@code AUTH.RESOURCE_ID_ IS NOT NULL}, no composite checks ({@code
 * AUTH1} …), a statement that starts with {@code select distinct} or {@code select count(distinct};
 * anything else keeps the engine's text. With {@code authorizationCheckRevokes} active the engine
 * writes another shape (no join), which is left alone.
 */
@Intercepts(
    @Signature(
        type = StatementHandler.class,
        method = "prepare",
        args = {Connection.class, Integer.class}))
public class AuthorizationSets extends StatementRewrite {

  static final Set<String> STATEMENTS = CandidateLinkExists.STATEMENTS;

  private static final Pattern JOIN =
      Pattern.compile(
          "left\\s+join\\s*\\(\\s*SELECT\\s+A\\.\\*\\s+FROM\\s+(\\S*ACT_RU_AUTHORIZATION)\\s+A\\s+"
              + "WHERE\\s+A\\.TYPE_\\s*<\\s*2\\s+AND\\s*\\(\\s*A\\.USER_ID_\\s+in\\s*\\(\\s*\\?\\s*,"
              + "\\s*'\\*'\\s*\\)(\\s+OR\\s+A\\.GROUP_ID_\\s+IN\\s*\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\))?"
              + "\\s*\\)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ON =
      Pattern.compile(
          "\\s*AUTH\\s+ON\\s*\\(\\s*AUTH\\.RESOURCE_ID_\\s+IN\\s*\\(([^()]*)\\)\\s*\\)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_NULL =
      Pattern.compile("AUTH\\.RESOURCE_ID_\\s+IS\\s+NOT\\s+NULL", Pattern.CASE_INSENSITIVE);
  private static final Pattern AUTH_ALIAS =
      Pattern.compile("(?<![A-Za-z0-9_])AUTH[0-9]*\\.", Pattern.CASE_INSENSITIVE);

  /** Distinct rows: H2's and PostgreSQL's lists and counts (PostgreSQL counts a distinct subquery). */
  private static final Pattern DISTINCT =
      Pattern.compile(
          "^\\s*select\\s+(distinct\\s|count\\s*\\(\\s*distinct\\s"
              + "|count\\s*\\(\\s*\\*\\s*\\)\\s+from\\s*\\(\\s*select\\s+distinct\\s)",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern COLUMN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\.[A-Za-z0-9_]+");

  @Override
  String rewrite(String text, BoundSql boundSql, Invocation invocation) {
    // every statement with an authorization check passes here: the text first, the statement's
    // id (reflection) only for a task query with the join
    if (!text.contains("ACT_RU_TASK")
        || !text.contains("AUTH.RESOURCE_ID_ IS NOT NULL")
        || !STATEMENTS.contains(statementId(invocation))) {
      return null;
    }
    Rewritten<ParameterMapping> rewritten = rewrite(text, boundSql.getParameterMappings());
    if (rewritten == null) {
      return null;
    }
    SystemMetaObject.forObject(boundSql).setValue("parameterMappings", rewritten.mappings());
    return rewritten.sql();
  }

  /** A statement with its parameter mappings in the order of its placeholders. */
  record Rewritten<M>(String sql, List<M> mappings) {}

  /**
   * The statement without the authorization join, each {@code ON} value tested against
   * subqueries of her grants, and its mappings in the new order; null to keep the engine's
   * statement.
   *
   * @param mappings one per placeholder of {@code sql}, in order
   */
  static <M> Rewritten<M> rewrite(String sql, List<M> mappings) {
    if (sql == null || !DISTINCT.matcher(sql).find()) {
      return null;
    }
    Matcher join = JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    int joinStart = join.start();
    String table = join.group(1);
    // "A.TYPE_ < 2 AND ( A.USER_ID_ …" : the derived table's conditions start here
    int joinPrincipals = sql.toUpperCase(java.util.Locale.ROOT).indexOf("A.TYPE_", joinStart);
    String groupText = join.group(2);
    boolean groups = groupText != null;
    int principalsEnd = join.end();
    // the derived table closes at the parenthesis that matches the one after "join"
    int open = sql.indexOf('(', joinStart);
    int close = matching(sql, open);
    if (close < 0) {
      return null;
    }
    String checks = sql.substring(principalsEnd, close);
    String upper = checks.trim().toUpperCase(java.util.Locale.ROOT);
    if (!upper.isEmpty() && !upper.startsWith("AND")
        || upper.contains("SELECT")
        || checks.contains("'")) {
      return null; // only the resource types and permissions: columns, operators, parameters
    }
    Matcher on = ON.matcher(sql);
    on.region(close + 1, sql.length());
    if (!on.lookingAt()) {
      return null;
    }
    int joinEnd = on.end();
    List<String> values = new ArrayList<>();
    for (String value : on.group(1).split(",")) {
      String v = value.trim();
      if (!v.equals("'*'") && !COLUMN.matcher(v).matches()) {
        return null;
      }
      values.add(v);
    }
    String before = sql.substring(0, joinStart);
    String after = sql.substring(joinEnd);
    if (join.find(joinEnd)) {
      return null; // a second authorization join
    }
    Matcher notNull = NOT_NULL.matcher(after);
    if (!notNull.find()) {
      return null;
    }
    int testStart = notNull.start();
    int testEnd = notNull.end();
    if (notNull.find()) {
      return null;
    }
    String afterTest = after.substring(testEnd);
    String beforeTest = after.substring(0, testStart);
    if (AUTH_ALIAS.matcher(before).find()
        || AUTH_ALIAS.matcher(beforeTest).find()
        || AUTH_ALIAS.matcher(afterTest).find()) {
      return null; // the grants are used elsewhere (a composite check, a column)
    }

    // placeholders: those before the join, the join's (user, groups, checks), those after
    int beforeCount = placeholders(before);
    int joinCount = placeholders(sql.substring(joinStart, joinEnd));
    int groupCount = groups ? placeholders(groupText) : 0;
    int checkCount = placeholders(checks);
    int total = placeholders(sql);
    if (mappings.size() != total || joinCount != 1 + groupCount + checkCount) {
      return null;
    }
    List<M> user = mappings.subList(beforeCount, beforeCount + 1);
    List<M> groupMappings = mappings.subList(beforeCount + 1, beforeCount + 1 + groupCount);
    List<M> checkMappings = mappings.subList(beforeCount + 1 + groupCount, beforeCount + joinCount);

    int beforeTestCount = placeholders(beforeTest);
    List<M> principalsAndChecks = mappings.subList(beforeCount, beforeCount + joinCount);

    // each value of the ON clause tested against her grants, in place of the one IS NOT NULL;
    // the parameters each subquery needs are written inside it (H2 reuses a subquery's result
    // while the parameters in its own text are unchanged: a common table expression in front
    // would hide them, and H2 then answered with the previous caller's grants)
    String select = "SELECT A.RESOURCE_ID_ FROM " + table + " A WHERE A.TYPE_ < 2 AND ";
    List<String> tests = new ArrayList<>();
    List<M> testMappings = new ArrayList<>();
    for (String value : values) {
      if (value.equals("'*'")) {
        // few rows: her '*' grants through the lookup index, the engine's own conditions
        tests.add(
            "exists (SELECT 1 FROM "
                + table
                + " A WHERE A.RESOURCE_ID_ = '*' AND "
                + sql.substring(joinPrincipals, close).trim()
                + ")");
        testMappings.addAll(principalsAndChecks);
      } else {
        // one uncorrelated "in" per branch: H2 keeps the result of a plain subquery for the
        // statement's execution, not that of a union (then it ran once per row, 90 ms)
        StringBuilder set = new StringBuilder("( ").append(value).append(" in (");
        set.append(select).append("A.USER_ID_ in ( ?, '*') ").append(checks.trim()).append(')');
        testMappings.addAll(user);
        testMappings.addAll(checkMappings);
        if (groups) {
          String groupList = groupText.trim().substring(2).trim(); // "A.GROUP_ID_ IN ( ?, … )"
          set.append(" or ").append(value).append(" in (").append(select).append(groupList);
          set.append(' ').append(checks.trim()).append(')');
          testMappings.addAll(groupMappings);
          testMappings.addAll(checkMappings);
        }
        tests.add(set.append(" )").toString());
      }
    }
    List<M> reordered = new ArrayList<>(mappings.subList(0, beforeCount));
    reordered.addAll(
        mappings.subList(beforeCount + joinCount, beforeCount + joinCount + beforeTestCount));
    reordered.addAll(testMappings);
    reordered.addAll(mappings.subList(beforeCount + joinCount + beforeTestCount, total));
    String rewritten = before + beforeTest + "( " + String.join(" or ", tests) + " )" + afterTest;
    return new Rewritten<>(rewritten, reordered);
  }

  private static int matching(String sql, int open) {
    if (open < 0) {
      return -1;
    }
    int depth = 0;
    for (int i = open; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = sql.indexOf('\'', i + 1);
        if (end < 0) {
          return -1;
        }
        i = end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    return -1;
  }

  /** The placeholders outside string literals. */
  static int placeholders(String sql) {
    int count = 0;
    boolean literal = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        literal = !literal;
      } else if (c == '?' && !literal) {
        count++;
      }
    }
    return count;
  }
}
