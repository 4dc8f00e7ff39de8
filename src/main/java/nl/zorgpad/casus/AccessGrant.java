package nl.zorgpad.casus;

/**
 * Need-to-know's answer for one access.
 *
 * @param allowed whether the access may happen
 * @param basis why it may: {@code involvement}, {@code task}, {@code consent:<id>},
 *     {@code referral}, {@code emergency}; null when refused
 * @param emergency whether it rests on the emergency procedure (flagged in the access log)
 * @param refusal an English reason when refused, for the log
 */
public record AccessGrant(boolean allowed, String basis, boolean emergency, String refusal) {

  public static AccessGrant allow(String basis) {
    return new AccessGrant(true, basis, false, null);
  }

  public static AccessGrant allowInEmergency() {
    return new AccessGrant(true, "emergency", true, null);
  }

  public static AccessGrant deny(String refusal) {
    return new AccessGrant(false, null, false, refusal);
  }
}
