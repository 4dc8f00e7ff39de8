package nl.zorgpad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The embedded default must not lose a completed task when the process is killed. H2's file
 * mode writes commits in the background by default (measured here: a JVM killed right after 2000
 * commits left an empty database); Zorgpad's datasource URL sets {@code WRITE_DELAY=0}. This test
 * kills a real child JVM right after its last commit, using the URL from application.yaml.
 */
class H2DurabilityIT {

  @TempDir Path dataDir;

  @Test
  void committedWorkSurvivesAKilledProcess() throws Exception {
    killedAfterCommits(dataDir.resolve("plain"), 500, false);
  }

  /**
   * The same while {@link H2FileMaintenance} rewrites and moves chunks (issue 13): the child dies
   * with the job running; every commit must be there and the file must open.
   */
  @Test
  void committedWorkSurvivesAKilledProcessWhileTheFileIsCompacted() throws Exception {
    killedAfterCommits(dataDir.resolve("compacting"), 3000, true);
  }

  /**
   * A thread interrupted while it reads must not close the database for everybody: Java closes a
   * FileChannel when a thread is interrupted in it, and on H2's plain {@code file:} store every
   * other connection then failed ("IO Exception") until a restart; Zorgpad's URL uses H2's
   * {@code retry:} file system, which reopens the file. A cold page cache, so the reader really
   * reads from the file when it is interrupted.
   */
  @Test
  void aThreadInterruptedWhileItReadsDoesNotCloseTheDatabase() throws Exception {
    String url =
        configuredUrl().replace("${zorgpad.data-dir}", dataDir.resolve("interrupted").toString());
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      connection
          .createStatement()
          .execute("create table probe (id int primary key, v varchar(2000))");
      connection
          .createStatement()
          .execute("insert into probe select x, repeat('x', 1500) from system_range(1, 100000)");
    }
    String cold = url.replace("CACHE_SIZE=65536", "CACHE_SIZE=1024");
    try (Connection connection = DriverManager.getConnection(cold, "sa", "")) {
      List<String> readerErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
      Thread reader =
          new Thread(
              () -> {
                try (Connection read = DriverManager.getConnection(cold, "sa", "")) {
                  for (int i = 0; i < 400; i++) {
                    try (ResultSet sum =
                        read.createStatement()
                            .executeQuery(
                                "select sum(length(v)) from probe where mod(id, 7) = " + (i % 7))) {
                      sum.next();
                    } catch (java.sql.SQLException e) {
                      readerErrors.add(
                          e.toString()); // its own statement may fail: it was interrupted
                    }
                  }
                } catch (java.sql.SQLException e) {
                  readerErrors.add(e.toString());
                }
              });
      reader.start();
      Thread.sleep(300);
      for (int i = 0; i < 20; i++) {
        reader.interrupt();
        Thread.sleep(20);
      }
      reader.join(60_000);
      // every other connection goes on: a write, and a read of the whole table
      connection.createStatement().execute("insert into probe values (100001, 'after')");
      try (ResultSet count =
          connection.createStatement().executeQuery("select count(*) from probe")) {
        count.next();
        assertThat(count.getInt(1)).as("reader: " + readerErrors).isEqualTo(100_001);
      }
    }
  }

  private void killedAfterCommits(Path dir, int rows, boolean compacting) throws Exception {
    String url = configuredUrl().replace("${zorgpad.data-dir}", dir.toString());
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2CrashChild.class.getName(),
                url,
                Integer.toString(rows)));
    if (compacting) {
      command.add("compacting");
    }
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isEqualTo(137);
    assertThat(output).contains("COMMITTED " + rows);
    assertThat(output).as("the maintenance job's output").doesNotContain("Exception");
    if (compacting) {
      assertThat(output).as("the job worked while the child committed").doesNotContain("MOVED 0\n");
    }

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        ResultSet count =
            connection
                .createStatement()
                .executeQuery(
                    "select count(*), count(distinct v), min(v), max(v), count(payload)"
                        + " from crash_probe")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(rows);
      assertThat(count.getInt(2)).isEqualTo(rows);
      assertThat(count.getInt(3)).isZero();
      assertThat(count.getInt(4)).isEqualTo(rows - 1);
      assertThat(count.getInt(5)).isEqualTo(rows);
    }
  }

  @SuppressWarnings("unchecked")
  private static String configuredUrl() throws IOException {
    try (InputStream in = H2DurabilityIT.class.getResourceAsStream("/application.yaml")) {
      Map<String, Object> yaml = new Yaml().load(in);
      Map<String, Object> spring = (Map<String, Object>) yaml.get("spring");
      Map<String, Object> datasource = (Map<String, Object>) spring.get("datasource");
      String url = (String) datasource.get("url");
      assertThat(url).startsWith("jdbc:h2:retry:").contains("WRITE_DELAY=0");
      return url;
    }
  }
}
