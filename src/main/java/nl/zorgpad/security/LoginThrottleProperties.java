package nl.zorgpad.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Throttling of failed logins per source address ({@code zorgpad.login-throttle.*}), which
 * replaces the engine's per-account lock (a stranger who knows a user name could lock a midwife
 * out; see {@link LoginThrottle}).
 *
 * @param freeAttempts failed attempts from one address before any delay (default 5: a few typos)
 * @param delayBase the first delay after the free attempts (default 2 s); it doubles with every
 *     further failed or refused attempt
 * @param delayMax the longest delay (default 1 minute)
 * @param blockAfter failed plus refused attempts from one address after which the address is
 *     blocked (default 20)
 * @param blockDuration how long a block lasts (default 15 minutes)
 * @param forgetAfter an address without attempts for this long starts afresh (default 15 minutes)
 * @param maxAddresses the most addresses remembered at once (default 10,000; the least recently
 *     active one is forgotten first), so that spraying addresses cannot grow memory without limit
 * @param ipv6PrefixLength IPv6 addresses count per prefix of this length (default 64: one
 *     customer network), because a client usually holds a whole /64
 */
@ConfigurationProperties(prefix = "zorgpad.login-throttle")
public record LoginThrottleProperties(
    Integer freeAttempts,
    Duration delayBase,
    Duration delayMax,
    Integer blockAfter,
    Duration blockDuration,
    Duration forgetAfter,
    Integer maxAddresses,
    Integer ipv6PrefixLength) {

  public LoginThrottleProperties {
    freeAttempts = positive(freeAttempts, 5);
    delayBase = positive(delayBase, Duration.ofSeconds(2));
    delayMax = positive(delayMax, Duration.ofMinutes(1));
    blockAfter = Math.max(positive(blockAfter, 20), freeAttempts + 1);
    blockDuration = positive(blockDuration, Duration.ofMinutes(15));
    forgetAfter = positive(forgetAfter, Duration.ofMinutes(15));
    maxAddresses = positive(maxAddresses, 10_000);
    ipv6PrefixLength =
        ipv6PrefixLength == null || ipv6PrefixLength < 1 || ipv6PrefixLength > 128
            ? 64
            : ipv6PrefixLength;
  }

  public static LoginThrottleProperties defaults() {
    return new LoginThrottleProperties(null, null, null, null, null, null, null, null);
  }

  private static Integer positive(Integer value, int fallback) {
    return value == null || value < 1 ? fallback : value;
  }

  private static Duration positive(Duration value, Duration fallback) {
    return value == null || value.isNegative() || value.isZero() ? fallback : value;
  }
}
