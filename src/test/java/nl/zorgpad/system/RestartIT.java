package nl.zorgpad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.zorgpad.ZorgpadApplication;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The embedded default keeps every case across a restart, and an unchanged restart deploys no
 * new version and makes no second set of demo data. Two real starts on one H2 file database.
 */
class RestartIT {

  @TempDir Path dataDir;

  @Test
  void restartKeepsRunningCasesAndCreatesNoNewVersion() {
    Set<String> casesBefore;
    Set<String> tasksBefore;
    long definitionsBefore;
    long deploymentsBefore;
    try (ConfigurableApplicationContext first = start()) {
      ProcessEngine engine = first.getBean(ProcessEngine.class);
      casesBefore = businessKeys(engine);
      tasksBefore = taskIds(engine);
      definitionsBefore = engine.getRepositoryService().createProcessDefinitionQuery().count();
      deploymentsBefore = engine.getRepositoryService().createDeploymentQuery().count();
      assertThat(casesBefore).as("demo cases").isNotEmpty();
      assertThat(tasksBefore).isNotEmpty();
    }

    try (ConfigurableApplicationContext second = start()) {
      ProcessEngine engine = second.getBean(ProcessEngine.class);
      assertThat(businessKeys(engine)).isEqualTo(casesBefore);
      assertThat(taskIds(engine)).isEqualTo(tasksBefore);
      assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count())
          .isEqualTo(definitionsBefore);
      assertThat(engine.getRepositoryService().createDeploymentQuery().count())
          .isEqualTo(deploymentsBefore);
    }
  }

  private ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(ZorgpadApplication.class)
        .profiles("demo")
        // arguments, not default properties: application.yaml's zorgpad.data-dir (./data) would
        // win over a default property, and the test would reuse the developer's database
        .run(
            "--zorgpad.data-dir=" + dataDir,
            "--server.port=0",
            // the monitor's demo year (~75 s) is MonitorBrowserIT's; a restart needs no cases
            // of last year
            "--zorgpad.demo.monitor-cases=false",
            // its own engine name: the cached context of the other ITs keeps "default"
            "--camunda.bpm.process-engine-name=restarttest",
            "--camunda.bpm.job-execution.enabled=false");
  }

  private static Set<String> businessKeys(ProcessEngine engine) {
    List<ProcessInstance> instances =
        engine.getRuntimeService().createProcessInstanceQuery().list();
    return instances.stream().map(ProcessInstance::getBusinessKey).collect(Collectors.toSet());
  }

  private static Set<String> taskIds(ProcessEngine engine) {
    return engine.getTaskService().createTaskQuery().list().stream()
        .map(Task::getId)
        .collect(Collectors.toSet());
  }
}
