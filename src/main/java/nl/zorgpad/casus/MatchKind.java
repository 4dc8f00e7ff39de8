package nl.zorgpad.casus;

import java.util.Arrays;
import java.util.Optional;

/**
 * On what a signal was recognised as a woman who already has an open case (decision 0008).
 * Codes, not text: the code also travels as the process variable {@code newSignalMatch}.
 */
public enum MatchKind {
  /** BSN and birth date: the same woman. Joins without question. */
  BSN_BIRTH_DATE("bsn-geboortedatum", true),
  /**
   * Birth date and the four digits of the postcode, without BSN (undocumented women, a BSN not
   * at hand): a weaker match. Joins too, flagged, and the regiehouder confirms it or detaches the
   * signal.
   */
  BIRTH_DATE_POSTCODE("geboortedatum-postcode", false);

  private final String code;
  private final boolean strong;

  MatchKind(String code, boolean strong) {
    this.code = code;
    this.strong = strong;
  }

  public String code() {
    return code;
  }

  /** Whether this match needs no confirmation by the regiehouder. */
  public boolean strong() {
    return strong;
  }

  public static Optional<MatchKind> fromCode(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
