package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code auditChain} in the actuator's health: auditors and administrators see every chain
 * intact, or the first broken record after a row was changed directly in the database;
 * anonymous users and caregivers see only the overall status, never the chains.
 */
@ZorgpadIntegrationTest
class AuditChainHealthIT {

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChainCheckpoints checkpoints;
  @Autowired ChainVerificationService verification;

  @Test
  void auditorsAndAdministratorsSeeTheChainsOthersOnlyTheStatus() {
    Http http = new Http(port);
    // what the scheduled job does every few minutes (the health check itself verifies nothing)
    checkpoints.checkIncrementally();
    for (String user : new String[] {"demo-auditor:demo", "admin:demo-admin"}) {
      HttpResponse<String> health = http.get("/actuator/health", user);
      assertThat(health.statusCode()).as(user).isEqualTo(200);
      assertThat(health.body())
          .as(user)
          .contains("\"auditChain\"")
          .contains("\"engine-audit\"")
          .contains("\"access-log\"")
          .contains("\"intact\":true")
          .doesNotContain("BROKEN");
    }
    for (String user : new String[] {null, "demo-jgz:demo", "demo-coordinator:demo"}) {
      HttpResponse<String> health = http.get("/actuator/health", user);
      assertThat(health.statusCode()).as(String.valueOf(user)).isEqualTo(200);
      assertThat(health.body()).as(String.valueOf(user)).isEqualTo("{\"status\":\"UP\"}");
      assertThat(http.get("/actuator/health/auditChain", user).statusCode())
          .as(String.valueOf(user))
          .isIn(401, 403, 404);
    }
  }

  @Test
  void aChangedRowIsNamedButTheApplicationStaysUp() {
    Http http = new Http(port);
    Map<String, Object> row =
        jdbc.queryForMap(
            "select id, user_id from zp_access_log"
                + " where chain_seq = (select max(chain_seq) / 2 + 1 from zp_access_log)");
    Object id = row.get("id");
    checkpoints.checkIncrementally();
    jdbc.update("update zp_access_log set user_id = 'someone-else' where id = ?", id);
    try {
      // the health check answers from the last check: a record before the checkpoint is found
      // by the next full check (the auditor's page, the command line)
      assertThat(http.get("/actuator/health/auditChain", "demo-auditor:demo").body())
          .contains("\"status\":\"UP\"");
      verification.verifyWithoutAuthorization();
      String health = http.get("/actuator/health/auditChain", "demo-auditor:demo").body();
      assertThat(health)
          .contains("\"status\":\"BROKEN\"")
          .contains("\"brokenRecordId\":\"" + id + "\"")
          .contains("CONTENT_CHANGED");
      // a tampered log is for the privacy officer; the application itself is still up
      assertThat(http.get("/actuator/health", null).body()).isEqualTo("{\"status\":\"UP\"}");
    } finally {
      jdbc.update("update zp_access_log set user_id = ? where id = ?", row.get("user_id"), id);
    }
    // the full check put the checkpoint before the broken record: the next incremental check
    // re-reads it and finds the chain intact again
    checkpoints.checkIncrementally();
    assertThat(http.get("/actuator/health/auditChain", "demo-auditor:demo").body())
        .contains("\"status\":\"UP\"");
  }

  @Test
  void aRecordChangedAfterTheCheckpointIsFoundByTheNextIncrementalCheck() {
    Http http = new Http(port);
    checkpoints.checkIncrementally();
    // a new record after the checkpoint, then changed directly in the database
    http.get("/casus", "demo-verloskundige:demo");
    Map<String, Object> row =
        jdbc.queryForMap(
            "select id, user_id from zp_access_log"
                + " where chain_seq = (select max(chain_seq) from zp_access_log)");
    Object id = row.get("id");
    jdbc.update("update zp_access_log set user_id = 'someone-else' where id = ?", id);
    try {
      assertThat(checkpoints.checkIncrementally())
          .anySatisfy(result -> assertThat(result.brokenRecordId()).isEqualTo(id));
      assertThat(http.get("/actuator/health/auditChain", "demo-auditor:demo").body())
          .contains("\"status\":\"BROKEN\"")
          .contains("\"brokenRecordId\":\"" + id + "\"");
    } finally {
      jdbc.update("update zp_access_log set user_id = ? where id = ?", row.get("user_id"), id);
    }
    checkpoints.checkIncrementally();
    assertThat(http.get("/actuator/health/auditChain", "demo-auditor:demo").body())
        .contains("\"status\":\"UP\"");
  }
}
