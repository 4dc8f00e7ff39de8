package nl.zorgpad.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code auditChain} in {@code /actuator/health}: every hash chain intact, or the first broken
 * record per chain, <b>as the last verification found it</b> — the scheduled incremental check
 * or the last full check ({@link ChainCheckpoints}); the health check itself verifies nothing
 * (one query, whatever the chains' length: issue 13). Details (and the component itself) are
 * shown only to auditors and administrators ({@code management.endpoint.health.roles});
 * anonymous users and caregivers see the overall status only.
 *
 * <p>A broken chain reports the status {@code BROKEN}, which the health aggregation ignores: a
 * tampered log is a matter for the privacy officer, not a reason for a load balancer to take the
 * application out of service. A chain never checked, or whose last check is older than
 * {@link #MAX_AGE} (the job is not running), reports UNKNOWN. The stored results are in the
 * database, so every node of a cluster answers the same.
 */
@Component("auditChainHealthIndicator")
class AuditChainHealthIndicator implements HealthIndicator {

  static final Status BROKEN =
      new Status("BROKEN", "a hash chain of the audit trail or access log is broken");

  /** How old the last check may be before the result is UNKNOWN. */
  static final Duration MAX_AGE = Duration.ofHours(1);

  private final ChainCheckpoints checkpoints;
  private final Clock clock;

  AuditChainHealthIndicator(ChainCheckpoints checkpoints, Clock clock) {
    this.clock = clock;
    this.checkpoints = checkpoints;
  }

  @Override
  public Health health() {
    List<ChainCheckpoints.Stored> results = checkpoints.lastResults();
    Map<String, Object> details = new LinkedHashMap<>();
    boolean unknown = false;
    for (ChainCheckpoints.Stored stored : results) {
      ChainVerification result = stored.result();
      Map<String, Object> chain = new LinkedHashMap<>();
      chain.put("table", result.table());
      if (stored.checkedAt() == null) {
        unknown = true;
        chain.put("checked", false);
        details.put(result.chainId(), chain);
        continue;
      }
      if (stored.checkedAt().plus(MAX_AGE).isBefore(clock.instant())) {
        unknown = true;
      }
      chain.put("intact", result.intact());
      chain.put("records", result.headSeq());
      chain.put("headHash", result.headHash());
      chain.put("verifiedUpTo", stored.verifiedSeq());
      chain.put("checkedAt", stored.checkedAt().toString());
      chain.put("fullCheck", stored.fullCheck());
      if (!result.intact()) {
        chain.put("brokenRecordId", String.valueOf(result.brokenRecordId()));
        chain.put("brokenChainPosition", result.brokenSeq());
        chain.put("problem", String.valueOf(result.problem()));
      }
      chain.put("summary", result.summary());
      details.put(result.chainId(), chain);
    }
    boolean intact = results.stream().allMatch(r -> r.result().intact());
    Status status = !intact ? BROKEN : unknown ? Status.UNKNOWN : Status.UP;
    return Health.status(status).withDetails(details).build();
  }
}
