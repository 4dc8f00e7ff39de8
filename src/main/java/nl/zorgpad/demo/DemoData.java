package nl.zorgpad.demo;

import nl.zorgpad.system.StartupStep;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo mode ({@code --spring.profiles.active=demo}): demo accounts and a few demo cases. */
@Component
@Profile("demo")
@Order(10)
class DemoData implements StartupStep {

  private final IdentityService identityService;
  private final DemoCases cases;

  DemoData(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.cases = new DemoCases(identityService, engine.getRepositoryService(),
        engine.getRuntimeService(), engine.getFormService(), engine.getTaskService());
  }

  @Override
  public void run() {
    DemoUsers.ensure(identityService);
    cases.ensure();
  }
}
