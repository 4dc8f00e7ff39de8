package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.SourceAddressHttp;
import nl.zorgpad.support.SourceAddressHttp.Response;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 10, item 4: a stranger hammering a caregiver's account from one address is throttled and
 * then blocked there, while the caregiver herself logs in from another address; no door is left
 * out; a forged {@code X-Forwarded-For} does not help; the throttling is in the access log.
 * Requests come from real loopback source addresses (127.0.0.x, {@link SourceAddressHttp}); each
 * test uses addresses of its own, because the throttle remembers them for the whole context.
 * Thresholds are the defaults: 5 failures free, then a doubling delay from 2 s, blocked after 20.
 */
@ZorgpadIntegrationTest
class LoginThrottleIT {

  private static final String MIDWIFE = "demo-verloskundige";
  private static final String RIGHT = MIDWIFE + ":demo";
  private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;

  SourceAddressHttp midwife;

  @BeforeEach
  void setUp() {
    midwife = new SourceAddressHttp(port, "127.0.0.1");
  }

  @Test
  void aStrangerHammeringHerAccountDoesNotLockTheMidwifeOut() {
    SourceAddressHttp stranger = new SourceAddressHttp(port, "127.0.0.2");
    for (int attempt = 1; attempt <= 5; attempt++) {
      Response refused = stranger.get("/engine-rest/task", MIDWIFE + ":guess" + attempt);
      assertThat(refused.status()).as("attempt %d", attempt).isEqualTo(401);
    }
    // the 6th attempt comes too soon: refused before the password is checked, 429
    Response throttled = stranger.get("/engine-rest/task", MIDWIFE + ":guess6");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(Long.parseLong(throttled.header("Retry-After").orElseThrow())).isBetween(1L, 4L);
    assertThat(throttled.header("Content-Type").orElseThrow()).contains("application/problem+json");
    assertThat(throttled.body())
        .contains(
            "\"userMessage\":\"Te veel mislukte pogingen vanaf dit"
                + " adres; probeer het over 1 minuut opnieuw.\"")
        .contains("login-throttled");
    // keeps hammering while it must wait: blocked for 15 minutes after 20 attempts
    Response last = throttled;
    for (int attempt = 7; attempt <= 20; attempt++) {
      last = stranger.get("/engine-rest/task", MIDWIFE + ":guess" + attempt);
      assertThat(last.status()).isEqualTo(429);
    }
    assertThat(Long.parseLong(last.header("Retry-After").orElseThrow())).isBetween(890L, 900L);
    // even the right password does not get through from there now
    assertThat(stranger.get("/engine-rest/task", RIGHT).status()).isEqualTo(429);

    // meanwhile the midwife, from her own address: HTTP Basic, the login form, the Tasklist API
    assertThat(midwife.get("/engine-rest/task", RIGHT).status()).isEqualTo(200);
    assertThat(formLogin(midwife, MIDWIFE, "demo").header("Location").orElseThrow()).endsWith("/");
    assertThat(midwife.get("/camunda/api/engine/engine/default/task", RIGHT).status())
        .isEqualTo(200);
    // and the engine never locked the account
    assertThat(identityService.checkPassword(MIDWIFE, "demo")).isTrue();
  }

