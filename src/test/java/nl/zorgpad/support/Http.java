package nl.zorgpad.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A small real HTTP client against the running test server (no MockMvc: real filters), for
 * Zorgpad's API: one request at a time, the user per request, no cookies, no CSRF token. For a
 * session (cookies, page forms, the Tasklist's calls, CSRF tokens) use {@link TestSession}.
 */
public final class Http {

  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final int port;

  public Http(int port) {
    this.port = port;
    this.base = "http://localhost:" + port;
  }

  public int port() {
    return port;
  }

  public HttpResponse<String> get(String path, String user) {
    return send(builder(path, user).GET().build());
  }

  public HttpResponse<String> postJson(String path, String user, String json) {
    return send(
        builder(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> putJson(String path, String user, String json) {
    return send(
        builder(path, user)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  public HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code user} is "id:password" for HTTP Basic, or null for an anonymous request. */
  public HttpRequest.Builder builder(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (user != null) {
      builder.header("Authorization", TestSession.basic(user));
    }
    return builder;
  }

  public String base() {
    return base;
  }
}
