package nl.zorgpad.system;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
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
 * background writer's housekeeping (every third of a second by default) is what keeps the file
 * close to its live data. This job does the same two steps of that housekeeping itself, every
 * {@code zorgpad.h2.compact-interval} (docs/operations.md, "The embedded H2 default"):
 *
 * <ol>
 *   <li><b>Rewrite.</b> Every commit writes a new chunk with the changed B-tree pages; an older
 *       chunk stays allocated as long as a single one of its pages is still current. While the
 *       live share of the chunks' bytes ({@code FileStore.getChunksFillRate}) is below {@code
 *       zorgpad.h2.compact-target-fill-rate}, the live pages of the emptiest old chunks are
 *       rewritten ({@code MVStore.compact}, {@code compact-write-mb} per step) and stored in one
 *       new chunk ({@code MVStore.commit}); the old chunks are then dead and H2 frees them once
 *       they are older than its retention time (45 s, H2's default, left alone). The steps repeat
 *       until the target is reached or {@code compact-max-time} has passed, so the job does more
 *       while the file grows faster than its live data and nothing when it does not.
 *   <li><b>Shrink.</b> Freed chunks leave holes; new chunks fill them, but the file only gets
 *       shorter when its tail is free. When less than {@code compact-move-below-fill-rate} % of
 *       the file is in use, chunks from the end are moved into the holes and the file is
 *       truncated ({@code RandomAccessStore.compactMoveChunks}, at most {@code compact-move-mb}
 *       per run; H2 syncs the file before and after each move).
 * </ol>
 *
 * <p>The previous version of this job compared the <em>file's</em> fill rate (allocated blocks /
 * file length, ~100 % in a file that only grows) with the target, so it almost never ran, and
 * once a minute was 180 times less often than H2's own housekeeping; it did not store the
 * rewritten pages nor shrink the file. Commits stay synchronous; the job holds H2's store lock
 * while it rewrites or moves (commits wait for it). Nothing happens for PostgreSQL or an
 * in-memory H2. H2 is a runtime dependency, so its API is called by reflection (public methods of
 * H2 2.3: {@code JdbcConnection.getSession}, {@code SessionLocal.getDatabase}, {@code
 * Database.getStore}, {@code Store.getMvStore}, {@code MVStore.compact/commit/getFillRate}, {@code
 * FileStore.getChunksFillRate}, {@code RandomAccessStore.compactMoveChunks}).
 */
@Component
@ConditionalOnClass(name = "org.h2.jdbc.JdbcConnection")
@ConditionalOnProperty(name = "zorgpad.h2.compaction", havingValue = "true", matchIfMissing = true)
class H2FileMaintenance {

  private static final Logger LOG = LoggerFactory.getLogger(H2FileMaintenance.class);

  private final DataSource dataSource;
  private final int targetFillRate;
  private final int writeBytes;
  private final long maxNanos;
  private final int moveBelowFillRate;
  private final long moveBytes;
  private volatile boolean applicable = true;

  H2FileMaintenance(
      DataSource dataSource,
      @Value("${zorgpad.h2.compact-target-fill-rate:80}") int targetFillRate,
      @Value("${zorgpad.h2.compact-write-mb:4}") int writeMb,
      @Value("${zorgpad.h2.compact-max-time:PT0.5S}") Duration maxTime,
      @Value("${zorgpad.h2.compact-move-below-fill-rate:50}") int moveBelowFillRate,
      @Value("${zorgpad.h2.compact-move-mb:16}") int moveMb) {
    this.dataSource = dataSource;
    this.targetFillRate = targetFillRate;
    this.writeBytes = writeMb * 1024 * 1024;
    this.maxNanos = maxTime.toNanos();
    this.moveBelowFillRate = moveBelowFillRate;
    this.moveBytes = moveMb * 1024L * 1024L;
  }

  @Scheduled(
      initialDelayString = "${zorgpad.h2.compact-interval:PT5S}",
      fixedDelayString = "${zorgpad.h2.compact-interval:PT5S}")
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
   * One maintenance run (rewrite, then shrink); returns whether pages were rewritten or the file
   * got shorter.
   * False (and the job stops) for a database that is not an embedded H2 file.
   */
  boolean compact() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      Object store = fileStore(connection);
      if (store == null) {
        applicable = false;
        return false;
      }
      Object fileStore = call(store, "getFileStore");
      int chunksBefore = (Integer) call(fileStore, "getChunksFillRate");
      long sizeBefore = (Long) call(fileStore, "size");
      boolean changed = false;
      Method compact = publicMethod(store.getClass(), "compact", int.class, int.class);
      long deadline = System.nanoTime() + maxNanos;
      int steps = 0;
      while ((Integer) call(fileStore, "getChunksFillRate") < targetFillRate
          && System.nanoTime() - deadline < 0) {
        boolean rewritten = (Boolean) compact.invoke(store, targetFillRate, writeBytes);
        // store the rewritten pages now, in one chunk, so that the old chunks become dead (the
        // background writer commits in the same cycle); the next commit would store them anyway
        call(store, "commit");
        if (!rewritten) {
          break;
        }
        changed = true;
        steps++;
      }
      boolean moved = false;
      Method move = null;
      long size = (Long) call(fileStore, "size");
      while ((Integer) call(store, "getFillRate") < moveBelowFillRate
          && System.nanoTime() - deadline < 0) {
        if (move == null) {
          move =
              publicMethod(
                  fileStore.getClass(),
                  "compactMoveChunks",
                  int.class,
                  long.class,
                  store.getClass().getClassLoader().loadClass("org.h2.mvstore.MVStore"));
        }
        move.invoke(fileStore, moveBelowFillRate, moveBytes, store);
        long shrunk = (Long) call(fileStore, "size");
        if (shrunk >= size) {
          break; // nothing more to move into the holes now
        }
        moved = true;
        size = shrunk;
      }
      if (changed || moved) {
        LOG.debug(
            "H2 file maintenance: {} rewrite steps, chunk fill rate {} % -> {} %, file {} -> {} KB",
            steps,
            chunksBefore,
            call(fileStore, "getChunksFillRate"),
            sizeBefore / 1024,
            (Long) call(fileStore, "size") / 1024);
      }
      return changed || moved;
    } catch (java.lang.reflect.InvocationTargetException e) {
      // H2 refused this run (e.g. the database is closing): try again next time
      LOG.warn("H2 file compaction failed: {}", e.getCause().toString());
      return false;
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
    if (file == null || (Boolean) call(file, "isReadOnly")) {
      return null;
    }
    // compactMoveChunks exists for a single random-access file only (not for H2's append-only
    // multi-file store)
    Class<?> randomAccess =
        file.getClass().getClassLoader().loadClass("org.h2.mvstore.RandomAccessStore");
    return randomAccess.isInstance(file) ? store : null;
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
