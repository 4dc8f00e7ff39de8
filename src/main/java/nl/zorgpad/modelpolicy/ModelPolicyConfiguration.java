package nl.zorgpad.modelpolicy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The allow-list of the application (the {@link PathwayBean}s of its context) and the policy. */
@Configuration
class ModelPolicyConfiguration {

  @Bean
  PathwayBeans pathwayBeans(ListableBeanFactory beanFactory) {
    return PathwayBeans.of(beanFactory);
  }

  @Bean
  ModelPolicy modelPolicy(PathwayBeans pathwayBeans, ObjectMapper json) {
    return new ModelPolicy(pathwayBeans, json);
  }
}
