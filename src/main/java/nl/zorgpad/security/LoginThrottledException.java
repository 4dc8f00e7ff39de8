package nl.zorgpad.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A login refused because its source address must wait ({@link LoginThrottle}); the password was
 * not checked. Form login shows the Dutch message on the login page, HTTP Basic answers 429 with
 * {@code Retry-After}.
 */
public class LoginThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  public LoginThrottledException(Duration retryAfter) {
    super(
        "Too many failed login attempts from this address; retry after "
            + retryAfter.toSeconds()
            + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, at least 1 (the value of {@code Retry-After}). */
  public long retryAfterSeconds() {
    return retryAfterSeconds(retryAfter);
  }

  /** Whole minutes, at least 1 (what the login page says). */
  public long retryAfterMinutes() {
    return retryAfterMinutes(retryAfter);
  }

  static long retryAfterSeconds(Duration wait) {
    long seconds = (wait.toMillis() + 999) / 1000;
    return Math.max(1, seconds);
  }

  static long retryAfterMinutes(Duration wait) {
    return Math.max(1, (retryAfterSeconds(wait) + 59) / 60);
  }
}
