package nl.zorgpad.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;

/**
 * OpenAPI description of Zorgpad's own API for other systems ({@code /v3/api-docs},
 * {@code /swagger-ui.html}; both need a login like everything else). Only {@code /api/**} is
 * described: the workbench's browser API and Camunda's REST API are not for other systems.
 */
@Configuration
@PropertySource("classpath:zorgpad-api.properties")
class OpenApiConfiguration {

  @Bean
  OpenAPI zorgpadOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Zorgpad API")
                .version("1")
                .description(
                    "Signals from a midwife's or GP's own system, and messages into a"
                        + " running case. HTTP Basic with a Zorgpad account. Every refusal is an RFC 9457"
                        + " problem detail (`application/problem+json`: `type`, `title`, `status`, an"
                        + " English `detail`) with Zorgpad's members `code` (stable), `userMessage`"
                        + " (Dutch, for the caregiver) and per-field `errors`."))
        .components(
            new Components()
                .addSecuritySchemes(
                    "basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }
}
