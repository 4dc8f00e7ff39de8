package nl.zorgpad.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import nl.zorgpad.refusal.UserRefusal;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The first thing every request meets (before Spring Security, the CSRF check, the multipart
 * parser and any controller, so that nothing reads or stores what is refused):
 * <ul>
 *   <li>the request-size limit: a body larger than its path allows ({@link InputRules#maxBody})
 *       is refused with 413; a body without a declared length is counted while it is read and
 *       cut off at the limit;</li>
 *   <li>path tricks: a path with a path parameter ({@code ;}, as in Tomcat's {@code /..;/}),
 *       encoded slashes, backslashes, dots, percent signs or NUL, or a control character is
 *       refused with 400. Spring Security's firewall refuses most of them too, but only after
 *       Spring's request-path parsing, which answered {@code /camunda/app/x/..;/..;/engine-rest}
 *       with a 500.</li>
 * </ul>
 * The answer is written here, in Dutch: a problem detail with {@code userMessage} to API clients,
 * a small page otherwise (with the headers Spring Security would have added, which has not run).
 */
class RequestLimitFilter extends OncePerRequestFilter {

  /** Raw (still encoded) path fragments that no Zorgpad or Camunda URL needs. */
  private static final List<String> PATH_TRICKS =
      List.of(";", "\\", "%2f", "%5c", "%2e", "%25", "%00");

  private final InputRules rules;
  private final ObjectMapper json;
  private final MessageSource messages;

  RequestLimitFilter(InputRules rules, ObjectMapper json, MessageSource messages) {
    this.rules = rules;
    this.json = json;
    this.messages = messages;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String uri = request.getRequestURI();
    String lower = uri.toLowerCase(Locale.ROOT);
    if (PATH_TRICKS.stream().anyMatch(lower::contains) || InputRules.hasControlCharacter(uri)) {
      refuse(request, response, rules.badPath());
      return;
    }
    DataSize max = rules.maxBody(request);
    long length = request.getContentLengthLong();
    if (length > max.toBytes()) {
      refuse(request, response, rules.bodyTooLarge(max));
      return;
    }
    if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
      InputLimitException tooLarge = rules.bodyTooLarge(max);
      CountedBody counted = new CountedBody(request, max.toBytes(), tooLarge);
      try {
        chain.doFilter(counted, response);
      } catch (IOException | ServletException | RuntimeException failure) {
        // a reader that lets the stream's exception escape (Jersey propagates an IOException of
        // the request stream as a container failure, 500): the refusal is still ours to answer
        if (!counted.overflowed() || response.isCommitted()) {
          throw failure;
        }
        response.reset();
        refuse(request, response, tooLarge);
      }
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(
      HttpServletRequest request, HttpServletResponse response, InputLimitException refused)
      throws IOException {
    logger.info(
        "Request refused ("
            + refused.status()
            + " "
            + refused.code()
            + "): "
            + refused.getMessage());
    response.setStatus(refused.status());
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "SAMEORIGIN");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Cache-Control", "no-store");
    // the body is not read: close the connection rather than swallow it
    response.setHeader("Connection", "close");
    if (InputRules.wantsJson(request)) {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), InputLimitAdvice.problem(refused));
      return;
    }
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self';"
            + " frame-ancestors 'self'; form-action 'self'; base-uri 'none'");
    response.setContentType(MediaType.TEXT_HTML_VALUE);
    String context = request.getContextPath();
    response
        .getWriter()
        .write(
            "<!DOCTYPE html>\n<html lang=\"nl\"><head><meta charset=\"utf-8\">"
                + "<title>"
                + text("error.title")
                + " – "
                + text("app.name")
                + "</title>"
                + "<link rel=\"stylesheet\" href=\""
                + context
                + "/css/zorgpad.css\"></head><body>"
                + "<main class=\"zp-main zp-narrow\"><h1>"
                + text("error.title")
                + "</h1>"
                + "<p id=\"problem\">"
                + HtmlUtils.htmlEscape(refused.userMessage())
                + "</p>"
                + "<p><a href=\""
                + context
                + "/\">"
                + text("error.back")
                + "</a></p></main>"
                + "</body></html>\n");
  }

  private String text(String key) {
    return HtmlUtils.htmlEscape(messages.getMessage(key, null, InputRules.DUTCH));
  }

  /** A body of unknown length that may not grow beyond {@code max} bytes while it is read. */
  private static final class CountedBody extends HttpServletRequestWrapper {

    private final long max;
    private final InputLimitException tooLarge;
    private ServletInputStream counted;
    private volatile boolean overflowed;

    CountedBody(HttpServletRequest request, long max, InputLimitException tooLarge) {
      super(request);
      this.max = max;
      this.tooLarge = tooLarge;
    }

    boolean overflowed() {
      return overflowed;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (counted == null) {
        ServletInputStream in = super.getInputStream();
        counted =
            new ServletInputStream() {
              private long read;

              @Override
              public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                  count(1);
                }
                return b;
              }

              @Override
              public int read(byte[] buffer, int offset, int length) throws IOException {
                int n = in.read(buffer, offset, length);
                if (n > 0) {
                  count(n);
                }
                return n;
              }

              private void count(int n) throws IOException {
                read += n;
                if (read > max) {
                  overflowed = true;
                  throw new BodyTooLargeException(tooLarge);
                }
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }
            };
      }
      return counted;
    }
  }

  /**
   * What a reader of a body without a declared length meets at the limit: an {@link IOException}
   * (what a stream may throw) that is also the refusal, so every door that finds a
   * {@link UserRefusal} in the cause chain — Zorgpad's API, {@code /engine-rest}, the webapps'
   * API — answers 413 with the Dutch text instead of "unreadable".
   */
  static final class BodyTooLargeException extends IOException implements UserRefusal {

    private final InputLimitException refusal;

    BodyTooLargeException(InputLimitException refusal) {
      super(refusal.getMessage());
      this.refusal = refusal;
    }

    @Override
    public int status() {
      return refusal.status();
    }

    @Override
    public String code() {
      return refusal.code();
    }

    @Override
    public String userMessage() {
      return refusal.userMessage();
    }
  }
}
