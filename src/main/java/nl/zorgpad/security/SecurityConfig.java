package nl.zorgpad.security;

import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
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
  private static final RequestMatcher CAMUNDA = path("/camunda/**");

  private static final RequestMatcher REST_API = path("/engine-rest/**");
  static final RequestMatcher WEBAPP_API = path("/camunda/api/**");

  /** Zorgpad's own API for other systems (nl.zorgpad.api): HTTP Basic, answers 401, no CSRF. */
  private static final RequestMatcher OWN_API = path("/api/**");

  private static final RequestMatcher TASKLIST_LOGOUT =
      path(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout");

  /**
   * Other doors to a password check than Zorgpad's login, closed for everyone: Camunda's own
   * login of the webapps (the Tasklist's login route goes to {@code /login}) and the REST API's
   * password verification. A logged-in user could otherwise guess someone else's password there,
   * past the {@link LoginThrottle}. ({@code /**}: the REST API also answers with a trailing
   * slash.)
   */
  private static final RequestMatcher OTHER_PASSWORD_CHECKS =
      new OrRequestMatcher(
          path("/camunda/api/admin/auth/user/*/login/**"),
          path("/engine-rest/identity/verify/**"),
          path("/engine-rest/engine/*/identity/verify/**"),
          path("/camunda/api/engine/engine/*/identity/verify/**"));

  /**
   * What the engine tells about itself (its version, the diagnostics data with product, JDK,
   * database and server versions, the schema log; its metrics and the Admin webapp's aggregated
   * usage: instance counts of every case): administrators only, so a caregiver's account does not
   * tell an attacker which known vulnerabilities to try, nor anyone how many cases there are.
   */
  private static final RequestMatcher ENGINE_INFORMATION =
      new OrRequestMatcher(
          path("/engine-rest/version/**"),
          path("/engine-rest/engine/*/version/**"),
          path("/engine-rest/telemetry/**"),
          path("/engine-rest/engine/*/telemetry/**"),
          path("/engine-rest/schema/log/**"),
          path("/engine-rest/engine/*/schema/log/**"),
          path("/camunda/api/engine/engine/*/version/**"),
          path("/camunda/api/engine/engine/*/telemetry/**"),
          path("/camunda/api/engine/engine/*/schema/log/**"),
          path("/engine-rest/metrics/**"),
          path("/engine-rest/engine/*/metrics/**"),
          path("/camunda/api/engine/engine/*/metrics/**"),
          path("/camunda/api/admin/plugin/**"));

  /**
   * Copies of the Camunda webapps' static files outside {@code /camunda}: Spring Boot serves
   * {@code META-INF/resources} at the root, so the raw index pages (with the engine version) and
   * Camunda's stand-alone welcome page would be readable there. Nothing uses them.
   */
  private static final RequestMatcher CAMUNDA_STATIC_COPIES =
      new OrRequestMatcher(path("/webjars/camunda/**"), path("/camunda-welcome/**"));

  /**
   * Cockpit and its plugin API (statistics with instance counts of every case) for those who may
   * use Cockpit: coordinators, auditors, administrators; never caregivers.
   */
  private static final RequestMatcher COCKPIT =
      new OrRequestMatcher(path("/camunda/api/cockpit/**"), path("/camunda/app/cockpit/**"));

  /**
   * The Kansrijke Start monitor (nl.zorgpad.monitor): aggregates for coordinators, policy
   * officers ({@code beleid}) and administrators.
   */
  private static final RequestMatcher MONITOR =
      new OrRequestMatcher(
          path("/monitor"),
          path("/monitor/**"),
          path("/api/monitor/**"),
          path("/monitor-assets/**"));

  /**
   * Every other authenticated request, except for a policy officer: an account in the
   * {@code beleid} group sees the monitor's aggregates and the start page only (no case page,
   * case API, Tasklist, Cockpit, audit page, engine API).
   */
  static final AuthorizationManager<RequestAuthorizationContext> NOT_POLICY_ONLY =
      (authentication, context) -> {
        Authentication user = authentication.get();
        boolean allowed =
            user != null
                && user.isAuthenticated()
                && !(user instanceof AnonymousAuthenticationToken)
                && user.getAuthorities().stream()
                    .noneMatch(
                        a ->
                            ZorgpadGroups.authority(ZorgpadGroups.POLICY).equals(a.getAuthority()));
        return new AuthorizationDecision(allowed);
      };

  @Bean
  SecurityFilterChain securityFilterChain(
      HttpSecurity http, EngineUserAuthenticationProvider users, LoginRefusals refusals)
      throws Exception {
    http
        // exactly one provider and no parent manager: a parent with the same provider (Spring
        // Boot registers provider beans globally) would check a wrong password twice and count
        // each failure twice in the throttle
        .authenticationManager(new ProviderManager(users))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(path("/camunda/api/admin/setup/**"))
                    .denyAll()
                    .requestMatchers(OTHER_PASSWORD_CHECKS)
                    .denyAll()
                    .requestMatchers(CAMUNDA_STATIC_COPIES)
                    .denyAll()
                    .requestMatchers(
                        path("/actuator/health"),
                        path("/actuator/health/**"),
                        path("/actuator/info"))
                    .permitAll()
                    // metrics (nl.zorgpad.metrics): operators and administrators only
                    .requestMatchers(path("/actuator/prometheus"))
                    .hasAnyAuthority(
                        ZorgpadGroups.authority(ZorgpadGroups.OPERATOR),
                        ZorgpadGroups.authority(ZorgpadGroups.ADMIN))
                    .requestMatchers(
                        path("/login"),
                        path("/css/**"),
                        path("/img/**"),
                        path("/js/**"),
                        path("/favicon.ico"),
                        path("/error"))
                    .permitAll()
                    .requestMatchers(ENGINE_INFORMATION)
                    .hasAuthority(ZorgpadGroups.authority(ZorgpadGroups.ADMIN))
                    .requestMatchers(COCKPIT)
                    .hasAnyAuthority(
                        ZorgpadGroups.authority(ZorgpadGroups.COORDINATOR),
                        ZorgpadGroups.authority(ZorgpadGroups.AUDITOR),
                        ZorgpadGroups.authority(ZorgpadGroups.ADMIN))
                    .requestMatchers(MONITOR)
                    .hasAnyAuthority(
                        ZorgpadGroups.authority(ZorgpadGroups.COORDINATOR),
                        ZorgpadGroups.authority(ZorgpadGroups.POLICY),
                        ZorgpadGroups.authority(ZorgpadGroups.ADMIN))
                    .requestMatchers(path(HttpMethod.GET, "/"))
                    .authenticated()
                    .anyRequest()
                    .access(NOT_POLICY_ONLY))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .defaultSuccessUrl("/", false)
                    .failureHandler(refusals)
                    .permitAll())
        // refused Basic credentials: 401 (or 429 while the address must wait) on every URL,
        // pages included, never a redirect to /login (which looped while the client kept
        // sending its wrong header)
        .httpBasic(basic -> basic.realmName("Zorgpad").authenticationEntryPoint(refusals))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint()))
        .logout(
            logout ->
                logout
                    .logoutRequestMatcher(
                        new OrRequestMatcher(path(HttpMethod.POST, "/logout"), TASKLIST_LOGOUT))
                    .logoutSuccessHandler(
                        (request, response, authentication) -> {
                          if (TASKLIST_LOGOUT.matches(request)) {
                            // the Tasklist calls this with XHR and then shows its login route,
                            // which
                            // Zorgpad's Tasklist script sends to /login
                            response.setStatus(HttpServletResponse.SC_OK);
                          } else {
                            response.sendRedirect(request.getContextPath() + "/login?logout");
                          }
                        }))
        .csrf(csrf -> csrf.ignoringRequestMatchers(CAMUNDA, REST_API, OWN_API))
        .headers(SecurityHeaders::configure);
    return http.build();
  }

  /** Where an unauthenticated request without (refused) credentials is sent. */
  private static AuthenticationEntryPoint entryPoint() {
    BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
    basic.setRealmName("Zorgpad");
    LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
    entryPoints.put(REST_API, basic);
    entryPoints.put(OWN_API, basic);
    // no Basic challenge for the webapps' and the workbench's XHR calls: the browser would pop up
    // a login dialog (and a redirect to the login page is no answer to an XHR either)
    entryPoints.put(WEBAPP_API, new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
    entryPoints.put(path("/modeling/api/**"), new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
    entryPoints.put(path("/actuator/**"), basic);
    DelegatingAuthenticationEntryPoint delegating =
        new DelegatingAuthenticationEntryPoint(entryPoints);
    delegating.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"));
    return delegating;
  }

  /** A machine door (REST APIs, actuator) or a client that asks for JSON: answer JSON. */
  static boolean wantsJson(HttpServletRequest request) {
    if (REST_API.matches(request)
        || OWN_API.matches(request)
        || WEBAPP_API.matches(request)
        || path("/actuator/**").matches(request)) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }

  /** Runs right after Spring Security, before the engine's own filters. */
  @Bean
  FilterRegistrationBean<QueryExpressionGuardFilter> queryExpressionGuardFilter(
      com.fasterxml.jackson.databind.ObjectMapper json) {
    FilterRegistrationBean<QueryExpressionGuardFilter> registration =
        new FilterRegistrationBean<>(new QueryExpressionGuardFilter(json));
    registration.setName("zorgpadQueryExpressionGuard");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(0);
    return registration;
  }

  /** Right after Spring Security: the current-password check of a password change, throttled. */
  @Bean
  FilterRegistrationBean<PasswordChangeThrottleFilter> passwordChangeThrottleFilter(
      org.camunda.bpm.engine.IdentityService identityService,
      LoginThrottle throttle,
      org.springframework.context.ApplicationEventPublisher events,
      LoginRefusals refusals,
      org.springframework.context.MessageSource messages,
      com.fasterxml.jackson.databind.ObjectMapper json) {
    FilterRegistrationBean<PasswordChangeThrottleFilter> registration =
        new FilterRegistrationBean<>(
            new PasswordChangeThrottleFilter(
                identityService, throttle, events, refusals, messages, json));
    registration.setName("zorgpadPasswordChangeThrottle");
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
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
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
    return Map.of(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        SpringSecurityEngineAuthentication.class.getName());
  }

  /** A request path pattern (Spring's {@code PathPattern} syntax), any method. */
  static RequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }

  /** A request path pattern for one method. */
  static RequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
