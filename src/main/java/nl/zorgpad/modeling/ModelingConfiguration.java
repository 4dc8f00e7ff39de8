package nl.zorgpad.modeling;

import nl.zorgpad.modelpolicy.ModelPolicy;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The workbench's candidate groups and model validation, one bean each. */
@Configuration
class ModelingConfiguration {

  @Bean
  CandidateGroupCatalog candidateGroupCatalog(IdentityService identityService) {
    return new EngineCandidateGroupCatalog(identityService);
  }

  /** With the engine's model policy: the workbench shows what the engine would refuse. */
  @Bean
  ModelValidator modelValidator(
      ModelPolicy policy, com.fasterxml.jackson.databind.ObjectMapper json) {
    return new ModelValidator(policy, json);
  }
}
