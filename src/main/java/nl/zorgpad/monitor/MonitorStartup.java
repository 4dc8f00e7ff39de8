package nl.zorgpad.monitor;

import nl.zorgpad.startup.StartupStep;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills {@code zp_monitor_fact} from the history when it is empty while there are cases (the
 * first start after the migration), and {@code --zorgpad.monitor-rebuild} recomputes it at
 * start (e.g. after a change of the indicator definitions). Runs after the demo data (whose
 * cases fill the table as they are made).
 */
@Component
@Order(StartupStep.DEMO + 100)
class MonitorStartup implements StartupStep, ApplicationRunner {

  static final String OPTION = "zorgpad.monitor-rebuild";

  private final MonitorProjection projection;

  MonitorStartup(MonitorProjection projection) {
    this.projection = projection;
  }

  @Override
  public void run() {
    if (projection.needsRebuild()) {
      projection.rebuild();
    }
  }

  @Override
  public void run(ApplicationArguments args) {
    if (args.containsOption(OPTION)) {
      projection.rebuild();
    }
  }
}
