package nl.zorgpad.rest;

import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;

/**
 * Camunda's task query (list and count) joins the identity links with a {@code LEFT JOIN}, because
 * the "involved user" criterion and "or" queries can be met without a link (Task.xml). H2 does not
 * turn that join into an inner join when the {@code WHERE} clause rejects rows without a link, so
 * it starts from every open task of the installation and looks up the authorization table for
 * each of their links (docs/benchmarks.md, "The candidate-group join").
 *
 * <p>For a query with a candidate criterion (candidate user, group(s), group like, with candidate
 * groups/users), without "or" parts and without "involved user", the statement's {@code WHERE}
 * contains {@code and (… I.TYPE_ = 'candidate' …)} at its top level: every row it returns has a
 * link, so the left join returns exactly the rows of an inner join. For that shape only, this
 * MyBatis interceptor writes {@code inner join} and H2 may then skip tasks without her links
 * before the authorization join. Every other shape, and any statement whose text does not contain
 * the join exactly once, is left as the engine wrote it.
 */
@Intercepts(
    @Signature(
        type = StatementHandler.class,
        method = "prepare",
        args = {Connection.class, Integer.class}))
public class CandidateTaskInnerJoin implements Interceptor {

  static final Set<String> STATEMENTS =
      Set.of(
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria",
          "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskCountByQueryCriteria");

  private static final Pattern LEFT_JOIN =
      Pattern.compile(
          "left\\s+join\\s+(\\S*ACT_RU_IDENTITYLINK)\\s+I\\s+on\\s+I\\.TASK_ID_\\s*=\\s*RES\\.ID_",
          Pattern.CASE_INSENSITIVE);

  private final AtomicLong rewritten = new AtomicLong();
  private volatile boolean enabled = true;

  @Override
  public Object intercept(Invocation invocation) throws Throwable {
    if (!enabled) {
      return invocation.proceed();
    }
    MetaObject handler = SystemMetaObject.forObject(invocation.getTarget());
    // RoutingStatementHandler → its delegate (a BaseStatementHandler) holds the statement
    while (handler.hasGetter("delegate")) {
      handler = SystemMetaObject.forObject(handler.getValue("delegate"));
    }
    if (handler.hasGetter("mappedStatement") && handler.hasGetter("boundSql")) {
      MappedStatement statement = (MappedStatement) handler.getValue("mappedStatement");
      if (STATEMENTS.contains(statement.getId())) {
        BoundSql boundSql = (BoundSql) handler.getValue("boundSql");
        String sql = rewrite(boundSql.getSql(), taskQuery(boundSql.getParameterObject()));
        if (sql != null) {
          SystemMetaObject.forObject(boundSql).setValue("sql", sql);
          rewritten.incrementAndGet();
        }
      }
    }
    return invocation.proceed();
  }

  /** How many statements were written with the inner join (for tests and the harness). */
  public long rewrittenStatements() {
    return rewritten.get();
  }

  /** Off: every statement as the engine wrote it (the equivalence test compares both). */
  void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** The statement with an inner join, or null when it must stay as the engine wrote it. */
  static String rewrite(String sql, TaskQueryImpl query) {
    if (sql == null || !innerJoinIsEquivalent(query)) {
      return null;
    }
    Matcher matcher = LEFT_JOIN.matcher(sql);
    if (!matcher.find()) {
      return null;
    }
    int start = matcher.start();
    int end = matcher.end();
    String table = matcher.group(1);
    if (matcher.find()) {
      return null; // not the statement this was written for
    }
    return sql.substring(0, start)
        + "inner join "
        + table
        + " I on I.TASK_ID_ = RES.ID_"
        + sql.substring(end);
  }

  /**
   * True when the query's {@code WHERE} requires an identity link of every row: one query (no
   * "or" parts), no "involved user" (met by assignee or owner without a link), and a candidate
   * criterion, which Task.xml writes as {@code and I.TYPE_ = 'candidate'} at the top level.
   */
  static boolean innerJoinIsEquivalent(TaskQueryImpl query) {
    if (query == null || query.isOrQueryActive() || query.getInvolvedUser() != null) {
      return false;
    }
    List<TaskQueryImpl> queries = query.getQueries();
    if (queries == null || queries.size() != 1 || queries.get(0) != query) {
      return false;
    }
    return query.getCandidateUser() != null
        || query.getCandidateGroup() != null
        || query.getCandidateGroupLike() != null
        || query.getCandidateGroupsInternal() != null
        || Boolean.TRUE.equals(query.isWithCandidateGroups())
        || Boolean.TRUE.equals(query.isWithCandidateUsers());
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
