package nl.zorgpad.system;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the embedded H2 file from growing into dead space (issue 13, finding 6). The datasource
 * URL sets {@code WRITE_DELAY=0} so that every commit is in the file before it returns
 * ({@code H2DurabilityIT}); with that setting H2's MVStore runs no background writer, and the
 * background writer is what rewrites the live pages of old, mostly dead chunks — without it
 * every commit appends a chunk and the space of old chunks is reclaimed only at close (the
 * file was 31–40× its live data). This job does that rewrite itself, on a schedule: it asks
 * the store to raise the fill rate of its chunks ({@code MVStore.compact(int, int)}, at most
 * {@code zorgpad.h2.compact-write-mb} per run); the chunks so emptied are freed after H2's
 * retention time and their space is reused by the next commits, so the file stops growing with
 * the number of commits. Commits stay synchronous; the job only takes H2's store lock while it
 * writes. Nothing happens for PostgreSQL or an in-memory H2 (docs/operations.md, "The embedded
 * H2 default"). H2 is a runtime dependency, so its API is called by reflection (public
 * methods of H2 2.3: {@code JdbcConnection.getSession}, {@code SessionLocal.getDatabase},
 * {@code Database.getStore}, {@code Store.getMvStore}, {@code MVStore.compact}).
 */
@Component
@ConditionalOnClass(name = "org.h2.jdbc.JdbcConnection")
@ConditionalOnProperty(name = "zorgpad.h2.compaction", havingValue = "true", matchIfMissing = true)
class H2FileMaintenance {

  private static final Logger LOG = LoggerFactory.getLogger(H2FileMaintenance.class);

  private final DataSource dataSource;
  private final int targetFillRate;
  private final int writeBytes;
  private volatile boolean applicable = true;

  H2FileMaintenance(
      DataSource dataSource,
      @Value("${zorgpad.h2.compact-target-fill-rate:80}") int targetFillRate,
      @Value("${zorgpad.h2.compact-write-mb:16}") int writeMb) {
    this.dataSource = dataSource;
    this.targetFillRate = targetFillRate;
    this.writeBytes = writeMb * 1024 * 1024;
  }

  @Scheduled(
      initialDelayString = "${zorgpad.h2.compact-interval:PT1M}",
      fixedDelayString = "${zorgpad.h2.compact-interval:PT1M}")
  void scheduledCompaction() {
    if (!applicable) {
      return;
    }
    try {
      compact();
    } catch (RuntimeException | SQLException e) {
      LOG.warn("H2 file compaction failed: {}", e.toString());
    }
  }

  /**
   * One compaction run; returns whether anything was rewritten. False (and the job stops) for a
   * database that is not an embedded H2 file.
   */
  boolean compact() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Object store = fileStore(connection);
      if (store == null) {
        applicable = false;
        return false;
      }
      int before = (Integer) call(store, "getFillRate");
      boolean rewritten = false;
      if (before < targetFillRate) {
        Method compact = publicMethod(store.getClass(), "compact", int.class, int.class);
        rewritten = (Boolean) compact.invoke(store, targetFillRate, writeBytes);
      }
      if (rewritten) {
        LOG.debug("H2 file compaction: fill rate {} % -> {} %", before, call(store, "getFillRate"));
      }
      return rewritten;
    } catch (ReflectiveOperationException e) {
      applicable = false;
      LOG.warn("H2 file compaction not available with this H2 version: {}", e.toString());
      return false;
    }
  }

  /** The MVStore of an embedded, writable H2 file database, or null for anything else. */
  static Object fileStore(Connection connection) throws SQLException, ReflectiveOperationException {
    Class<?> h2Connection;
    try {
      h2Connection = Class.forName("org.h2.jdbc.JdbcConnection");
    } catch (ClassNotFoundException e) {
      return null;
    }
    if (!connection.isWrapperFor(h2Connection)) {
      return null;
    }
    Object session = call(connection.unwrap(h2Connection), "getSession");
    if (!session.getClass().getName().equals("org.h2.engine.SessionLocal")) {
      return null; // a client/server connection: the server compacts its own file
    }
    Object database = call(session, "getDatabase");
    if (!(Boolean) call(database, "isPersistent")) {
      return null;
    }
    Object dbStore = call(database, "getStore");
    Object store = dbStore == null ? null : call(dbStore, "getMvStore");
    Object file = store == null ? null : call(store, "getFileStore");
    return file == null || (Boolean) call(file, "isReadOnly") ? null : store;
  }

  private static Object call(Object target, String method) throws ReflectiveOperationException {
    return publicMethod(target.getClass(), method).invoke(target);
  }

  /** The method as declared by the nearest public class (H2's implementations may be hidden). */
  private static Method publicMethod(Class<?> type, String name, Class<?>... parameters)
      throws NoSuchMethodException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
        try {
          return c.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
          // look further up
        }
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name);
  }
}
