package zorgpadbench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the JDBC statements the benchmark's Zorgpad child executes (each {@code execute*} and
 * each {@code addBatch} row, by kind and main table), and the commits and rollbacks, while
 * switched on ({@code POST /api/benchmark/sql-count?on=true}). A JDK proxy around the
 * application's {@link DataSource}, registered only by {@link ZorgpadBenchConfig}; while off it
 * only forwards the calls.
 */
final class SqlCounter implements BeanPostProcessor {

  static final SqlCounter INSTANCE = new SqlCounter();

  private static final Pattern TABLE =
      Pattern.compile(
          "^\\s*(?:(select)\\b.*?\\bfrom\\s+\\(?\\s*([\\w.]+)|(insert)\\s+into\\s+([\\w.]+)"
              + "|(update)\\s+([\\w.]+)|(delete)\\s+from\\s+([\\w.]+)|(merge)\\s+into\\s+([\\w.]+))",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private volatile boolean on;
  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> statements = new ConcurrentHashMap<>();

  private SqlCounter() {}

  void switchOn(boolean enabled) {
    counts.clear();
    statements.clear();
    on = enabled;
  }

  /** Counts by "KIND table" and the ten most frequent statements (first 160 characters). */
  Map<String, Object> snapshot() {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("on", on);
    Map<String, Long> byKey = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .forEach(e -> byKey.put(e.getKey(), e.getValue().sum()));
    result.put("counts", byKey);
    Map<String, Long> top = new LinkedHashMap<>();
    statements.entrySet().stream()
        .sorted((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()))
        .limit(25)
        .forEach(e -> top.put(e.getKey(), e.getValue().sum()));
    result.put("top", top);
    return result;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    if (bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass())) {
      return proxy(
          DataSource.class,
          dataSource,
          (method, result) ->
              result instanceof Connection connection
                  ? proxy(Connection.class, connection, null, null)
                  : result,
          null);
    }
    return bean;
  }

  private void count(String kind, String sql) {
    if (!on) {
      return;
    }
    String key = key(kind, sql);
    counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    String text = sql == null ? kind : sql.replaceAll("\\s+", " ").strip();
    statements
        .computeIfAbsent(text.length() > 160 ? text.substring(0, 160) : text, k -> new LongAdder())
        .increment();
  }

  /** The two innermost Zorgpad methods on the stack (who ended the transaction, its caller). */
  private static String origin() {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .filter(f -> f.getClassName().startsWith("nl.zorgpad."))
                    .filter(f -> !f.getClassName().contains("$$SpringCGLIB"))
                    .map(f -> f.getClassName().replace("nl.zorgpad.", "") + "." + f.getMethodName())
                    .distinct()
                    .limit(2) // who ended the transaction, and who called it
                    .reduce((a, b) -> a + " < " + b)
                    .orElse("-"));
  }

  /** The thread's name without its number: who committed (a request, a background job). */
  private static String threadKind() {
    return Thread.currentThread().getName().replaceAll("-?\\d+$", "").replaceAll("-\\d+-", "-");
  }

  static String key(String kind, String sql) {
    if (sql == null) {
      return kind;
    }
    Matcher m = TABLE.matcher(sql);
    if (m.find()) {
      for (int g = 1; g < m.groupCount(); g += 2) {
        if (m.group(g) != null) {
          return m.group(g).toUpperCase(Locale.ROOT)
              + " "
              + m.group(g + 1).toUpperCase(Locale.ROOT);
        }
      }
    }
    String first = sql.strip().split("\\s+", 2)[0];
    return first.toUpperCase(Locale.ROOT);
  }

  interface Wrap {
    Object apply(Method method, Object result);
  }

  @SuppressWarnings("unchecked")
  private <T> T proxy(Class<T> type, T target, Wrap wrap, String sql) {
    InvocationHandler handler =
        (self, method, args) -> {
          String name = method.getName();
          if (target instanceof Connection) {
            if (name.equals("commit")) {
              count("COMMIT " + threadKind() + " " + origin(), null);
            } else if (name.equals("rollback") && (args == null || args.length == 0)) {
              count("ROLLBACK " + threadKind(), null);
            }
          }
          if (target instanceof Statement && !(target instanceof PreparedStatement)) {
            if (name.startsWith("execute") && args != null && args.length > 0) {
              count("", (String) args[0]);
            } else if (name.equals("addBatch") && args != null && args.length > 0) {
              count("", (String) args[0]);
            }
          } else if (target instanceof PreparedStatement) {
            if ((name.startsWith("execute") && (args == null || args.length == 0))
                || (name.equals("addBatch") && (args == null || args.length == 0))) {
              count("", sql);
            }
          }
          Object result;
          try {
            result = method.invoke(target, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (target instanceof Connection
              && name.equals("prepareStatement")
              && result instanceof PreparedStatement prepared) {
            return proxy(PreparedStatement.class, prepared, null, (String) args[0]);
          }
          if (target instanceof Connection
              && name.equals("createStatement")
              && result instanceof Statement statement) {
            return proxy(Statement.class, statement, null, null);
          }
          if (name.equals("unwrap") || name.equals("isWrapperFor")) {
            return result;
          }
          return wrap == null ? result : wrap.apply(method, result);
        };
    return (T)
        Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] {type}, handler);
  }
}
