package nl.zorgpad.casus;

/**
 * Need-to-know's answer for one access.
 *
 * @param allowed whether the access may happen
 * @param basis why it may: {@code involvement}, {@code task}, {@code consent:<id>},
 *     {@code referral}, {@code emergency}; null when refused
 * @param emergency whether it rests on the emergency procedure (flagged in the access log)
 * @param refusal an English reason when refused, for the log
 * @param hidden when refused: the case's existence is not revealed either (another coalition's
 *     case, decision 0005) — the doors answer as for an unknown case (404), without the
 *     noodprocedure
 */
public record AccessGrant(
    boolean allowed, String basis, boolean emergency, String refusal, boolean hidden) {

  public static AccessGrant allow(String basis) {
    return new AccessGrant(true, basis, false, null, false);
  }

  public static AccessGrant allowInEmergency() {
    return new AccessGrant(true, "emergency", true, null, false);
  }

  public static AccessGrant deny(String refusal) {
    return new AccessGrant(false, null, false, refusal, false);
  }

  /** Refused, and the case does not exist for her (another coalition's). */
  public static AccessGrant denyUnseen(String refusal) {
    return new AccessGrant(false, null, false, refusal, true);
  }
}
