package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgpad.security.EndpointInventory.Endpoint;
import nl.zorgpad.support.SourceAddressHttp;
import nl.zorgpad.support.SourceAddressHttp.Response;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 10, item 6b: every demo role against every endpoint family, with the expected status.
 *
 * <p>The endpoints are read from the running application ({@link EndpointInventory}: Spring
 * MVC's handler mappings incl. the actuator, the Jersey resources of {@code /engine-rest} and of
 * the webapps' {@code /camunda/api/*} applications), and <b>every endpoint must be claimed by a
 * family</b>: a new endpoint without a row here fails the test. The engine's families claim the
 * engine's paths on all three doors to it ({@code /engine-rest}, {@code /engine-rest/engine/{name}},
 * the Tasklist's {@code /camunda/api/engine/engine/{name}}); their read probes run on two doors,
 * and the writes the Tasklist and Cockpit make (deploy, start, complete/claim) also through the
 * webapps' door with Camunda's CSRF token (the row's statuses) and without it (403).
 *
 * <p>Each family is probed with one request that changes nothing (an unknown id, an invalid body,
 * a read, a deployment of a non-model file, which the model policy refuses) and must answer each
 * role with the status in its row. Where the engine decides per object (which task, which case)
 * the probe shows that the door lets the role through (2xx, or 404 for the unknown id) or stops
 * it (401/403);
 * the per-object rules have their own tests (SecurityIT, CaseOverviewIT, …). The observed matrix
 * is written to {@code target/authorization-matrix.md}.
 *
 * <p>Columns: {@code anon}, each caregiver discipline (the row's {@code caregivers} value unless
 * the discipline is named), {@code coordinator}, {@code auditor}, {@code admin}, and
 * {@code coalition} (a midwife of coalition Dordrecht) and {@code beleid} (a policy officer of
 * the municipality, issue 14: the monitor and the start page only; unless a row names it, she
 * gets what anonymous gets where that is 200, else 403).
 */
@ZorgpadIntegrationTest
class AuthorizationMatrixIT {

  /** Role name → "user:password" (null: anonymous). */
  static final Map<String, String> ROLES = new LinkedHashMap<>();

  static final List<String> CAREGIVERS =
      List.of(
          "verloskundige",
          "jgz",
          "kraamzorg",
          "buurtteam",
          "huisarts",
          "poh-ggz",
          "regiehouder",
          "informele-zorg",
          "ziekenhuis");

  static {
    ROLES.put("anon", null);
    for (String discipline : CAREGIVERS) {
      ROLES.put(discipline, "demo-" + discipline + ":demo");
    }
    ROLES.put("coordinator", "demo-coordinator:demo");
    ROLES.put("auditor", "demo-auditor:demo");
    ROLES.put("admin", "admin:demo-admin");
    ROLES.put("coalition", "demo-verloskundige-dordrecht:demo");
    ROLES.put("beleid", "demo-beleid:demo");
  }

  private static final String ENGINE_DOORS =
      "(/engine-rest|/engine-rest/engine/\\{name}|/camunda/api/engine/engine/\\{name}"
          + "|/camunda/api/engine)";
  private static final String NONE = "zp-matrix-none";

  /** A deployment that is the same at every run (deploy-changed-only): it changes nothing. */
  private static final String DEPLOYMENT =
      multipart(
          "deployment-name",
          "zp-matrix-probe",
          "deploy-changed-only",
          "true",
          "data",
          "zp-matrix-probe.txt");

  @LocalServerPort int port;
  @Autowired ApplicationContext context;

  private final Map<String, SourceAddressHttp.Session> sessions = new LinkedHashMap<>();
  static final String WEBAPP_WITH_TOKEN = "webapp write with CSRF token";
  static final String WEBAPP_WITHOUT_TOKEN = "webapp write without CSRF token";

  /** The table: family, what it claims, its probe, the expected status per role. */
  static List<Family> families() {
    return List.of(
        // --- Zorgpad's own pages and APIs (Spring MVC) ---
        family("home, login and error pages")
            .claims("GET /", "GET /login", "ANY /error")
            .probe("GET", "/")
            .expect(
                "anon=302 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"
                    + " beleid=200"),
        family("monitor pages and exports")
            .claims("GET /monitor(/export\\.csv|/rapport\\.pdf)?")
            .probe("GET", "/monitor")
            .expect(
                "anon=302 caregivers=403 coordinator=200 auditor=403 admin=200 coalition=403"
                    + " beleid=200"),
        family("monitor API")
            .claims("GET /api/monitor/indicators")
            .probe("GET", "/api/monitor/indicators")
            .expect(
                "anon=401 caregivers=403 coordinator=200 auditor=403 admin=200 coalition=403"
                    + " beleid=200"),
        family("case pages")
            .claims("GET /casus(/.*)?")
            .probe("GET", "/casus")
            .expect("anon=302 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("case actions")
            .claims("POST /casus/.*")
            .form("/casus/ZP-0000-00000/kind", "")
            .expect("anon=403 caregivers=404 coordinator=404 auditor=404 admin=404 coalition=404"),
        family("audit pages")
            .claims("GET /audit(/.*)?")
            .probe("GET", "/audit")
            .expect("anon=302 caregivers=403 coordinator=403 auditor=200 admin=403 coalition=403"),
        family("audit: start the full chain check")
            .claims("POST /audit/keten/volledig")
            .form("/audit/keten/volledig", "")
            .expect("anon=403 caregivers=403 coordinator=403 auditor=302 admin=403 coalition=403"),
        family("workbench")
            .claims("(GET|POST) /modeling(/(edit|history|migration|rollback)(/.*)?)?")
            .probe("GET", "/modeling")
            .expect("anon=302 caregivers=403 coordinator=200 auditor=403 admin=403 coalition=403"),
        family("workbench API")
            .claims("(GET|POST) /modeling/api/.*")
            .probe("GET", "/modeling/api/catalog")
            .expect("anon=401 caregivers=403 coordinator=200 auditor=403 admin=403 coalition=403"),
        family("sociale kaart search and export")
            .claims("GET /sociale-kaart", "GET /sociale-kaart/export.csv")
            .probe("GET", "/sociale-kaart")
            .expect("anon=302 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("sociale kaart admin")
            .claims("(GET|POST) /sociale-kaart/(beheer|import|wijken|organisaties|teams)(/.*)?")
            .probe("GET", "/sociale-kaart/beheer")
            .expect("anon=302 caregivers=403 coordinator=200 auditor=403 admin=403 coalition=403"),
        family("own notification settings")
            .claims("(GET|POST) /meldingen")
            .probe("GET", "/meldingen")
            .expect("anon=302 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("api signals")
            .claims("POST /api/signals")
            .json("POST", "/api/signals", "{}")
            .expect(
                "anon=401 caregivers=400 regiehouder=403 coordinator=403 auditor=403"
                    + " admin=403 coalition=400"),
        family("api case messages")
            .claims("POST /api/cases/.*")
            .json("POST", "/api/cases/ZP-0000-00000/birth", "{\"birthDate\":\"2026-11-30\"}")
            .expect("anon=401 caregivers=404 coordinator=404 auditor=404 admin=404 coalition=404"),
        family("API documentation")
            .claims("GET /v3/api-docs(/.*|\\.yaml)?", "GET /swagger-ui.html")
            .probe("GET", "/v3/api-docs")
            .expect("anon=302 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("actuator health and info")
            .claims("GET /actuator/(health|info)(/.*)?")
            .probe("GET", "/actuator/health")
            .expect("all=200"),
        family("actuator metrics for the operator (docs/operations.md, Observability)")
            .claims("GET /actuator/prometheus")
            .probe("GET", "/actuator/prometheus")
            .expect(
                "anon=401 caregivers=403 coordinator=403 auditor=403 admin=200 coalition=403"
                    + " beleid=403"),
        family("actuator index")
            .claims("GET /actuator")
            .probe("GET", "/actuator")
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),

        // --- the Camunda webapps' own APIs (/camunda/api/*) ---
        family("webapps: who is logged in, logout")
            .claims(
                "GET /camunda/api/admin/auth/user/\\{processEngineName}",
                "POST /camunda/api/admin/auth/user/\\{processEngineName}/logout")
            // the webapps take the user over on their first engine request of the session
            .probe("GET", "/camunda/api/admin/auth/user/default")
            .viaSession("/camunda/api/engine/engine/default/user?maxResults=1")
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("webapps: Camunda's own login (closed)")
            .claims("POST /camunda/api/admin/auth/user/\\{processEngineName}/login/\\{appName}")
            .probe("POST", "/camunda/api/admin/auth/user/default/login/tasklist")
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=403 coalition=403"),
        family("webapps: admin setup (closed, Camunda 7.24.0 CE vulnerability)")
            .claims("POST /camunda/api/admin/setup/.*")
            .json("POST", "/camunda/api/admin/setup/default/user/create", "{}")
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=403 coalition=403"),
        family("webapps: admin plugins")
            .claims("GET /camunda/api/admin/plugin/.*")
            .probe(
                "GET",
                "/camunda/api/admin/plugin/adminPlugins/default/metrics/aggregated"
                    + "?subscriptionStartDate=2026-01-01&groupBy=month")
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=200 coalition=403"),
        family("cockpit plugin")
            .claims("(GET|POST) /camunda/api/cockpit/.*")
            .probe("GET", "/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
            .expect("anon=401 caregivers=403 coordinator=200 auditor=200 admin=200 coalition=403"),
        family("tasklist plugin files")
            .claims("GET /camunda/api/tasklist/.*")
            .probe("GET", "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js")
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),

        // --- the engine's REST API (three doors; read probes on two) ---
        family("engine: list of engines")
            .claimsEngine("GET /engine")
            .probe("GET", "/engine-rest/engine")
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: definitions and deployments read")
            .claimsEngine(
                "GET /(process-definition|decision-definition"
                    + "|decision-requirements-definition|case-definition|deployment)(/.*)?")
            .probe("GET", "/engine-rest/process-definition?latestVersion=true")
            .onWebappToo()
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: deploy and change definitions")
            .claimsEngine(
                "(POST|DELETE) /deployment/.*",
                "(PUT|DELETE) /(process-definition|decision-definition|case-definition)/.*",
                "PUT /process-definition/suspended")
            // who may deploy gets through the door to the model policy, which refuses a file
            // that is no model (decision 0006): 400, and nothing is deployed
            .multipartProbe("/engine-rest/deployment/create", DEPLOYMENT)
            .onWebappWritesToo()
            .expect("anon=401 caregivers=403 coordinator=400 auditor=403 admin=400 coalition=403"),
        family("engine: start a pathway, evaluate a decision, correlate, signal")
            .claimsEngine(
                "POST /(process-definition|decision-definition|case-definition)/.*",
                "POST /(message|signal|condition)",
                "POST /process-instance/message-async")
            .json("POST", "/engine-rest/process-definition/key/" + NONE + "/start", "{}")
            .onWebappWritesToo()
            .expect("anon=401 caregivers=404 coordinator=404 auditor=404 admin=404 coalition=404"),
        family("engine: runtime read")
            .claimsEngine(
                "GET /(process-instance|execution|variable-instance|event-subscription"
                    + "|incident|job|job-definition|external-task|case-instance|case-execution"
                    + "|batch)(/.*)?",
                "POST /(process-instance|execution|variable-instance|job|job-definition"
                    + "|external-task|case-instance|case-execution)(/count)?")
            .probe("GET", "/engine-rest/process-instance")
            .onWebappToo()
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: runtime write (instances, variables, jobs, incidents, batches)")
            .claimsEngine(
                "(POST|PUT|DELETE) /(process-instance|execution|variable-instance"
                    + "|incident|job|job-definition|external-task|case-instance|case-execution|batch"
                    + "|migration|modification)(/.*)?")
            .probe("DELETE", "/engine-rest/process-instance/" + NONE)
            .expect("anon=401 caregivers=404 coordinator=404 auditor=404 admin=404 coalition=404"),
        family("engine: task read")
            .claimsEngine("GET /task(/.*)?", "POST /task(/count)?")
            .probe("GET", "/engine-rest/task")
            .onWebappToo()
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: task write")
            .claimsEngine("(POST|PUT|DELETE) /task/.*")
            .json("PUT", "/engine-rest/task/" + NONE, "{\"name\":\"x\"}")
            .expect("anon=401 caregivers=404 coordinator=404 auditor=404 admin=404 coalition=404"),
        family("engine: task complete and claim")
            .claimsEngine("POST /task/\\{id}/(complete|submit-form|claim|unclaim|resolve)")
            .json("POST", "/engine-rest/task/" + NONE + "/claim", "{\"userId\":\"demo-jgz\"}")
            .onWebappWritesToo()
            .expect("anon=401 caregivers=404 coordinator=404 auditor=404 admin=404 coalition=404"),
        family("engine: history read")
            .claimsEngine(
                "GET /history(/.*)?",
                "POST /history/(activity-instance|case-instance"
                    + "|detail|external-task-log|job-log|process-instance|task|variable-instance)"
                    + "(/count)?",
                "POST /history/detail/.*",
                "GET /optimize/.*")
            .probe("GET", "/engine-rest/history/process-instance?maxResults=1")
            .onWebappToo()
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: history write (delete, removal time, cleanup, annotations)")
            .claimsEngine("(POST|PUT|DELETE) /history/.*")
            .probe("DELETE", "/engine-rest/history/process-instance/" + NONE)
            .expect("anon=401 caregivers=404 coordinator=404 auditor=404 admin=404 coalition=404"),
        family("engine: users, groups, tenants read")
            .claimsEngine(
                "(GET|OPTIONS) /(user|group|tenant)(/.*)?",
                "POST /group(/count)?",
                "(GET|OPTIONS) /identity/(groups|password-policy)",
                "POST /identity/password-policy")
            .probe("GET", "/engine-rest/user?maxResults=1")
            .onWebappToo()
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: users, groups, tenants write")
            .claimsEngine("(POST|PUT|DELETE) /(user|group|tenant)/.*")
            .probe("POST", "/engine-rest/user/" + NONE + "/unlock")
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=204 coalition=403"),
        family("engine: password verification (closed)")
            .claimsEngine("POST /identity/verify")
            .json(
                "POST",
                "/engine-rest/identity/verify",
                "{\"username\":\"demo-jgz\"," + "\"password\":\"demo\"}")
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=403 coalition=403"),
        family("engine: authorizations")
            .claimsEngine("(GET|OPTIONS|POST|PUT|DELETE) /authorization(/.*)?")
            .probe("GET", "/engine-rest/authorization?maxResults=1")
            .onWebappToo()
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: filters read")
            .claimsEngine(
                "(GET|OPTIONS) /filter(/.*)?", "POST /filter/\\{id}/(list|count|singleResult)")
            .probe("GET", "/engine-rest/filter")
            .onWebappToo()
            .expect("anon=401 caregivers=200 coordinator=200 auditor=200 admin=200 coalition=200"),
        family("engine: filters write")
            .claimsEngine("(POST|PUT|DELETE) /filter/(create|\\{id})")
            .probe("DELETE", "/engine-rest/filter/" + NONE)
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=404 coalition=403"),
        family("engine: version, diagnostics, schema log")
            .claimsEngine("GET /version", "(GET|POST) /telemetry/.*", "(GET|POST) /schema/log")
            .probe("GET", "/engine-rest/version")
            .onWebappToo()
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=200 coalition=403"),
        family("engine: metrics")
            .claimsEngine("(GET|DELETE) /metrics(/.*)?")
            .probe("GET", "/engine-rest/metrics/activity-instance-start/sum")
            .expect("anon=401 caregivers=403 coordinator=403 auditor=403 admin=200 coalition=403"));
  }

  /** Pages of the webapps themselves: not endpoints of a mapping, probed all the same. */
  static List<Family> webappPages() {
    return List.of(
        family("Tasklist")
            .probe("GET", "/camunda/app/tasklist/default/")
            .expect("anon=302 caregivers=200 coordinator=200 auditor=403 admin=200 coalition=200"),
        family("Cockpit")
            .probe("GET", "/camunda/app/cockpit/default/")
            .expect("anon=302 caregivers=403 coordinator=200 auditor=200 admin=200 coalition=403"),
        family("Admin")
            .probe("GET", "/camunda/app/admin/default/")
            .expect("anon=302 caregivers=403 coordinator=403 auditor=403 admin=200 coalition=403"));
  }

  @Test
  void everyEndpointBelongsToAFamily() throws Exception {
    Set<Endpoint> endpoints = EndpointInventory.all(context);
    assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(1000);
    List<Family> families = families();
    List<String> unclaimed = new ArrayList<>();
    for (Endpoint endpoint : endpoints) {
      if (families.stream().noneMatch(family -> family.claims(endpoint))) {
        unclaimed.add(endpoint.toString());
      }
    }
    assertThat(unclaimed)
        .as("endpoints no family claims: add them to a family (or a new row)")
        .isEmpty();
    for (Family family : families) {
      assertThat(endpoints.stream().anyMatch(family::claims))
          .as(family.name + " claims nothing")
          .isTrue();
    }
  }

  @Test
  void everyRoleGetsTheExpectedStatusFromEveryFamily() throws Exception {
    List<String> wrong = new ArrayList<>();
    StringBuilder table =
        new StringBuilder("| family | door | ")
            .append(String.join(" | ", ROLES.keySet()))
            .append(" |\n|---|---|")
            .append("---|".repeat(ROLES.size()))
            .append('\n');
    List<Family> all = new ArrayList<>(families());
    all.addAll(webappPages());
    for (Family family : all) {
      for (String door : family.doors()) {
        table.append("| ").append(family.name).append(" | ").append(door).append(" |");
        for (Map.Entry<String, String> role : ROLES.entrySet()) {
          int status = send(family, door, role.getKey(), role.getValue());
          String expected =
              door.equals(WEBAPP_WITHOUT_TOKEN)
                  // Camunda's CSRF filter refuses every write without the token
                  ? (role.getValue() == null ? "401" : "403")
                  : family.expected(role.getKey());
          table.append(' ').append(status).append(" |");
          if (!matches(expected, status)) {
            wrong.add(
                family.name
                    + " ["
                    + door
                    + "] as "
                    + role.getKey()
                    + ": expected "
                    + expected
                    + ", got "
                    + status);
          }
        }
        table.append('\n');
      }
    }
    Files.writeString(Path.of("target", "authorization-matrix.md"), table);
    assertThat(wrong)
        .as("statuses that differ from the matrix (target/authorization-matrix.md)")
        .isEmpty();
  }

  private int send(Family family, String door, String role, String credentials) {
    String path =
        door.startsWith("webapp")
            ? family.path.replaceFirst("^/engine-rest", "/camunda/api/engine/engine/default")
            : family.path;
    SourceAddressHttp http = new SourceAddressHttp(port, "127.0.0.1");
    if (door.startsWith("webapp ") && credentials != null) {
      // a write as the Tasklist sends it: its session cookie and, unless the door's name says
      // otherwise, Camunda's CSRF token
      // a new session each time: a request refused by Camunda's CSRF filter spoils the session
      Response first = http.get("/camunda/api/engine/engine/default/task/count", credentials);
      String[] cookieAndToken = {
        String.join("; ", first.headers("Set-Cookie").stream().map(c -> c.split(";")[0]).toList()),
        first.header("X-XSRF-TOKEN").orElse("")
      };
      List<String> headers =
          new ArrayList<>(List.of("Accept: application/json", "Cookie: " + cookieAndToken[0]));
      if (door.equals(WEBAPP_WITH_TOKEN)) {
        headers.add("X-XSRF-TOKEN: " + cookieAndToken[1]);
      }
      return http.send(
              family.method,
              path,
              credentials,
              family.contentType,
              family.body,
              headers.toArray(String[]::new))
          .status();
    }
    if (family.form != null || family.viaSession) {
      // a page's form post or a webapp's session resource: a logged-in browser session (with
      // its CSRF token for a post)
      if (credentials == null) {
        return family.form != null
            ? http.postForm(path, null, family.form, "Accept: text/html").status()
            : http.get(path, null, "Accept: application/json").status();
      }
      SourceAddressHttp.Session session =
          sessions.computeIfAbsent(
              role,
              r -> {
                String[] user = credentials.split(":", 2);
                return http.login(user[0], user[1]);
              });
      if (family.warmUp != null) {
        session.get(family.warmUp, "Accept: application/json");
      }
      return family.form != null
          ? session.postForm(path, family.form).status()
          : session.get(path, "Accept: application/json").status();
    }
    List<String> headers = new ArrayList<>();
    headers.add(
        "Accept: "
            + (path.equals("/actuator/prometheus")
                ? "text/plain"
                : path.startsWith("/engine-rest")
                        || path.startsWith("/api")
                        || path.startsWith("/camunda/api")
                        || path.startsWith("/modeling/api")
                        || path.startsWith("/actuator")
                        || path.startsWith("/v3")
                    ? "application/json"
                    : "text/html"));
    return http.send(
            family.method,
            path,
            credentials,
            family.contentType,
            family.body,
            headers.toArray(String[]::new))
        .status();
  }

  private static boolean matches(String expected, int status) {
    if (expected == null) {
      return false;
    }
    for (String option : expected.split("\\|")) {
      if (option.endsWith("xx")
          ? status / 100 == option.charAt(0) - '0'
          : Integer.parseInt(option) == status) {
        return true;
      }
    }
    return false;
  }

  static Family family(String name) {
    return new Family(name);
  }

  private static String multipart(String... nameValue) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < nameValue.length; i += 2) {
      body.append("--zp-matrix\r\nContent-Disposition: form-data; name=\"")
          .append(nameValue[i])
          .append('"');
      if (nameValue[i].equals("data")) {
        body.append("; filename=\"")
            .append(nameValue[i + 1])
            .append("\"\r\nContent-Type: text/plain\r\n\r\nZorgpad authorization matrix probe\r\n");
      } else {
        body.append("\r\n\r\n").append(nameValue[i + 1]).append("\r\n");
      }
    }
    return body.append("--zp-matrix--\r\n").toString();
  }

  /** One row: an endpoint family, what it claims, its probe and the expected statuses. */
  static final class Family {

    final String name;
    final List<Pattern> claims = new ArrayList<>();
    final Map<String, String> expected = new LinkedHashMap<>();
    String method = "GET";
    String path;
    String contentType;
    String body;
    String form;
    boolean webappToo;
    boolean webappWritesToo;
    boolean viaSession;
    String warmUp;

    Family(String name) {
      this.name = name;
    }

    /** "METHOD path-regex" (METHOD a regex too; ANY is a mapping without method). */
    Family claims(String... patterns) {
      for (String pattern : patterns) {
        int space = pattern.indexOf(' ');
        claims.add(
            Pattern.compile(
                "(" + pattern.substring(0, space) + ") " + pattern.substring(space + 1)));
      }
      return this;
    }

    /** Like {@link #claims}, for the engine's paths on each of its doors. */
    Family claimsEngine(String... patterns) {
      for (String pattern : patterns) {
        int space = pattern.indexOf(' ');
        String path = pattern.substring(space + 1);
        claims.add(
            Pattern.compile(
                "("
                    + pattern.substring(0, space)
                    + ") "
                    + ENGINE_DOORS
                    + (path.isEmpty() ? "" : path)));
      }
      return this;
    }

    boolean claims(Endpoint endpoint) {
      String line = endpoint.method() + " " + endpoint.path();
      return claims.stream().anyMatch(pattern -> pattern.matcher(line).matches());
    }

    Family probe(String method, String path) {
      this.method = method;
      this.path = path;
      return this;
    }

    Family json(String method, String path, String json) {
      probe(method, path);
      this.contentType = "application/json";
      this.body = json;
      return this;
    }

    Family multipartProbe(String path, String multipart) {
      probe("POST", path);
      this.contentType = "multipart/form-data; boundary=zp-matrix";
      this.body = multipart;
      return this;
    }

    /** A page's form post (session and CSRF token); {@code form} URL-encoded. */
    Family form(String path, String form) {
      probe("POST", path);
      this.form = form;
      return this;
    }

    /**
     * Send the probe in a logged-in browser session (the webapps' session-bound resources), after
     * {@code warmUp} in the same session.
     */
    Family viaSession(String warmUp) {
      this.viaSession = true;
      this.warmUp = warmUp;
      return this;
    }

    /** Probe the Tasklist's copy of the engine API too. */
    Family onWebappToo() {
      this.webappToo = true;
      return this;
    }

    /**
     * A write: also through the Tasklist's copy of the engine API as the Tasklist sends it (a
     * session with Camunda's CSRF token: the row's statuses), and without the token (refused).
     */
    Family onWebappWritesToo() {
      this.webappWritesToo = true;
      return this;
    }

    /** "role=status …"; {@code all} and {@code caregivers} set several, later keys win. */
    Family expect(String statuses) {
      for (String entry : statuses.trim().split("\\s+")) {
        String[] pair = entry.split("=");
        switch (pair[0]) {
          case "all" -> ROLES.keySet().forEach(role -> expected.put(role, pair[1]));
          case "caregivers" -> CAREGIVERS.forEach(role -> expected.put(role, pair[1]));
          default -> {
            if (!ROLES.containsKey(pair[0])) {
              throw new IllegalArgumentException("unknown role " + pair[0] + " in " + name);
            }
            expected.put(pair[0], pair[1]);
          }
        }
      }
      // the policy officer: refused wherever a login is needed, unless the row says otherwise
      expected.putIfAbsent("beleid", "200".equals(expected.get("anon")) ? "200" : "403");
      return this;
    }

    String expected(String role) {
      return expected.get(role);
    }

    List<String> doors() {
      if (webappWritesToo) {
        return List.of("engine-rest", WEBAPP_WITH_TOKEN, WEBAPP_WITHOUT_TOKEN);
      }
      return webappToo ? List.of("engine-rest", "webapp") : List.of("direct");
    }
  }
}
