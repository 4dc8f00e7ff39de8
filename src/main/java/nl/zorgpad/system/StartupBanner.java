package nl.zorgpad.system;

import java.util.Arrays;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started Zorgpad where to log in (and, in demo mode, as whom). */
@Component
class StartupBanner {

  private final Environment environment;

  StartupBanner(Environment environment) {
    this.environment = environment;
  }

  @EventListener
  void onReady(ApplicationReadyEvent event) {
    String port = environment.getProperty("local.server.port",
        environment.getProperty("server.port", "8080"));
    String base = "http://localhost:" + port;
    StringBuilder text = new StringBuilder()
        .append("\n\n  Zorgpad is gestart / Zorgpad is running\n")
        .append("  Inloggen / log in:   ").append(base).append("/login\n")
        .append("  Takenlijst / tasks:  ").append(base).append("/camunda/app/tasklist/\n")
        .append("  REST API:            ").append(base).append("/engine-rest/ (HTTP Basic)\n");
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      text.append("\n  Demo accounts (password 'demo'):\n");
      nl.zorgpad.demo.DemoUsers.ACCOUNTS.forEach((id, data) -> text.append("    ")
          .append(String.format("%-30s%-15s", id, data[2]))
          .append(data.length > 3 ? "coalitie " + data[3] : "gedeeld / shared")
          .append('\n'));
      text.append("  Administrator: admin / ")
          .append(environment.getProperty("ZORGPAD_ADMIN_PASSWORD") != null
              ? "(ZORGPAD_ADMIN_PASSWORD)" : "demo-admin")
          .append('\n');
    }
    System.out.println(text);
  }
}
