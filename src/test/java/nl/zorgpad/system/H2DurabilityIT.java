package nl.zorgpad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
    String url = configuredUrl().replace("${zorgpad.data-dir}", dataDir.toString());
    int rows = 500;

    Process child =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                H2CrashChild.class.getName(),
                url,
                Integer.toString(rows))
            .redirectErrorStream(true)
            .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(output).isEqualTo(137);
    assertThat(output).contains("COMMITTED " + rows);

    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        ResultSet count =
            connection.createStatement().executeQuery("select count(*) from crash_probe")) {
      count.next();
      assertThat(count.getInt(1)).isEqualTo(rows);
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
