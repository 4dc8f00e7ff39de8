package nl.zorgpad.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP from a chosen loopback source address (127.0.0.2, 127.0.0.3, …), for the tests of
 * per-address login throttling and of forwarded headers: {@link Http}'s JDK client cannot bind
 * its local address on Java 17, so this one speaks HTTP/1.0 over a plain {@link Socket} whose
 * local address is bound. The test server listens on all addresses, so every 127.x.y.z reaches
 * it. One request per connection; redirects are not followed. The hostile-input and throttling
 * tests need exactly this (raw bytes, chunked bodies, a chosen source address); every other
 * integration test uses {@link TestSession}.
 */
public final class SourceAddressHttp {

  /** A response: status, headers (names in lower case) and body. */
  public record Response(int status, Map<String, List<String>> headers, String body) {

    public Optional<String> header(String name) {
      List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
      return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    public List<String> headers(String name) {
      return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
  }

  private final int port;
  private final InetAddress source;

  public SourceAddressHttp(int port, String sourceAddress) {
    this.port = port;
    try {
      this.source = InetAddress.getByName(sourceAddress);
    } catch (IOException e) {
      throw new IllegalArgumentException(sourceAddress, e);
    }
  }

  public String sourceAddress() {
    return source.getHostAddress();
  }

  /** {@code user} is "id:password" for HTTP Basic, or null. */
  public Response get(String path, String user, String... headers) {
    return send("GET", path, user, null, null, headers);
  }

  /** A form post ({@code application/x-www-form-urlencoded}). */
  public Response postForm(String path, String user, String form, String... headers) {
    return send("POST", path, user, "application/x-www-form-urlencoded", form, headers);
  }

  /**
   * @param headers further headers as "Name: value"
   */
  public Response send(
      String method, String path, String user, String contentType, String body, String... headers) {
    return send(
        method,
        path,
        user,
        contentType,
        body == null ? null : body.getBytes(StandardCharsets.UTF_8),
        false,
        headers);
  }

  /**
   * Any request; with {@code chunked} the body goes without a declared length
   * ({@code Transfer-Encoding: chunked}, HTTP/1.1), as a streaming client sends it.
   *
   * @param headers further headers as "Name: value"
   */
  public Response send(
      String method,
      String path,
      String user,
      String contentType,
      byte[] body,
      boolean chunked,
      String... headers) {
    byte[] content = body == null ? new byte[0] : body;
    StringBuilder request =
        new StringBuilder()
            .append(method)
            .append(' ')
            .append(path)
            .append(chunked ? " HTTP/1.1\r\n" : " HTTP/1.0\r\n")
            .append("Host: localhost:")
            .append(port)
            .append("\r\n")
            .append("Connection: close\r\n");
    if (user != null) {
      request
          .append("Authorization: Basic ")
          .append(Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8)))
          .append("\r\n");
    }
    for (String header : headers) {
      request.append(header).append("\r\n");
    }
    if (body != null) {
      request.append("Content-Type: ").append(contentType).append("\r\n");
      if (chunked) {
        request.append("Transfer-Encoding: chunked\r\n");
      } else {
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
    }
    request.append("\r\n");
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(source, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (chunked && body != null) {
        for (int from = 0; from < content.length; from += 8192) {
          int length = Math.min(8192, content.length - from);
          out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
          out.write(content, from, length);
          out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      } else {
        out.write(content);
      }
      out.flush();
      return parse(socket.getInputStream());
    } catch (java.net.SocketException e) {
      if (chunked) {
        // the server answered and closed before it had read the whole body
        throw new IllegalStateException("connection closed while sending " + path, e);
      }
      throw new IllegalStateException(method + " " + path + " from " + source, e);
    } catch (IOException e) {
      throw new IllegalStateException(method + " " + path + " from " + source, e);
    }
  }

  /**
   * Logs in on the login form and returns a browser-like session: its cookie and the CSRF token
   * of its pages go with every request.
   */
  public Session login(String user, String password) {
    Response page = get("/login", null);
    String cookie = sessionCookie(page);
    Response login =
        postForm(
            "/login",
            null,
            "username="
                + encode(user)
                + "&password="
                + encode(password)
                + "&_csrf="
                + encode(csrfToken(page)),
            "Cookie: " + cookie);
    if (login.status() != 302 || login.header("Location").orElse("").contains("/login")) {
      throw new IllegalStateException("login of " + user + " failed: " + login.status());
    }
    return new Session(this, sessionCookie(login));
  }

  /** A logged-in session from this source address ({@link #login}). */
  public static final class Session {

    private final SourceAddressHttp http;
    private final String cookie;

    private Session(SourceAddressHttp http, String cookie) {
      this.http = http;
      this.cookie = cookie;
    }

    public Response get(String path, String... headers) {
      return http.get(path, null, with(headers));
    }

    /** A form post with the session's CSRF token; {@code form} is already URL-encoded. */
    public Response postForm(String path, String form, String... headers) {
      String token = SourceAddressHttp.csrfToken(http.get("/", null, "Cookie: " + cookie));
      return http.postForm(
          path, null, "_csrf=" + encode(token) + (form.isEmpty() ? "" : "&" + form), with(headers));
    }

    /** The session's CSRF token (for {@code X-CSRF-TOKEN} on XHR-style requests). */
    public String csrfToken() {
      return SourceAddressHttp.csrfToken(http.get("/", null, "Cookie: " + cookie));
    }

    /** Any request with the session's cookie (no CSRF token). */
    public Response send(
        String method, String path, String contentType, String body, String... headers) {
      return http.send(method, path, null, contentType, body, with(headers));
    }

    /** Any request with the session's cookie; {@code chunked}: without a declared length. */
    public Response send(
        String method,
        String path,
        String contentType,
        byte[] body,
        boolean chunked,
        String... headers) {
      return http.send(method, path, null, contentType, body, chunked, with(headers));
    }

    /** The cookie, and a browser's Accept unless the request has its own. */
    private String[] with(String... headers) {
      List<String> all = new ArrayList<>(List.of(headers));
      all.add("Cookie: " + cookie);
      if (all.stream().noneMatch(h -> h.regionMatches(true, 0, "Accept:", 0, 7))) {
        all.add("Accept: text/html,application/xhtml+xml,*/*;q=0.8");
      }
      return all.toArray(String[]::new);
    }
  }

  /** The page's CSRF token, read as {@link TestSession#pageToken} reads it. */
  public static String csrfToken(Response page) {
    return TestSession.pageToken(page.body())
        .orElseThrow(
            () -> new IllegalStateException("no CSRF token on the page (" + page.status() + ")"));
  }

  private static String sessionCookie(Response response) {
    return response.headers("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no session cookie"));
  }

  public static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    byte[] bytes = all.toByteArray();
    int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    String head = new String(bytes, 0, end < 0 ? bytes.length : end, StandardCharsets.ISO_8859_1);
    byte[] rest =
        end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers
            .computeIfAbsent(
                lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                name -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }
    if (headers.getOrDefault("transfer-encoding", List.of()).contains("chunked")) {
      rest = unchunked(rest);
    }
    return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
  }

  /** The body of an HTTP/1.1 chunked answer. */
  private static byte[] unchunked(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    byte[] lineEnd = "\r\n".getBytes(StandardCharsets.ISO_8859_1);
    while (at < chunked.length) {
      int sizeEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), lineEnd);
      if (sizeEnd < 0) {
        break;
      }
      String size =
          new String(chunked, at, sizeEnd, StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      int from = at + sizeEnd + 2;
      body.write(chunked, from, Math.min(length, chunked.length - from));
      at = from + length + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] bytes, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= bytes.length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
