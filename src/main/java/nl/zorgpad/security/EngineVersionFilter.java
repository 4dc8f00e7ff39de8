package nl.zorgpad.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.camunda.bpm.engine.impl.util.ProductPropertiesUtil;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The Tasklist and the welcome page as caregivers load them carry the engine's version: in the
 * footer ({@code version="v7.24.0"}, hidden by CSS but in the page) and as the cache-busting
 * parameter of every script, style sheet and translation ({@code ?bust=7.24.0}). This filter
 * replaces it in their HTML, scripts and style sheets by a token without meaning (random per
 * node start, so caches still refresh after an upgrade), and drops the footer's version. Cockpit
 * and Admin are left alone: only coordinators, auditors and administrators use them, who may know
 * the version. The REST endpoints that tell the version are closed to all but administrators in
 * {@link SecurityConfig}.
 */
class EngineVersionFilter extends OncePerRequestFilter {

  static final String[] URL_PATTERNS = {"/camunda/app/tasklist/*", "/camunda/app/welcome/*"};

  private final String version;
  private final String token;

  EngineVersionFilter() {
    this(ProductPropertiesUtil.getProductVersion());
  }

  EngineVersionFilter(String version) {
    this.version = version;
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    this.token = "zp" + HexFormat.of().formatHex(random);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (version == null || version.isBlank()) {
      chain.doFilter(request, response);
      return;
    }
    ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, captured);
    String type = captured.getContentType();
    byte[] body = captured.getContentAsByteArray();
    if (body.length > 0
        && type != null
        && (type.startsWith("text/") || type.contains("javascript") || type.contains("json"))) {
      String text = new String(body, StandardCharsets.UTF_8);
      if (text.contains(version)) {
        String cleaned =
            text.replace("version=\"v" + version + "\"", "version=\"\"").replace(version, token);
        captured.resetBuffer();
        captured.getOutputStream().write(cleaned.getBytes(StandardCharsets.UTF_8));
      }
    }
    captured.copyBodyToResponse();
  }

  String token() {
    return token;
  }
}
