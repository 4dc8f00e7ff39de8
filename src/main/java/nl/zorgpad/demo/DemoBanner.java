package nl.zorgpad.demo;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Demo mode: after the start-up banner (system), the demo accounts to log in with. */
@Component
@Profile("demo")
class DemoBanner {

  private final Environment environment;

  DemoBanner(Environment environment) {
    this.environment = environment;
  }

  @EventListener
  @Order(1)
  void onReady(ApplicationReadyEvent event) {
    StringBuilder text = new StringBuilder("  Demo accounts (password 'demo'):\n");
    DemoUsers.ACCOUNTS.forEach(
        (id, data) ->
            text.append("    ")
                .append(String.format("%-30s%-15s", id, data[2]))
                .append(data.length > 3 ? "coalitie " + data[3] : "gedeeld / shared")
                .append('\n'));
    text.append("  Administrator: admin / ")
        .append(
            environment.getProperty("ZORGPAD_ADMIN_PASSWORD") != null
                ? "(ZORGPAD_ADMIN_PASSWORD)"
                : "demo-admin")
        .append('\n');
    System.out.println(text);
  }
}
