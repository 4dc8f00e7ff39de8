package nl.zorgpad.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's client tools of the server's major version ({@code pg_dump} refuses a newer
 * server, and a backup drill should use what an operator uses): Debian's
 * {@code /usr/lib/postgresql/<major>/bin} ({@code apt-get install postgresql-client-15}), or
 * {@code -Dzorgpad.pg-bin=/path}. The embedded server's own binaries have no pg_dump.
 */
final class PostgresTools {

  private PostgresTools() {}

  static Path binDirectory(String serverVersion) {
    String major = serverVersion.split("\\.")[0];
    String configured = System.getProperty("zorgpad.pg-bin");
    Path bin =
        configured != null ? Path.of(configured) : Path.of("/usr/lib/postgresql", major, "bin");
    if (!Files.isExecutable(bin.resolve("pg_dump"))
        || !Files.isExecutable(bin.resolve("pg_restore"))) {
      throw new AssertionError(
          "No pg_dump/pg_restore of PostgreSQL "
              + major
              + " in "
              + bin
              + ": apt-get install postgresql-client-"
              + major
              + " (or -Dzorgpad.pg-bin=…)");
    }
    return bin;
  }

  /** Runs a tool; fails with its output unless it exits 0. */
  static String run(Path tool, String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tool.toString());
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", nl.zorgpad.support.PostgresServer.PASSWORD);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
    }
    return output;
  }
}
