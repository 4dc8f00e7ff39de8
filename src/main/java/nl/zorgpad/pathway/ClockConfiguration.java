package nl.zorgpad.pathway;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Clock} bean: the engine's clock ({@link EngineClock}). */
@Configuration
public class ClockConfiguration {

  @Bean
  Clock clock() {
    return EngineClock.ENGINE;
  }
}
