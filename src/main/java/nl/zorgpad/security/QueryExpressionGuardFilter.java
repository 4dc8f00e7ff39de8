package nl.zorgpad.security;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses any {@code ${} or {@code #{} in task and filter query input with 400, before the
 * request reaches the engine.
 *
 * <p>Camunda 7.24.0 CE checks expressions in ad-hoc task queries but not inside {@code orQueries}
 * (remote code execution for any logged-in user; fixed only in enterprise patches). Expressions
 * are not needed in any query a caregiver makes, so Zorgpad refuses them in every input of the
 * task and filter resources — URL parameters, JSON bodies at any depth (JSON escapes such as
 * {@code \u0024} are decoded before the check) and stored filter queries — of the REST API and
 * of the webapps' copy of it. Zorgpad's own pre-made filters are created through the Java API.
 */
public class QueryExpressionGuardFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(QueryExpressionGuardFilter.class);

  /** Task and filter resources, also under history, in /engine-rest and /camunda/api/engine. */
  private static final Pattern GUARDED_PATH = Pattern.compile(".*/(task|filter)(/.*)?");

  private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final com.fasterxml.jackson.databind.ObjectMapper json;

  /** {@code json}: Spring's mapper, for the refusal's body. */
  public QueryExpressionGuardFilter(com.fasterxml.jackson.databind.ObjectMapper json) {
    this.json = json;
  }

  static final String API_MESSAGE =
      "Expressions (${...} or #{...}) are not allowed in task or filter query input.";
  static final String USER_MESSAGE =
      nl.zorgpad.refusal.DutchText.of("security.queryExpressionRefused");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean api = path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    return !(api && GUARDED_PATH.matcher(path).matches());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (containsExpression(request.getRequestURI())
        || containsExpression(request.getQueryString())) {
      refuse(request, response, "URL");
      return;
    }
    HttpServletRequest forward = request;
    if (mayHaveBody(request)) {
      byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        return;
      }
      if (bodyContainsExpression(body)) {
        refuse(request, response, "body");
        return;
      }
      forward = new CachedBodyRequest(request, body);
    }
    chain.doFilter(forward, response);
  }

  private static boolean mayHaveBody(HttpServletRequest request) {
    String method = request.getMethod();
    return "POST".equals(method)
        || "PUT".equals(method)
        || "PATCH".equals(method)
        || "DELETE".equals(method);
  }

  static boolean bodyContainsExpression(byte[] body) {
    if (body.length == 0) {
      return false;
    }
    String text = new String(body, StandardCharsets.UTF_8);
    if (containsExpression(text)) {
      return true;
    }
    // JSON may hide the characters behind escapes (\u0024{): check every decoded string
    try (JsonParser parser = new JsonFactory().createParser(body)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if ((token == JsonToken.VALUE_STRING || token == JsonToken.FIELD_NAME)
            && containsExpression(parser.getText())) {
          return true;
        }
      }
    } catch (IOException notJson) {
      // not JSON (or broken JSON, which the REST API refuses itself): the raw check applies
    }
    return false;
  }

  /** True when the text, raw or URL-decoded (repeatedly), holds {@code ${} or {@code #{}. */
  static boolean containsExpression(String text) {
    if (text == null) {
      return false;
    }
    String current = text;
    for (int round = 0; round < 4; round++) {
      if (current.contains("${") || current.contains("#{")) {
        return true;
      }
      String decoded;
      try {
        decoded = URLDecoder.decode(current, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        return false;
      }
      if (decoded.equals(current)) {
        return false;
      }
      current = decoded;
    }
    return current.contains("${") || current.contains("#{");
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String where)
      throws IOException {
    LOG.warn(
        "Refused expression in task/filter query {} from user {} at {} {}: {}",
        where,
        request.getRemoteUser(),
        request.getMethod(),
        request.getRequestURI(),
        API_MESSAGE);
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    // the shape of every engine-door refusal (nl.zorgpad.rest.RefusalMappers): no class name as
    // type, the Dutch text as message (the Tasklist shows it), the English one in the log only
    String body =
        json.writeValueAsString(
            Map.of(
                "type",
                "ExpressionNotAllowed",
                "message",
                USER_MESSAGE,
                "userMessage",
                USER_MESSAGE,
                "error",
                "expression-not-allowed"));
    response.getWriter().write(body);
  }

  /** Lets the body be read again after it was checked. */
  static final class CachedBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;

    CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
