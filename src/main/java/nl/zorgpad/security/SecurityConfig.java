package nl.zorgpad.security;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: Spring Security authenticates (form login with a session, or HTTP
 * Basic) against the engine's identity service; the Camunda webapps and the REST API take that
 * user over, so the engine's authorization checks apply to every request.
 *
 * <ul>
 *   <li>{@code /engine-rest/**} and Zorgpad's own {@code /api/**} require authentication (Basic
 *       or the session; the session cookie is SameSite=Strict, so a cross-site page cannot use it,
 *       which is why they need no CSRF token) and answer 401, not a login redirect.</li>
 *   <li>{@code /camunda/api/admin/setup/**} is refused in any case (Camunda 7.24.0 CE's setup
 *       endpoint could otherwise create an administrator).</li>
 *   <li>Only health and info of the actuator, the login page and static assets are public;
 *       {@code /actuator/prometheus} is for the groups {@code operator} and
 *       {@code camunda-admin}.</li>
 * </ul>
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

  /** Camunda's webapps keep their own CSRF protection (cookie + X-XSRF-TOKEN header). */
  private static final RequestMatcher CAMUNDA = antMatcher("/camunda/**");
  private static final RequestMatcher REST_API = antMatcher("/engine-rest/**");
  private static final RequestMatcher WEBAPP_API = antMatcher("/camunda/api/**");
  /** Zorgpad's own API for other systems (nl.zorgpad.api): HTTP Basic, answers 401, no CSRF. */
  private static final RequestMatcher OWN_API = antMatcher("/api/**");
  private static final RequestMatcher TASKLIST_LOGOUT =
      antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http,
      EngineUserAuthenticationProvider users) throws Exception {
    http
        .authenticationProvider(users)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(antMatcher("/camunda/api/admin/setup/**")).denyAll()
            .requestMatchers(antMatcher("/actuator/health"), antMatcher("/actuator/health/**"),
                antMatcher("/actuator/info")).permitAll()
            // metrics (nl.zorgpad.metrics): operators and administrators only
            .requestMatchers(antMatcher("/actuator/prometheus")).hasAnyAuthority(
                ZorgpadGroups.authority(ZorgpadGroups.OPERATOR),
                ZorgpadGroups.authority(ZorgpadGroups.ADMIN))
            .requestMatchers(antMatcher("/login"), antMatcher("/css/**"), antMatcher("/img/**"),
                antMatcher("/favicon.ico"), antMatcher("/error")).permitAll()
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
        .httpBasic(basic -> basic.realmName("Zorgpad").authenticationEntryPoint(entryPoint()))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint()))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(
                antMatcher(HttpMethod.POST, "/logout"), TASKLIST_LOGOUT))
            .logoutSuccessHandler((request, response, authentication) -> {
              if (TASKLIST_LOGOUT.matches(request)) {
                // the Tasklist calls this with XHR and then shows its login route, which
                // Zorgpad's Tasklist script sends to /login
                response.setStatus(HttpServletResponse.SC_OK);
              } else {
                response.sendRedirect(request.getContextPath() + "/login?logout");
              }
            }))
        .csrf(csrf -> csrf.ignoringRequestMatchers(CAMUNDA, REST_API, OWN_API))
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()));
    return http.build();
  }

  private static AuthenticationEntryPoint entryPoint() {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Zorgpad");
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
    entryPoints.put(REST_API, basic);
    entryPoints.put(OWN_API, basic);
    // no Basic challenge for the webapps' XHR calls: the browser would pop up a login dialog
    entryPoints.put(WEBAPP_API, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
    entryPoints.put(antMatcher("/actuator/**"), basic);
    DelegatingAuthenticationEntryPoint delegating =
        new DelegatingAuthenticationEntryPoint(entryPoints);
    delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
    return delegating;
  }

  /** Runs right after Spring Security, before the engine's own filters. */
  @Bean
  FilterRegistrationBean<QueryExpressionGuardFilter> queryExpressionGuardFilter() {
    FilterRegistrationBean<QueryExpressionGuardFilter> registration =
        new FilterRegistrationBean<>(new QueryExpressionGuardFilter());
    registration.setName("zorgpadQueryExpressionGuard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(0);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthenticationFilter() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("zorgpadRestApiAuthentication");
    registration.setInitParameters(providerParameter());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX,
        "/engine-rest");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(1);
    return registration;
  }

  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappAuthenticationFilter() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("zorgpadWebappAuthentication");
    registration.setInitParameters(providerParameter());
    registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
    registration.setOrder(2);
    return registration;
  }

  private static Map<String, String> providerParameter() {
    return Map.of(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityEngineAuthentication.class.getName());
  }
}
