package nl.zorgpad.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nl.zorgpad.startup.StartupLock;
import nl.zorgpad.support.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up lock on a real PostgreSQL: a second starting node waits until the first gives the
 * lock back, a node that dies holding it frees it with its session, and a node that waits too
 * long gives up with a message that says who holds it.
 */
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StartupLockIT {

  static final String DATABASE = "zorgpad_startup_lock_it";

  HikariDataSource nodeA;
  HikariDataSource nodeB;

  @BeforeAll
  void database() {
    PostgresServer.createDatabase(DATABASE);
    nodeA = node("node-a");
    nodeB = node("node-b");
  }

  @AfterAll
  void close() {
    nodeA.close();
    nodeB.close();
  }

  @Test
  void aSecondNodeWaitsUntilTheFirstIsDone() throws Exception {
    StartupLock first = new StartupLock(nodeA, Duration.ofSeconds(30));
    first.acquire();
    assertThat(first.isHeld()).isTrue();
    StartupLock second = new StartupLock(nodeB, Duration.ofSeconds(30));

    CompletableFuture<Void> waiting = CompletableFuture.runAsync(second::acquire);
    Thread.sleep(1500);
    assertThat(waiting).isNotDone();
    assertThat(second.isHeld()).isFalse();

    first.release();
    waiting.get(10, TimeUnit.SECONDS);
    assertThat(second.isHeld()).isTrue();
    second.release();
    assertThat(second.isHeld()).isFalse();
  }

  @Test
  void aNodeThatDiesHoldingTheLockFreesIt() throws Exception {
    StartupLock dying = new StartupLock(nodeA, Duration.ofSeconds(30));
    dying.acquire();
    // as a killed JVM: its database session ends without an unlock
    JdbcTemplate dba = new JdbcTemplate(PostgresServer.server().getPostgresDatabase());
    assertThat(
            dba.queryForList(
                "select pg_terminate_backend(l.pid) from pg_locks l"
                    + " where l.locktype = 'advisory' and l.objid::bigint = ?",
                Boolean.class,
                StartupLock.KEY & 0xffffffffL))
        .containsExactly(true);

    StartupLock next = new StartupLock(nodeB, Duration.ofSeconds(10));
    CompletableFuture.runAsync(next::acquire).get(10, TimeUnit.SECONDS);
    assertThat(next.isHeld()).isTrue();
    next.release();
    dying.release(); // its connection is gone already: nothing to give back, no error
  }

  @Test
  void aNodeThatWaitsTooLongGivesUpAndSaysWhoHoldsTheLock() {
    StartupLock holder = new StartupLock(nodeA, Duration.ofSeconds(30));
    holder.acquire();
    try {
      StartupLock impatient = new StartupLock(nodeB, Duration.ofMillis(700));
      assertThatThrownBy(impatient::acquire)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("not obtained within")
          .hasMessageContaining("node-a");
    } finally {
      holder.release();
    }
  }

  private static HikariDataSource node(String name) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(PostgresServer.url(DATABASE));
    dataSource.setUsername(PostgresServer.APP);
    dataSource.setPassword(PostgresServer.PASSWORD);
    dataSource.addDataSourceProperty("ApplicationName", name);
    dataSource.setMaximumPoolSize(2);
    return dataSource;
  }
}
