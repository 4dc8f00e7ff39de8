package nl.zorgpad.startup;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the order of the database work at start explicit: the {@link StartupLock} first, then
 * Flyway's migrations ({@link FlywayMigrationInitializer}), then the process engine, which creates
 * or checks its schema while its bean is built ({@code ProcessEngineFactoryBean}, the Camunda
 * starter). Without this, Flyway ran before the engine only because JPA needed it first, and the
 * engine's {@code CREATE TABLE}s of two nodes raced each other (ENGINE-03017).
 */
@Configuration(proxyBeanMethods = false)
class StartupLockOrder {

  /** Flyway migrates only while this node holds the start-up lock. */
  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor flywayAfterStartupLock() {
    return new FlywayAfterStartupLock();
  }

  /** The engine is built (schema created or checked) after the lock and after Flyway. */
  @Bean
  static AbstractDependsOnBeanFactoryPostProcessor engineAfterStartupLockAndFlyway() {
    return new EngineAfterStartupLockAndFlyway();
  }

  private static final class FlywayAfterStartupLock
      extends AbstractDependsOnBeanFactoryPostProcessor {

    FlywayAfterStartupLock() {
      super(FlywayMigrationInitializer.class, StartupLock.class);
    }
  }

  private static final class EngineAfterStartupLockAndFlyway
      extends AbstractDependsOnBeanFactoryPostProcessor {

    EngineAfterStartupLockAndFlyway() {
      super(
          ProcessEngine.class,
          ProcessEngineFactoryBean.class,
          StartupLock.class,
          FlywayMigrationInitializer.class);
    }
  }
}
