package nl.zorgpad.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one HTTP client of the integration tests: a browser-like session of one user against the
 * running test server — real filters, no MockMvc. It keeps its cookies (the session, Camunda's
 * {@code XSRF-TOKEN}), follows no redirect, and sends HTTP Basic for {@code user}
 * ("id:password"; null for an anonymous session, which can still log in with the login form).
 *
 * <p>The two CSRF tokens, read the way the pages hand them out:
 * <ul>
 *   <li>Zorgpad's own pages (Spring Security): {@link #csrf(String)} reads the token of a page —
 *   the hidden {@code _csrf} input of its forms, the {@code data-csrf-token} attribute the
 *   scripts read, or a {@code <meta name="_csrf">} tag ({@link #pageToken(String)});
 *   {@link #postForm}, {@link #postFile} and {@link #json} send it;</li>
 *   <li>the Camunda webapps ({@code /camunda/api/…}): {@link #xsrfToken()} is the
 *   {@code XSRF-TOKEN} cookie or {@code X-XSRF-TOKEN} header the webapps' filter sends on a read,
 *   and {@link #api} echoes it in the {@code X-XSRF-TOKEN} header, as the Tasklist does.</li>
 * </ul>
 */
public final class TestSession {

  /** The Tasklist's door to the engine's REST API. */
  public static final String ENGINE = "/camunda/api/engine/engine/default";

  /** What a browser asks for when it opens a page. */
  public static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

  private static final Pattern HIDDEN_INPUT =
      Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
  private static final Pattern DATA_ATTRIBUTE = Pattern.compile("data-csrf-token=\"([^\"]+)\"");
  private static final Pattern META =
      Pattern.compile("<meta\\s+name=\"_csrf\"\\s+content=\"([^\"]+)\"");

  private final CookieManager cookies = new CookieManager();
  private final HttpClient client =
      HttpClient.newBuilder()
          .cookieHandler(cookies)
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final String base;
  private final String user;
  private String accept;
  private String xsrfHeader;

  private TestSession(int port, String user) {
    this.base = "http://localhost:" + port;
    this.user = user;
  }

  /** A session of {@code user} ("id:password", HTTP Basic on every request; null: anonymous). */
  public static TestSession of(int port, String user) {
    return new TestSession(port, user);
  }

  public static TestSession anonymous(int port) {
    return new TestSession(port, null);
  }

  /** A session of {@code user} that asks for pages as a browser does ({@link #HTML}). */
  public static TestSession browser(int port, String user) {
    return new TestSession(port, user).accept(HTML);
  }

  /** The {@code Accept} header of every request of this session (none by default). */
  public TestSession accept(String mediaTypes) {
    this.accept = mediaTypes;
    return this;
  }

  public String base() {
    return base;
  }

  // --- requests -------------------------------------------------------------------------

  public HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  /** JSON to Zorgpad's API ({@code /api/…}: HTTP Basic, no CSRF token needed). */
  public HttpResponse<String> postJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> putJson(String path, String json) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** A request of this session (its Basic authentication and Accept header) to build on. */
  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
    if (accept != null) {
      builder.header("Accept", accept);
    }
    if (user != null) {
      builder.header("Authorization", basic(user));
    }
    return builder;
  }

  /** Sends with this session's cookies; remembers the webapps' CSRF header if one comes back. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> xsrfHeader = token);
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // --- Zorgpad's pages: Spring Security's token --------------------------------------------

  /** The CSRF token of a page this session may open (every page has the logout form). */
  public String csrf(String page) {
    HttpResponse<String> response = get(page);
    return pageToken(response.body())
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "No CSRF token on " + page + " (" + response.statusCode() + ")"));
  }

  /** The CSRF token in a page's HTML: hidden input, data attribute or meta tag. */
  public static Optional<String> pageToken(String html) {
    for (Pattern pattern : new Pattern[] {HIDDEN_INPUT, DATA_ATTRIBUTE, META}) {
      Matcher matcher = pattern.matcher(html == null ? "" : html);
      if (matcher.find()) {
        return Optional.of(matcher.group(1));
      }
    }
    return Optional.empty();
  }

  /** Posts a form of Zorgpad's pages with the CSRF token of {@code csrfPage}. */
  public HttpResponse<String> postForm(String path, String csrfPage, Map<String, String> fields) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("_csrf", csrf(csrfPage));
    form.putAll(fields);
    HttpRequest.Builder request = request(path);
    if (accept == null) {
      request.header("Accept", "text/html"); // a browser's form post
    }
    return send(
        request
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody(form))));
  }

  /** Posts a form (name, value, name, value …) with the CSRF token of the start page. */
  public HttpResponse<String> submit(String path, String... fields) {
    return postForm(path, "/", fields(fields));
  }

  /** The login form, as a browser sends it (its CSRF token from the login page). */
  public HttpResponse<String> login(String userId, String password) {
    return postForm("/login", "/login", fields("username", userId, "password", password));
  }

  /** A file upload (multipart) of Zorgpad's pages, with the CSRF token of {@code csrfPage}. */
  public HttpResponse<String> postFile(
      String path,
      String csrfPage,
      String field,
      String fileName,
      String contentType,
      byte[] content) {
    String boundary = "----zorgpad" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf(csrfPage)
            + "\r\n");
    write(
        body,
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + field
            + "\"; filename=\""
            + fileName
            + "\"\r\nContent-Type: "
            + contentType
            + "\r\n\r\n");
    body.writeBytes(content);
    write(body, "\r\n--" + boundary + "--\r\n");
    return send(
        request(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** A CSV file upload (the sociale kaart's import), with the CSRF token of {@code csrfPage}. */
  public HttpResponse<String> postCsv(
      String path, String csrfPage, String field, String fileName, byte[] content) {
    return postFile(path, csrfPage, field, fileName, "text/csv", content);
  }

  /**
   * JSON to one of Zorgpad's own scripts' endpoints (the workbench's API, …) with the page's
   * token in the {@code X-CSRF-TOKEN} header, as those scripts send it.
   */
  public HttpResponse<String> json(String method, String path, String csrfPage, String json) {
    return send(
        request(path)
            .header("X-CSRF-TOKEN", csrf(csrfPage))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  // --- the Camunda webapps: the XSRF-TOKEN cookie echoed in a header ----------------------

  /** A JSON request to the webapps' API with the CSRF token the Tasklist would send. */
  public HttpResponse<String> api(String method, String path, String json) {
    HttpRequest.Builder request =
        request(path).header("X-XSRF-TOKEN", xsrfToken()).setHeader("Accept", "application/json");
    if (json == null) {
      return send(request.method(method, HttpRequest.BodyPublishers.noBody()));
    }
    return send(
        request
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> postApi(String path, String json) {
    return api("POST", path, json);
  }

  /** The webapps' CSRF token; a first read of the webapps hands it out. */
  public String xsrfToken() {
    for (int attempt = 0; attempt < 2; attempt++) {
      if (xsrfHeader != null) {
        return xsrfHeader;
      }
      for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
        if (cookie.getName().equals("XSRF-TOKEN")) {
          return cookie.getValue();
        }
      }
      send(request(ENGINE + "/task/count").setHeader("Accept", "application/json").GET());
    }
    throw new IllegalStateException("No XSRF-TOKEN for " + (user == null ? "anonymous" : user));
  }

  /** A cookie this session holds, if any. */
  public Optional<String> cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst();
  }

  // --- helpers ------------------------------------------------------------------------------

  /** Form fields in order: name, value, name, value … */
  public static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }

  public static String formBody(Map<String, String> fields) {
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(encode(name))
                .append('=')
                .append(encode(value)));
    return body.toString();
  }

  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** The {@code Authorization} header for "id:password". */
  public static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
