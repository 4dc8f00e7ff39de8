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
      assertThat(url).startsWith("jdbc:h2:file:").contains("WRITE_DELAY=0");
      return url;
    }
  }
}
