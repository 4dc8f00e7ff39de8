package nl.zorgpad.demo;

import nl.zorgpad.startup.StartupStep;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo cases in different states, after the demo accounts and the demo sociale kaart. */
@Component
@Profile("demo")
@Order(StartupStep.DEMO + 30)
class DemoCaseData implements StartupStep {

  private final DemoCases cases;

  DemoCaseData(ProcessEngine engine) {
    this.cases =
        new DemoCases(
            engine.getIdentityService(),
            engine.getRepositoryService(),
            engine.getRuntimeService(),
            engine.getFormService(),
            engine.getTaskService(),
            ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                    engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired());
  }

  @Override
  public void run() {
    cases.ensure();
  }
}
