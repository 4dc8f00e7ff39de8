package nl.zorgpad.rest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zorgpad's JAX-RS application for {@code /engine-rest} (see {@link ZorgpadJerseyResourceConfig})
 * and the Dutch text of the answers Spring Boot's error controller writes
 * ({@link DutchErrorAttributes}).
 */
@Configuration
class RestRefusalConfiguration {

  @Bean
  ZorgpadJerseyResourceConfig zorgpadJerseyResourceConfig() {
    return new ZorgpadJerseyResourceConfig();
  }

  @Bean
  DutchErrorAttributes dutchErrorAttributes() {
    return new DutchErrorAttributes();
  }
}
