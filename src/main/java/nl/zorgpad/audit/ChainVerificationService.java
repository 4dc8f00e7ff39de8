package nl.zorgpad.audit;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Verifies every hash chain of Zorgpad (the engine's audit trail and the access log) in full,
 * from its first record, streamed ({@link HashChain#verify()}), in the calling thread; each result
 * is stored as the chain's last result and checkpoint ({@link ChainCheckpoints}). For the Java API
 * and the command line: the auditor's page starts the same check in the background ({@link
 * FullChainCheck#start}), and the health check reads the stored results.
 */
@Service
public class ChainVerificationService {

  private final FullChainCheck fullCheck;

  ChainVerificationService(FullChainCheck fullCheck) {
    this.fullCheck = fullCheck;
  }

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  public List<ChainVerification> verifyAll() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    return fullCheck.runNow(user == null ? "java-api" : user.getName());
  }

  /** For the command line ({@code --zorgpad.verify-audit-chain}), where no user is logged in. */
  List<ChainVerification> verifyWithoutAuthorization() {
    return fullCheck.runNow("command-line");
  }
}
