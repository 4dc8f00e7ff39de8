package nl.zorgpad.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code auditChain} in {@code /actuator/health}: every hash chain intact, or the first broken
 * record per chain. Details (and the component itself) are shown only to auditors and
 * administrators ({@code management.endpoint.health.roles}); anonymous users and caregivers see
 * the overall status only.
 *
 * <p>A broken chain reports the status {@code BROKEN}, which the health aggregation ignores: a
 * tampered log is a matter for the privacy officer, not a reason for a load balancer to take the
 * application out of service. Each call walks both chains (linear in their length), so monitoring
 * should poll this at the pace of an audit, not of a liveness probe (the Kubernetes probe groups
 * do not include it).
 */
@Component("auditChainHealthIndicator")
class AuditChainHealthIndicator implements HealthIndicator {

  static final Status BROKEN = new Status("BROKEN",
      "a hash chain of the audit trail or access log is broken");

  private final ChainVerificationService verification;

  AuditChainHealthIndicator(ChainVerificationService verification) {
    this.verification = verification;
  }

  @Override
  public Health health() {
    List<ChainVerification> results = verification.verifyWithoutAuthorization();
    Map<String, Object> details = new LinkedHashMap<>();
    for (ChainVerification result : results) {
      Map<String, Object> chain = new LinkedHashMap<>();
      chain.put("table", result.table());
      chain.put("intact", result.intact());
      chain.put("records", result.headSeq());
      chain.put("headHash", result.headHash());
      if (!result.intact()) {
        chain.put("brokenRecordId", String.valueOf(result.brokenRecordId()));
        chain.put("brokenChainPosition", result.brokenSeq());
        chain.put("problem", String.valueOf(result.problem()));
      }
      chain.put("summary", result.summary());
      details.put(result.chainId(), chain);
    }
    boolean intact = results.stream().allMatch(ChainVerification::intact);
    return Health.status(intact ? Status.UP : BROKEN).withDetails(details).build();
  }
}
