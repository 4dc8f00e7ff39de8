package nl.zorgpad.rest;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;

/**
 * Camunda's task query (list and count) joins the identity links with a {@code LEFT JOIN} for a
 * candidate criterion (Task.xml) and tests the link in the {@code WHERE}: {@code ( [RES.ASSIGNEE_
 * is null and] I.TYPE_ = 'candidate' and ( I.GROUP_ID_ IN (…) ) )}. H2 does not turn that join
 * into a semi-join: it joins every open task of the installation with each of its links and
 * looks up the authorization table for each pair before the candidate test rejects most of them
 * (docs/benchmarks.md, "The candidate-group join").
 *
 * <p>This MyBatis interceptor writes the candidate test as {@code RES.ID_ in (select I.TASK_ID_
 * from ACT_RU_IDENTITYLINK I where I.TASK_ID_ is not null and I.TYPE_ = 'candidate' and …)} and
 * drops the join (first an {@code exists}, which still tested every open task of the
 * installation; the uncorrelated set lets H2 start from her groups' links). That returns the same tasks whenever the candidate block is the statement's only use of
 * the links — also in an "or" query such as the Tasklist's "Mijn werk" (her tasks or her groups'
 * unclaimed ones), because the other conditions do not depend on the link: a task qualifies with
 * the join if some joined row passes, which is "the rest holds, and (in an 'or': or) some link
 * passes the candidate test". The bound parameters keep their order (text is only added around
 * them). Left as the engine wrote it: a query with "involved user" or "without candidate
 * groups/users" (they use the links elsewhere), and any statement whose text is not the expected
 * shape (the join exactly once, the candidate test exactly once, no other reference to {@code
 * I.} after the rewrite).
 */
@Intercepts(
    @Signature(
        type = StatementHandler.class,
        method = "prepare",
        args = {Connection.class, Integer.class}))
public class CandidateLinkExists extends StatementRewrite {

  static final Set<String> STATEMENTS =
      Set.of(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");

  private static final Pattern LEFT_JOIN =
      Pattern.compile(
          "left\\s+join\\s+(\\S*ACT_RU_IDENTITYLINK)\\s+I\\s+on\\s+I\\.TASK_ID_\\s*=\\s*RES\\.ID_",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern CANDIDATE = Pattern.compile("I\\.TYPE_\\s*=\\s*'candidate'");
  private static final Pattern LINK_COLUMN = Pattern.compile("(?<![A-Za-z0-9_.])I\\.");
  private static final Pattern SUBQUERY = Pattern.compile("(?i)\\bselect\\b|'");

  @Override
  String rewrite(String text, BoundSql boundSql, Invocation invocation) {
    // every statement of the engine passes here: look at the text first (a String search), and
    // only for a candidate test read the statement's id by reflection (MetaObject per statement
    // was ~2.5 % of a case creation's CPU samples)
    if (!text.contains("'candidate'")) {
      return null;
    }
    return STATEMENTS.contains(statementId(invocation))
        ? rewrite(text, taskQuery(boundSql.getParameterObject()))
        : null;
  }

  /** The statement with the candidate test as a subquery, or null to keep the engine's. */
  static String rewrite(String sql, TaskQueryImpl query) {
    if (sql == null || !linksOnlyInTheCandidateTest(query)) {
      return null;
    }
    Matcher join = LEFT_JOIN.matcher(sql);
    if (!join.find()) {
      return null;
    }
    int joinStart = join.start();
    int joinEnd = join.end();
    String table = join.group(1);
    if (join.find()) {
      return null;
    }
    Matcher candidate = CANDIDATE.matcher(sql);
    if (!candidate.find() || candidate.start() < joinEnd) {
      return null;
    }
    int testStart = candidate.start();
    int typeEnd = candidate.end();
    if (candidate.find()) {
      return null; // a second candidate test (another alias of the links): not this shape
    }
    int testEnd = closingParenthesis(sql, typeEnd);
    if (testEnd < 0) {
      return null;
    }
    String test = sql.substring(testStart, testEnd);
    String rest = sql.substring(typeEnd, testEnd);
    if (SUBQUERY.matcher(rest).find()) {
      return null; // only columns, parameters and operators may follow the type test
    }
    String before = sql.substring(0, joinStart) + sql.substring(joinEnd, testStart);
    String after = sql.substring(testEnd);
    if (LINK_COLUMN.matcher(before).find() || LINK_COLUMN.matcher(after).find()) {
      return null; // the links are used outside the candidate test
    }
    // an uncorrelated "in": H2 reads her groups' links through their index and looks the tasks
    // up by id (a plain query), or tests each task against the set it worked out once (an "or"
    // query); an exists was a correlated lookup for every open task of the installation
    return before
        + "RES.ID_ in (select I.TASK_ID_ from "
        + table
        + " I where I.TASK_ID_ is not null and "
        + test
        + ")"
        + after;
  }

  /**
   * The end (exclusive) of the candidate block: the position of the parenthesis that closes the
   * group the type test stands in, or -1.
   */
  private static int closingParenthesis(String sql, int from) {
    int depth = 0;
    for (int i = from; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /**
   * False for the criteria that use the links outside the candidate block ("involved user" is met
   * by a link or by the assignee or owner; "without candidate groups/users" is a NOT EXISTS of its
   * own), in the query and in each of its "or" parts.
   */
  static boolean linksOnlyInTheCandidateTest(TaskQueryImpl query) {
    if (query == null) {
      return false;
    }
    List<TaskQueryImpl> queries = query.getQueries();
    if (queries == null || queries.isEmpty()) {
      return false;
    }
    for (TaskQueryImpl part : queries) {
      if (part.getInvolvedUser() != null
          || Boolean.TRUE.equals(part.isWithoutCandidateGroups())
          || Boolean.TRUE.equals(part.isWithoutCandidateUsers())) {
        return false;
      }
    }
    return true;
  }

  private static TaskQueryImpl taskQuery(Object parameter) {
    // a TaskQueryImpl is itself a ListQueryParameterObject (the engine passes the query)
    if (parameter instanceof TaskQueryImpl query) {
      return query;
    }
    if (parameter instanceof ListQueryParameterObject list
        && list.getParameter() instanceof TaskQueryImpl query) {
      return query;
    }
    return null;
  }
}
