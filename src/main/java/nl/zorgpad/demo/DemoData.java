package nl.zorgpad.demo;

import nl.zorgpad.startup.StartupStep;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode ({@code --spring.profiles.active=demo}): the demo accounts come first (order 10), the
 * demo sociale kaart puts them in teams (order 20), then {@link DemoCaseData} makes cases
 * (order 30), so that their tasks already land with the teams.
 */
@Component
@Profile("demo")
@Order(StartupStep.DEMO + 10)
class DemoData implements StartupStep {

  private final IdentityService identityService;

  DemoData(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public void run() {
    DemoUsers.ensure(identityService);
  }
}
