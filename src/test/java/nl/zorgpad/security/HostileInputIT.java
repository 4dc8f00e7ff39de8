package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.zorgpad.casus.CaseFileRepository;
import nl.zorgpad.support.SourceAddressHttp;
import nl.zorgpad.support.SourceAddressHttp.Response;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile input against the running application, one table row per probe (issue 10, item 6a;
 * this is the infrastructure with the probes of item 4 and 5, the other areas add theirs). Every
 * probe must get a 4xx (its own status where the row gives one), a body without a stack trace,
 * class or server name, the Dutch text a user would read (the row's {@code sees}; in a JSON
 * answer in {@code userMessage}), and no change of state: the row counts of the dossier, audit,
 * sociale kaart and engine tables are the same after it as before.
 *
 * <p>Adding a probe: one more {@code probe(...)} row in {@link #probes()}. Who sends it
 * ({@link Who}: anonymous, HTTP Basic, or a logged-in browser session with its CSRF token), from
 * which loopback address, what request, what is expected. {@code %case} in a path stands for a
 * demo case number.
 */
@ZorgpadIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** What no answer may show: stack traces, class and package names, server, engine, SQL. */
  private static final Pattern LEAK = Pattern.compile("(?i)exception|stack ?trace"
      + "|\\bat (org|java|jdk|nl|com)\\.|org\\.(springframework|camunda|apache|hibernate|h2)"
      + "|java\\.(lang|io|util)|nl\\.zorgpad\\.|tomcat|jetty|ENGINE-\\d{5}|SQLSTATE|jdbc");
  private static final List<String> TABLES = List.of("zp_access_log", "zp_audit_record",
      "zp_emergency_access", "zp_case_file", "zp_client", "zp_child", "zp_pregnancy",
      "zp_involvement", "zp_consent_record", "zp_organisation", "zp_team", "zp_contact",
      "zp_neighbourhood", "ACT_RE_DEPLOYMENT", "ACT_RU_EXECUTION", "ACT_RU_TASK",
      "ACT_HI_VARINST", "ACT_ID_USER");

  static final String MIDWIFE = "demo-verloskundige";
  static final String COORDINATOR = "demo-coordinator";
  static final String AUDITOR = "demo-auditor";

  @LocalServerPort
  int port;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  CaseFileRepository caseFiles;

  private final Map<String, SourceAddressHttp.Session> sessions = new LinkedHashMap<>();

  /** The table. */
  List<Probe> probes() {
    String oneMegabyte = "x".repeat(1 << 20);
    return List.of(
        // --- the noodprocedure's reason (a 1 MB reason went into the access log) ---
        probe("noodprocedure: a reason of 1 MB", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=" + oneMegabyte)
            .status(413).sees("De verstuurde gegevens zijn te groot: hoogstens 64 kB."),
        probe("noodprocedure: a reason of 501 characters", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=" + "a".repeat(501))
            .status(400).sees("De reden is te lang: gebruik hoogstens 500 tekens."),
        probe("noodprocedure: a reason of 3000 characters", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=" + "a".repeat(3000))
            .status(400).sees("De reden is te lang: gebruik hoogstens 500 tekens."),
        probe("noodprocedure: a NUL character in the reason", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=spoedeisend%00overleg+nodig")
            .status(400).sees("De reden bevat tekens die niet zijn toegestaan"),
        // --- search fields ---
        probe("sociale kaart: an escape sequence in the search term", Who.session(MIDWIFE))
            .get("/sociale-kaart?zoek=jgz%1B%5B31m").status(400)
            .sees("De zoekterm bevat tekens die niet zijn toegestaan"),
        probe("sociale kaart: a search term of 101 characters", Who.session(MIDWIFE))
            .get("/sociale-kaart?zoek=" + "j".repeat(101)).status(400)
            .sees("De zoekterm is te lang: gebruik hoogstens 100 tekens."),
        probe("sociale kaart: NUL in the postcode", Who.session(MIDWIFE))
            .get("/sociale-kaart?postcode=3531%00AB").status(400)
            .sees("De postcode bevat tekens die niet zijn toegestaan"),
        probe("case list: a parameter nobody reads, with a bell character", Who.session(MIDWIFE))
            .get("/casus?filter=%07").status(400)
            .sees("Een ingevuld veld bevat tekens die niet zijn toegestaan"),
        probe("access log search: an escape sequence in the user", Who.session(AUDITOR))
            .get("/audit/toegang?gebruiker=demo%1B%5B2J").status(400)
            .sees("De gebruiker bevat tekens die niet zijn toegestaan"),
        probe("case history: a user filter of 3000 characters", Who.session(AUDITOR))
            .get("/audit/casus/%case?gebruiker=" + "u".repeat(3000)).status(400)
            .sees("De gebruiker is te lang: gebruik hoogstens 100 tekens."),
        probe("client details: a given name of 101 characters", Who.session(MIDWIFE))
            .post("/casus/%case/client", "givenName=" + "A".repeat(101) + "&familyName=Jansen")
            .status(400).sees("De voornaam is te lang: gebruik hoogstens 100 tekens."),
        // --- Zorgpad's API and the workbench's ---
        probe("API: a client reference of 3000 characters", Who.basic(MIDWIFE + ":demo"))
            .json("POST", "/api/signals", "{\"clientReference\":\"" + "R".repeat(3000)
                + "\",\"dueDate\":\"2027-05-01\",\"gestationalAgeWeeks\":20,"
                + "\"riskDomains\":[\"stress\"],\"signallingDiscipline\":\"verloskundige\"}")
            .status(400).sees("Een ingevuld veld is te lang: gebruik hoogstens 2.000 tekens."),
        probe("API: a control character in a JSON text", Who.basic(MIDWIFE + ":demo"))
            .json("POST", "/api/signals", "{\"clientReference\":\"VP-1\\u0008\","
                + "\"dueDate\":\"2027-05-01\",\"gestationalAgeWeeks\":20,"
                + "\"riskDomains\":[\"stress\"],\"signallingDiscipline\":\"verloskundige\"}")
            .status(400).sees("bevat tekens die niet zijn toegestaan"),
        probe("API: a body of 100 kB", Who.basic(MIDWIFE + ":demo"))
            .json("POST", "/api/signals", "{\"clientReference\":\"" + "R".repeat(100_000) + "\"}")
            .status(413).sees("De verstuurde gegevens zijn te groot: hoogstens 64 kB."),
        probe("workbench: a tenant id of 101 characters", Who.session(COORDINATOR))
            .json("POST", "/modeling/api/validate", "{\"resources\":[],\"tenantId\":\""
                + "t".repeat(101) + "\"}").withCsrfHeader()
            .status(400).sees("gebruik hoogstens 100 tekens"),
        probe("sociale kaart import: a file of 3 MB", Who.session(COORDINATOR))
            .multipart("/sociale-kaart/import", "bestand", "kaart.csv", "x".repeat(3 << 20))
            .status(413).sees("De verstuurde gegevens zijn te groot: hoogstens 2 MB."),
        // --- path tricks on pages ---
        probe("path: encoded slashes up and out", Who.session(MIDWIFE))
            .get("/casus/..%2F..%2Fetc%2Fpasswd").status(400)
            .sees("Deze aanvraag kon niet worden gelezen"),
        probe("path: encoded dots above the root", Who.session(MIDWIFE))
            .get("/%2e%2e/%2e%2e/etc/passwd").status(400),
        probe("path: an encoded backslash in a static path", Who.anonymous())
            .get("/css/..%5c..%5capplication.yaml").status(400),
        probe("path: a path parameter", Who.session(MIDWIFE))
            .get("/audit;x=y/toegang").status(400),
        probe("path: Tomcat's ..; trick past a rule", Who.session(MIDWIFE))
            .get("/camunda/app/tasklist/..;/..;/..;/engine-rest/version").status(400)
            .sees("Dit adres bevat tekens die niet zijn toegestaan."),
        probe("path: an encoded NUL after a case number", Who.session(MIDWIFE))
            .get("/casus/%case%00").status(400),
        probe("path: a page in capitals", Who.session(MIDWIFE))
            .get("/CASUS").status(404).sees("Deze pagina bestaat niet."),
        probe("path: a file outside the catalog in the workbench", Who.session(COORDINATOR))
            .get("/modeling/edit?name=..%2F..%2F..%2Fetc%2Fpasswd").status(404),
        probe("URL: a query of 9000 characters", Who.session(MIDWIFE))
            .get("/casus?x=" + "q".repeat(9000)).status(400),
        // --- logins ---
        probe("login: wrong Basic credentials on a page", Who.basic(MIDWIFE + ":wrong"))
            .from("127.0.0.40").get("/casus").status(401)
            .sees("Gebruikersnaam of wachtwoord onjuist."),
        probe("login: X-Forwarded-For from a stranger does not lift a throttle",
            Who.basic(MIDWIFE + ":demo")).from("127.0.0.41")
            .before(http -> {
              for (int i = 0; i < 5; i++) {
                http.get("/engine-rest/task", MIDWIFE + ":guess" + i);
              }
            })
            .get("/engine-rest/task", "X-Forwarded-For: 203.0.113.77").status(429)
            .sees("Te veel mislukte pogingen vanaf dit adres"));
  }

  @TestFactory
  Stream<DynamicTest> everyProbeIsRefusedCleanlyAndChangesNothing() {
    String caseNumber = caseFiles.findAll().get(0).getCaseNumber();
    return probes().stream().map(probe -> DynamicTest.dynamicTest(probe.name, () -> {
      SourceAddressHttp http = new SourceAddressHttp(port, probe.source);
      if (probe.before != null) {
        probe.before.accept(http);
      }
      Map<String, Long> before = counts();
      Response response = send(http, probe, probe.path.replace("%case", caseNumber));
      String what = probe.name + " -> " + response.status() + " " + abbreviated(response.body());
      assertThat(response.status()).as(what).isBetween(400, 499);
      if (probe.status != null) {
        assertThat(response.status()).as(what).isEqualTo(probe.status);
      }
      assertThat(LEAK.matcher(response.body()).find()).as("internals in " + what).isFalse();
      if (probe.sees != null) {
        assertThat(userText(response)).as(what).contains(probe.sees);
      }
      assertThat(counts()).as("state after " + probe.name).isEqualTo(before);
    }));
  }

  private Response send(SourceAddressHttp http, Probe probe, String path) {
    List<String> headers = new ArrayList<>(probe.headers);
    if (probe.who.sessionUser != null) {
      SourceAddressHttp.Session session = sessions.computeIfAbsent(probe.who.sessionUser,
          user -> new SourceAddressHttp(port, "127.0.0.1").login(user, "demo"));
      if (probe.csrfHeader) {
        headers.add("X-CSRF-TOKEN: " + session.csrfToken());
      }
      String[] extra = headers.toArray(String[]::new);
      if (probe.form != null) {
        return session.postForm(path, probe.form, extra);
      }
      return session.send(probe.method, path, probe.contentType, probe.body, extra);
    }
    return http.send(probe.method, path, probe.who.basic, probe.contentType,
        probe.form != null ? probe.form : probe.body, headers.toArray(String[]::new));
  }

  /** What a user reads: a JSON answer's {@code userMessage}, else the page. */
  private static String userText(Response response) throws Exception {
    if (response.header("Content-Type").orElse("").contains("json")) {
      JsonNode json = JSON.readTree(response.body());
      return json.path("userMessage").asText("");
    }
    return response.body();
  }

  private Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    return counts;
  }

  private static String abbreviated(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }

  static Probe probe(String name, Who who) {
    return new Probe(name, who);
  }

  /** Who sends a probe. */
  record Who(String basic, String sessionUser) {

    static Who anonymous() {
      return new Who(null, null);
    }

    /** HTTP Basic, "user:password". */
    static Who basic(String credentials) {
      return new Who(credentials, null);
    }

    /** A browser session after the login form (password "demo"), with its CSRF token. */
    static Who session(String user) {
      return new Who(null, user);
    }
  }

  /** One row of the table; built fluently. */
  static final class Probe {

    final String name;
    final Who who;
    String source = "127.0.0.1";
    String method = "GET";
    String path;
    String contentType;
    String body;
    String form;
    final List<String> headers = new ArrayList<>();
    boolean csrfHeader;
    Consumer<SourceAddressHttp> before;
    Integer status;
    String sees;

    Probe(String name, Who who) {
      this.name = name;
      this.who = who;
    }

    Probe get(String path, String... headers) {
      this.method = "GET";
      this.path = path;
      this.headers.addAll(List.of(headers));
      return this;
    }

    /** A form post; {@code form} is URL-encoded already (with a session, its CSRF token is added). */
    Probe post(String path, String form) {
      this.method = "POST";
      this.path = path;
      this.form = form;
      this.contentType = "application/x-www-form-urlencoded";
      return this;
    }

    Probe json(String method, String path, String json) {
      this.method = method;
      this.path = path;
      this.body = json;
      this.contentType = "application/json";
      headers.add("Accept: application/json");
      return this;
    }

    Probe multipart(String path, String field, String fileName, String content) {
      String boundary = "zorgpad-probe";
      this.method = "POST";
      this.path = path;
      this.contentType = "multipart/form-data; boundary=" + boundary;
      this.body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
          + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n" + content
          + "\r\n--" + boundary + "--\r\n";
      return this;
    }

    Probe withCsrfHeader() {
      this.csrfHeader = true;
      return this;
    }

    /** The loopback address it comes from (default 127.0.0.1, the tests' trusted proxy). */
    Probe from(String address) {
      this.source = address;
      return this;
    }

    /** Something to do first (not counted as the probe's change of state). */
    Probe before(Consumer<SourceAddressHttp> setUp) {
      this.before = setUp;
      return this;
    }

    Probe status(int status) {
      this.status = status;
      return this;
    }

    /** The Dutch text the user reads (a JSON answer: its userMessage). */
    Probe sees(String text) {
      this.sees = text;
      return this;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
