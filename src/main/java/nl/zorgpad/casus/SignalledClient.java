package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the signal is about, as far as the signaller knows: the client's BSN, her birth date and
 * her postcode (PC4 or PC6), each optional. <strong>Dossier-only</strong>: the start form submits
 * them as the fields {@link #FIELDS}, the pathway glue moves them into the dossier (the mother's
 * dossier {@link Client}, the match keys {@link ClientMatchKey}, the case's neighbourhood) in the
 * start transaction, and the engine never keeps them: no process variable after the start, no
 * history (docs/dossier.md, "Dossier-only fields"). {@link #toString()} shows no value.
 */
public record SignalledClient(String bsn, LocalDate birthDate, String postcode) {

  /** Start-form key (and variable name at the door) of the BSN. */
  public static final String BSN_FIELD = "clientBsn";

  /** Start-form key of the mother's birth date (ISO date). */
  public static final String BIRTH_DATE_FIELD = "clientBirthDate";

  /** Start-form key of the postcode (PC4 or PC6). */
  public static final String POSTCODE_FIELD = "clientPostcode";

  /** The names that never reach the engine's tables or the audit trail. */
  public static final Set<String> FIELDS = Set.of(BSN_FIELD, BIRTH_DATE_FIELD, POSTCODE_FIELD);

  /**
   * Where the engine glue keeps a field between the start of the process and the start listener
   * of the signal: a transient variable of this name (never persisted, never in history), because
   * the engine cannot make a variable that was set persistent transient under the same name.
   */
  public static String heldAs(String field) {
    return "dossierOnly." + field;
  }

  private static final Map<String, String> FIELD_OF_DETAIL =
      Map.of("bsn", BSN_FIELD, "birthDate", BIRTH_DATE_FIELD, "postcode", POSTCODE_FIELD);

  public SignalledClient {
    bsn = bsn == null ? null : ClientDetails.clean(bsn.replace(" ", ""));
    postcode = ClientDetails.normalisePostcode(postcode);
  }

  public static SignalledClient none() {
    return new SignalledClient(null, null, null);
  }

  public boolean isEmpty() {
    return bsn == null && birthDate == null && postcode == null;
  }

  /**
   * The rules of the page "Cliëntgegevens" for these three fields (one rule each: the eleven test,
   * a plausible birth date, the postcode rule of {@code nl.zorgpad.postcode}), named after the
   * start form's fields.
   */
  public List<Violation> check(LocalDate today) {
    return details().check(today).stream()
        .map(
            v ->
                new Violation(
                    FIELD_OF_DETAIL.getOrDefault(v.field(), v.field()),
                    v.problem(),
                    v.code(),
                    v.arguments()))
        .toList();
  }

  /** As the mother's dossier holds them. */
  ClientDetails details() {
    return new ClientDetails(null, null, bsn, birthDate, null, null, postcode, null, null);
  }

  /** Never the values: this record must not end up readable in a log line. */
  @Override
  public String toString() {
    return "SignalledClient[bsn="
        + (bsn == null ? "-" : "***")
        + ", birthDate="
        + (birthDate == null ? "-" : "***")
        + ", postcode="
        + (postcode == null ? "-" : "***")
        + "]";
  }
}
