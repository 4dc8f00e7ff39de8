package nl.zorgpad.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HTTP sessions live in the database (Spring Session JDBC, table zp_session, decision 0009): a
 * caregiver's login, the webapps' own authentication of the Tasklist and their CSRF token are
 * rows any node can read, every attribute serializable; the cookie keeps HttpOnly and
 * SameSite=Strict. Moving a session from one node to another for real: {@link ClusterIT}.
 */
@ZorgpadIntegrationTest
class SessionStoreIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aLoginAndTheTasklistsSessionAreRowsInTheDatabase() throws Exception {
    String base = "http://localhost:" + port;
    WebSession browser = new WebSession();

    HttpResponse<String> login = browser.login(base, "demo-verloskundige", "demo");
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
    String cookie =
        browser.setCookieHeaders().stream()
            .filter(header -> header.startsWith(WebSession.SESSION_COOKIE + "="))
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");

    // the Tasklist: its page, who am I, the filters, a filter's list (a POST with its CSRF header)
    assertThat(browser.get(base, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    assertThat(browser.cookie("XSRF-TOKEN")).isNotBlank();
    HttpResponse<String> me = browser.tasklistGet(base, "/camunda/api/admin/auth/user/default");
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    assertThat(JSON.readTree(me.body()).path("userId").asText()).isEqualTo("demo-verloskundige");
    JsonNode filters =
        JSON.readTree(
            browser
                .tasklistGet(base, "/camunda/api/engine/engine/default/filter?resourceType=Task")
                .body());
    assertThat(filters).isNotEmpty();
    HttpResponse<String> list =
        browser.tasklistPost(
            base,
            "/camunda/api/engine/engine/default/filter/"
                + filters.get(0).path("id").asText()
                + "/list?firstResult=0&maxResults=15",
            "{}");
    assertThat(list.statusCode()).as(list.body()).isEqualTo(200);

    String sessionId =
        new String(
            Base64.getDecoder().decode(browser.cookie(WebSession.SESSION_COOKIE)),
            StandardCharsets.UTF_8);
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select primary_id, principal_name from" + " zp_session where session_id = ?",
            sessionId);
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("principal_name")).isEqualTo("demo-verloskundige");
    String primaryId = (String) rows.get(0).get("primary_id");
    Map<String, byte[]> attributes = new java.util.HashMap<>();
    jdbc.query(
        "select attribute_name, attribute_bytes from zp_session_attributes where"
            + " session_primary_id = ?",
        row -> {
          attributes.put(row.getString(1), row.getBytes(2));
        },
        primaryId);
    // Spring Security's login, the webapps' authentication and CSRF token, in the database
    assertThat(attributes)
        .containsKeys("SPRING_SECURITY_CONTEXT", "authenticatedUser", "CAMUNDA_CSRF_TOKEN");
    DeserializingConverter java = new DeserializingConverter();
    attributes.forEach((name, bytes) -> assertThat(java.convert(bytes)).as(name).isNotNull());
    Authentications webapps = (Authentications) java.convert(attributes.get("authenticatedUser"));
    assertThat(webapps.getAuthenticationForProcessEngine("default").getIdentityId())
        .isEqualTo("demo-verloskundige");

    // the database is where the session is: without its row, the cookie means nothing
    jdbc.update("delete from zp_session where primary_id = ?", primaryId);
    HttpResponse<String> after = browser.get(base, "/casus");
    assertThat(after.statusCode()).isEqualTo(302);
    assertThat(after.headers().firstValue("Location").orElseThrow()).endsWith("/login");
  }

  /**
   * Issue 13: the last access is written at most once a minute (security.LastAccessThrottledSessions),
   * not by every request — each was an update of the session row in a transaction of its own.
   * Attributes are still saved, and a session whose stored last access is older than the
   * interval gets the new one.
   */
  @Test
  void theLastAccessIsWrittenOnceAMinuteNotOnEveryRequest() throws Exception {
    String base = "http://localhost:" + port;
    WebSession browser = new WebSession();
    assertThat(browser.login(base, "demo-jgz", "demo").statusCode()).isEqualTo(302);
    assertThat(browser.get(base, "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    String sessionId =
        new String(
            Base64.getDecoder().decode(browser.cookie(WebSession.SESSION_COOKIE)),
            StandardCharsets.UTF_8);
    long stored = lastAccess(sessionId);

    for (int i = 0; i < 3; i++) {
      HttpResponse<String> me = browser.tasklistGet(base, "/camunda/api/admin/auth/user/default");
      assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    }
    assertThat(lastAccess(sessionId)).as("requests within the minute").isEqualTo(stored);

    // as if the last request had been two minutes ago: the next one moves the last access
    long twoMinutesAgo = System.currentTimeMillis() - 120_000;
    jdbc.update(
        "update zp_session set last_access_time = ?,"
            + " expiry_time = cast(? as bigint) + max_inactive_interval * 1000 where session_id = ?",
        twoMinutesAgo,
        twoMinutesAgo,
        sessionId);
    HttpResponse<String> me = browser.tasklistGet(base, "/camunda/api/admin/auth/user/default");
    assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
    long moved = lastAccess(sessionId);
    assertThat(moved).isGreaterThan(twoMinutesAgo + 60_000);
    long expiry =
        jdbc.queryForObject(
            "select expiry_time - max_inactive_interval * 1000 from zp_session"
                + " where session_id = ?",
            Long.class,
            sessionId);
    assertThat(expiry).as("the expiry follows the written last access").isEqualTo(moved);
  }

  private long lastAccess(String sessionId) {
    return jdbc.queryForObject(
        "select last_access_time from zp_session where session_id = ?", Long.class, sessionId);
  }
}
