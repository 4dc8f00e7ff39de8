package nl.zorgpad.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock of its own: growing delay, block, forgetting, bounds. */
class LoginThrottleTest {

  private final MovableClock clock = new MovableClock();
  private final LoginThrottle throttle =
      new LoginThrottle(LoginThrottleProperties.defaults(), clock);

  @Test
  void fiveFailuresAreFreeThenTheDelayDoublesUpToOneMinute() {
    for (int i = 0; i < 4; i++) {
      throttle.failed("192.0.2.1", "demo-jgz");
      assertThat(throttle.beforeAttempt("192.0.2.1", "demo-jgz").allowed()).isTrue();
    }
    Optional<LoginThrottle.Event> fifth = throttle.failed("192.0.2.1", "demo-jgz");
    assertThat(fifth)
        .hasValueSatisfying(
            event -> {
              assertThat(event.change()).isEqualTo(LoginThrottle.Change.DELAYED);
              assertThat(event.retryAfter()).isEqualTo(Duration.ofSeconds(2));
            });
    assertThat(throttle.retryAfter("192.0.2.1")).contains(Duration.ofSeconds(2));
    // waiting out each delay and failing again: 4, 8, 16, 32, 60, 60 s
    for (long expected : new long[] {4, 8, 16, 32, 60, 60}) {
      clock.advance(throttle.retryAfter("192.0.2.1").orElseThrow());
      assertThat(throttle.beforeAttempt("192.0.2.1", "demo-jgz").allowed()).isTrue();
      assertThat(throttle.failed("192.0.2.1", "demo-jgz")).as("one record per address").isEmpty();
      assertThat(throttle.retryAfter("192.0.2.1")).contains(Duration.ofSeconds(expected));
    }
  }

  @Test
  void hammeringWhileWaitingEndsInABlockOfFifteenMinutes() {
    for (int i = 0; i < 5; i++) {
      throttle.failed("192.0.2.2", "demo-verloskundige");
    }
    LoginThrottle.Verdict verdict = null;
    for (int attempt = 6; attempt <= 20; attempt++) {
      verdict = throttle.beforeAttempt("192.0.2.2", "demo-verloskundige");
      assertThat(verdict.allowed()).isFalse();
    }
    assertThat(verdict.event())
        .hasValueSatisfying(
            event -> {
              assertThat(event.change()).isEqualTo(LoginThrottle.Change.BLOCKED);
              assertThat(event.attempts()).isEqualTo(20);
              assertThat(event.userNames()).containsExactly("demo-verloskundige");
            });
    assertThat(verdict.retryAfter()).contains(Duration.ofMinutes(15));
    clock.advance(Duration.ofMinutes(10));
    // refused attempts during the block change nothing
    assertThat(throttle.beforeAttempt("192.0.2.2", "demo-verloskundige").retryAfter())
        .contains(Duration.ofMinutes(5));
    assertThat(throttle.beforeAttempt("192.0.2.2", "x").event()).isEmpty();
    // other addresses never wait
    assertThat(throttle.beforeAttempt("192.0.2.3", "demo-verloskundige").allowed()).isTrue();
    // after the block, the next failure blocks again at once (the count is still high) ...
    clock.advance(Duration.ofMinutes(5));
    assertThat(throttle.beforeAttempt("192.0.2.2", "demo-verloskundige").allowed()).isTrue();
    assertThat(throttle.failed("192.0.2.2", "demo-verloskundige"))
        .hasValueSatisfying(e -> assertThat(e.change()).isEqualTo(LoginThrottle.Change.BLOCKED));
    // ... until the address has been quiet for 15 minutes after its block
    clock.advance(Duration.ofMinutes(31));
    assertThat(throttle.retryAfter("192.0.2.2")).isEmpty();
    assertThat(throttle.failed("192.0.2.2", "demo-verloskundige")).isEmpty();
    assertThat(throttle.beforeAttempt("192.0.2.2", "demo-verloskundige").allowed()).isTrue();
  }

