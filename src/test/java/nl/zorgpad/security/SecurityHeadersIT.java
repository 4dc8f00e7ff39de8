package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.zorgpad.support.SourceAddressHttp;
import nl.zorgpad.support.SourceAddressHttp.Response;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 10, item 5, as the headers of real responses: the browser-security headers on Zorgpad's
 * pages and APIs and on the Camunda webapps (one policy each, aligned), the session cookie
 * {@code Secure} and HSTS behind TLS as the trusted proxy reports it, Tomcat's own error page
 * without server information, the engine version and Cockpit's statistics not for caregivers.
 */
@ZorgpadIntegrationTest
class SecurityHeadersIT {

  private static final String MIDWIFE = "demo-verloskundige:demo";

  @LocalServerPort int port;

  SourceAddressHttp proxy;

  @BeforeEach
  void setUp() {
    // 127.0.0.1 is the tests' trusted reverse proxy (application-test.yaml)
    proxy = new SourceAddressHttp(port, "127.0.0.1");
  }

  @Test
  void zorgpadsPagesSendTheirPolicyAndTheOtherHeaders() {
    for (String path : List.of("/login", "/casus", "/sociale-kaart", "/audit", "/")) {
      Response page = proxy.get(path, path.equals("/login") ? null : MIDWIFE);
      assertThat(page.headers("Content-Security-Policy"))
          .as(path)
          .containsExactly(SecurityHeaders.POLICY);
      assertCommonHeaders(path, page);
    }
    String policy = SecurityHeaders.POLICY;
    assertThat(policy)
        .contains(
            "script-src 'self';",
            "style-src 'self';",
            "object-src 'none'",
            "frame-ancestors 'self'",
            "form-action 'self'",
            "base-uri 'self'")
        .doesNotContain("unsafe");
    // the workbench's editors: inline styles (bpmn-js), still no inline script
    Response workbench = proxy.get("/modeling", "demo-coordinator:demo");
    assertThat(workbench.headers("Content-Security-Policy"))
        .singleElement()
        .asString()
        .contains("style-src 'self' 'unsafe-inline';", "script-src 'self';");
    // the APIs too (a JSON answer cannot be framed or run as a page either)
    assertThat(
            proxy.get("/api/cases/ZP-0000-00000/birth", MIDWIFE).headers("Content-Security-Policy"))
        .hasSize(1);
    assertThat(proxy.get("/engine-rest/task", MIDWIFE).headers("Content-Security-Policy"))
        .hasSize(1);
  }

  @Test
  void theCamundaWebappsSendCamundasPolicyAlignedWithZorgpads() {
    Response tasklist = proxy.get("/camunda/app/tasklist/default/", MIDWIFE);
    assertThat(tasklist.status()).isEqualTo(200);
    List<String> policies = tasklist.headers("Content-Security-Policy");
    assertThat(policies)
        .as("one policy, Camunda's with its nonce")
        .singleElement()
        .asString()
        .contains("'nonce-", "frame-ancestors 'self'", "object-src 'none'", "form-action 'self'");
    assertCommonHeaders("tasklist", tasklist);
  }

  @Test
  void behindTlsTheSessionCookieIsSecureAndHstsIsSent() {
    Response overTls =
        proxy.get("/login", null, "X-Forwarded-Proto: https", "X-Forwarded-For: 198.51.100.20");
    assertThat(sessionCookie(overTls))
        .contains("Secure")
        .contains("HttpOnly")
        .contains("SameSite=Strict");
    assertThat(overTls.header("Strict-Transport-Security"))
        .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age="));
    // plain HTTP: no Secure flag (the browser would drop the cookie), no HSTS
    Response plain = proxy.get("/login", null);
    assertThat(sessionCookie(plain)).doesNotContain("Secure");
    assertThat(plain.header("Strict-Transport-Security")).isEmpty();
    // a stranger claiming TLS is not believed
    Response stranger =
        new SourceAddressHttp(port, "127.0.0.9").get("/login", null, "X-Forwarded-Proto: https");
    assertThat(sessionCookie(stranger)).doesNotContain("Secure");
    assertThat(stranger.header("Strict-Transport-Security")).isEmpty();
  }

  @Test
  void tomcatsOwnErrorPageNamesNoServer() {
    // an invalid percent-encoding is refused by Tomcat before Spring sees the request
    Response broken = proxy.get("/casus/%zz", MIDWIFE);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.body())
        .doesNotContainIgnoringCase("tomcat")
        .doesNotContain("Exception")
        .doesNotContain("org.apache");
  }

  @Test
  void caregiversAreNotToldTheEngineVersionNorCockpitsStatistics() {
    for (String path :
        List.of(
            "/engine-rest/version",
            "/engine-rest/version/",
            "/engine-rest/telemetry/data",
            "/engine-rest/schema/log",
            "/camunda/api/engine/engine/default/version",
            "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")) {
      Response response = proxy.get(path, MIDWIFE);
      assertThat(response.status()).as(path).isEqualTo(403);
      assertThat(response.body()).as(path).doesNotContain("7.24");
    }
    assertThat(proxy.get("/engine-rest/version", "admin:demo-admin").body()).contains("7.24");
    assertThat(
            proxy
                .get(
                    "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
                    "demo-coordinator:demo")
                .status())
        .isEqualTo(200);
  }

  @Test
  void theTasklistAsACaregiverLoadsItShowsNoEngineVersion() {
    for (String path :
        List.of(
            "/camunda/app/tasklist/default/",
            "/camunda/app/welcome/default/",
            "/camunda/app/tasklist/camunda-tasklist-bootstrap.js",
            "/camunda/app/tasklist/camunda-tasklist-bootstrap.css")) {
      Response response = proxy.get(path, MIDWIFE);
      assertThat(response.status()).as(path).isEqualTo(200);
      assertThat(response.body()).as(path).doesNotContain("7.24.0").contains("zp");
      assertThat(response.header("Content-Length").map(Integer::parseInt))
          .as(path)
          .contains(response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }
    Response index = proxy.get("/camunda/app/tasklist/default/", MIDWIFE);
    assertThat(index.body()).contains("version=\"\"").containsPattern("bust=zp[0-9a-f]{8}");
    // the copies of Camunda's static files outside /camunda are closed
    for (String path :
        List.of("/webjars/camunda/app/tasklist/index.html", "/camunda-welcome/index.html")) {
      assertThat(proxy.get(path, MIDWIFE).status()).as(path).isEqualTo(403);
    }
  }

  private static void assertCommonHeaders(String what, Response response) {
    assertThat(response.headers("X-Content-Type-Options")).as(what).containsExactly("nosniff");
    assertThat(response.headers("X-Frame-Options")).as(what).containsExactly("SAMEORIGIN");
    assertThat(response.headers("Referrer-Policy")).as(what).containsExactly("same-origin");
    assertThat(response.headers("X-XSS-Protection")).as(what).containsExactly("0");
  }

  private static String sessionCookie(Response response) {
    return response.headers("Set-Cookie").stream()
        .filter(c -> c.startsWith("JSESSIONID="))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie"));
  }
}
