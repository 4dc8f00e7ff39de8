package nl.zorgpad.rest;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
import org.apache.ibatis.reflection.MetaObject;
import org.apache.ibatis.reflection.SystemMetaObject;

/**
 * A MyBatis interceptor on the engine's statements that writes some of them differently and
 * returns the same rows ({@link CandidateLinkExists}, {@link BusinessKeySubquery}): it can be
 * switched off (the equivalence tests compare both) and counts what it rewrote. Subclasses carry
 * the {@code @Intercepts} signature ({@code StatementHandler.prepare}).
 */
abstract class StatementRewrite implements Interceptor {

  private final AtomicLong rewritten = new AtomicLong();
  private volatile boolean enabled = true;

  @Override
  public final Object intercept(Invocation invocation) throws Throwable {
    if (enabled) {
      BoundSql boundSql = ((StatementHandler) invocation.getTarget()).getBoundSql();
      String text = boundSql.getSql();
      String sql = text == null ? null : rewrite(text, boundSql, invocation);
      if (sql != null) {
        SystemMetaObject.forObject(boundSql).setValue("sql", sql);
        rewritten.incrementAndGet();
      }
    }
    return invocation.proceed();
  }

  /**
   * The statement as it should run, or null to keep the engine's text. Called for every statement
   * of the engine: look at the text first.
   */
  abstract String rewrite(String text, BoundSql boundSql, Invocation invocation);

  /**
   * The id of the mapped statement the handler prepares (reflection: call only for a statement
   * whose text already looks like one to rewrite), or null.
   */
  static String statementId(Invocation invocation) {
    // another interceptor's proxy → the handler it wraps
    Object target = invocation.getTarget();
    while (java.lang.reflect.Proxy.isProxyClass(target.getClass())
        && java.lang.reflect.Proxy.getInvocationHandler(target) instanceof Plugin plugin) {
      target = SystemMetaObject.forObject(plugin).getValue("target");
    }
    MetaObject handler = SystemMetaObject.forObject(target);
    // RoutingStatementHandler → its delegate (a BaseStatementHandler) holds the statement
    while (handler.hasGetter("delegate")) {
      handler = SystemMetaObject.forObject(handler.getValue("delegate"));
    }
    if (!handler.hasGetter("mappedStatement")) {
      return null;
    }
    return ((MappedStatement) handler.getValue("mappedStatement")).getId();
  }

  /** How many statements were rewritten (for tests and the harness). */
  public long rewrittenStatements() {
    return rewritten.get();
  }

  /** Off: every statement as the engine wrote it (the equivalence test compares both). */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
