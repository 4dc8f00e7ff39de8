package nl.zorgpad.api;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Zorgpad's error controller ({@link ApiErrorController}) instead of Spring Boot's. */
@Configuration(proxyBeanMethods = false)
class ApiErrorConfiguration {

  @Bean
  ApiErrorController apiErrorController(
      ErrorAttributes errorAttributes,
      ServerProperties server,
      ObjectProvider<ErrorViewResolver> errorViewResolvers) {
    return new ApiErrorController(
        errorAttributes, server, errorViewResolvers.orderedStream().toList());
  }
}