  @Test
  void guessingHerCurrentPasswordOnAPasswordChangeIsThrottledLikeALogin() {
    // whoever holds her session (an unlocked workstation) asks the engine's API to change her
    // password and guesses the current one it asks for
    SourceAddressHttp holder = new SourceAddressHttp(port, "127.0.0.21");
    String path = "/engine-rest/user/" + MIDWIFE + "/credentials";
    for (int attempt = 1; attempt <= 5; attempt++) {
      Response refused =
          holder.send(
              "PUT",
              attempt % 2 == 0
                  ? path
                  : "/engine-rest/engine/default/user/" + MIDWIFE + "/credentials",
              RIGHT,
              "application/json",
              "{\"password\": \"Overgenomen-1\", \"authenticatedUserPassword\":"
                  + " \"gok"
                  + attempt
                  + "\"}",
              "Accept: application/json");
      assertThat(refused.status()).as("attempt %d: %s", attempt, refused.body()).isEqualTo(400);
      assertThat(refused.body()).contains("Het huidige wachtwoord klopt niet.");
    }
    Response throttled =
        holder.send(
            "PUT",
            path,
            RIGHT,
            "application/json",
            "{\"password\": \"Overgenomen-1\", \"authenticatedUserPassword\": \"gok6\"}",
            "Accept: application/json");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.header("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("Te veel mislukte pogingen vanaf dit adres");
    // nothing changed; she herself logs in from her own address as ever
    assertThat(identityService.checkPassword(MIDWIFE, "demo")).isTrue();
    assertThat(midwife.get("/engine-rest/task", RIGHT).status()).isEqualTo(200);
  }

  @Test
  void theLoginPageSaysInDutchHowLongToWait() {
    SourceAddressHttp stranger = new SourceAddressHttp(port, "127.0.0.3");
    for (int attempt = 1; attempt <= 5; attempt++) {
      assertThat(formLogin(stranger, MIDWIFE, "guess" + attempt).header("Location").orElseThrow())
          .endsWith("/login?error");
    }
    assertThat(formLogin(stranger, MIDWIFE, "guess6").header("Location").orElseThrow())
        .endsWith("/login?wachten");
    Response page = stranger.get("/login?wachten", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Te veel mislukte pogingen vanaf dit adres; probeer het over" + " 1 minuut opnieuw.")
        .doesNotContain("Gebruikersnaam of wachtwoord onjuist");
    for (int attempt = 7; attempt <= 20; attempt++) {
      formLogin(stranger, MIDWIFE, "guess" + attempt);
    }
    assertThat(stranger.get("/login", null).body())
        .contains("probeer het over 15 minuten" + " opnieuw");
    // the page asks the throttle, not the URL: from the midwife's address there is no message
    assertThat(midwife.get("/login?wachten", null).body()).doesNotContain("Te veel mislukte");
  }

  @Test
  void everyLoginDoorIsThrottled() {
    SourceAddressHttp stranger = new SourceAddressHttp(port, "127.0.0.4");
    for (int attempt = 1; attempt <= 5; attempt++) {
      stranger.get("/engine-rest/task", MIDWIFE + ":guess" + attempt);
    }
    // Zorgpad's own API, a page with Basic, the actuator, the webapps' API and the login form
    assertThat(stranger.send("POST", "/api/signals", RIGHT, "application/json", "{}").status())
        .isEqualTo(429);
    assertThat(stranger.get("/casus", RIGHT).status()).isEqualTo(429);
    assertThat(stranger.get("/actuator/health", RIGHT).status()).isEqualTo(429);
    assertThat(stranger.get("/camunda/api/engine/engine/default/task", RIGHT).status())
        .isEqualTo(429);
    assertThat(formLogin(stranger, MIDWIFE, "demo").header("Location").orElseThrow())
        .endsWith("/login?wachten");
    // a page answers Basic in Dutch text, the APIs as problem details
    assertThat(stranger.get("/casus", RIGHT).body()).startsWith("Te veel mislukte pogingen");
  }

  @Test
  void aForgedForwardedForFromAStrangerIsIgnored() {
    SourceAddressHttp stranger = new SourceAddressHttp(port, "127.0.0.5");
    for (int attempt = 1; attempt <= 5; attempt++) {
      Response response =
          stranger.get(
              "/engine-rest/task",
              MIDWIFE + ":guess" + attempt,
              "X-Forwarded-For: 203.0.113." + attempt);
      assertThat(response.status()).isEqualTo(401);
    }
    // a new "address" per attempt did not reset anything: 127.0.0.5 is not a trusted proxy
    assertThat(
            stranger
                .get("/engine-rest/task", MIDWIFE + ":guess6", "X-Forwarded-For: 203.0.113.99")
                .status())
        .isEqualTo(429);
    assertThat(loginRecords("127.0.0.5")).hasSize(1);
    assertThat(loginRecords("203.0.113.1")).isEmpty();
  }

  @Test
  void behindTheTrustedProxyEachClientAddressCountsOnItsOwn() {
    // 127.0.0.1 is the tests' reverse proxy (server.tomcat.remoteip.internal-proxies)
    SourceAddressHttp proxy = midwife;
    for (int attempt = 1; attempt <= 5; attempt++) {
      proxy.get("/engine-rest/task", MIDWIFE + ":guess" + attempt, "X-Forwarded-For: 198.51.100.7");
    }
    assertThat(proxy.get("/engine-rest/task", RIGHT, "X-Forwarded-For: 198.51.100.7").status())
        .isEqualTo(429);
    // another client behind the same proxy, and the proxy's own address, are not affected
    assertThat(proxy.get("/engine-rest/task", RIGHT, "X-Forwarded-For: 198.51.100.8").status())
        .isEqualTo(200);
    assertThat(proxy.get("/engine-rest/task", RIGHT).status()).isEqualTo(200);
    assertThat(loginRecords("198.51.100.7")).hasSize(1);
  }

  @Test
  void theAccessLogRecordsTheThrottledAddressAndTheUserNameButNoPassword() {
    SourceAddressHttp stranger = new SourceAddressHttp(port, "127.0.0.6");
    for (int attempt = 1; attempt <= 20; attempt++) {
      stranger.get(
          "/engine-rest/task",
          (attempt % 2 == 0 ? MIDWIFE : "demo-jgz") + ":secret-guess-" + attempt);
    }
    List<Map<String, Object>> records = loginRecords("127.0.0.6");
    assertThat(records)
        .extracting(r -> r.get("DETAIL").toString())
        .satisfiesExactly(
            delayed -> assertThat(delayed).startsWith("login throttled for this address after 5"),
            blocked ->
                assertThat(blocked)
                    .startsWith("login blocked for this address after 20")
                    .contains("user names tried: demo-jgz, demo-verloskundige"));
    for (Map<String, Object> record : records) {
      assertThat(record.get("USER_ID")).isEqualTo("anonymous");
      assertThat(record.get("OUTCOME")).isEqualTo("DENIED");
      assertThat(record.get("OBJECT_TYPE")).isEqualTo("Login");
      assertThat(record.get("OBJECT_ID")).isIn(MIDWIFE, "demo-jgz");
      assertThat(record.values())
          .allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain("secret-guess"));
      assertThat(record.get("HASH")).as("sealed into the access-log chain").isNotNull();
    }
  }

  @Test
  void wrongBasicCredentialsOnAPageAre401NotARedirect() {
    SourceAddressHttp client = new SourceAddressHttp(port, "127.0.0.7");
    for (String page : List.of("/casus", "/login", "/", "/sociale-kaart")) {
      Response response = client.get(page, MIDWIFE + ":wrong");
      assertThat(response.status()).as(page).isEqualTo(401);
      assertThat(response.header("Location")).as(page).isEmpty();
      assertThat(response.header("WWW-Authenticate").orElseThrow()).startsWith("Basic");
      assertThat(response.body()).isEqualTo("Gebruikersnaam of wachtwoord onjuist.");
    }
    // without credentials a page still sends the browser to the login form
    assertThat(client.get("/casus", null).header("Location").orElseThrow()).endsWith("/login");
  }

  @Test
  void noOtherDoorChecksPasswords() {
    SourceAddressHttp client = new SourceAddressHttp(port, "127.0.0.8");
    // the REST API's password verification and Camunda's own webapp login: closed for everyone,
    // also for a logged-in user guessing someone else's password
    String verify = "{\"username\":\"demo-jgz\",\"password\":\"demo\"}";
    for (String path :
        List.of(
            "/engine-rest/identity/verify",
            "/engine-rest/identity/verify/",
            "/engine-rest/engine/default/identity/verify",
            "/camunda/api/engine/engine/default/identity/verify")) {
      assertThat(client.send("POST", path, RIGHT, "application/json", verify).status())
          .as(path)
          .isEqualTo(403);
    }
    assertThat(
            client
                .postForm(
                    "/camunda/api/admin/auth/user/default/login/tasklist",
                    RIGHT,
                    "username=demo-jgz&password=demo")
                .status())
        .isEqualTo(403);
  }

  @Test
  void theEngineNoLongerLocksAnAccount() {
    String userId = "it-throttle-nolock";
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setPassword("right-password");
      identityService.saveUser(user);
    }
    for (int attempt = 0; attempt < 25; attempt++) {
      assertThat(identityService.checkPassword(userId, "wrong" + attempt)).isFalse();
    }
    assertThat(identityService.checkPassword(userId, "right-password")).isTrue();
  }

  private Response formLogin(SourceAddressHttp client, String user, String password) {
    Response page = client.get("/login", null);
    String csrf = SourceAddressHttp.csrfToken(page);
    Matcher session = SESSION.matcher(String.join(";", page.headers("Set-Cookie")));
    assertThat(session.find()).as("session cookie").isTrue();
    Response response =
        client.postForm(
            "/login",
            null,
            "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf),
            "Cookie: JSESSIONID=" + session.group(1));
    assertThat(response.status()).isEqualTo(302);
    return response;
  }

  private List<Map<String, Object>> loginRecords(String address) {
    return jdbc.queryForList(
        "select * from zp_access_log where action = 'LOGIN'"
            + " and network_address = ? order by id",
        address);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
