package nl.zorgpad.rest;

import java.sql.Connection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;

/**
 * A task query by business key ({@code processInstanceBusinessKey}, {@code …BusinessKeyIn}; the
 * runtime and the historic one) joins the process instances and tests their key: {@code … join
 * ACT_RU_EXECUTION E on RES.PROC_INST_ID_ = E.ID_ … where … E.BUSINESS_KEY_ = ?} (Task.xml; {@code
 * ACT_HI_PROCINST HPI} in HistoricTaskInstance.xml). With authorization on, the engine puts a
 * {@code left join} before it (the process definitions, the grants), and H2 keeps the written
 * order: it reads every open or historic task of the installation and joins each to its instance
 * before the key narrows them (12 ms at 2,253 open tasks, 80–525 ms at 2,000 cases' historic
 * tasks; docs/benchmarks.md).
 *
 * <p>This MyBatis interceptor writes the key test as {@code RES.PROC_INST_ID_ in (select E.ID_
 * from ACT_RU_EXECUTION E where E.BUSINESS_KEY_ = ?)} and drops the join; H2 and PostgreSQL then
 * look the key up in its index and the tasks up by their instance. The same rows: the join is on
 * the instance table's primary key (at most one row per task) and adds no row, and a task passes
 * the key test exactly when its instance has the key — with the join inner or left, in an "and"
 * or an "or" query. The bound parameters keep their order (only text around them changes). Left
 * as the engine wrote it: a statement in which the instance alias is used for anything else (its
 * end time, a {@code like} on the key, an order), and any text not of the expected shape.
 */
@Intercepts(
    @Signature(
        type = StatementHandler.class,
        method = "prepare",
        args = {Connection.class, Integer.class}))
public class BusinessKeySubquery extends StatementRewrite {

  /** The instance tables and the alias the engine's task queries give them. */
  private static final Pattern JOIN =
      Pattern.compile(
          "(?:inner|left)\\s+join\\s+(\\S*(?:ACT_RU_EXECUTION|ACT_HI_PROCINST))\\s+(E|HPI)\\s+on\\s+"
              + "RES\\.PROC_INST_ID_\\s*=\\s*\\2\\.ID_(?![A-Za-z0-9_])",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern IN_LIST = Pattern.compile("\\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)");

  @Override
  String rewrite(String text, BoundSql boundSql, Invocation invocation) {
    return text.contains("BUSINESS_KEY_") && text.contains("RES.PROC_INST_ID_")
        ? rewrite(text)
        : null;
  }

  /** The statement with the key test as a subquery, or null to keep the engine's. */
  static String rewrite(String sql) {
    Matcher join = JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    int joinStart = join.start();
    int joinEnd = join.end();
    String table = join.group(1);
    String alias = join.group(2);
    if (join.find()) {
      return null;
    }
    String rest = sql.substring(0, joinStart) + sql.substring(joinEnd);
    Pattern keyTest =
        Pattern.compile(
            "(?<![A-Za-z0-9_.])" + alias + "\\.BUSINESS_KEY_\\s*(=\\s*\\?|in\\s*(\\())",
            Pattern.CASE_INSENSITIVE);
    Matcher key = keyTest.matcher(rest);
    StringBuilder out = new StringBuilder();
    StringBuilder outside = new StringBuilder(); // the text around the key tests
    int copied = 0;
    int tests = 0;
    while (key.find()) {
      int end;
      String test;
      if (key.group(2) != null) {
        Matcher list = IN_LIST.matcher(rest);
        if (!list.find(key.start(2)) || list.start() != key.start(2)) {
          return null; // an "in" with anything but parameters
        }
        end = list.end();
        test = "in " + list.group();
      } else {
        end = key.end();
        test = "= ?";
      }
      outside.append(rest, copied, key.start()).append(' ');
      out.append(rest, copied, key.start())
          .append("RES.PROC_INST_ID_ in (select ")
          .append(alias)
          .append(".ID_ from ")
          .append(table)
          .append(' ')
          .append(alias)
          .append(" where ")
          .append(alias)
          .append(".BUSINESS_KEY_ ")
          .append(test)
          .append(')');
      copied = end;
      tests++;
    }
    out.append(rest, copied, rest.length());
    outside.append(rest, copied, rest.length());
    // every other use of the alias keeps the join
    if (tests == 0
        || Pattern.compile("(?<![A-Za-z0-9_.])" + alias + "\\.").matcher(outside).find()) {
      return null;
    }
    return out.toString();
  }
}
