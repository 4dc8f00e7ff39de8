package nl.zorgpad.consent;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a consent is for. Consent is specific: per recipient discipline and purpose (the
 * covenant's vuistregel 4).
 */
public enum ConsentPurpose {
  /** Warm handover of the case to another discipline (vuistregel 3, 4). */
  WARM_HANDOVER("warme-overdracht"),
  /**
   * The case is followed in the network by a regiehouder who keeps the overview and shares what
   * is needed with the caregivers the client agreed to (Doesburg; issue 3).
   */
  CARE_COORDINATION("regie");

  private final String code;

  ConsentPurpose(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ConsentPurpose> fromCode(String code) {
    return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
  }
}
