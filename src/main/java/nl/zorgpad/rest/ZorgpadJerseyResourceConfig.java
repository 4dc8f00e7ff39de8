package nl.zorgpad.rest;

import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

/**
 * The JAX-RS application of {@code /engine-rest}: Camunda's resources and providers, plus
 * Zorgpad's exception mappers ({@link RefusalMappers}), which outrank Camunda's own by priority.
 * Declared as a bean in {@link RestRefusalConfiguration}, so the default of the Camunda REST
 * starter's auto-configuration ({@code CamundaBpmRestJerseyAutoConfiguration}, conditional on no
 * {@code CamundaJerseyResourceConfig} bean) steps back; the
 * application path stays Camunda's {@code @ApplicationPath("/engine-rest")}.
 */
public class ZorgpadJerseyResourceConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    for (Class<?> mapper : RefusalMappers.ALL) {
      register(mapper, RefusalMappers.PRIORITY);
    }
  }
}
