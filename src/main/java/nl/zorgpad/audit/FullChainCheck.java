package nl.zorgpad.audit;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The full verification of every hash chain, from its first record (issue 13: never inside a
 * request). The auditor starts it on {@code /audit/keten} ({@link #start}); it runs on one
 * background thread of this node, chain after chain, and stores each chain's result, duration and
 * record count with its checkpoint ({@link ChainCheckpoints#storeFullCheck}), where the page (on
 * any node) reads it. One full check at a time in the whole installation: the start claims every
 * chain's checkpoint row with one conditional update ({@link ChainCheckpoints#claimFullCheck}).
 * The command line ({@code --zorgpad.verify-audit-chain}) runs the same check in its own thread
 * ({@link #runNow}).
 */
@Component
public class FullChainCheck {

  private static final Logger LOG = LoggerFactory.getLogger(FullChainCheck.class);

  /** What this node's running check has done so far (shown on the page while it runs). */
  public record Progress(String chainId, long records, Instant startedAt) {}

  private final List<HashChain> chains;
  private final ChainCheckpoints checkpoints;
  private final Clock clock;
  private final Duration abandonedAfter;
  private final AtomicReference<Progress> progress = new AtomicReference<>();
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "zorgpad-full-chain-check");
            thread.setDaemon(true);
            thread.setPriority(Thread.NORM_PRIORITY - 1);
            return thread;
          });

  FullChainCheck(
      List<HashChain> chains,
      ChainCheckpoints checkpoints,
      Clock clock,
      @Value("${zorgpad.audit.full-check.abandoned-after:PT6H}") Duration abandonedAfter) {
    this.chains = chains;
    this.checkpoints = checkpoints;
    this.clock = clock;
    this.abandonedAfter = abandonedAfter;
  }

  /**
   * Starts the full check of every chain in the background, for {@code userId}. False when one
   * is running already (on this node or another); the page then shows that one.
   */
  @PreAuthorize("hasAuthority('GROUP_auditor')")
  public boolean start(String userId) {
    if (!checkpoints.claimFullCheck(userId, clock.instant().minus(abandonedAfter))) {
      return false;
    }
    try {
      executor.execute(() -> runClaimed(userId));
    } catch (RejectedExecutionException e) {
      // the application is stopping
      chains.forEach(checkpoints::releaseFullCheck);
      return false;
    }
    return true;
  }

  /** This node's running check, or null when it runs none. */
  public Progress progress() {
    return progress.get();
  }

  /**
   * Whether a full check is running on any node: a chain is claimed, and its claim is younger
   * than {@code zorgpad.audit.full-check.abandoned-after}.
   */
  public boolean running(List<ChainCheckpoints.Stored> stored) {
    Instant abandoned = clock.instant().minus(abandonedAfter);
    return stored.stream()
        .anyMatch(s -> s.fullStartedAt() != null && s.fullStartedAt().isAfter(abandoned));
  }

  /** Runs the full check of every chain in the calling thread (command line, Java API). */
  List<ChainVerification> runNow(String by) {
    List<ChainVerification> results = new ArrayList<>();
    for (HashChain chain : chains) {
      results.add(check(chain, by));
    }
    return results;
  }

  private void runClaimed(String by) {
    try {
      for (HashChain chain : chains) {
        try {
          ChainVerification result = check(chain, by);
          if (result.intact()) {
            LOG.info("full hash chain check for {}: {}", by, result.summary());
          } else {
            LOG.warn("full hash chain check for {}: {}", by, result.summary());
          }
        } catch (RuntimeException e) {
          checkpoints.releaseFullCheck(chain);
          LOG.warn(
              "full hash chain check of {} failed: {}", chain.spec().chainId(), e.toString(), e);
        }
      }
    } finally {
      progress.set(null);
    }
  }

  private ChainVerification check(HashChain chain, String by) {
    String chainId = chain.spec().chainId();
    Instant startedAt = clock.instant();
    progress.set(new Progress(chainId, 0, startedAt));
    long start = System.nanoTime();
    HashChain.Walk walk =
        chain.verifyFrom(
            0,
            HashChain.GENESIS,
            null,
            checked -> progress.set(new Progress(chainId, checked, startedAt)));
    long millis = (System.nanoTime() - start) / 1_000_000;
    checkpoints.storeFullCheck(chain, walk, by, millis);
    return walk.result();
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
