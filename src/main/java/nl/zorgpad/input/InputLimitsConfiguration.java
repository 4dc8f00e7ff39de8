package nl.zorgpad.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * One mechanism for the size of every input (issue 10, item 5), in three layers:
 * <ol>
 *   <li>{@link RequestLimitFilter}: the whole body, per path, before anything reads it (413), and
 *       path tricks (400);
 *   <li>{@link InputLimitInterceptor} and {@link RequestBodyLimits}: every request parameter, form
 *       field and JSON text of Zorgpad's controllers, at most {@code max-text-length} or its own
 *       larger {@code @Size}, no control characters (400);
 *   <li>{@code @Size} from {@link TextLimits} on each parameter and form field: the field's own
 *       limit, matching its database column (400 with the field's Dutch name, or the form's
 *       error list).
 * </ol>
 * Refusals are answered by {@link InputLimitAdvice}. {@code InputLimitCoverageIT} fails when a
 * controller takes a text without its own {@code @Size}.
 */
@Configuration
class InputLimitsConfiguration implements WebMvcConfigurer {

  private final InputRules rules;

  InputLimitsConfiguration(InputRules rules) {
    this.rules = rules;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new InputLimitInterceptor(rules));
  }

  /** Before Spring Security (order -100), so that not even the CSRF check reads a huge body. */
  @Bean
  FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(
      ObjectMapper json, MessageSource messages) {
    FilterRegistrationBean<RequestLimitFilter> registration =
        new FilterRegistrationBean<>(new RequestLimitFilter(rules, json, messages));
    registration.setName("zorgpadRequestLimit");
    registration.addUrlPatterns("/*");
    registration.setOrder(-200);
    return registration;
  }
}
