package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import nl.zorgpad.support.FullChainCheckPage;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: the full hash-chain check never runs inside a request. {@code /audit/keten} shows the
 * stored results (the scheduled check continues each chain from its checkpoint); the auditor
 * starts the full check with the page's form, it runs in the background, one at a time in the
 * whole installation, and the page then shows what it found, how many records and how long.
 */
@ZorgpadIntegrationTest
class FullChainCheckIT {

  static final String AUDITOR = "demo-auditor:demo";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Test
  void thePageVerifiesNothingOnlyTheFullCheckFindsAChangedOldRecord() {
    FullChainCheckPage.run(port, AUDITOR);
    Map<String, Object> row =
        jdbc.queryForMap("select id, user_id from zp_audit_record where chain_seq = 1");
    jdbc.update("update zp_audit_record set user_id = 'someone-else' where id = ?", row.get("id"));
    try {
      TestSession auditor = TestSession.browser(port, AUDITOR);
      String page = auditor.get("/audit/keten").body();
      assertThat(page)
          .as("the page shows the stored result; it does not walk the chain")
          .doesNotContain("Verbroken bij record")
          .contains("volledig", "id=\"full-check-start\"");
      String checked = FullChainCheckPage.run(port, AUDITOR);
      assertThat(checked)
          .contains("Verbroken bij record " + row.get("id") + " (positie 1 in de keten)")
          .contains("de inhoud van het record is gewijzigd");
      assertThat(auditor.get("/audit/keten").body())
          .as("the break stays on the page until a full check finds the chain intact again")
          .contains("Verbroken bij record " + row.get("id"));
    } finally {
      jdbc.update(
          "update zp_audit_record set user_id = ? where id = ?", row.get("user_id"), row.get("id"));
    }
    String intact = FullChainCheckPage.run(port, AUDITOR);
    assertThat(intact).doesNotContain("Verbroken");
    long records =
        jdbc.queryForObject(
            "select full_records from zp_hash_chain_checkpoint where chain_id = 'engine-audit'",
            Long.class);
    assertThat(records)
        .isEqualTo(
            jdbc.queryForObject(
                "select last_seq from zp_hash_chain_head where chain_id = 'engine-audit'",
                Long.class));
    assertThat(intact)
        .contains("data-records=\"" + records + "\"")
        .contains("data-duration-ms=\"")
        .contains(", door demo-auditor");
  }

  @Test
  void aSecondStartWhileOneRunsStartsNothingAnAbandonedOneIsTakenOver() {
    TestSession auditor = TestSession.browser(port, AUDITOR);
    FullChainCheckPage.waitForIdle(auditor);
    // another node claimed the check a minute ago
    claim(Instant.now().minus(Duration.ofMinutes(1)), "demo-auditor-2");
    try {
      HttpResponse<String> second =
          auditor.postForm("/audit/keten/volledig", "/audit/keten", Map.of());
      assertThat(second.headers().firstValue("Location").orElse(""))
          .endsWith("/audit/keten?controle=bezig");
      String page = auditor.get("/audit/keten?controle=bezig").body();
      assertThat(page)
          .contains("Er loopt al een volledige controle")
          .contains("id=\"full-check-running\"")
          .contains("door demo-auditor-2")
          .doesNotContain("id=\"full-check-start\"");
      // that node stopped seven hours ago, during its check: the claim is abandoned
      claim(Instant.now().minus(Duration.ofHours(7)), "demo-auditor-2");
      assertThat(auditor.get("/audit/keten").body()).doesNotContain("id=\"full-check-running\"");
      assertThat(FullChainCheckPage.run(port, AUDITOR)).contains(", door demo-auditor<");
    } finally {
      jdbc.update(
          "update zp_hash_chain_checkpoint set full_started_at = null, full_started_by = null"
              + " where full_started_by = 'demo-auditor-2'");
    }
  }

  private void claim(Instant at, String by) {
    jdbc.update(
        "update zp_hash_chain_checkpoint set full_started_at = ?, full_started_by = ?",
        Timestamp.from(at),
        by);
  }
}
