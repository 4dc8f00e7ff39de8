package nl.zorgpad.support;

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
 * The demo application as the README starts it, in a JVM of its own (the test class path,
 * profile {@code demo}, H2 file in a data directory of the test): for tests that need a whole
 * installation of their own (other settings, other demo data) without a second Spring context
 * in the test JVM, whose engine registry and in-memory database the integration tests share.
 */
public final class DemoApplication implements AutoCloseable {

  private final int port;
  private final Path log;
  private final Process process;

  private DemoApplication(int port, Path log, Process process) {
    this.port = port;
    this.log = log;
    this.process = process;
  }

  /** Starts the JVM and returns at once; {@link #awaitUp} waits for it. */
  public static DemoApplication start(Path dataDir, String... arguments) {
    int port = freePort();
    Path log = dataDir.resolve("application.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                // C1 alone reserves a 48 MB code cache; the demo year (every pathway, 187 cases)
                // filled it once, after which the JVM could not link a method handle and the
                // health request's thread died (InternalError) — the test then waited forever
                "-XX:ReservedCodeCacheSize=160m",
                "-Djava.awt.headless=true",
                "-cp",
                System.getProperty("java.class.path"),
                "nl.zorgpad.ZorgpadApplication",
                "--spring.profiles.active=demo",
                "--server.port=" + port,
                "--zorgpad.data-dir=" + dataDir.toAbsolutePath()));
    command.addAll(List.of(arguments));
    try {
      Files.createDirectories(dataDir);
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      return new DemoApplication(port, log, process);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the demo application", e);
    }
  }

  public String base() {
    return "http://localhost:" + port;
  }

  /** Waits until {@code /actuator/health} answers UP; fails with the log's end if it dies. */
  public void awaitUp(Duration timeout) throws InterruptedException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "the application died during start (exit " + process.exitValue() + "):\n" + tail(80));
      }
      // the request's own timeout ends at the response's headers; a body that never comes is
      // bounded here, so the whole wait never outlasts the deadline
      java.util.concurrent.CompletableFuture<HttpResponse<String>> answer =
          client.sendAsync(
              HttpRequest.newBuilder(URI.create(base() + "/actuator/health"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      try {
        HttpResponse<String> health = answer.get(10, java.util.concurrent.TimeUnit.SECONDS);
        if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
          return;
        }
      } catch (java.util.concurrent.ExecutionException
          | java.util.concurrent.TimeoutException notYet) {
        // not listening yet, or no whole answer within 10 s
        answer.cancel(true);
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not up within " + timeout + ":\n" + tail(80));
  }

  private String tail(int lines) {
    try {
      List<String> all = Files.readString(log, StandardCharsets.UTF_8).lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
