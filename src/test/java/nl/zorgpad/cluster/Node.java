package nl.zorgpad.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Zorgpad node as an operator runs it: its own JVM ({@code java -cp … ZorgpadApplication},
 * the test class path), profiles {@code postgres,demo}, only the {@code ZORGPAD_*} settings
 * pointing at the database; stdout and stderr go to {@code target/cluster-it/<name>.log}.
 */
final class Node implements AutoCloseable {

  final String name;
  final int port;
  final Path log;
  private final Process process;

  private Node(String name, int port, Path log, Process process) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts the JVM and returns at once (it is ready when {@link #awaitReady} says so). */
  static Node start(String name, String jdbcUrl, Path logDir, List<String> arguments) {
    int port = freePort();
    Path log = logDir.resolve(name + ".log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx640m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Xss512k",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "nl.zorgpad.ZorgpadApplication",
                "--spring.profiles.active=postgres,demo",
                "--server.port=" + port,
                "--ZORGPAD_NODE_NAME=" + name,
                "--ZORGPAD_DB_URL=" + jdbcUrl,
                "--ZORGPAD_DB_USER=" + nl.zorgpad.support.PostgresServer.APP,
                "--ZORGPAD_DB_PASSWORD=" + nl.zorgpad.support.PostgresServer.PASSWORD,
                "--ZORGPAD_DB_OWNER_USER=" + nl.zorgpad.support.PostgresServer.OWNER,
                "--ZORGPAD_DB_OWNER_PASSWORD=" + nl.zorgpad.support.PostgresServer.PASSWORD,
                "--ZORGPAD_DB_POOL_SIZE=8",
                "--zorgpad.data-dir=" + logDir.resolve(name + "-data"),
                // the monitor's year of demo cases would take minutes: the seven demo cases suffice
                "--zorgpad.demo.monitor-cases=false"));
    command.addAll(arguments);
    try {
      Files.createDirectories(logDir);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new Node(name, port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start node " + name, e);
    }
  }

  String base() {
    return "http://localhost:" + port;
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the log's end if it dies. */
  void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            name + " died during start (exit " + process.exitValue() + "):\n" + tail(80));
      }
      try {
        HttpResponse<String> health =
            client.send(
                HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(5))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(1000);
    }
    throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail(80));
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no commit, the database sessions just end. */
  void kill() {
    process.destroyForcibly();
    waitFor(30);
  }

  /** A normal stop (SIGTERM: Spring closes the context). */
  void stop() {
    process.destroy();
    if (!waitFor(90)) {
      kill();
    }
  }

  int exitValue() {
    return process.exitValue();
  }

  boolean waitFor(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  String logText() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  String tail(int lines) {
    List<String> all = logText().lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
