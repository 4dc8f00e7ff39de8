package nl.zorgpad.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * The engine's own job counters as Micrometer counters of this node: the engine marks every
 * executed, failed and acquired job in its {@link MetricsRegistry} (which it writes to
 * {@code ACT_RU_METER_LOG} every 15 minutes and then clears); this registry passes each mark on to
 * a Micrometer counter as well, so Prometheus sees them at once and per node.
 *
 * <p>Engine internal, on purpose and only here: {@code MetricsRegistry} and the plugin hook are in
 * {@code org.camunda.bpm.engine.impl}; the public {@code ManagementService.createMetricsQuery()}
 * only sees what was reported to the database, up to 15 minutes late and summed over all nodes.
 */
@Component
class EngineMetricsPlugin extends AbstractProcessEnginePlugin {

  /** Engine meter name → Micrometer counter (name, description). */
  static final Map<String, String[]> COUNTERS = counters();

  private final MeterRegistry registry;

  EngineMetricsPlugin(MeterRegistry registry) {
    this.registry = registry;
  }

  private static Map<String, String[]> counters() {
    Map<String, String[]> counters = new LinkedHashMap<>();
    counters.put(
        Metrics.JOB_SUCCESSFUL,
        new String[] {
          "zorgpad.jobs.executed",
          "jobs (timers, asynchronous steps, batch jobs) this node executed successfully"
        });
    counters.put(
        Metrics.JOB_FAILED,
        new String[] {
          "zorgpad.jobs.failed",
          "job executions on this node that failed (a retry or an incident follows)"
        });
    counters.put(
        Metrics.JOB_ACQUIRED_SUCCESS,
        new String[] {
          "zorgpad.jobs.acquired", "jobs this node's job executor locked for execution"
        });
    counters.put(
        Metrics.JOB_ACQUIRED_FAILURE,
        new String[] {
          "zorgpad.jobs.acquisition.conflicts",
          "jobs another node locked first (optimistic locking on acquisition)"
        });
    counters.put(
        Metrics.JOB_ACQUISITION_ATTEMPT,
        new String[] {
          "zorgpad.jobs.acquisition.attempts", "acquisition cycles of this node's job executor"
        });
    counters.put(
        Metrics.JOB_EXECUTION_REJECTED,
        new String[] {
          "zorgpad.jobs.rejected",
          "acquired jobs this node could not start at once (its job executor was busy)"
        });
    counters.put(
        Metrics.ROOT_PROCESS_INSTANCE_START,
        new String[] {
          "zorgpad.process.instances.started", "pathways started on this node (root instances)"
        });
    return counters;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, Counter> byEngineName = new LinkedHashMap<>();
    COUNTERS.forEach(
        (engineName, meter) ->
            byEngineName.put(
                engineName, Counter.builder(meter[0]).description(meter[1]).register(registry)));
    configuration.setMetricsRegistry(new ForwardingMetricsRegistry(byEngineName));
  }

  /** The engine's registry, passing each mark on to Micrometer too. */
  static final class ForwardingMetricsRegistry extends MetricsRegistry {

    private final Map<String, Counter> counters;

    ForwardingMetricsRegistry(Map<String, Counter> counters) {
      this.counters = counters;
    }

    @Override
    public void markOccurrence(String name, long times) {
      super.markOccurrence(name, times);
      Counter counter = counters.get(name);
      if (counter != null) {
        counter.increment(times);
      }
    }
  }
}
