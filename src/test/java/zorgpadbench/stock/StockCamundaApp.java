package zorgpadbench.stock;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.thymeleaf.ThymeleafAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Stock Camunda 7.24 for the side-by-side benchmark: a plain Spring Boot app with the Camunda
 * starters (webapp + rest) from the same jars as Zorgpad, the starter's default engine
 * configuration (history FULL, JdbcTransactionManager, job executor on), no Zorgpad code.
 *
 * <p>It shares Zorgpad's test classpath, so it must switch off what only Zorgpad uses there:
 * Spring Security, Flyway (Zorgpad's migrations), JPA and Thymeleaf (Zorgpad's pages), springdoc,
 * Spring Session JDBC (Zorgpad's sessions in the database),
 * Zorgpad's {@code application.yaml} (read {@code stock-benchmark.yaml} instead, which does not
 * exist: all settings come from the command line) and the starter's auto-deployment (it would
 * deploy Zorgpad's BPMN files found on the classpath; the stock process is deployed by
 * {@link StockBench}). It scans only this package; {@link #leakCheck} refuses to start when a
 * bean, an engine plugin or an auto-configuration of Zorgpad is in the context anyway.
 */
@SpringBootApplication(
    exclude = {
      SecurityAutoConfiguration.class,
      UserDetailsServiceAutoConfiguration.class,
      SecurityFilterAutoConfiguration.class,
      FlywayAutoConfiguration.class,
      HibernateJpaAutoConfiguration.class,
      ThymeleafAutoConfiguration.class
    },
    excludeName = {
      "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.data.jpa.JpaRepositoriesAutoConfiguration",
      // Zorgpad keeps HTTP sessions in its own tables (decision 0009); stock keeps them in
      // memory, as the starter does (with it, every stock login failed on SPRING_SESSION)
      "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration",
      // Zorgpad's own auto-configuration (its mail transport) comes with its jar's imports
      "nl.zorgpad.notification.MailTransportAutoConfiguration"
    })
public class StockCamundaApp {

  public static void main(String[] args) {
    SpringApplication application = new SpringApplication(StockCamundaApp.class);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("spring.config.name", "stock-benchmark");
    defaults.put("camunda.bpm.auto-deployment-enabled", "false");
    defaults.put("springdoc.api-docs.enabled", "false");
    defaults.put("springdoc.swagger-ui.enabled", "false");
    defaults.put("spring.messages.basename", "stock-benchmark-messages");
    defaults.put("spring.jpa.open-in-view", "false");
    defaults.put("management.endpoints.web.exposure.include", "health");
    application.setDefaultProperties(defaults);
    application.run(args);
  }

  /** Fails the start when anything of Zorgpad outside this package is in the context. */
  @Bean
  ApplicationRunner leakCheck(ConfigurableApplicationContext context, ProcessEngine engine) {
    return arguments -> {
      List<String> leaks = leaks(context, engine);
      if (!leaks.isEmpty()) {
        throw new IllegalStateException("Zorgpad leaked into the stock app: " + leaks);
      }
    };
  }

  static List<String> leaks(ConfigurableApplicationContext context, ProcessEngine engine) {
    List<String> leaks = new ArrayList<>();
    String own = StockCamundaApp.class.getPackageName();
    ConfigurableListableBeanFactory factory = context.getBeanFactory();
    for (String name : factory.getBeanDefinitionNames()) {
      BeanDefinition definition = factory.getBeanDefinition(name);
      Class<?> type = factory.getType(name);
      String typeName =
          type != null ? type.getName() : String.valueOf(definition.getBeanClassName());
      if (typeName.startsWith("nl.zorgpad.") && !typeName.startsWith(own + ".")) {
        leaks.add("bean " + name + " (" + typeName + ")");
      }
    }
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    for (ProcessEnginePlugin plugin : configuration.getProcessEnginePlugins()) {
      if (plugin.getClass().getName().startsWith("nl.zorgpad.")) {
        leaks.add("engine plugin " + plugin.getClass().getName());
      }
    }
    ConditionEvaluationReport report = ConditionEvaluationReport.get(factory);
    report
        .getConditionAndOutcomesBySource()
        .forEach(
            (source, outcomes) -> {
              if (source.startsWith("nl.zorgpad.")
                  && !source.startsWith(own + ".")
                  && outcomes.isFullMatch()) {
                leaks.add("auto-configuration " + source);
              }
            });
    return leaks;
  }
}