  @Test
  void aSuccessForgivesOnlyTheFailuresOfThatUserName() {
    for (int i = 0; i < 3; i++) {
      throttle.failed("192.0.2.4", "demo-verloskundige");
    }
    throttle.failed("192.0.2.4", "demo-jgz");
    // the attacker logs in with an account of his own: his guesses at demo-verloskundige remain
    throttle.succeeded("192.0.2.4", "demo-jgz");
    throttle.failed("192.0.2.4", "demo-verloskundige");
    assertThat(throttle.failed("192.0.2.4", "demo-verloskundige")).isPresent();
    assertThat(throttle.beforeAttempt("192.0.2.4", "demo-verloskundige").allowed()).isFalse();

    // a midwife who mistyped and then logged in starts afresh
    throttle.failed("192.0.2.5", "demo-verloskundige");
    throttle.failed("192.0.2.5", "demo-verloskundige");
    throttle.succeeded("192.0.2.5", "demo-verloskundige");
    for (int i = 0; i < 4; i++) {
      throttle.failed("192.0.2.5", "demo-verloskundige");
    }
    assertThat(throttle.beforeAttempt("192.0.2.5", "demo-verloskundige").allowed()).isTrue();
  }

  @Test
  void memoryStaysBoundedWhenAddressesAreSprayed() {
    LoginThrottle small =
        new LoginThrottle(
            new LoginThrottleProperties(null, null, null, null, null, null, 1000, null), clock);
    for (int i = 0; i < 50_000; i++) {
      small.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255), "u" + i);
    }
    assertThat(small.size()).isEqualTo(1000);
    // a successful login remembers nothing
    LoginThrottle fresh = new LoginThrottle(LoginThrottleProperties.defaults(), clock);
    fresh.beforeAttempt("192.0.2.9", "demo-jgz");
    fresh.succeeded("192.0.2.9", "demo-jgz");
    assertThat(fresh.size()).isZero();
  }

  @Test
  void anIpv6ClientCountsPerSlash64() {
    assertThat(throttle.key("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
        .isEqualTo(throttle.key("2001:db8:1:2::1"))
        .isEqualTo("2001:db8:1:2:0:0:0:0/64");
    assertThat(throttle.key("2001:db8:1:3::1")).isNotEqualTo(throttle.key("2001:db8:1:2::1"));
    assertThat(throttle.key("0:0:0:0:0:0:0:1")).isEqualTo("0:0:0:0:0:0:0:0/64");
    assertThat(throttle.key("127.0.0.2")).isEqualTo("127.0.0.2");
    for (int i = 0; i < 5; i++) {
      throttle.failed("2001:db8:1:2::" + Integer.toHexString(i + 1), "demo-jgz");
    }
    assertThat(throttle.beforeAttempt("2001:db8:1:2::ffff", "demo-jgz").allowed()).isFalse();
  }

  @Test
  void userNamesAreCleanedAndBoundedForTheAuditTrail() {
    assertThat(LoginThrottle.sanitize("demo-jgz\r\nINFO forged log line"))
        .doesNotContain("\n")
        .startsWith("demo-jgz??INFO");
    assertThat(LoginThrottle.sanitize("x".repeat(1000))).hasSize(65);
    for (int i = 0; i < 30; i++) {
      throttle.failed("192.0.2.10", "user" + i);
    }
    assertThat(throttle.beforeAttempt("192.0.2.10", "x").retryAfter()).isPresent();
  }

  @Test
  void retryAfterIsRoundedUpToWholeSecondsAndMinutes() {
    assertThat(LoginThrottledException.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
    assertThat(LoginThrottledException.retryAfterSeconds(Duration.ofMillis(2001))).isEqualTo(3);
    assertThat(LoginThrottledException.retryAfterMinutes(Duration.ofSeconds(2))).isEqualTo(1);
    assertThat(LoginThrottledException.retryAfterMinutes(Duration.ofSeconds(61))).isEqualTo(2);
    assertThat(LoginThrottledException.retryAfterMinutes(Duration.ofMinutes(15))).isEqualTo(15);
  }

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
