package nl.zorgpad.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Failed logins throttled per source address instead of locking the account: after
 * {@code freeAttempts} failures from one address, every further attempt from that address must
 * wait a delay that doubles with each failed or refused attempt; after {@code blockAfter} of them
 * the address is blocked for {@code blockDuration}. The account itself is never locked, so the
 * right password from another address always works (a stranger must not be able to lock a
 * caregiver out; decision 0011). While an address waits, its attempts are refused <em>before</em> the password is checked:
 * no guess is tried and no password hash is computed.
 *
 * <p>A success from an address forgives only the failures of that same user name there, so an
 * attacker cannot reset the counter by logging in with an account of his own between guesses at
 * someone else's.
 *
 * <p><b>State lives in memory, per node</b>, bounded to {@code maxAddresses} entries (least
 * recently active forgotten first); only addresses that failed are remembered, a successful login
 * creates nothing. Trade-off, documented in docs/operations.md: on a cluster of N nodes an attacker
 * gets at most N times the attempts (a load balancer that keeps one client on one node makes it
 * one), and a restart forgets the counts; in exchange a failed login costs no database write, so a
 * password spray cannot turn into database load and nothing has to be cleaned up.
 *
 * <p>Thread-safe; the methods are short and synchronized.
 */
@Component
public class LoginThrottle {

  /** What happened to an address that the audit trail should record. */
  public enum Change {
    DELAYED,
    BLOCKED
  }

  /**
   * A change of an address's state: it starts waiting, or it is blocked.
   *
   * @param address the address (IPv6: its prefix) as counted
   * @param userName the user name of the attempt that caused it
   * @param attempts failed and refused attempts counted for the address
   * @param retryAfter how long the address must wait now
   * @param userNames the user names tried from the address (at most {@value #MAX_USER_NAMES})
   */
  public record Event(
      Change change,
      String address,
      String userName,
      int attempts,
      Duration retryAfter,
      List<String> userNames) {}

  /**
   * The verdict before a password is checked.
   *
   * @param retryAfter empty when the attempt may go ahead
   * @param event a change the attempt caused (an address that hammers while it waits is blocked)
   */
  public record Verdict(Optional<Duration> retryAfter, Optional<Event> event) {

    public boolean allowed() {
      return retryAfter.isEmpty();
    }
  }

  static final int MAX_USER_NAMES = 10;
  static final int MAX_USER_NAME_LENGTH = 64;

  private final LoginThrottleProperties properties;
  private final Clock clock;
  private final Map<String, AddressState> addresses;

