package nl.zorgpad.notification;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser-like session (cookie + the page's CSRF token) with HTTP Basic, for form posts. */
final class FormSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final String user;

  FormSession(int port, String user) {
    this.base = "http://localhost:" + port;
    this.user = user;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** Posts form fields (name, value, name, value …) with the CSRF token of the page. */
  HttpResponse<String> post(String path, String... fields) {
    Matcher matcher = CSRF.matcher(get("/meldingen").body());
    if (!matcher.find()) {
      throw new IllegalStateException("no CSRF token on the page");
    }
    StringBuilder body = new StringBuilder("_csrf=").append(encode(matcher.group(1)));
    for (int i = 0; i < fields.length; i += 2) {
      body.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
    }
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8")
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString(user.getBytes(StandardCharsets.UTF_8)));
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
