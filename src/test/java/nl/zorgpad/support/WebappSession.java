package nl.zorgpad.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like session of one user (HTTP Basic, session cookie kept): calls the webapps' API
 * ({@code /camunda/api/…}) as the Tasklist does, with Camunda's CSRF token (cookie
 * {@code XSRF-TOKEN} echoed in the header {@code X-XSRF-TOKEN}), and posts Zorgpad's page forms
 * with Spring's {@code _csrf} token.
 */
public final class WebappSession {

  /** The Tasklist's door to the engine's REST API. */
  public static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final Pattern PAGE_CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final String user;

  /** {@code user} is "id:password". */
  public WebappSession(int port, String user) {
    this.base = "http://localhost:" + port;
    this.user = user;
  }

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** A JSON request to the webapps' API with the CSRF token the Tasklist would send. */
  public HttpResponse<String> api(String method, String path, String json) {
    HttpRequest.Builder request = request(path).header("X-XSRF-TOKEN", xsrfToken())
        .header("Accept", "application/json");
    if (json == null) {
      return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
    }
    return send(request.header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postApi(String path, String json) {
    return api("POST", path, json);
  }

  /** Posts a form of Zorgpad's pages with the CSRF token of {@code csrfPage}. */
  public HttpResponse<String> postForm(String path, String csrfPage, Map<String, String> fields) {
    Matcher token = PAGE_CSRF.matcher(get(csrfPage).body());
    if (!token.find()) {
      throw new IllegalStateException("No CSRF token on " + csrfPage);
    }
    StringBuilder body = new StringBuilder("_csrf=").append(encode(token.group(1)));
    fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=')
        .append(encode(value)));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "text/html")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private String xsrfToken() {
    for (int attempt = 0; attempt < 2; attempt++) {
      for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
        if (cookie.getName().equals("XSRF-TOKEN")) {
          return cookie.getValue();
        }
      }
      // the CSRF filter hands out the token on a GET of the webapps
      get(ENGINE + "/task/count");
    }
    throw new IllegalStateException("No XSRF-TOKEN cookie for " + user);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
        + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
