package nl.zorgpad.audit;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Verifies every hash chain of Zorgpad (the engine's audit trail and the access log) in full,
 * from its first record, streamed ({@link HashChain#verify()}); each result is stored as the
 * chain's last result and checkpoint ({@link ChainCheckpoints}). The health check does not call
 * this: it reads the stored results.
 */
@Service
public class ChainVerificationService {

  private final List<HashChain> chains;
  private final ChainCheckpoints checkpoints;

  ChainVerificationService(List<HashChain> chains, ChainCheckpoints checkpoints) {
    this.chains = chains;
    this.checkpoints = checkpoints;
  }

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  public List<ChainVerification> verifyAll() {
    return verifyWithoutAuthorization();
  }

  /** For the command line ({@code --zorgpad.verify-audit-chain}), where no user is logged in. */
  List<ChainVerification> verifyWithoutAuthorization() {
    return chains.stream()
        .map(
            chain -> {
              HashChain.Walk walk = chain.verifyFrom(0, HashChain.GENESIS, null);
              checkpoints.storeFullCheck(chain, walk);
              return walk.result();
            })
        .toList();
  }
}
