package nl.zorgpad.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.TestSession;

/**
 * A browser's session that can be pointed at any node: it keeps the cookies it was given (the
 * session cookie, the Tasklist's XSRF-TOKEN) and sends them to whichever base URL it is asked to,
 * as a browser behind a load balancer without sticky sessions would. Logs in with Zorgpad's login
 * form (its CSRF token), and sends the Tasklist's {@code X-XSRF-TOKEN} header on the webapps' API.
 * Not {@link TestSession}: it must carry one cookie jar across nodes and a proxy's TLS; it reads
 * the page's token the same way ({@link TestSession#pageToken}).
 */
final class WebSession {

  static final String SESSION_COOKIE = "JSESSIONID";

  private final HttpClient client;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private final List<String> setCookieHeaders = new ArrayList<>();

  WebSession() {
    this(null);
  }

  /** With this TLS context (a proxy with a test certificate), or the JVM's when null. */
  WebSession(javax.net.ssl.SSLContext tls) {
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10));
    if (tls != null) {
      builder.sslContext(tls);
    }
    client = builder.build();
  }

  /** Form login as a browser does it; the answer is the redirect after a successful login. */
  HttpResponse<String> login(String base, String user, String password) {
    return login(base, user, password, Map.of());
  }

  /** The same, with extra headers on both requests (what a client may claim). */
  HttpResponse<String> login(
      String base, String user, String password, Map<String, String> headers) {
    HttpResponse<String> page = send(base, "/login", headers);
    String csrf =
        TestSession.pageToken(page.body())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no CSRF token on the login page: " + page.statusCode()));
    StringBuilder body = new StringBuilder();
    Map.of("_csrf", csrf, "username", user, "password", password)
        .forEach(
            (name, value) ->
                body.append(body.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    HttpRequest.Builder post =
        request(base, "/login")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    headers.forEach(post::header);
    return send(post);
  }

  HttpResponse<String> get(String base, String path) {
    return send(request(base, path).GET());
  }

  /** A GET with extra headers. */
  HttpResponse<String> send(String base, String path, Map<String, String> headers) {
    HttpRequest.Builder get = request(base, path).GET();
    headers.forEach(get::header);
    return send(get);
  }

  /** A call of the Tasklist to the webapps' API ({@code /camunda/api/...}). */
  HttpResponse<String> tasklistGet(String base, String path) {
    return send(request(base, path).header("Accept", "application/json").GET());
  }

  /** A write of the Tasklist: JSON with the webapps' CSRF header. */
  HttpResponse<String> tasklistPost(String base, String path, String json) {
    return send(
        request(base, path)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  HttpResponse<String> postForm(String base, String path, Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return send(
        request(base, path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  /** Every Set-Cookie header this session was sent, in order. */
  List<String> setCookieHeaders() {
    return List.copyOf(setCookieHeaders);
  }

  private HttpRequest.Builder request(String base, String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (!cookies.isEmpty()) {
      StringBuilder header = new StringBuilder();
      cookies.forEach(
          (name, value) ->
              header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
      builder.header("Cookie", header.toString());
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      for (String header : response.headers().allValues("Set-Cookie")) {
        setCookieHeaders.add(header);
        String pair = header.split(";", 2)[0];
        int equals = pair.indexOf('=');
        String name = pair.substring(0, equals).trim();
        String value = pair.substring(equals + 1).trim();
        if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
      return response;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
