package nl.zorgpad.security;

import static nl.zorgpad.security.SecurityConfig.path;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The browser-security headers of every response (issue 10, item 5). Spring Security's defaults
 * stay ({@code X-Content-Type-Options: nosniff}, {@code Cache-Control}, HSTS on requests that
 * arrived over TLS, also through a trusted proxy, and {@code X-XSS-Protection: 0}); added:
 *
 * <ul>
 *   <li>{@code Content-Security-Policy} on Zorgpad's own pages and APIs: scripts and styles only
 *       from Zorgpad itself, no inline script anywhere (the templates pass data in
 *       {@code data-*} attributes), no plug-ins, no framing by other sites, forms only to
 *       Zorgpad. The workbench's editors ({@link #EDITOR_PAGES}) also allow inline
 *       <em>styles</em>: bpmn-js's and dmn-js's modelers write style attributes into the elements
 *       they create (Chromium reports {@code style-src-attr} otherwise); the read-only diagram
 *       viewers on the case and audit pages need no such allowance. The Camunda webapps ({@code /camunda/**}) send
 *       their own policy with a nonce (Camunda's header-security filter, configured in
 *       application.yaml: {@code camunda.bpm.webapp.header-security}), so none is added there;</li>
 *   <li>{@code Referrer-Policy: same-origin}: a case number in a URL never leaves Zorgpad in a
 *       {@code Referer};</li>
 *   <li>{@code X-Frame-Options: SAMEORIGIN}, matching {@code frame-ancestors 'self'}.</li>
 * </ul>
 */
final class SecurityHeaders {

  /** Zorgpad's own pages. */
  static final String POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none';"
          + " base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  /** The workbench's editors (bpmn-js, dmn-js, form-js modelers): inline styles too. */
  static final String EDITOR_POLICY =
      POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");

  static final RequestMatcher EDITOR_PAGES = path("/modeling/**");

  private static final RequestMatcher CAMUNDA_WEBAPPS = path("/camunda/**");

  static void configure(HeadersConfigurer<HttpSecurity> headers) {
    RequestMatcher own = new NegatedRequestMatcher(CAMUNDA_WEBAPPS);
    HeaderWriter editors =
        new DelegatingRequestMatcherHeaderWriter(
            EDITOR_PAGES, new ContentSecurityPolicyHeaderWriter(EDITOR_POLICY));
    HeaderWriter pages =
        new DelegatingRequestMatcherHeaderWriter(
            new AndRequestMatcher(own, new NegatedRequestMatcher(EDITOR_PAGES)),
            new ContentSecurityPolicyHeaderWriter(POLICY));
    headers
        .frameOptions(frame -> frame.sameOrigin())
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(editors)
        .addHeaderWriter(pages);
  }

  private SecurityHeaders() {}
}
