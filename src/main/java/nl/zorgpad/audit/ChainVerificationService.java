package nl.zorgpad.audit;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Verifies every hash chain of Zorgpad (the engine's audit trail and the access log). */
@Service
public class ChainVerificationService {

  private final List<HashChain> chains;

  ChainVerificationService(List<HashChain> chains) {
    this.chains = chains;
  }

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  @Transactional(readOnly = true)
  public List<ChainVerification> verifyAll() {
    return verifyWithoutAuthorization();
  }

  /** For the command line ({@code --zorgpad.verify-audit-chain}), where no user is logged in. */
  @Transactional(readOnly = true)
  List<ChainVerification> verifyWithoutAuthorization() {
    return chains.stream().map(HashChain::verify).toList();
  }
}
