package nl.zorgpad.socialmap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like session against the running test server: keeps the session cookie and posts
 * forms with the CSRF token of the page, as a browser does. {@code user} is "id:password" (HTTP
 * Basic) or null for anonymous.
 */
final class PageSession {

  private static final Pattern CSRF =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
      .followRedirects(HttpClient.Redirect.NEVER).build();
  private final String base;
  private final String user;

  PageSession(int port, String user) {
    this.base = "http://localhost:" + port;
    this.user = user;
  }

  HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** The CSRF token of a page the user may open (every page has the logout form). */
  String csrf(String page) {
    Matcher matcher = CSRF.matcher(get(page).body());
    if (!matcher.find()) {
      throw new IllegalStateException("No CSRF token on " + page);
    }
    return matcher.group(1);
  }

  HttpResponse<String> postForm(String path, String csrfPage, Map<String, String> fields) {
    StringBuilder body = new StringBuilder("_csrf=").append(encode(csrf(csrfPage)));
    fields.forEach((name, value) -> body.append('&').append(encode(name)).append('=')
        .append(encode(value)));
    return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
  }

  HttpResponse<String> postFile(String path, String csrfPage, String field, String fileName,
      byte[] content) {
    String boundary = "----zorgpad" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
        + csrf(csrfPage) + "\r\n");
    write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
        + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    if (user != null) {
      builder.header("Authorization", "Basic "
          + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)));
    }
    return builder;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new java.util.LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }
}
