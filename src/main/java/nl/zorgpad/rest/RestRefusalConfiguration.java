package nl.zorgpad.rest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Zorgpad's JAX-RS application for {@code /engine-rest} (see {@link ZorgpadJerseyResourceConfig}). */
@Configuration
class RestRefusalConfiguration {

  @Bean
  ZorgpadJerseyResourceConfig zorgpadJerseyResourceConfig() {
    return new ZorgpadJerseyResourceConfig();
  }
}
