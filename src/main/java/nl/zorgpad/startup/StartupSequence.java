package nl.zorgpad.startup;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the database into Zorgpad's shape before the web server accepts requests: runs every
 * {@link StartupStep} in its order (groups and the administrator, so that the engine's setup
 * endpoint never applies; authorizations; pathways and forms; Tasklist filters; the features'
 * steps; demo data), while this node holds the {@link StartupLock}, which it gives back at the
 * end. The features register their steps; this package knows none of them.
 */
@Component
class StartupSequence implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(StartupSequence.class);

  private final StartupLock lock;
  private final List<StartupStep> steps;

  StartupSequence(StartupLock lock, List<StartupStep> steps) {
    this.lock = lock;
    this.steps = steps;
  }

  @Override
  public void afterSingletonsInstantiated() {
    lock.acquire();
    try {
      for (StartupStep step : steps) {
        run(step);
      }
    } finally {
      lock.release();
    }
  }

  /** Once more after a failure: a request on a running node may have made the same row. */
  private static void run(StartupStep step) {
    long started = System.nanoTime();
    try {
      step.run();
    } catch (RuntimeException first) {
      LOG.warn("Start-up step {} failed, running it once more: {}", step.name(), first.toString());
      step.run();
    }
    LOG.debug(
        "Start-up step {} done in {} ms", step.name(), (System.nanoTime() - started) / 1_000_000);
  }
}
