package zorgpadbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A logged-in user as a browser is: a session cookie and the webapps' CSRF token
 * ({@code XSRF-TOKEN} cookie sent back as {@code X-XSRF-TOKEN}). Zorgpad logs in through its own
 * form login ({@code /login}); stock through the Camunda webapps' login
 * ({@code /camunda/api/admin/auth/user/default/login/tasklist}).
 */
final class Session {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  final String base;
  final String user;
  private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  private final HttpClient client;
  private String basic;

  Session(String base, String user) {
    this.base = base;
    this.user = user;
    this.client =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  static Session zorgpad(String base, String user, String password) {
    Session session = new Session(base, user);
    HttpResponse<String> page = session.get("/login", "text/html");
    Matcher token = CSRF.matcher(page.body());
    if (!token.find()) {
      throw new IllegalStateException(
          "Zorgpad's login page has no _csrf field (status " + page.statusCode() + ")");
    }
    HttpResponse<String> login =
        session.form(
            "/login",
            "username="
                + enc(user)
                + "&password="
                + enc(password)
                + "&_csrf="
                + enc(token.group(1)));
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException(
          "Zorgpad login of " + user + " failed: " + login.statusCode() + " " + location);
    }
    session.xsrf();
    return session;
  }

  static Session stock(String base, String user, String password) {
    Session session = new Session(base, user);
    session.xsrf();
    HttpResponse<String> login =
        session.form(
            "/camunda/api/admin/auth/user/default/login/tasklist",
            "username=" + enc(user) + "&password=" + enc(password));
    if (login.statusCode() != 200) {
      throw new IllegalStateException(
          "stock login of " + user + " failed: " + login.statusCode() + " " + login.body());
    }
    session.xsrf();
    return session;
  }

  /** HTTP Basic instead of a session (the administrator's benchmark endpoints). */
  static Session basic(String base, String user, String password) {
    Session session = new Session(base, user);
    session.basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return session;
  }

  /** A GET on the webapp gives the CSRF cookie, as the Tasklist's first page load does. */
  private void xsrf() {
    get("/camunda/app/tasklist/default/", "text/html");
  }

  private String xsrfToken() {
    for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
      if (cookie.getName().equals("XSRF-TOKEN")) {
        return cookie.getValue();
      }
    }
    return null;
  }

  HttpResponse<String> get(String path, String accept) {
    return send(request(path).header("Accept", accept).GET().build());
  }

  HttpResponse<String> postJson(String path, String accept, String json) {
    return send(
        request(path)
            .header("Accept", accept)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  HttpResponse<String> form(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  JsonNode json(HttpResponse<String> response) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          user
              + ": HTTP "
              + response.statusCode()
              + " on "
              + response.request().uri()
              + ": "
              + abbreviate(response.body()));
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(
          "not JSON from " + response.request().uri() + ": " + abbreviate(response.body()));
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofHours(6));
    String token = xsrfToken();
    if (token != null) {
      builder.header("X-XSRF-TOKEN", token);
    }
    if (basic != null) {
      builder.header("Authorization", basic);
    }
    return builder;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static String abbreviate(String text) {
    return text == null ? "" : text.length() > 400 ? text.substring(0, 400) + "…" : text;
  }
}
