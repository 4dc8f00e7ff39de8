package nl.zorgpad.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one password check that is not a login: changing a password through the engine's API
 * ({@code PUT …/user/{id}/credentials} on {@code /engine-rest} and the webapps'
 * {@code /camunda/api/engine}) asks for the logged-in user's current password. Without this
 * filter that check had no throttle: whoever holds her session (an unlocked workstation) could
 * guess her password there as fast as the server answers. Here the check goes through the same
 * {@link LoginThrottle} as every login: an address that must wait gets 429 before anything is
 * checked; a wrong current password counts as a failed attempt of that address (under its own
 * name, so the session's own successful Basic logins do not forgive it) and is answered 400 in
 * Dutch, without reaching the engine. A right one passes on to the engine, which checks it again
 * and applies its password policy.
 */
class PasswordChangeThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordChangeThrottleFilter.class);
  static final Pattern CREDENTIALS =
      Pattern.compile(
          "(/engine-rest(/engine/[^/]+)?|/camunda/api/engine/engine/[^/]+)/user/[^/]+/credentials/?");
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final ApplicationEventPublisher events;
  private final LoginRefusals refusals;
  private final MessageSource messages;
  private final ObjectMapper json;

  PasswordChangeThrottleFilter(
      IdentityService identityService,
      LoginThrottle throttle,
      ApplicationEventPublisher events,
      LoginRefusals refusals,
      MessageSource messages,
      ObjectMapper json) {
    this.json = json;
    this.identityService = identityService;
    this.throttle = throttle;
    this.events = events;
    this.refusals = refusals;
    this.messages = messages;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"PUT".equals(request.getMethod())
        || !CREDENTIALS
            .matcher(request.getRequestURI().substring(request.getContextPath().length()))
            .matches();
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String user = request.getRemoteUser();
    if (user == null) {
      chain.doFilter(request, response);
      return;
    }
    String address = request.getRemoteAddr();
    // its own name in the throttle: the Basic login of this very request forgives only "user"
    String attempt = user + " (current password)";
    LoginThrottle.Verdict verdict = throttle.beforeAttempt(address, attempt);
    verdict.event().ifPresent(this::publish);
    if (!verdict.allowed()) {
      long seconds = LoginThrottledException.retryAfterSeconds(verdict.retryAfter().orElseThrow());
      response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
      refusals.write(
          request,
          response,
          HttpStatus.TOO_MANY_REQUESTS,
          "login-throttled",
          "Too many failed password checks from this address; retry after " + seconds + " s",
          refusals.throttledMessage(
              LoginThrottledException.retryAfterMinutes(verdict.retryAfter().orElseThrow())));
      return;
    }
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    String current = currentPassword(body);
    if (current != null && !identityService.checkPassword(user, current)) {
      throttle.failed(address, attempt).ifPresent(this::publish);
      LOG.info(
          "Refused PUT {} for user {}: the current password is wrong",
          request.getRequestURI(),
          user);
      refusals.write(
          request,
          response,
          HttpStatus.BAD_REQUEST,
          "current-password-wrong",
          "The current password of the authenticated user is wrong",
          messages.getMessage("login.currentPasswordWrong", null, Locale.forLanguageTag("nl-NL")));
      return;
    }
    chain.doFilter(new QueryExpressionGuardFilter.CachedBodyRequest(request, body), response);
  }

  /** {@code authenticatedUserPassword} of the engine's request, or null (the engine refuses). */
  private String currentPassword(byte[] body) {
    try {
      JsonNode node = json.readTree(body);
      JsonNode password = node == null ? null : node.get("authenticatedUserPassword");
      return password != null && password.isTextual() ? password.asText() : null;
    } catch (IOException unreadable) {
      return null;
    }
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
}
