package nl.zorgpad.security;

import static nl.zorgpad.security.HostileProbe.Door.API;
import static nl.zorgpad.security.HostileProbe.Door.ENGINE_REST;
import static nl.zorgpad.security.HostileProbe.Door.PAGES;
import static nl.zorgpad.security.HostileProbe.Door.WEBAPP_API;
import static nl.zorgpad.security.HostileProbe.Door.WORKBENCH;
import static nl.zorgpad.security.HostileProbe.Kind.CODE_RUNNING_MODEL;
import static nl.zorgpad.security.HostileProbe.Kind.CONTROL_CHARACTERS;
import static nl.zorgpad.security.HostileProbe.Kind.EXPRESSION;
import static nl.zorgpad.security.HostileProbe.Kind.EXTRA_VARIABLES;
import static nl.zorgpad.security.HostileProbe.Kind.LOGIN;
import static nl.zorgpad.security.HostileProbe.Kind.MALFORMED_JSON;
import static nl.zorgpad.security.HostileProbe.Kind.NO_CSRF_TOKEN;
import static nl.zorgpad.security.HostileProbe.Kind.OTHER_COALITION;
import static nl.zorgpad.security.HostileProbe.Kind.PATH_TRICK;
import static nl.zorgpad.security.HostileProbe.Kind.RACE;
import static nl.zorgpad.security.HostileProbe.Kind.SQL;
import static nl.zorgpad.security.HostileProbe.Kind.TOO_LARGE;
import static nl.zorgpad.security.HostileProbe.Kind.UNKNOWN_ID;
import static nl.zorgpad.security.HostileProbe.Kind.WRONG_TYPE;
import static nl.zorgpad.security.HostileProbe.Kind.XML_ENTITIES;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgpad.modelpolicy.HostileModels;
import nl.zorgpad.security.HostileProbe.Door;
import nl.zorgpad.security.HostileProbe.Kind;
import nl.zorgpad.security.HostileProbe.Who;

/**
 * The table of {@link HostileInputIT}: one row per probe, grouped by door. Statuses are those of
 * the documented behaviour (docs/api.md, "Refusals at every door"); where a row gives a
 * {@code sees}, that Dutch text is what the user reads.
 */
final class HostileProbes {

  static final String MIDWIFE = "demo-verloskundige";
  static final String MIDWIFE_DORDRECHT = "demo-verloskundige-dordrecht";
  static final String COORDINATOR = "demo-coordinator";
  static final String AUDITOR = "demo-auditor";
  static final String MIDWIFE_BASIC = MIDWIFE + ":demo";
  static final String COORDINATOR_BASIC = COORDINATOR + ":demo";
  static final String ADMIN_BASIC = "admin:demo-admin";
  static final String BSN = "123456782";

  /** Personal data that no form asks for (the issue's own examples), as engine variables. */
  static final String PERSONAL_DATA =
      """
      "notitie": {"value": "Moeder drinkt, partner agressief"},
      "naamMoeder": {"value": "Jan Jansen"},
      "adres": {"value": "Kerkstraat 1, 3511 AB Utrecht, BSN %s"}"""
          .formatted(BSN);

  static final String CONSENT = "{\"variables\": {\"consentDecision\": {\"value\": \"GIVEN\"}}}";
  static final String CONSENT_WITH_PERSONAL_DATA =
      "{\"variables\": {\"consentDecision\":" + " {\"value\": \"GIVEN\"}, " + PERSONAL_DATA + "}}";

  /** An expression a page might echo (no class names in it, so an echo is no leak). */
  static final String EXPRESSION_TEXT = "${applicationContext.getBean('dataSource')}#{7*7}";

  static final String SQL_TEXT = "x' OR '1'='1'; DROP TABLE zp_case_file; --";
  static final String RTL_OVERRIDE = "\u202E";
  static final String ENGINE = "/camunda/api/engine/engine/default";
  static final String NOT_FOUND = "Niet gevonden";
  static final String CSV_HEADER =
      "soort;code;naam;organisatie;organisatietype;discipline;wijken"
          + ";team;rol;telefoon;beveiligde_email;gemeente;coalitie;postcodes\n";
  static final String TASK_CONFLICT = "Deze taak is al afgerond of door iemand anders opgepakt.";

  /** A due date that fits 20 weeks of pregnancy today. */
  static final String DUE = java.time.LocalDate.now().plusWeeks(20).toString();

  private static final ObjectMapper JSON = new ObjectMapper();

  private HostileProbes() {}

  static List<HostileProbe> all(Path touched) {
    List<HostileProbe> all = new ArrayList<>();
    all.addAll(ownApi(touched));
    all.addAll(pages());
    all.addAll(workbench(touched));
    all.addAll(engineRest(touched));
    all.addAll(webappApi(touched));
    return all;
  }

  // --- Zorgpad's own API -----------------------------------------------------------------------

