package nl.zorgpad.system;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Tells the person who started Zorgpad where to log in (in demo mode, {@code demo.DemoBanner}
 * then says as whom).
 */
@Component
class StartupBanner {

  private final Environment environment;

  StartupBanner(Environment environment) {
    this.environment = environment;
  }

  @EventListener
  @Order(0)
  void onReady(ApplicationReadyEvent event) {
    String port =
        environment.getProperty(
            "local.server.port", environment.getProperty("server.port", "8080"));
    String base = "http://localhost:" + port;
    StringBuilder text =
        new StringBuilder()
            .append("\n\n  Zorgpad is gestart / Zorgpad is running\n")
            .append("  Inloggen / log in:   ")
            .append(base)
            .append("/login\n")
            .append("  Takenlijst / tasks:  ")
            .append(base)
            .append("/camunda/app/tasklist/\n")
            .append("  REST API:            ")
            .append(base)
            .append("/engine-rest/ (HTTP Basic)\n");
    System.out.println(text);
  }
}
