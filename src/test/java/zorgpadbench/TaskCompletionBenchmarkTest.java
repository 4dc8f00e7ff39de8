package zorgpadbench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * What Zorgpad's durable H2 setting costs: completing user tasks (history FULL, Java API) on an
 * H2 file database with H2's default background writes and with {@code WRITE_DELAY=0} (the
 * setting Zorgpad uses so that a killed process loses no completed task). Prints figures; asserts
 * nothing about time. Run: {@code ./mvnw -Pbenchmark test -Dbenchmark.h2durability=true
 * -Dtest=TaskCompletionBenchmarkTest} (see docs/benchmarks.md).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.h2durability", matches = "true")
class TaskCompletionBenchmarkTest {

  private static final int WARM_UP = 300;
  private static final int MEASURED = 2000;

  @Test
  void taskCompletionOnH2File() throws Exception {
    System.out.println();
    System.out.println(
        "Task completion, H2 file, history FULL, "
            + MEASURED
            + " tasks (after "
            + WARM_UP
            + " warm-up)");
    System.out.printf(
        "%-28s %10s %10s %10s %12s%n", "setting", "mean ms", "p50 ms", "p95 ms", "tasks/s");
    for (String setting : List.of("", ";WRITE_DELAY=0")) {
      Path dir = Files.createTempDirectory("zorgpad-bench");
      ProcessEngine engine = engine("jdbc:h2:file:" + dir.resolve("bench") + setting);
      try {
        double[] millis = run(engine);
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(millis).average().orElse(0);
        System.out.printf(
            Locale.ROOT,
            "%-28s %10.3f %10.3f %10.3f %12.0f%n",
            setting.isEmpty() ? "H2 default" : "WRITE_DELAY=0 (Zorgpad)",
            mean,
            sorted[sorted.length / 2],
            sorted[(int) (sorted.length * 0.95)],
            1000 / mean);
      } finally {
        engine.close();
      }
    }
  }

  private static double[] run(ProcessEngine engine) {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "bench.bpmn",
            Bpmn.createExecutableProcess("bench")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_One")
                .camundaCandidateGroups("verloskundige")
                .endEvent()
                .done())
        .deploy();
    int total = WARM_UP + MEASURED;
    for (int i = 0; i < total; i++) {
      engine.getRuntimeService().startProcessInstanceByKey("bench", "ZP-BENCH-" + i);
    }
    TaskService tasks = engine.getTaskService();
    List<String> ids =
        new ArrayList<>(tasks.createTaskQuery().list().stream().map(Task::getId).toList());
    double[] measured = new double[MEASURED];
    for (int i = 0; i < total; i++) {
      long start = System.nanoTime();
      tasks.complete(ids.get(i));
      long nanos = System.nanoTime() - start;
      if (i >= WARM_UP) {
        measured[i - WARM_UP] = nanos / 1_000_000.0;
      }
    }
    return measured;
  }

  private static ProcessEngine engine(String url) {
    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setJdbcUrl(url);
    configuration.setJdbcUsername("sa");
    configuration.setJdbcPassword("");
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setJobExecutorActivate(false);
    configuration.setProcessEngineName("benchmark-" + System.nanoTime());
    return configuration.buildProcessEngine();
  }
}
