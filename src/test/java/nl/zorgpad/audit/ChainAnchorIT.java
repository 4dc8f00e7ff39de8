package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import nl.zorgpad.support.FullChainCheckPage;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Anchor points kept outside Zorgpad: the auditor downloads the current heads, a kept anchor is
 * found on the chain, and after someone changed a record and recomputed the whole chain and its
 * head (which the plain verification then reports as intact) the kept anchor is no longer on it.
 */
@ZorgpadIntegrationTest
class ChainAnchorIT {

  static final String AUDITOR = "demo-auditor:demo";

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @Autowired
  @Qualifier("accessLogChain")
  HashChain chain;

  @Autowired PlatformTransactionManager transactions;

  @Test
  void aKeptAnchorShowsThatTheChainWasRecomputed() {
    Http http = new Http(port);
    assertThat(FullChainCheckPage.run(port, AUDITOR))
        .contains("id=\"anchor-lines\"")
        .contains("zorgpad-ankerpunt/1 engine-audit ")
        .contains("zorgpad-ankerpunt/1 access-log ");
    HttpResponse<String> file = http.get("/audit/keten/ankerpunt.txt", AUDITOR);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .contains("zorgpad-ankerpunt-");
    String anchor =
        file.body().lines().filter(line -> line.contains(" access-log ")).findFirst().orElseThrow();
    ChainAnchors.Anchor parsed = ChainAnchors.parse(anchor).orElseThrow();
    assertThat(parsed.hash()).isEqualTo(chain.hashAt(parsed.seq()));
    assertThat(check(http, anchor).body())
        .contains("data-outcome=\"ON_CHAIN\"")
        .contains("Het ankerpunt staat nog in de keten");

    // someone with write access changes an early record and recomputes the chain and its head
    Map<String, Object> row =
        jdbc.queryForMap("select id, user_id from zp_access_log" + " where chain_seq = 2");
    jdbc.update("update zp_access_log set user_id = 'someone-else' where id = ?", row.get("id"));
    try {
      recompute();
      assertThat(chain.verify().intact()).as("the chain alone does not show it").isTrue();
      HttpResponse<String> checked = check(http, anchor);
      assertThat(checked.statusCode()).isEqualTo(200);
      assertThat(checked.body())
          .contains("data-outcome=\"NOT_ON_CHAIN\"")
          .contains("Het ankerpunt staat NIET meer in de keten");
    } finally {
      jdbc.update(
          "update zp_access_log set user_id = ? where id = ?", row.get("user_id"), row.get("id"));
      recompute();
    }
    assertThat(chain.verify().intact()).isTrue();
  }

  @Test
  void anUnreadableAnchorIsRefusedInDutch() {
    Http http = new Http(port);
    HttpResponse<String> rubbish = check(http, "dit is geen anker");
    assertThat(rubbish.statusCode()).isEqualTo(400);
    assertThat(rubbish.body()).contains("Dit is geen ankerpunt van Zorgpad");
    assertThat(check(http, "zorgpad-ankerpunt/1 other-log 1 " + "a".repeat(64)).body())
        .contains("data-outcome=\"UNKNOWN_CHAIN\"");
    assertThat(check(http, "zorgpad-ankerpunt/1 access-log 1 " + "a".repeat(64)).body())
        .contains("data-outcome=\"NOT_ON_CHAIN\"");
  }

  private HttpResponse<String> check(Http http, String anchor) {
    return http.get(
        "/audit/keten?anker=" + URLEncoder.encode(anchor, StandardCharsets.UTF_8), AUDITOR);
  }

  /** What an attacker with write access can do: seal the whole table again from the start. */
  private void recompute() {
    new TransactionTemplate(transactions)
        .executeWithoutResult(
            status -> {
              jdbc.update(
                  "update zp_access_log set chain_seq = null, previous_hash = null,"
                      + " hash = null");
              jdbc.update(
                  "update zp_hash_chain_head set last_seq = 0, last_hash = ? where chain_id ="
                      + " 'access-log'",
                  HashChain.GENESIS);
              chain.adoptExistingRows();
            });
  }
}
