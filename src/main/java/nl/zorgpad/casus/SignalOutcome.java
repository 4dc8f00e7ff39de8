package nl.zorgpad.casus;

/**
 * What a signal led to: a new case, or the open case of the same woman (then nothing was written:
 * the caller joins the signal to that case instead, see {@link SignalMatchesOpenCase}).
 *
 * @param caseNumber the new case, or the matching open case
 * @param matched whether an open case of the same woman was found
 * @param kind on what she was recognised; null for a new case
 * @param keyHash the key that matched; null for a new case
 */
public record SignalOutcome(String caseNumber, boolean matched, MatchKind kind, String keyHash) {

  public static SignalOutcome opened(String caseNumber) {
    return new SignalOutcome(caseNumber, false, null, null);
  }

  public static SignalOutcome matched(String caseNumber, MatchKind kind, String keyHash) {
    return new SignalOutcome(caseNumber, true, kind, keyHash);
  }
}
