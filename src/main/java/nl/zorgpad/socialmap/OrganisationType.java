package nl.zorgpad.socialmap;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Kinds of organisations in a Kansrijke Start coalition. Shown with message
 * {@code socialmap.organisationType.<NAME>}; in CSV files written as {@link #code()}.
 */
public enum OrganisationType {
  VERLOSKUNDIGENPRAKTIJK,
  GGD_JGZ,
  KRAAMZORGORGANISATIE,
  BUURTTEAM,
  HUISARTSENPRAKTIJK,
  ZIEKENHUIS,
  VRIJWILLIGERSORGANISATIE,
  GGZ,
  GEMEENTE,
  OVERIG;

  /** "ggd-jgz", "verloskundigenpraktijk": the word used in CSV files. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<OrganisationType> fromCode(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String wanted = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(type -> type.code().equals(wanted)).findFirst();
  }
}
