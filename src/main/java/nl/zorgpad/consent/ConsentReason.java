package nl.zorgpad.consent;

import java.util.Arrays;
import java.util.Optional;

/**
 * Coded reasons for a refusal or withdrawal. Codes instead of free text: no clinical notes in
 * Zorgpad; the caregiver's own dossier holds the story.
 */
public enum ConsentReason {
  NO_CONTACT_WANTED("wil-geen-contact"),
  ENOUGH_SUPPORT("voldoende-hulp"),
  DISTRUST_OF_AGENCIES("wantrouwen-instanties"),
  WANTS_TIME_TO_THINK("wil-bedenktijd"),
  PARTNER_OR_FAMILY_AGAINST("partner-familie-niet-akkoord"),
  OTHER("andere-reden");

  private final String code;

  ConsentReason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<ConsentReason> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
