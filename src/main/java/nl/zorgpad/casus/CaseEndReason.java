package nl.zorgpad.casus;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a case ends before the child's first birthday (issue 3: moved away, client withdraws,
 * pregnancy ended). Codes, not free text: the story stays in the caregiver's own dossier.
 */
public enum CaseEndReason {
  MOVED("verhuisd", CaseStatus.CLOSED_MOVED),
  CLIENT_WITHDRAWS("client-trekt-zich-terug", CaseStatus.CLOSED_CLIENT_WITHDREW),
  PREGNANCY_ENDED("zwangerschap-beeindigd", CaseStatus.CLOSED_PREGNANCY_ENDED),
  OTHER("overig", CaseStatus.CLOSED_OTHER),
  /** "Dubbele casus": the woman has another case (decision 0008); see {@code merged_into}. */
  DUPLICATE("dubbele-casus", CaseStatus.CLOSED_DUPLICATE);

  private final String code;
  private final CaseStatus status;

  CaseEndReason(String code, CaseStatus status) {
    this.code = code;
    this.status = status;
  }

  public String code() {
    return code;
  }

  /** The status the dossier gets when the case ends for this reason. */
  public CaseStatus status() {
    return status;
  }

  /** Every code, in declaration order (the API documents and checks these). */
  public static java.util.List<String> codes() {
    return Arrays.stream(values()).map(CaseEndReason::code).toList();
  }

  public static Optional<CaseEndReason> fromCode(String code) {
    return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
  }
}
