package nl.zorgpad.startup;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One lock per database around everything a starting node changes in it: Flyway's migrations, the
 * engine's schema creation (which happens while the process engine bean is built) and the
 * {@link StartupSequence}. Taken when this bean is made — {@link StartupLockOrder} makes Flyway and
 * the engine wait for it — and given back when the start-up sequence is done (or the start
 * fails). Nodes that start at the same moment on an empty database thus start one after the other:
 * the first creates the schema and the data, the others find them.
 *
 * <p>On PostgreSQL it is a session-level advisory lock, {@code pg_advisory_lock(}{@value #KEY}
 * {@code )} ("zorgpad" in ASCII), on a connection of its own (outside the pool). A node that
 * dies while holding it loses its session and so the lock: nobody has to clean up. A waiting
 * node says every {@value #LOG_EVERY_SECONDS} s whom it waits for and gives up after
 * {@code zorgpad.startup.lock-timeout} (default 10 minutes).
 *
 * <p>On H2 (the embedded default) it does nothing: an H2 file is opened by one process only, and
 * the tests' in-memory databases are one per application context.
 */
@Component(StartupLock.BEAN_NAME)
public class StartupLock implements InitializingBean, DisposableBean {

  public static final String BEAN_NAME = "zorgpadStartupLock";

  /** The advisory lock key: "zorgpad" in ASCII, 0x7a6f7267706164. */
  public static final long KEY = 0x7a6f7267706164L;

  static final int LOG_EVERY_SECONDS = 15;
  private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

  private final DataSource dataSource;
  private final Duration timeout;
  private Connection connection;
  private boolean attempted;
  private volatile boolean held;

  public StartupLock(
      DataSource dataSource, @Value("${zorgpad.startup.lock-timeout:10m}") Duration timeout) {
    this.dataSource = dataSource;
    this.timeout = timeout;
  }

  @Override
  public void afterPropertiesSet() {
    acquire();
  }

  /** Takes the lock (waits for another starting node); once per start, later calls return. */
  public synchronized void acquire() {
    if (attempted) {
      return;
    }
    attempted = true;
    long started = System.nanoTime();
    try {
      if (dataSource instanceof HikariDataSource hikari
          && hikari.getJdbcUrl() != null
          && !hikari.getJdbcUrl().startsWith("jdbc:postgresql:")) {
        LOG.debug("No start-up lock on {}: one process per database", hikari.getJdbcUrl());
        return;
      }
      connection = openConnection();
      String product = connection.getMetaData().getDatabaseProductName();
      if (!"PostgreSQL".equals(product)) {
        LOG.debug("No start-up lock on {}: one process per database", product);
        closeQuietly();
        return;
      }
      long deadline = started + timeout.toNanos();
      long nextLog = started;
      while (!tryLock()) {
        long now = System.nanoTime();
        if (now - deadline > 0) {
          throw new IllegalStateException(
              "Start-up lock not obtained within "
                  + timeout
                  + ": another node has held it all that time ("
                  + holder()
                  + "); see"
                  + " docs/operations.md, 'Starting a cluster'");
        }
        if (now - nextLog >= 0) {
          LOG.info(
              "Waiting for the start-up lock: another node is starting on this database" + " ({})",
              holder());
          nextLog = now + Duration.ofSeconds(LOG_EVERY_SECONDS).toNanos();
        }
        Thread.sleep(250);
      }
      held = true;
      LOG.info(
          "Start-up lock taken (pg_advisory_lock {}) after {} ms",
          KEY,
          Duration.ofNanos(System.nanoTime() - started).toMillis());
    } catch (SQLException e) {
      closeQuietly();
      throw new IllegalStateException("Cannot take the start-up lock", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closeQuietly();
      throw new IllegalStateException("Interrupted while waiting for the start-up lock", e);
    } catch (RuntimeException e) {
      closeQuietly();
      throw e;
    }
  }

  /** Whether this node holds the lock now (false on H2, where there is none). */
  public boolean isHeld() {
    return held;
  }

  /** Gives the lock back; the start-up is over (idempotent). */
  public synchronized void release() {
    attempted = true;
    if (connection == null) {
      return;
    }
    try {
      if (held) {
        try (PreparedStatement unlock =
            connection.prepareStatement("select pg_advisory_unlock(?)")) {
          unlock.setLong(1, KEY);
          unlock.execute();
        }
        LOG.info("Start-up lock released");
      }
    } catch (SQLException e) {
      LOG.warn(
          "Could not release the start-up lock cleanly ({}); closing its connection"
              + " releases it",
          e.toString());
    } finally {
      held = false;
      closeQuietly();
    }
  }

  @Override
  public void destroy() {
    release();
  }

  private boolean tryLock() throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, KEY);
      try (ResultSet result = lock.executeQuery()) {
        result.next();
        return result.getBoolean(1);
      }
    }
  }

  /** Who holds the lock, as far as this role may see (pid, application name, since when). */
  private String holder() {
    try (PreparedStatement query =
        connection.prepareStatement(
            "select l.pid,"
                + " a.application_name, a.client_addr, a.backend_start from pg_locks l left join"
                + " pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted"
                + " and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 1")) {
      query.setLong(1, KEY >>> 32);
      query.setLong(2, KEY & 0xffffffffL);
      try (ResultSet result = query.executeQuery()) {
        if (!result.next()) {
          return "holder gone";
        }
        return "held by backend "
            + result.getInt(1)
            + ", application "
            + result.getString(2)
            + ", from "
            + result.getString(3)
            + " since "
            + result.getString(4);
      }
    } catch (SQLException e) {
      return "holder unknown: " + e.getMessage();
    }
  }

  /**
   * A connection outside the pool when the pool is Hikari (a session of its own that ends with
   * the lock), else one borrowed from the data source for the duration of the start.
   */
  private Connection openConnection() throws SQLException {
    Connection opened;
    if (dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
      Properties properties = new Properties();
      properties.putAll(hikari.getDataSourceProperties());
      if (hikari.getUsername() != null) {
        properties.setProperty("user", hikari.getUsername());
      }
      if (hikari.getPassword() != null) {
        properties.setProperty("password", hikari.getPassword());
      }
      opened = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
    } else {
      opened = dataSource.getConnection();
    }
    opened.setAutoCommit(true);
    return opened;
  }

  private void closeQuietly() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the session ends either way, and with it the lock
      } finally {
        connection = null;
      }
    }
  }
}
