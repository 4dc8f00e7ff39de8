package nl.zorgpad.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * nginx from the machine's packages with {@code deploy/nginx.conf} itself, made local: the two
 * upstream servers become the test's nodes, TLS and plain HTTP listen on free ports of 127.0.0.1
 * with a throw-away certificate, and the proxy connects to the nodes from 127.0.0.2
 * ({@code proxy_bind}), so that a node can tell the proxy (trusted) from the test's own direct
 * requests (127.0.0.1, not trusted). Every other line — the forwarded headers above all — is the
 * file's own. The access log names the node of every request.
 */
final class Proxy implements AutoCloseable {

  static final Path NGINX = Path.of("/usr/sbin/nginx");
  static final Path CONFIG = Path.of("deploy", "nginx.conf");

  /** The address the nodes see for the proxy. */
  static final String ADDRESS = "127.0.0.2";

  final int httpsPort;
  final Path accessLog;
  private final Process process;

  private Proxy(int httpsPort, Path accessLog, Process process) {
    this.httpsPort = httpsPort;
    this.accessLog = accessLog;
    this.process = process;
  }

  static boolean available() {
    return Files.isExecutable(NGINX) && Files.isExecutable(Path.of("/usr/bin/openssl"));
  }

  static Proxy start(Path directory, Node first, Node second) throws Exception {
    Path dir = directory.toAbsolutePath();
    Files.createDirectories(dir);
    Path key = dir.resolve("zorgpad.key");
    Path certificate = dir.resolve("zorgpad.crt");
    run(
        List.of(
            "/usr/bin/openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=DNS:localhost",
            "-keyout",
            key.toString(),
            "-out",
            certificate.toString()));
    int https = Node.freePort();
    int http = Node.freePort();
    Path accessLog = dir.resolve("access.log");
    String config = Files.readString(CONFIG, StandardCharsets.UTF_8);
    config =
        replace(
            config,
            "worker_processes auto;",
            "worker_processes 1;\ndaemon off;\npid "
                + dir.resolve("nginx.pid")
                + ";\nerror_log "
                + dir.resolve("error.log")
                + " info;");
    config =
        replace(
            config,
            "  access_log /var/log/nginx/access.log;",
            "  log_format nodes '$request $status $upstream_addr';\n  access_log "
                + accessLog
                + " nodes;\n  client_body_temp_path "
                + dir.resolve("body")
                + ";\n  proxy_temp_path "
                + dir.resolve("proxy")
                + ";\n  fastcgi_temp_path "
                + dir.resolve("fastcgi")
                + ";\n  uwsgi_temp_path "
                + dir.resolve("uwsgi")
                + ";\n  scgi_temp_path "
                + dir.resolve("scgi")
                + ";\n  proxy_bind "
                + ADDRESS
                + ";");
    config = replace(config, "server zorgpad-1:8080", "server 127.0.0.1:" + first.port);
    config = replace(config, "server zorgpad-2:8080", "server 127.0.0.1:" + second.port);
    config = replace(config, "listen 80;", "listen 127.0.0.1:" + http + ";");
    config = replace(config, "listen 443 ssl;", "listen 127.0.0.1:" + https + " ssl;");
    config = replace(config, "/etc/nginx/tls/zorgpad.crt", certificate.toString());
    config = replace(config, "/etc/nginx/tls/zorgpad.key", key.toString());
    Path file = dir.resolve("nginx.conf");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    Process process =
        new ProcessBuilder(NGINX.toString(), "-c", file.toString(), "-p", dir.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("nginx.out").toFile())
            .start();
    Proxy proxy = new Proxy(https, accessLog, process);
    for (int i = 0; i < 50 && !proxy.listening(); i++) {
      if (!process.isAlive()) {
        throw new AssertionError(
            "nginx did not start: " + Files.readString(dir.resolve("nginx.out")));
      }
      Node.sleep(200);
    }
    return proxy;
  }

  String base() {
    return "https://localhost:" + httpsPort;
  }

  /** The upstream (node address) nginx used for each logged request whose line contains text. */
  List<String> upstreamsOf(String text) {
    try {
      return Files.readAllLines(accessLog).stream()
          .filter(line -> line.contains(text))
          .map(line -> line.substring(line.lastIndexOf(' ') + 1))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket("127.0.0.1", httpsPort)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String replace(String config, String line, String replacement) {
    if (!config.contains(line)) {
      throw new AssertionError(
          "deploy/nginx.conf no longer has '"
              + line
              + "': keep Proxy (the test's local copy of it) in step");
    }
    return config.replace(line, replacement);
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new AssertionError(String.join(" ", command) + " failed: " + output);
    }
  }
}