  LoginThrottle(LoginThrottleProperties properties, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    int max = properties.maxAddresses();
    this.addresses =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, AddressState> eldest) {
            return size() > max;
          }
        };
  }

  /** Before the password of {@code userName} is checked for a request from {@code address}. */
  public synchronized Verdict beforeAttempt(String address, String userName) {
    Instant now = clock.instant();
    String key = key(address);
    AddressState state = current(key, now);
    if (state == null || !state.waiting(now)) {
      return new Verdict(Optional.empty(), Optional.empty());
    }
    Optional<Event> event = Optional.empty();
    if (!state.blocked(now)) {
      // hammering while waiting counts: it lengthens the wait and ends in a block
      event = count(key, state, userName, now);
    }
    state.lastAttempt = now;
    return new Verdict(Optional.of(state.retryAfter(now)), event);
  }

  /** The password was wrong (or the user unknown). */
  public synchronized Optional<Event> failed(String address, String userName) {
    Instant now = clock.instant();
    String key = key(address);
    AddressState state = current(key, now);
    if (state == null) {
      state = new AddressState();
      addresses.put(key, state);
    }
    return count(key, state, userName, now);
  }

  /** The password was right: forgive the failures of this user name from this address. */
  public synchronized void succeeded(String address, String userName) {
    Instant now = clock.instant();
    AddressState state = current(key(address), now);
    if (state != null) {
      Integer own = state.failuresByUser.remove(sanitize(userName));
      if (own != null) {
        state.attempts = Math.max(0, state.attempts - own);
      }
    }
  }

  /** How long the address must still wait, if at all (for the login page's message). */
  public synchronized Optional<Duration> retryAfter(String address) {
    Instant now = clock.instant();
    AddressState state = current(key(address), now);
    return state != null && state.waiting(now)
        ? Optional.of(state.retryAfter(now))
        : Optional.empty();
  }

  /** Addresses remembered now (for tests and the curious). */
  synchronized int size() {
    return addresses.size();
  }

  private Optional<Event> count(String key, AddressState state, String userName, Instant now) {
    state.attempts++;
    state.lastAttempt = now;
    String name = sanitize(userName);
    if (state.failuresByUser.containsKey(name) || state.failuresByUser.size() < MAX_USER_NAMES) {
      state.failuresByUser.merge(name, 1, Integer::sum);
    }
    if (state.attempts >= properties.blockAfter()) {
      if (!state.blocked(now)) {
        state.blockedUntil = now.plus(properties.blockDuration());
        return Optional.of(event(Change.BLOCKED, key, name, state, now));
      }
      return Optional.empty();
    }
    if (state.attempts >= properties.freeAttempts()) {
      boolean first = !state.delayReported;
      state.delayedUntil = now.plus(delay(state.attempts - properties.freeAttempts()));
      state.delayReported = true;
      if (first) {
        return Optional.of(event(Change.DELAYED, key, name, state, now));
      }
    }
    return Optional.empty();
  }

  private Event event(Change change, String key, String name, AddressState state, Instant now) {
    return new Event(
        change,
        key,
        name,
        state.attempts,
        state.retryAfter(now),
        List.copyOf(state.failuresByUser.keySet()));
  }

  /** The n-th delay (n from 0): base × 2^n, at most delayMax. */
  Duration delay(int n) {
    Duration delay = properties.delayBase();
    for (int i = 0; i < n && delay.compareTo(properties.delayMax()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(properties.delayMax()) > 0 ? properties.delayMax() : delay;
  }

  /** The state of an address, or null; a state that has run out is forgotten. */
  private AddressState current(String key, Instant now) {
    AddressState state = addresses.get(key);
    if (state != null && !now.isBefore(state.forgetAt(properties.forgetAfter()))) {
      addresses.remove(key);
      return null;
    }
    return state;
  }

  /** What is counted: the address itself, or for IPv6 its prefix (one client holds a /64). */
  String key(String address) {
    if (address == null || address.isBlank()) {
      return "unknown";
    }
    String literal = address.strip();
    if (literal.indexOf(':') < 0) {
      return literal.length() > 64 ? literal.substring(0, 64) : literal;
    }
    try {
      // an IP literal: no name lookup happens
      byte[] bytes = InetAddress.getByName(literal.replaceAll("%.*$", "")).getAddress();
      if (bytes.length == 4) {
        return InetAddress.getByAddress(bytes).getHostAddress();
      }
      int prefix = properties.ipv6PrefixLength();
      for (int bit = prefix; bit < 128; bit++) {
        bytes[bit / 8] &= (byte) ~(1 << (7 - bit % 8));
      }
      return InetAddress.getByAddress(bytes).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException | IllegalArgumentException notALiteral) {
      return literal.length() > 64 ? literal.substring(0, 64) : literal;
    }
  }

  /** A user name as the attacker typed it, safe for logs and the audit trail. */
  static String sanitize(String userName) {
    if (userName == null) {
      return "";
    }
    String clean = userName.replaceAll("\\p{Cntrl}", "?").strip();
    return clean.length() > MAX_USER_NAME_LENGTH
        ? clean.substring(0, MAX_USER_NAME_LENGTH) + "…"
        : clean;
  }

  private static final class AddressState {

    int attempts;
    Instant lastAttempt = Instant.EPOCH;
    Instant delayedUntil = Instant.EPOCH;
    Instant blockedUntil = Instant.EPOCH;
    boolean delayReported;
    final Map<String, Integer> failuresByUser = new LinkedHashMap<>();

    boolean blocked(Instant now) {
      return now.isBefore(blockedUntil);
    }

    boolean waiting(Instant now) {
      return now.isBefore(delayedUntil) || blocked(now);
    }

    Duration retryAfter(Instant now) {
      Instant until = blockedUntil.isAfter(delayedUntil) ? blockedUntil : delayedUntil;
      Duration left = Duration.between(now, until);
      return left.isNegative() ? Duration.ZERO : left;
    }

    Instant forgetAt(Duration forgetAfter) {
      Instant quiet = lastAttempt.plus(forgetAfter);
      Instant until = blockedUntil.isAfter(delayedUntil) ? blockedUntil : delayedUntil;
      return quiet.isAfter(until) ? quiet : until;
    }
  }
}
