package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.FullChainCheckPage;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The NEN 7513 access log on the running demo app: it is hash-chained (tampering directly in the
 * database is named at the right record), the auditor's own reads are in it, the client log
 * report comes as page, CSV and Dutch PDF, and the access-log review searches and reports unusual
 * access. Caregivers get 403 on all of it.
 */
@ZorgpadIntegrationTest
class AccessLogAuditIT {

  static final String AUDITOR = "demo-auditor:demo";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("accessLogChain")
  HashChain chain;

  Http http;
  String caseNumber;

  @BeforeEach
  void setUp() {
    http = new Http(port);
    caseNumber =
        jdbc.queryForList("select case_number from zp_case_file order by id", String.class).get(0);
  }

  @Test
  void accessLogIsChainedAndTamperingIsNamedAtTheRightRecord() {
    http.get("/audit/casus/" + caseNumber, AUDITOR); // at least a few records
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_access_log where chain_seq is null", Long.class))
        .isZero();
    assertThat(chain.verify().intact()).as(chain.verify().summary()).isTrue();
    Map<String, Object> row =
        jdbc.queryForMap(
            "select * from zp_access_log where chain_seq ="
                + " (select max(chain_seq) / 2 + 1 from zp_access_log)");
    Object id = row.get("ID") != null ? row.get("ID") : row.get("id");

    // changed
    jdbc.update("update zp_access_log set user_id = 'someone-else' where id = ?", id);
    try {
      assertThat(FullChainCheckPage.run(port, AUDITOR)).contains("Verbroken bij record " + id);
      assertThat(chain.verify().problem()).isEqualTo(ChainVerification.Problem.CONTENT_CHANGED);
    } finally {
      jdbc.update("update zp_access_log set user_id = ? where id = ?", value(row, "user_id"), id);
    }
    assertThat(chain.verify().intact()).isTrue();

    // deleted (and put back exactly as it was)
    jdbc.update("delete from zp_access_log where id = ?", id);
    try {
      ChainVerification deleted = chain.verify();
      assertThat(deleted.intact()).isFalse();
      assertThat(deleted.brokenSeq()).isEqualTo(((Number) value(row, "chain_seq")).longValue() + 1);
    } finally {
      reinsert(row);
    }
    assertThat(chain.verify().intact()).isTrue();

    // inserted around the application
    jdbc.update(
        "insert into zp_access_log (occurred_at, user_id, responsible_user_id,"
            + " object_type, action, outcome, source_system, purpose_of_use, emergency)"
            + " values (current_timestamp, 'x', 'x', 'Client', 'READ', 'ALLOWED', 'zorgpad', 'care',"
            + " false)");
    Long inserted = jdbc.queryForObject("select max(id) from zp_access_log", Long.class);
    try {
      ChainVerification result = chain.verify();
      assertThat(result.brokenRecordId()).isEqualTo(inserted);
      assertThat(result.problem()).isEqualTo(ChainVerification.Problem.RECORD_OUTSIDE_CHAIN);
    } finally {
      jdbc.update("delete from zp_access_log where id = ?", inserted);
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void clientReportShowsWhoAccessedHerDataIncludingTheAuditor() throws Exception {
    http.get("/audit/casus/" + caseNumber, AUDITOR);
    HttpResponse<String> page = http.get("/audit/inzage/" + caseNumber, AUDITOR);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Overzicht van inzage in uw gegevens")
        .contains("demo-auditor")
        .contains("Toezicht (auditor / FG)")
        .contains("Het toegangslog is bij het maken van dit overzicht gecontroleerd");

    HttpResponse<String> csv =
        http.get("/audit/inzage/" + caseNumber + "/inzageverzoek.csv", AUDITOR);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = csv.body().lines().toList();
    assertThat(lines.get(0))
        .contains(
            "Datum en tijd;Organisatie;Rol;Gebruiker;"
                + "Verantwoordelijke;Handeling;Gegevens;Van wie;Grondslag;Noodprocedure;Uitkomst");
    assertThat(lines)
        .anySatisfy(line -> assertThat(line).contains("\"demo-auditor\"").contains("\"Ingezien\""));

    HttpResponse<byte[]> pdf =
        HttpClient.newHttpClient()
            .send(
                http.builder("/audit/inzage/" + caseNumber + "/inzageverzoek.pdf", AUDITOR)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    Files.createDirectories(Path.of("target/audit"));
    Files.write(Path.of("target/audit/inzageverzoek.pdf"), pdf.body());
  }

  @Test
  void accessLogReviewSearchesAndReportsUnusualAccess() {
    HttpResponse<String> all = http.get("/audit/toegang", AUDITOR);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.body()).contains("Toegangslog (NEN 7513)").contains("Opvallende toegang");
    http.get("/audit/casus/" + caseNumber, AUDITOR);
    assertThat(
            http.get(
                    "/audit/toegang?gebruiker=demo-auditor&actie=READ&client=" + caseNumber,
                    AUDITOR)
                .body())
        .contains("demo-auditor")
        .contains("Ingezien");
    assertThat(http.get("/audit/toegang?gebruiker=nobody", AUDITOR).body())
        .contains("Gevonden records: 0");
    assertThat(
            http.get("/audit/toegang?nood=true&van=2020-01-01&tot=2099-12-31", AUDITOR)
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void caregiversAreRefused() {
    for (String path :
        List.of(
            "/audit/toegang",
            "/audit/inzage/" + caseNumber,
            "/audit/inzage/" + caseNumber + "/inzageverzoek.csv",
            "/audit/inzage/" + caseNumber + "/inzageverzoek.pdf")) {
      assertThat(http.get(path, "demo-verloskundige:demo").statusCode()).as(path).isEqualTo(403);
      assertThat(http.get(path, null).statusCode()).as(path).isIn(302, 401);
    }
  }

  private void reinsert(Map<String, Object> row) {
    List<String> columns = row.keySet().stream().toList();
    jdbc.update(
        "insert into zp_access_log ("
            + String.join(", ", columns)
            + ") values ("
            + String.join(", ", columns.stream().map(c -> "?").toList())
            + ")",
        columns.stream().map(row::get).toArray());
  }

  private static Object value(Map<String, Object> row, String column) {
    return row.containsKey(column) ? row.get(column) : row.get(column.toUpperCase());
  }
}
