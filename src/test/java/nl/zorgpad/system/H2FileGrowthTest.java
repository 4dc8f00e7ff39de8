package nl.zorgpad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Issue 13, finding 6: with the configured URL ({@code WRITE_DELAY=0}) every commit writes a
 * chunk and H2 runs no background writer, so the file grows with the number of commits, not with
 * the data. The same workload runs twice on a fresh file, without and with {@link
 * H2FileMaintenance} on a scheduled thread (as in the application), and the file is compared
 * with its live data ({@code DISK_SPACE_USED} of the tables, the benchmark's "live size").
 *
 * <p>The workload has the engine's shape (docs/benchmarks.md, "H2 file growth"): one commit per
 * step, random UUID keys (the starter's id generator) in tables with several indexes, so that
 * every commit touches leaves all over the B-trees; history rows inserted, one runtime execution
 * updated, a task replaced, a session row updated, the runtime rows deleted at the end of a case;
 * incompressible payloads. H2 frees a dead chunk only after its retention time (45 s); the run
 * lasts seconds, so both runs shorten it to 1 s and the job's interval in the same proportion
 * (5 s / 45); commits are paced to {@value #COMMITS_PER_SECOND}/s. The file is measured right
 * after the load (its peak: the chunks of the last retention time cannot be freed yet) and after
 * {@value #IDLE_MILLIS} ms of quiet.
 */
@org.junit.jupiter.api.Tag("benchmark") // a measurement that depends on timing: -Pbenchmark
class H2FileGrowthTest {

  static final int CASES = 300;
  static final int STEPS = 12;
  static final int COMMITS_PER_SECOND = 200;
  static final long JOB_INTERVAL_MILLIS = 110;
  static final long IDLE_MILLIS = 2500;

  @TempDir Path dir;

  record Run(double peakKb, double idleKb, double liveKb, String chunks) {
    double peakRatio() {
      return peakKb / liveKb;
    }

    double idleRatio() {
      return idleKb / liveKb;
    }
  }

  @Test
  void maintenanceKeepsTheFileCloseToItsLiveData() throws Exception {
    Run without = run("without", false);
    Run with = run("with", true);
    System.out.printf(
        "H2 file growth, %d cases x %d commits at %d commits/s:%n"
            + "  without maintenance: file after load %.0f KB, after idle %.0f KB, live %.0f KB,"
            + " ratio %.1f / %.1f; %s%n"
            + "  with maintenance:    file after load %.0f KB, after idle %.0f KB, live %.0f KB,"
            + " ratio %.1f / %.1f; %s%n",
        CASES,
        STEPS + 2,
        COMMITS_PER_SECOND,
        without.peakKb(),
        without.idleKb(),
        without.liveKb(),
        without.peakRatio(),
        without.idleRatio(),
        without.chunks(),
        with.peakKb(),
        with.idleKb(),
        with.liveKb(),
        with.peakRatio(),
        with.idleRatio(),
        with.chunks());
    assertThat(with.idleRatio()).as("file / live with maintenance, after idle").isLessThan(40);
    assertThat(with.peakRatio()).as("file / live with maintenance, after load").isLessThan(40);
    assertThat(with.idleRatio())
        .as("file / live with maintenance vs without")
        .isLessThan(without.idleRatio() / 2);
  }

  private Run run(String name, boolean maintain) throws Exception {
    Path base = dir.resolve(name);
    Files.createDirectories(base);
    String url = configuredUrl().replace("${zorgpad.data-dir}", base.toString());
    SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
    H2FileMaintenance maintenance =
        new H2FileMaintenance(dataSource, 80, 4, Duration.ofMillis(500), 50, 16);
    ScheduledExecutorService job = Executors.newSingleThreadScheduledExecutor();
    Random random = new Random(13);
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (Statement ddl = connection.createStatement()) {
        for (String sql :
            new String[] {
              "create table hist_act (id varchar(64) primary key, proc_inst varchar(64),"
                  + " act_id varchar(64), start_time timestamp, payload varchar(300))",
              "create index hist_act_proc on hist_act(proc_inst)",
              "create index hist_act_start on hist_act(start_time)",
              "create index hist_act_act on hist_act(act_id, proc_inst)",
              "create table hist_var (id varchar(64) primary key, proc_inst varchar(64),"
                  + " name varchar(64), val varchar(200))",
              "create index hist_var_proc on hist_var(proc_inst)",
              "create index hist_var_name on hist_var(name, proc_inst)",
              "create table ru_exec (id varchar(64) primary key, proc_inst varchar(64),"
                  + " act_id varchar(64), rev int)",
              "create index ru_exec_proc on ru_exec(proc_inst)",
              "create index ru_exec_act on ru_exec(act_id)",
              "create table ru_task (id varchar(64) primary key, proc_inst varchar(64),"
                  + " name varchar(64), assignee varchar(64))",
              "create index ru_task_proc on ru_task(proc_inst)",
              "create index ru_task_assignee on ru_task(assignee)",
              "create table sess (id int primary key, last_access bigint, attrs varchar(200))",
              "insert into sess select x, 0, 'y' from system_range(1, 50)",
              // H2 reuses the space of a dead chunk only after its retention time (45 s by
              // default); this run lasts seconds, not the hours of an installation, so both runs
              // shorten it to 1 s alike (the application keeps H2's default)
              "set retention_time 1000"
            }) {
          ddl.execute(sql);
        }
      }
      connection.commit();
      Object store = H2FileMaintenance.fileStore(connection);
      Object fileStore = invoke(store, "getFileStore");
      if (maintain) {
        job.scheduleWithFixedDelay(
            () -> {
              try {
                maintenance.compact();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            JOB_INTERVAL_MILLIS,
            JOB_INTERVAL_MILLIS,
            TimeUnit.MILLISECONDS);
      }
      try (PreparedStatement histAct =
              connection.prepareStatement(
                  "insert into hist_act values (?, ?, ?, current_timestamp, ?)");
          PreparedStatement histVar =
              connection.prepareStatement("insert into hist_var values (?, ?, ?, ?)");
          PreparedStatement execStart =
              connection.prepareStatement("insert into ru_exec values (?, ?, 'start', 0)");
          PreparedStatement execStep =
              connection.prepareStatement(
                  "update ru_exec set act_id = ?, rev = rev + 1 where id = ?");
          PreparedStatement execEnd =
              connection.prepareStatement("delete from ru_exec where id = ?");
          PreparedStatement taskInsert =
              connection.prepareStatement("insert into ru_task values (?, ?, ?, ?)");
          PreparedStatement taskDelete =
              connection.prepareStatement("delete from ru_task where proc_inst = ?");
          PreparedStatement session =
              connection.prepareStatement("update sess set last_access = ? where id = ?")) {
        long started = System.nanoTime();
        int commits = 0;
        for (int c = 0; c < CASES; c++) {
          String instance = uuid(random);
          for (int s = 0; s <= STEPS + 1; s++) {
            if (s == 0) {
              execStart.setString(1, instance);
              execStart.setString(2, instance);
              execStart.executeUpdate();
            } else if (s == STEPS + 1) {
              execEnd.setString(1, instance);
              execEnd.executeUpdate();
              taskDelete.setString(1, instance);
              taskDelete.executeUpdate();
            } else {
              for (int i = 0; i < 2; i++) {
                histAct.setString(1, uuid(random));
                histAct.setString(2, instance);
                histAct.setString(3, "act" + s);
                histAct.setString(4, letters(random, 200));
                histAct.executeUpdate();
                histVar.setString(1, uuid(random));
                histVar.setString(2, instance);
                histVar.setString(3, "var" + (2 * s + i));
                histVar.setString(4, letters(random, 60));
                histVar.executeUpdate();
              }
              execStep.setString(1, "act" + s);
              execStep.setString(2, instance);
              execStep.executeUpdate();
              taskDelete.setString(1, instance);
              taskDelete.executeUpdate();
              taskInsert.setString(1, uuid(random));
              taskInsert.setString(2, instance);
              taskInsert.setString(3, "task" + s);
              taskInsert.setString(4, "user" + random.nextInt(20));
              taskInsert.executeUpdate();
            }
            session.setLong(1, commits);
            session.setInt(2, 1 + random.nextInt(50));
            session.executeUpdate();
            connection.commit();
            commits++;
            long wait = started + commits * 1_000_000_000L / COMMITS_PER_SECOND - System.nanoTime();
            if (wait > 0) {
              TimeUnit.NANOSECONDS.sleep(wait);
            }
          }
        }
      }
      double peakKb = (Long) invoke(fileStore, "size") / 1024.0;
      Thread.sleep(IDLE_MILLIS);
      job.shutdown();
      assertThat(job.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      double idleKb = (Long) invoke(fileStore, "size") / 1024.0;
      Map<String, String> info = new TreeMap<>();
      Method populate =
          fileStore.getClass().getMethod("populateInfo", java.util.function.BiConsumer.class);
      populate.invoke(fileStore, (java.util.function.BiConsumer<String, String>) info::put);
      String chunks =
          "chunks "
              + info.get("info.CHUNK_COUNT")
              + ", chunk fill rate "
              + info.get("info.CHUNKS_FILL_RATE")
              + " %, file fill rate "
              + info.get("info.FILL_RATE")
              + " %, written "
              + Long.parseLong(info.get("info.FILE_WRITE_BYTES")) / (1024 * 1024)
              + " MB";
      long liveBytes = 0;
      try (Statement statement = connection.createStatement()) {
        for (String table : new String[] {"HIST_ACT", "HIST_VAR", "RU_EXEC", "RU_TASK", "SESS"}) {
          try (ResultSet size = statement.executeQuery("call disk_space_used('" + table + "')")) {
            size.next();
            liveBytes += size.getLong(1);
          }
        }
      }
      return new Run(peakKb, idleKb, liveBytes / 1024.0, chunks);
    } finally {
      job.shutdownNow();
      dataSource.destroy();
    }
  }

  private static String uuid(Random random) {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private static String letters(Random random, int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(chars);
  }

  private static Object invoke(Object target, String method) throws Exception {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      if (java.lang.reflect.Modifier.isPublic(c.getModifiers())) {
        try {
          return c.getMethod(method).invoke(target);
        } catch (NoSuchMethodException e) {
          // look further up
        }
      }
    }
    throw new NoSuchMethodException(method);
  }

  @SuppressWarnings("unchecked")
  private static String configuredUrl() throws Exception {
    try (InputStream in = H2FileGrowthTest.class.getResourceAsStream("/application.yaml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      Map<String, Object> spring = (Map<String, Object>) yaml.get("spring");
      Map<String, Object> datasource = (Map<String, Object>) spring.get("datasource");
      return (String) datasource.get("url");
    }
  }
}
