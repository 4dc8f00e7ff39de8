package nl.zorgpad.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.junit.jupiter.api.Test;

/** The engine's job marks reach Micrometer, and the engine's own meters still count them. */
class EngineMetricsPluginTest {

  @Test
  void jobMarksAreCountedInBothRegistries() {
    SimpleMeterRegistry micrometer = new SimpleMeterRegistry();
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    new EngineMetricsPlugin(micrometer).preInit(configuration);
    MetricsRegistry engine = configuration.getMetricsRegistry();
    engine.createMeter(Metrics.JOB_SUCCESSFUL);
    engine.createMeter(Metrics.JOB_ACQUIRED_SUCCESS);

    engine.markOccurrence(Metrics.JOB_SUCCESSFUL);
    engine.markOccurrence(Metrics.JOB_SUCCESSFUL);
    engine.markOccurrence(Metrics.JOB_ACQUIRED_SUCCESS, 3);
    engine.markOccurrence("some-other-meter");

    assertThat(micrometer.counter("zorgpad.jobs.executed").count()).isEqualTo(2);
    assertThat(micrometer.counter("zorgpad.jobs.acquired").count()).isEqualTo(3);
    assertThat(micrometer.counter("zorgpad.jobs.failed").count()).isZero();
    assertThat(engine.getDbMeterByName(Metrics.JOB_SUCCESSFUL).get()).isEqualTo(2);
  }
}