  static List<HostileProbe> ownApi(Path touched) {
    String midwife = MIDWIFE_BASIC;
    String oneMegabyte = "x".repeat(1 << 20);
    return List.of(
        probe(API, TOO_LARGE, "a client reference of 3000 characters", Who.basic(midwife))
            .json(
                "POST", "/api/signals", signal("\"clientReference\":\"" + "R".repeat(3000) + "\""))
            .status(400)
            .sees("Een ingevuld veld is te lang: gebruik hoogstens 2.000 tekens."),
        probe(API, CONTROL_CHARACTERS, "a backspace in a JSON text", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"clientReference\":\"VP-1\\u0008\""))
            .status(400)
            .sees("bevat tekens die niet zijn toegestaan"),
        probe(API, CONTROL_CHARACTERS, "a NUL in a JSON text", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"clientReference\":\"VP-1\\u0000\""))
            .status(400)
            .sees("bevat tekens die niet zijn toegestaan"),
        probe(
                API,
                CONTROL_CHARACTERS,
                "a right-to-left override in a JSON text",
                Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"clientReference\":\"VP-1\\u202Efdp.exe\""))
            .status(400)
            .sees("bevat tekens die niet zijn toegestaan"),
        probe(API, TOO_LARGE, "a body of 100 kB", Who.basic(midwife))
            .json("POST", "/api/signals", "{\"clientReference\":\"" + "R".repeat(100_000) + "\"}")
            .status(413)
            .sees("De verstuurde gegevens zijn te groot: hoogstens 64 kB."),
        probe(API, TOO_LARGE, "a string of 1 MB without a declared length", Who.basic(midwife))
            .json("POST", "/api/signals", "{\"clientReference\":\"" + oneMegabyte + "\"}")
            .chunked()
            .status(413)
            .sees("De verstuurde gegevens zijn te groot"),
        probe(API, MALFORMED_JSON, "JSON cut off", Who.basic(midwife))
            .json("POST", "/api/signals", "{\"clientReference\": \"VP-1\", \"dueDate\":")
            .status(400),
        probe(API, MALFORMED_JSON, "an array instead of an object", Who.basic(midwife))
            .json("POST", "/api/signals", "[1, 2, 3]")
            .status(400),
        probe(API, MALFORMED_JSON, "not JSON at all", Who.basic(midwife))
            .json("POST", "/api/signals", "<signal/>")
            .status(400),
        probe(API, WRONG_TYPE, "weeks as a word", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"gestationalAgeWeeks\":\"twintig\""))
            .status(400),
        probe(API, WRONG_TYPE, "a due date that is no date", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"dueDate\":\"morgen\""))
            .status(400),
        probe(API, WRONG_TYPE, "risk domains as a string", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"riskDomains\":\"stress\""))
            .status(400),
        probe(API, WRONG_TYPE, "a wrong media type", Who.basic(midwife))
            .send("POST", "/api/signals", "text/plain", "clientReference=VP-1")
            .status(415),
        probe(API, EXPRESSION, "an expression as the signalling discipline", Who.basic(midwife))
            .json(
                "POST",
                "/api/signals",
                signal("\"signallingDiscipline\":\"" + HostileModels.exec(touched) + "\""))
            .status(400),
        probe(API, EXPRESSION, "an expression as a risk domain", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"riskDomains\":[\"#{7*7}\"]"))
            .status(400),
        probe(API, SQL, "SQL as the signalling discipline", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"signallingDiscipline\":\"" + SQL_TEXT + "\""))
            .status(400),
        probe(API, EXTRA_VARIABLES, "a signal with the mother's name", Who.basic(midwife))
            .json("POST", "/api/signals", signal("\"naamMoeder\":\"Jan Jansen\""))
            .status(400)
            .sees("\"naamMoeder\""),
        probe(API, EXTRA_VARIABLES, "ending a case with an address", Who.basic(midwife))
            .json(
                "POST",
                "/api/cases/%caseof.api-end/end",
                "{\"endReason\": \"verhuisd\", \"adres\": \"Kerkstraat 1, BSN " + BSN + "\"}")
            .status(400)
            .sees("\"adres\""),
        probe(API, EXTRA_VARIABLES, "a withdrawal of consent with a note", Who.basic(midwife))
            .json(
                "POST",
                "/api/cases/%caseof.api-end/consent-withdrawals",
                "{\"notitie\": \"Moeder drinkt\"}")
            .status(400),
        probe(API, MALFORMED_JSON, "a birth cut off", Who.basic(midwife))
            .json("POST", "/api/cases/%caseof.api-end/birth", "{\"birthDate\": ")
            .status(400),
        probe(API, WRONG_TYPE, "a meldcode step with a number for a text", Who.basic(midwife))
            .json("POST", "/api/cases/%caseof.api-end/meldcode", "{\"step\": 42}")
            .status(400),
        probe(API, UNKNOWN_ID, "ending an unknown case", Who.basic(midwife))
            .json("POST", "/api/cases/ZP-0000-99999/end", "{\"endReason\": \"verhuisd\"}")
            .status(404),
        probe(API, OTHER_COALITION, "ending another coalition's case", Who.basic(midwife))
            .json("POST", "/api/cases/%caseof.dordrecht-api/end", "{\"endReason\": \"verhuisd\"}")
            .status(404),
        probe(API, PATH_TRICK, "an encoded slash in a case number", Who.basic(midwife))
            .json("POST", "/api/cases/..%2F..%2Fsignals/end", "{\"endReason\": \"verhuisd\"}")
            .status(400));
  }

  // --- pages and their form posts --------------------------------------------------------------

  static List<HostileProbe> pages() {
    String oneMegabyte = "x".repeat(1 << 20);
    return List.of(
        probe(PAGES, TOO_LARGE, "noodprocedure: a reason of 1 MB", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=" + oneMegabyte)
            .status(413)
            .sees("De verstuurde gegevens zijn te groot: hoogstens 64 kB."),
        probe(PAGES, TOO_LARGE, "noodprocedure: a reason of 501 characters", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=" + "a".repeat(501))
            .status(400)
            .sees("De reden is te lang: gebruik hoogstens 500 tekens."),
        probe(PAGES, TOO_LARGE, "noodprocedure: a reason of 3000 characters", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=" + "a".repeat(3000))
            .status(400)
            .sees("De reden is te lang: gebruik hoogstens 500 tekens."),
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "noodprocedure: a NUL character in the reason",
                Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=spoedeisend%00overleg+nodig")
            .status(400)
            .sees("De reden bevat tekens die niet zijn toegestaan"),
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "noodprocedure: a right-to-left override in the reason",
                Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=spoed%E2%80%AEgidnepsmi")
            .status(400)
            .sees("De reden bevat tekens die niet zijn toegestaan"),
        probe(PAGES, NO_CSRF_TOKEN, "noodprocedure without the form's token", Who.session(MIDWIFE))
            .post("/casus/%case/noodtoegang", "reason=spoed")
            .withoutCsrfToken()
            .status(403),
        probe(PAGES, UNKNOWN_ID, "noodprocedure for an unknown case", Who.session(MIDWIFE))
            .post("/casus/ZP-0000-99999/noodtoegang", "reason=spoed")
            .status(404),
        probe(
                PAGES,
                OTHER_COALITION,
                "noodprocedure for another coalition's case",
                Who.session(MIDWIFE))
            .post(
                "/casus/%caseof.dordrecht-page/noodtoegang", "reason=spoed, de moeder is in gevaar")
            .status(404),
        probe(PAGES, UNKNOWN_ID, "an unknown case page", Who.session(MIDWIFE))
            .get("/casus/ZP-0000-99999")
            .status(404),
        // another coalition's case does not exist for her: 404 as for an unknown number, no
        // noodprocedure offer (decision 0005); the refused look is logged (NEN 7513)
        probe(PAGES, OTHER_COALITION, "another coalition's case page", Who.session(MIDWIFE))
            .get("/casus/%caseof.dordrecht-page")
            .status(404)
            .changes("zp_access_log"),
        probe(PAGES, OTHER_COALITION, "another coalition's case diagram", Who.session(MIDWIFE))
            .get("/casus/%caseof.dordrecht-page/diagram", "Accept: application/json")
            .status(404)
            .changes("zp_access_log"),
        probe(PAGES, UNKNOWN_ID, "assigning an unknown task of a case", Who.session(MIDWIFE))
            .post("/casus/%case/taken/%unknown/toewijzen", "groupId=verloskundige")
            .status(403)
            .sees("Dit kan niet"),
        probe(
                PAGES,
                WRONG_TYPE,
                "ending an involvement whose id is no number",
                Who.session(MIDWIFE))
            .post("/casus/%case/betrokkenheid/abc/einde", "")
            .status(400),
        probe(PAGES, SQL, "SQL as an involvement id", Who.session(MIDWIFE))
            .post("/casus/%case/betrokkenheid/1%20OR%201=1/einde", "")
            .status(400),
        // --- search fields ---
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "sociale kaart: an escape sequence in the search term",
                Who.session(MIDWIFE))
            .get("/sociale-kaart?zoek=jgz%1B%5B31m")
            .status(400)
            .sees("De zoekterm bevat tekens die niet zijn toegestaan"),
        probe(
                PAGES,
                TOO_LARGE,
                "sociale kaart: a search term of 101 characters",
                Who.session(MIDWIFE))
            .get("/sociale-kaart?zoek=" + "j".repeat(101))
            .status(400)
            .sees("De zoekterm is te lang: gebruik hoogstens 100 tekens."),
        probe(PAGES, CONTROL_CHARACTERS, "sociale kaart: NUL in the postcode", Who.session(MIDWIFE))
            .get("/sociale-kaart?postcode=3531%00AB")
            .status(400)
            .sees("De postcode bevat tekens die niet zijn toegestaan"),
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "case list: a parameter nobody reads, with a bell",
                Who.session(MIDWIFE))
            .get("/casus?filter=%07")
            .status(400)
            .sees("Een ingevuld veld bevat tekens die niet zijn toegestaan"),
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "access log search: an escape sequence in the user",
                Who.session(AUDITOR))
            .get("/audit/toegang?gebruiker=demo%1B%5B2J")
            .status(400)
            .sees("De gebruiker bevat tekens die niet zijn toegestaan"),
        probe(
                PAGES,
                TOO_LARGE,
                "case history: a user filter of 3000 characters",
                Who.session(AUDITOR))
            .get("/audit/casus/%case?gebruiker=" + "u".repeat(3000))
            .status(400)
            .sees("De gebruiker is te lang: gebruik hoogstens 100 tekens."),
        probe(PAGES, WRONG_TYPE, "access log search: a date that is no date", Who.session(AUDITOR))
            .get("/audit/toegang?van=gisteren")
            .status(400),
        probe(PAGES, SQL, "access log search: SQL as a date", Who.session(AUDITOR))
            .get("/audit/toegang?van=" + encode(SQL_TEXT))
            .status(400),
        probe(PAGES, UNKNOWN_ID, "case history of an unknown case", Who.session(AUDITOR))
            .get("/audit/casus/ZP-0000-99999")
            .status(404),
        probe(
                PAGES,
                UNKNOWN_ID,
                "a client's access report of an unknown case",
                Who.session(AUDITOR))
            .get("/audit/inzage/ZP-0000-99999")
            .status(404),
        probe(
                PAGES,
                TOO_LARGE,
                "client details: a given name of 101 characters",
                Who.session(MIDWIFE))
            .post("/casus/%case/client", "givenName=" + "A".repeat(101) + "&familyName=Jansen")
            .status(400)
            .sees("De voornaam is te lang: gebruik hoogstens 100 tekens."),
        // --- sociale kaart administration and its CSV import ---
        probe(
                PAGES,
                TOO_LARGE,
                "sociale kaart: an organisation name of 151 characters",
                Who.session(COORDINATOR))
            .post(
                "/sociale-kaart/organisaties/nieuw",
                "name=" + "O".repeat(151) + "&type=JGZ&coalition=Utrecht")
            .status(422),
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "sociale kaart: NUL in an organisation name",
                Who.session(COORDINATOR))
            .post(
                "/sociale-kaart/organisaties/nieuw",
                "name=JGZ%00Utrecht&type=JGZ" + "&coalition=Utrecht")
            .status(400),
        probe(PAGES, SQL, "sociale kaart: SQL as a phone number", Who.session(COORDINATOR))
            .post(
                "/sociale-kaart/organisaties/nieuw",
                "name=JGZ+Oost&type=JGZ&coalition=Utrecht" + "&phone=" + encode(SQL_TEXT))
            .status(422),
        probe(
                PAGES,
                EXPRESSION,
                "sociale kaart: an expression as the organisation type",
                Who.session(COORDINATOR))
            .post(
                "/sociale-kaart/organisaties/nieuw",
                "name=JGZ+Oost&coalition=Utrecht&type=" + encode(EXPRESSION_TEXT))
            .status(422),
        probe(
                PAGES,
                WRONG_TYPE,
                "sociale kaart: an organisation id that is no number",
                Who.session(COORDINATOR))
            .post("/sociale-kaart/organisaties/abc", "name=JGZ&type=JGZ&coalition=Utrecht")
            .status(400),
        probe(
                PAGES,
                UNKNOWN_ID,
                "sociale kaart: deleting an unknown organisation",
                Who.session(COORDINATOR))
            .post("/sociale-kaart/organisaties/999999/verwijderen", "")
            .status(404),
        probe(
                PAGES,
                UNKNOWN_ID,
                "sociale kaart: a contact of an unknown team",
                Who.session(COORDINATOR))
            .get("/sociale-kaart/teams/999999/contacten/nieuw")
            .status(404),
        // just over the 2 MB limit (2 MB + 64 KB): the rest is far within what Tomcat reads away
        // before it answers (maxSwallowSize 2 MB; with 2.5 MB the connection was once closed
        // while the client still wrote, a broken pipe on a loaded machine)
        probe(
                PAGES,
                TOO_LARGE,
                "sociale kaart import: a file just over 2 MB",
                Who.session(COORDINATOR))
            .multipart(
                "/sociale-kaart/import", "bestand", "kaart.csv", "x".repeat((2 << 20) + (64 << 10)))
            .status(413)
            .sees("De verstuurde gegevens zijn te groot: hoogstens 2 MB."),
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "sociale kaart import: NUL bytes in the file",
                Who.session(COORDINATOR))
            .multipart(
                "/sociale-kaart/import",
                "bestand",
                "kaart.csv",
                CSV_HEADER
                    + "organisatie;;Praktijk\u0000Zuilen;;huisarts;;;;;;;;"
                    + "Kansrijke Start Utrecht;\n")
            .withCsrfHeader()
            .status(422),
        probe(
                PAGES,
                CONTROL_CHARACTERS,
                "sociale kaart import: a right-to-left override",
                Who.session(COORDINATOR))
            .multipart(
                "/sociale-kaart/import",
                "bestand",
                "kaart.csv",
                CSV_HEADER
                    + "organisatie;;Praktijk "
                    + RTL_OVERRIDE
                    + "nelliuZ;;huisarts;;;;;;;;"
                    + "Kansrijke Start Utrecht;\n")
            .withCsrfHeader()
            .status(422),
        probe(PAGES, SQL, "sociale kaart import: SQL as a phone number", Who.session(COORDINATOR))
            .multipart(
                "/sociale-kaart/import",
                "bestand",
                "kaart.csv",
                CSV_HEADER
                    + "organisatie;;Praktijk Zuilen;;huisarts;;;;;"
                    + SQL_TEXT.replace(";", ",")
                    + ";;;Kansrijke Start Utrecht;\n")
            .withCsrfHeader()
            .status(422),
        probe(
                PAGES,
                EXPRESSION,
                "sociale kaart import: a spreadsheet formula and an expression",
                Who.session(COORDINATOR))
            .multipart(
                "/sociale-kaart/import",
                "bestand",
                "kaart.csv",
                CSV_HEADER
                    + "organisatie;;=cmd|' /C calc'!A0;;"
                    + EXPRESSION_TEXT
                    + ";;;;;;;;Kansrijke Start Utrecht;\n")
            .withCsrfHeader()
            .status(422),
        probe(
                PAGES,
                NO_CSRF_TOKEN,
                "sociale kaart import without the form's token",
                Who.session(COORDINATOR))
            .multipart("/sociale-kaart/import", "bestand", "kaart.csv", "soort;naam\n")
            .withoutCsrfToken()
            .status(403),
        // --- path tricks on pages ---
        probe(PAGES, PATH_TRICK, "encoded slashes up and out", Who.session(MIDWIFE))
            .get("/casus/..%2F..%2Fetc%2Fpasswd")
            .status(400)
            .sees("Deze aanvraag kon niet worden gelezen"),
        probe(PAGES, PATH_TRICK, "encoded dots above the root", Who.session(MIDWIFE))
            .get("/%2e%2e/%2e%2e/etc/passwd")
            .status(400),
        probe(PAGES, PATH_TRICK, "double-encoded dots", Who.session(MIDWIFE))
            .get("/casus/%252e%252e/%252e%252e/actuator/env")
            .status(400),
        probe(PAGES, PATH_TRICK, "an encoded backslash in a static path", Who.anonymous())
            .get("/css/..%5c..%5capplication.yaml")
            .status(400),
        probe(PAGES, PATH_TRICK, "a path parameter", Who.session(MIDWIFE))
            .get("/audit;x=y/toegang")
            .status(400),
        probe(PAGES, PATH_TRICK, "a double slash before a protected path", Who.session(MIDWIFE))
            .get("//audit/toegang")
            .status(400),
        probe(PAGES, PATH_TRICK, "Tomcat's ..; trick past a rule", Who.session(MIDWIFE))
            .get("/camunda/app/tasklist/..;/..;/..;/engine-rest/version")
            .status(400)
            .sees("Dit adres bevat tekens die niet zijn toegestaan."),
        probe(PAGES, PATH_TRICK, "an encoded NUL after a case number", Who.session(MIDWIFE))
            .get("/casus/%case%00")
            .status(400),
        probe(PAGES, UNKNOWN_ID, "a page in capitals", Who.session(MIDWIFE))
            .get("/CASUS")
            .status(404)
            .sees("Deze pagina bestaat niet."),
        probe(PAGES, TOO_LARGE, "a query of 9000 characters", Who.session(MIDWIFE))
            .get("/casus?x=" + "q".repeat(9000))
            .status(400),
        // --- logins ---
        probe(PAGES, LOGIN, "wrong Basic credentials on a page", Who.basic(MIDWIFE + ":wrong"))
            .from("127.0.0.40")
            .get("/casus")
            .status(401)
            .sees("Gebruikersnaam of wachtwoord onjuist."),
        probe(
                PAGES,
                LOGIN,
                "an X-Forwarded-For from a stranger does not lift a throttle",
                Who.basic(MIDWIFE_BASIC))
            .from("127.0.0.41")
            .before(
                http -> {
                  for (int i = 0; i < 5; i++) {
                    http.get("/engine-rest/task", MIDWIFE + ":guess" + i);
                  }
                })
            .get("/engine-rest/task", "X-Forwarded-For: 203.0.113.77")
            .status(429)
            .sees("Te veel mislukte pogingen vanaf dit adres"),
        probe(PAGES, LOGIN, "a login form with a user name of 1 MB", Who.anonymous())
            .from("127.0.0.42")
            .send(
                "POST",
                "/login",
                "application/x-www-form-urlencoded",
                "username=" + oneMegabyte + "&password=x")
            .status(413));
  }

  // --- the workbench -----------------------------------------------------------------------------

  static List<HostileProbe> workbench(Path touched) {
    List<HostileProbe> rows = new ArrayList<>();
    for (HostileModels.Hostile model : HostileModels.all(touched, "hi-wb-")) {
      rows.add(
          probe(
                  WORKBENCH,
                  kindOf(model),
                  "deploying a model with " + model.name(),
                  Who.session(COORDINATOR))
              .json(
                  "POST",
                  "/modeling/api/deploy",
                  resources(model.resource(), new String(model.content(), StandardCharsets.UTF_8)))
              .withCsrfHeader()
              .status(422)
              .sees(model.elementText()));
    }
    rows.addAll(
        List.of(
            probe(WORKBENCH, TOO_LARGE, "a tenant id of 101 characters", Who.session(COORDINATOR))
                .json(
                    "POST",
                    "/modeling/api/validate",
                    "{\"resources\":[],\"tenantId\":\"" + "t".repeat(101) + "\"}")
                .withCsrfHeader()
                .status(400)
                .sees("gebruik hoogstens 100 tekens"),
            probe(WORKBENCH, MALFORMED_JSON, "validate: JSON cut off", Who.session(COORDINATOR))
                .json("POST", "/modeling/api/validate", "{\"resources\": [")
                .withCsrfHeader()
                .status(400),
            probe(WORKBENCH, WRONG_TYPE, "deploy: resources as a string", Who.session(COORDINATOR))
                .json("POST", "/modeling/api/deploy", "{\"resources\": \"alles\"}")
                .withCsrfHeader()
                .status(400),
            probe(
                    WORKBENCH,
                    PATH_TRICK,
                    "deploy: a resource name outside the catalog",
                    Who.session(COORDINATOR))
                .json(
                    "POST",
                    "/modeling/api/deploy",
                    resources("../../../etc/cron.d/zorgpad.bpmn", "<x/>"))
                .withCsrfHeader()
                .status(422)
                .sees("is niet toegestaan"),
            probe(
                    WORKBENCH,
                    NO_CSRF_TOKEN,
                    "deploy without the CSRF token",
                    Who.session(COORDINATOR))
                .json(
                    "POST",
                    "/modeling/api/deploy",
                    resources("processes/hi-wb-nocsrf.bpmn", "<x/>"))
                .withoutCsrfToken()
                .status(403),
            probe(WORKBENCH, PATH_TRICK, "a file outside the catalog", Who.session(COORDINATOR))
                .get("/modeling/edit?name=..%2F..%2F..%2Fetc%2Fpasswd")
                .status(404),
            probe(WORKBENCH, PATH_TRICK, "a resource outside the catalog", Who.session(COORDINATOR))
                .get("/modeling/api/resource?name=..%2F..%2Fpom.xml")
                .status(404),
            probe(
                    WORKBENCH,
                    UNKNOWN_ID,
                    "rollback to an unknown deployment",
                    Who.session(COORDINATOR))
                .post(
                    "/modeling/rollback",
                    "name=processes%2Fzorgpad-kwetsbare-zwangerschap.bpmn"
                        + "&deployment=bestaat-niet")
                .status(404)
                .sees("Deze versie bestaat niet (meer)"),
            probe(
                    WORKBENCH,
                    EXPRESSION,
                    "rollback with an expression as the deployment",
                    Who.session(COORDINATOR))
                .post(
                    "/modeling/rollback",
                    "name=processes%2Fzorgpad-kwetsbare-zwangerschap.bpmn"
                        + "&deployment="
                        + encode(EXPRESSION_TEXT))
                .status(404),
            probe(
                    WORKBENCH,
                    UNKNOWN_ID,
                    "migration between unknown versions",
                    Who.session(COORDINATOR))
                .post(
                    "/modeling/migration", "source=bestaat-niet&target=ook-niet&case=%instance.wb")
                .status(404),
            probe(WORKBENCH, UNKNOWN_ID, "migration of an unknown case", Who.session(COORDINATOR))
                .post("/modeling/migration", "source=%definition&target=%definition&case=%unknown")
                .status(404)
                .sees("loopt niet (meer)"),
            probe(WORKBENCH, SQL, "migration with SQL as the source", Who.session(COORDINATOR))
                .get("/modeling/migration?source=" + encode(SQL_TEXT))
                .status(404),
            probe(WORKBENCH, UNKNOWN_ID, "an unknown migration batch", Who.session(COORDINATOR))
                .get("/modeling/migration/%unknown")
                .status(404),
            probe(WORKBENCH, OTHER_COALITION, "a caregiver deploying", Who.session(MIDWIFE))
                .json(
                    "POST",
                    "/modeling/api/deploy",
                    resources("processes/hi-wb-caregiver.bpmn", "<x/>"))
                .withCsrfHeader()
                .status(403)));
    return rows;
  }

  // --- /engine-rest ------------------------------------------------------------------------------

  static List<HostileProbe> engineRest(Path touched) {
    List<HostileProbe> rows = new ArrayList<>();
    for (HostileModels.Hostile model : HostileModels.all(touched, "hi-rest-")) {
      rows.add(
          probe(
                  ENGINE_REST,
                  kindOf(model),
                  "deploying a model with " + model.name(),
                  Who.basic(COORDINATOR_BASIC))
              .deployment("/engine-rest/deployment/create", model)
              .status(400)
              .sees(model.elementText()));
    }
    String midwife = MIDWIFE_BASIC;
    String dordrecht = MIDWIFE_DORDRECHT + ":demo";
    String start =
        "{\"variables\": {\"clientReference\": {\"value\": \"VK-HI-1\"},"
            + " \"dueDate\": {\"value\": \""
            + DUE
            + "\"}, \"gestationalAgeWeeks\": {\"value\": 20},"
            + " \"riskDomains\": {\"value\": \"[\\\"stress\\\"]\", \"type\": \"Json\"},"
            + " \"signallingDiscipline\": {\"value\": \"verloskundige\"}, "
            + PERSONAL_DATA
            + "}}";
    rows.addAll(
        List.of(
            probe(ENGINE_REST, CODE_RUNNING_MODEL, "starting a refused model", Who.basic(midwife))
                .json("POST", "/engine-rest/process-definition/key/hi-rest-expression/start", "{}")
                .status(404),
            // --- only the form's own fields ---
            probe(ENGINE_REST, EXTRA_VARIABLES, "complete with personal data", Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/complete",
                    CONSENT_WITH_PERSONAL_DATA)
                .status(400)
                .sees("hoort niet bij dit formulier"),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "submit-form with personal data",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/submit-form",
                    CONSENT_WITH_PERSONAL_DATA)
                .status(400)
                .sees("hoort niet bij dit formulier"),
            probe(ENGINE_REST, EXTRA_VARIABLES, "resolve with personal data", Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/resolve",
                    CONSENT_WITH_PERSONAL_DATA)
                .status(400),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "start by id with personal data",
                    Who.basic(midwife))
                .json("POST", "/engine-rest/process-definition/%definition/start", start)
                .status(400),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "start by key with personal data",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/process-definition/key/zorgpad-kwetsbare-zwangerschap" + "/start",
                    start)
                .status(400),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "start form by id with personal data",
                    Who.basic(midwife))
                .json("POST", "/engine-rest/process-definition/%definition/submit-form", start)
                .status(400),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "start form by key with personal data",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/process-definition/key/zorgpad-kwetsbare-zwangerschap"
                        + "/submit-form",
                    start)
                .status(400),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "a message with personal data",
                    Who.basic(ADMIN_BASIC))
                .json(
                    "POST",
                    "/engine-rest/message",
                    "{\"messageName\": \"CasusBeeindigen\","
                        + " \"businessKey\": \"%caseof.rest-message\", \"processVariables\": {"
                        + "\"endReason\": {\"value\": \"verhuisd\"}, "
                        + PERSONAL_DATA
                        + "}}")
                .status(400)
                .sees("hoort niet bij dit bericht"),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "a signal with personal data",
                    Who.basic(ADMIN_BASIC))
                .json(
                    "POST",
                    "/engine-rest/signal",
                    "{\"name\": \"Iets\", \"variables\": {" + PERSONAL_DATA + "}}")
                .status(400),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "a caregiver setting a process variable",
                    Who.basic(midwife))
                .json(
                    "PUT",
                    "/engine-rest/process-instance/%instance.rest-extra/variables/naamMoeder",
                    "{\"value\": \"Jan Jansen\"}")
                .status(403),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "a caregiver changing task variables",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/variables",
                    "{\"modifications\": {" + PERSONAL_DATA + "}}")
                .status(403),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "an administrator setting a variable no form has",
                    Who.basic(ADMIN_BASIC))
                .json(
                    "PUT",
                    "/engine-rest/process-instance/%instance.rest-extra/variables/adres",
                    "{\"value\": \"Kerkstraat 1, BSN " + BSN + "\"}")
                .status(400),
            probe(
                    ENGINE_REST,
                    EXTRA_VARIABLES,
                    "a modification that starts a task with a variable",
                    Who.basic(ADMIN_BASIC))
                .json(
                    "POST",
                    "/engine-rest/process-instance/%instance.rest-extra/modification",
                    "{\"instructions\": [{\"type\": \"startBeforeActivity\", \"activityId\":"
                        + " \"Task_AskConsent\", \"variables\": {"
                        + PERSONAL_DATA
                        + "}}]}")
                .status(400),
            // --- wrong types, malformed JSON, size ---
            probe(
                    ENGINE_REST,
                    WRONG_TYPE,
                    "a consent decision that is not an option",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/submit-form",
                    "{\"variables\": {\"consentDecision\": {\"value\": \"MISSCHIEN\"}}}")
                .status(400)
                .sees("een van de mogelijkheden van het formulier"),
            probe(
                    ENGINE_REST,
                    WRONG_TYPE,
                    "a serialized Java object as a form value",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/submit-form",
                    "{\"variables\":"
                        + " {\"consentDecision\": {\"value\": \"rO0ABQ==\", \"type\": \"Object\","
                        + " \"valueInfo\": {\"objectTypeName\": \"java.util.ArrayList\","
                        + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}}}")
                .status(400),
            probe(ENGINE_REST, WRONG_TYPE, "weeks as a word with type Integer", Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/process-definition/%definition/start",
                    "{\"variables\":"
                        + " {\"gestationalAgeWeeks\": {\"value\": \"twintig\", \"type\": \"Integer\"}}}")
                .status(400),
            probe(
                    ENGINE_REST,
                    WRONG_TYPE,
                    "a query parameter of the wrong type",
                    Who.basic(midwife))
                .get("/engine-rest/task?maxResults=abc")
                .status(400),
            probe(ENGINE_REST, MALFORMED_JSON, "a completion cut off", Who.basic(midwife))
                .json("POST", "/engine-rest/task/%task.rest-extra/complete", "{\"variables\": {")
                .status(400),
            probe(ENGINE_REST, MALFORMED_JSON, "variables as an array", Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/process-definition/%definition/start",
                    "{\"variables\": [1, 2]}")
                .status(400),
            // the engine's doors take bodies up to 10 MB (models travel there): a 1 MB value is
            // read
            // and refused by the form contract; beyond 10 MB nothing is read
            probe(ENGINE_REST, TOO_LARGE, "a form value of 1 MB", Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/submit-form",
                    "{\"variables\": {\"consentDecision\": {\"value\": \""
                        + "x".repeat(1 << 20)
                        + "\"}}}")
                .status(400)
                .sees("een van de mogelijkheden van het formulier"),
            probe(
                    ENGINE_REST,
                    TOO_LARGE,
                    "a body of 11 MB without a declared length",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/submit-form",
                    "{\"variables\": {\"consentDecision\": {\"value\": \""
                        + "x".repeat(11 << 20)
                        + "\"}}}")
                .chunked()
                .status(413)
                .sees("De verstuurde gegevens zijn te groot"),
            probe(
                    ENGINE_REST,
                    CONTROL_CHARACTERS,
                    "a NUL and an override in a form value",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.rest-extra/submit-form",
                    "{\"variables\":"
                        + " {\"consentDecision\": {\"value\": \"GIVEN\\u0000\\u202E\"}}}")
                .status(400),
            // --- expressions and SQL in queries ---
            probe(
                    ENGINE_REST,
                    EXPRESSION,
                    "an expression in a task query parameter",
                    Who.basic(midwife))
                .get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D")
                .status(400),
            probe(ENGINE_REST, EXPRESSION, "an expression hidden in orQueries", Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task",
                    "{\"orQueries\": [{\"assigneeExpression\": \""
                        + HostileModels.exec(touched)
                        + "\"}]}")
                .status(400),
            probe(ENGINE_REST, EXPRESSION, "an expression in a saved filter", Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/filter/create",
                    "{\"resourceType\": \"Task\","
                        + " \"name\": \"x\", \"query\": {\"candidateGroupsExpression\": \"#{7*7}\"}}")
                .status(400),
            probe(ENGINE_REST, EXPRESSION, "an expression as a business key", Who.basic(midwife))
                .get(
                    "/engine-rest/task?processInstanceBusinessKey="
                        + encode(HostileModels.exec(touched))
                        + "&sortBy=x")
                .status(400),
            probe(ENGINE_REST, SQL, "SQL as the sort order", Who.basic(midwife))
                .get(
                    "/engine-rest/task?sortBy="
                        + encode("id; DROP TABLE ACT_RU_TASK; --")
                        + "&sortOrder=asc")
                .status(400),
            probe(ENGINE_REST, SQL, "SQL in a variable filter", Who.basic(midwife))
                .get(
                    "/engine-rest/task?processVariables="
                        + encode("x_eq_1' OR '1'='1")
                        + "&sortBy=bestaat-niet&sortOrder=asc")
                .status(400),
            // --- unknown ids, another coalition's ---
            probe(ENGINE_REST, UNKNOWN_ID, "an unknown task", Who.basic(midwife))
                .get("/engine-rest/task/%unknown")
                .status(404)
                .sees(NOT_FOUND),
            probe(ENGINE_REST, UNKNOWN_ID, "claiming an unknown task", Who.basic(midwife))
                .json(
                    "POST", "/engine-rest/task/%unknown/claim", "{\"userId\": \"" + MIDWIFE + "\"}")
                .status(404),
            probe(ENGINE_REST, UNKNOWN_ID, "completing an unknown task", Who.basic(midwife))
                .json("POST", "/engine-rest/task/%unknown/complete", CONSENT)
                .status(404),
            probe(ENGINE_REST, UNKNOWN_ID, "an unknown process instance", Who.basic(midwife))
                .get("/engine-rest/process-instance/%unknown")
                .status(404),
            probe(ENGINE_REST, UNKNOWN_ID, "an unknown deployment", Who.basic(COORDINATOR_BASIC))
                .get("/engine-rest/deployment/%unknown")
                .status(404),
            probe(ENGINE_REST, UNKNOWN_ID, "an unknown definition's XML", Who.basic(midwife))
                .get("/engine-rest/process-definition/%unknown/xml")
                .status(404),
            probe(ENGINE_REST, UNKNOWN_ID, "an unknown resource of the API", Who.basic(midwife))
                .get("/engine-rest/bestaat-niet")
                .status(404),
            probe(ENGINE_REST, OTHER_COALITION, "another coalition's task", Who.basic(midwife))
                .get("/engine-rest/task/%task.dordrecht-rest")
                .status(404)
                .sees(NOT_FOUND),
            probe(
                    ENGINE_REST,
                    OTHER_COALITION,
                    "claiming another coalition's task",
                    Who.basic(midwife))
                .json(
                    "POST",
                    "/engine-rest/task/%task.dordrecht-rest/claim",
                    "{\"userId\": \"" + MIDWIFE + "\"}")
                .status(404),
            probe(
                    ENGINE_REST,
                    OTHER_COALITION,
                    "completing another coalition's task",
                    Who.basic(midwife))
                .json("POST", "/engine-rest/task/%task.dordrecht-rest/complete", CONSENT)
                .status(404),
            probe(
                    ENGINE_REST,
                    OTHER_COALITION,
                    "another coalition's process instance",
                    Who.basic(midwife))
                .get("/engine-rest/process-instance/%instance.dordrecht-rest")
                .status(404),
            probe(ENGINE_REST, OTHER_COALITION, "another coalition's variables", Who.basic(midwife))
                .get("/engine-rest/process-instance/%instance.dordrecht-rest/variables")
                .status(404),
            // --- path tricks ---
            probe(ENGINE_REST, PATH_TRICK, "..; out of the API", Who.basic(midwife))
                .get("/engine-rest/..;/actuator/env")
                .status(400),
            probe(ENGINE_REST, PATH_TRICK, "encoded dots out of the API", Who.basic(midwife))
                .get("/engine-rest/%2e%2e/actuator/env")
                .status(400),
            probe(
                    ENGINE_REST,
                    PATH_TRICK,
                    "double-encoded slashes in a task id",
                    Who.basic(midwife))
                .get("/engine-rest/task/..%252F..%252Fuser")
                .status(400),
            probe(ENGINE_REST, PATH_TRICK, "a double slash", Who.basic(midwife))
                .get("/engine-rest//user")
                .status(400),
            // --- the race ---
            probe(ENGINE_REST, RACE, "10 concurrent completions of one task", Who.basic(midwife))
                .json("POST", "/engine-rest/task/%task.rest-race/submit-form", CONSENT)
                .concurrently(10)
                .status(409)
                .sees(TASK_CONFLICT),
            probe(ENGINE_REST, RACE, "completing a task completed before", Who.basic(midwife))
                .json("POST", "/engine-rest/task/%task.rest-race/complete", CONSENT)
                .status(409)
                .sees(TASK_CONFLICT),
            probe(
                    ENGINE_REST,
                    LOGIN,
                    "a password change with a wrong current password, hammered",
                    Who.basic(midwife))
                .from("127.0.0.43")
                .before(
                    http -> {
                      for (int i = 0; i < 5; i++) {
                        http.send(
                            "PUT",
                            "/engine-rest/user/" + MIDWIFE + "/credentials",
                            MIDWIFE_BASIC,
                            "application/json",
                            "{\"password\": \"Nieuw-wachtwoord-1\","
                                + " \"authenticatedUserPassword\": \"gok"
                                + i
                                + "\"}");
                      }
                    })
                .json(
                    "PUT",
                    "/engine-rest/user/" + MIDWIFE + "/credentials",
                    "{\"password\": \"Nieuw-wachtwoord-1\", \"authenticatedUserPassword\": \"gok\"}")
                .status(429)
                .sees("Te veel mislukte pogingen vanaf dit adres")));
    return rows;
  }

  // --- the Tasklist's /camunda/api/engine
  // ------------------------------------------------------------

  static List<HostileProbe> webappApi(Path touched) {
    List<HostileProbe> rows = new ArrayList<>();
    for (HostileModels.Hostile model : HostileModels.all(touched, "hi-webapp-")) {
      rows.add(
          probe(
                  WEBAPP_API,
                  kindOf(model),
                  "deploying a model with " + model.name(),
                  Who.webapp(COORDINATOR_BASIC))
              .deployment(ENGINE + "/deployment/create", model)
              .status(400)
              .sees(model.elementText()));
    }
    String midwife = MIDWIFE_BASIC;
    rows.addAll(
        List.of(
            probe(WEBAPP_API, EXTRA_VARIABLES, "complete with personal data", Who.webapp(midwife))
                .json(
                    "POST",
                    ENGINE + "/task/%task.webapp-extra/complete",
                    CONSENT_WITH_PERSONAL_DATA)
                .status(400)
                .sees("Er is niets opgeslagen."),
            probe(
                    WEBAPP_API,
                    EXTRA_VARIABLES,
                    "submit-form with personal data",
                    Who.webapp(midwife))
                .json(
                    "POST",
                    ENGINE + "/task/%task.webapp-extra/submit-form",
                    CONSENT_WITH_PERSONAL_DATA)
                .status(400)
                .sees("Er is niets opgeslagen."),
            probe(
                    WEBAPP_API,
                    EXTRA_VARIABLES,
                    "a start form with personal data",
                    Who.webapp(midwife))
                .json(
                    "POST",
                    ENGINE + "/process-definition/%definition/submit-form",
                    "{\"variables\": {" + PERSONAL_DATA + "}}")
                .status(400),
            probe(
                    WEBAPP_API,
                    EXTRA_VARIABLES,
                    "a caregiver setting a variable",
                    Who.webapp(midwife))
                .json(
                    "PUT",
                    ENGINE + "/process-instance/%instance.webapp-extra/variables/naamMoeder",
                    "{\"value\": \"Jan Jansen\"}")
                .status(403),
            probe(WEBAPP_API, WRONG_TYPE, "a consent decision as a list", Who.webapp(midwife))
                .json(
                    "POST",
                    ENGINE + "/task/%task.webapp-extra/submit-form",
                    "{\"variables\": {\"consentDecision\": {\"value\": [\"GIVEN\"]}}}")
                .status(400),
            probe(WEBAPP_API, MALFORMED_JSON, "a completion cut off", Who.webapp(midwife))
                .json("POST", ENGINE + "/task/%task.webapp-extra/submit-form", "{\"variables\": {")
                .status(400),
            probe(WEBAPP_API, TOO_LARGE, "a form value of 1 MB", Who.webapp(midwife))
                .json(
                    "POST",
                    ENGINE + "/task/%task.webapp-extra/submit-form",
                    "{\"variables\": {\"consentDecision\": {\"value\": \""
                        + "x".repeat(1 << 20)
                        + "\"}}}")
                .status(400)
                .sees("een van de mogelijkheden van het formulier"),
            probe(
                    WEBAPP_API,
                    TOO_LARGE,
                    "a body of 11 MB without a declared length",
                    Who.webapp(midwife))
                .json(
                    "POST",
                    ENGINE + "/task/%task.webapp-extra/submit-form",
                    "{\"variables\": {\"consentDecision\": {\"value\": \""
                        + "x".repeat(11 << 20)
                        + "\"}}}")
                .chunked()
                .status(413)
                .sees("De verstuurde gegevens zijn te groot"),
            probe(WEBAPP_API, EXPRESSION, "an expression in a task query", Who.webapp(midwife))
                .get(ENGINE + "/task?assigneeExpression=%24%7Bx%7D")
                .status(400),
            probe(
                    WEBAPP_API,
                    EXPRESSION,
                    "an expression in the Tasklist's HAL filter query",
                    Who.webapp(midwife))
                .json(
                    "POST",
                    ENGINE + "/task",
                    "{\"orQueries\": [{\"nameLike\": \"" + "${''.getClass()}\"}]}")
                .status(400),
            probe(WEBAPP_API, UNKNOWN_ID, "an unknown task's form", Who.webapp(midwife))
                .get(ENGINE + "/task/%unknown/form")
                .status(404)
                .sees(NOT_FOUND),
            probe(WEBAPP_API, UNKNOWN_ID, "claiming an unknown task", Who.webapp(midwife))
                .json("POST", ENGINE + "/task/%unknown/claim", "{\"userId\": \"" + MIDWIFE + "\"}")
                .status(404),
            probe(WEBAPP_API, OTHER_COALITION, "another coalition's task", Who.webapp(midwife))
                .get(ENGINE + "/task/%task.dordrecht-webapp")
                .status(404)
                .sees(NOT_FOUND),
            probe(
                    WEBAPP_API,
                    OTHER_COALITION,
                    "completing another coalition's task",
                    Who.webapp(midwife))
                .json("POST", ENGINE + "/task/%task.dordrecht-webapp/submit-form", CONSENT)
                .status(404),
            probe(
                    WEBAPP_API,
                    OTHER_COALITION,
                    "Cockpit's statistics for a caregiver",
                    Who.webapp(midwife))
                .get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics")
                .status(403),
            probe(
                    WEBAPP_API,
                    NO_CSRF_TOKEN,
                    "a completion without the CSRF token",
                    Who.webapp(midwife))
                .json("POST", ENGINE + "/task/%task.webapp-extra/submit-form", CONSENT)
                .withoutCsrfToken()
                .status(403),
            probe(
                    WEBAPP_API,
                    PATH_TRICK,
                    "..; from the engine to the admin API",
                    Who.webapp(midwife))
                .get(ENGINE + "/..;/..;/admin/auth/user/default")
                .status(400),
            probe(WEBAPP_API, PATH_TRICK, "encoded slashes in a task id", Who.webapp(midwife))
                .get(ENGINE + "/task/..%2F..%2Fuser")
                .status(400),
            probe(WEBAPP_API, RACE, "10 concurrent completions of one task", Who.webapp(midwife))
                .json("POST", ENGINE + "/task/%task.webapp-race/complete", CONSENT)
                .concurrently(10)
                .status(409)
                .sees(TASK_CONFLICT)));
    return rows;
  }

  // --- helpers -----------------------------------------------------------------------------------

  static HostileProbe probe(Door door, Kind kind, String name, Who who) {
    return new HostileProbe(door, kind, name, who);
  }

  private static Kind kindOf(HostileModels.Hostile model) {
    return model.elementText().equals("DOCTYPE") ? XML_ENTITIES : CODE_RUNNING_MODEL;
  }

  /** A complete, valid signal with one member replaced or added. */
  private static String signal(String member) {
    Map<String, String> members =
        new java.util.LinkedHashMap<>(
            Map.of(
                "clientReference",
                "\"VP-1\"",
                "dueDate",
                "\"" + DUE + "\"",
                "gestationalAgeWeeks",
                "20",
                "riskDomains",
                "[\"stress\"]",
                "signallingDiscipline",
                "\"verloskundige\""));
    String name = member.substring(1, member.indexOf('"', 1));
    members.put(name, member.substring(member.indexOf(':') + 1));
    StringBuilder json = new StringBuilder("{");
    members.forEach(
        (key, value) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(key)
                .append("\":")
                .append(value));
    return json.append('}').toString();
  }

  private static String resources(String name, String content) {
    try {
      return JSON.writeValueAsString(
          Map.of("resources", List.of(Map.of("name", name, "content", content))));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
