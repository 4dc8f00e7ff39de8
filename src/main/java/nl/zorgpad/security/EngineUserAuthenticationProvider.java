package nl.zorgpad.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Logs users in against the engine's identity service, so that the Tasklist, the REST API and
 * Zorgpad's own pages share one set of accounts and groups. Authorities are
 * {@code GROUP_<groupId>}.
 *
 * <p>Every login door goes through here — the form on {@code /login} and HTTP Basic on any URL
 * (REST API, own API, pages, actuator) — and so through the {@link LoginThrottle}: an address
 * that must wait is refused before the password is checked. The engine's own per-account lock is
 * switched off ({@link EngineSecurityPlugin}). Throttle changes are published as
 * {@link LoginThrottle.Event} for the audit trail (nl.zorgpad.audit).
 */
@Component
class EngineUserAuthenticationProvider implements AuthenticationProvider {

  static final String GROUP_PREFIX = "GROUP_";
  private static final Logger LOG = LoggerFactory.getLogger(EngineUserAuthenticationProvider.class);

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final ApplicationEventPublisher events;

  EngineUserAuthenticationProvider(
      IdentityService identityService, LoginThrottle throttle, ApplicationEventPublisher events) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.events = events;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String userId = authentication.getName();
    String address = address(authentication);
    LoginThrottle.Verdict verdict = throttle.beforeAttempt(address, userId);
    verdict.event().ifPresent(this::publish);
    if (!verdict.allowed()) {
      LOG.debug("Login refused for {}: the address must wait", address);
      throw new LoginThrottledException(verdict.retryAfter().orElseThrow());
    }
    Object credentials = authentication.getCredentials();
    if (userId == null
        || userId.isBlank()
        || credentials == null
        || !identityService.checkPassword(userId, credentials.toString())) {
      throttle.failed(address, userId).ifPresent(this::publish);
      throw new BadCredentialsException("Invalid user name or password");
    }
    throttle.succeeded(address, userId);
    List<GrantedAuthority> authorities =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .<GrantedAuthority>map(id -> new SimpleGrantedAuthority(GROUP_PREFIX + id))
            .toList();
    return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }

  private void publish(LoginThrottle.Event event) {
    LOG.warn(
        "Login throttling: address {} {} after {} failed or refused attempts (user names"
            + " tried: {}); next attempt in {} s",
        event.address(),
        event.change() == LoginThrottle.Change.BLOCKED ? "blocked" : "must wait",
        event.attempts(),
        event.userNames(),
        event.retryAfter().toSeconds());
    events.publishEvent(event);
  }

  /**
   * The client's address as the servlet container sees it: behind a reverse proxy, the address
   * from {@code X-Forwarded-For} only when the proxy is trusted (Tomcat's RemoteIpValve,
   * {@code server.tomcat.remoteip.internal-proxies}; docs/operations.md).
   */
  private static String address(Authentication authentication) {
    if (authentication.getDetails() instanceof WebAuthenticationDetails details
        && details.getRemoteAddress() != null) {
      return details.getRemoteAddress();
    }
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
      HttpServletRequest request = servlet.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
