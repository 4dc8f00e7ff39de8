package nl.zorgpad.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * {@code auditChain} in {@code /actuator/health}: every hash chain intact, or the first broken
 * record per chain. Details (and the component itself) are shown only to auditors and
 * administrators ({@code management.endpoint.health.roles}); anonymous users and caregivers see
 * the overall status only.
 *
 * <p>A broken chain reports the status {@code BROKEN}, which the health aggregation ignores: a
 * tampered log is a matter for the privacy officer, not a reason for a load balancer to take the
 * application out of service.
 *
 * <p>Walking both chains is linear in their length, and Spring Boot asks every indicator for the
 * overall status, also for an anonymous {@code /actuator/health} (a load balancer, anyone): so
 * only an auditor's or administrator's request walks the chains; any other caller gets the
 * last result an auditor's request produced <em>on this node</em> (or UNKNOWN), without any work.
 * That cached result is per node and expires after {@link #MAX_AGE}: then UNKNOWN again until an
 * auditor asks (docs/operations.md, "State per node"). Monitoring that wants the chains checked
 * polls {@code /actuator/health/auditChain} as an auditor, at the pace of an audit.
 */
@Component("auditChainHealthIndicator")
class AuditChainHealthIndicator implements HealthIndicator {

  static final Status BROKEN = new Status("BROKEN",
      "a hash chain of the audit trail or access log is broken");

  /** How long an auditor's result is shown to others on this node. */
  static final Duration MAX_AGE = Duration.ofHours(1);

  private record Checked(Health health, Instant at) {
  }

  private final ChainVerificationService verification;
  private final Clock clock = Clock.systemUTC();
  private volatile Checked last;

  AuditChainHealthIndicator(ChainVerificationService verification) {
    this.verification = verification;
  }

  @Override
  public Health health() {
    if (!mayCheck()) {
      Checked checked = last;
      return checked == null || checked.at().plus(MAX_AGE).isBefore(clock.instant())
          ? Health.unknown().build() : checked.health();
    }
    Health health = check();
    last = new Checked(health, clock.instant());
    return health;
  }

  /** The roles that see the details ({@code management.endpoint.health.roles}). */
  private static boolean mayCheck() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .anyMatch(a -> a.equals("GROUP_auditor") || a.equals("GROUP_camunda-admin"));
  }

  private Health check() {
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
