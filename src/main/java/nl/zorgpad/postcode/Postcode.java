package nl.zorgpad.postcode;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a Dutch postcode, shared by the sociale kaart, the dossier and the signal:
 * four digits not starting with 0 (PC4) and optionally two letters (PC6), written "3531 AB",
 * "3531ab" or "3531AB". Normalised form: no spaces, upper case ("3531AB", "3531").
 *
 * <p>A package of its own that depends on nothing else of Zorgpad (STYLE.md: what several
 * features need lives in a small package that depends on none of them).
 */
public final class Postcode {

  private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3})([A-Z]{2})?");
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\u00a0]+");

  private Postcode() {}

  /** "3531 ab" → "3531AB", " 3531 " → "3531"; empty when the input is not a Dutch postcode. */
  public static Optional<String> normalise(String input) {
    if (input == null) {
      return Optional.empty();
    }
    String compact = WHITESPACE.matcher(input).replaceAll("").toUpperCase(Locale.ROOT);
    return POSTCODE.matcher(compact).matches() ? Optional.of(compact) : Optional.empty();
  }

  /** Whether the input is a postcode with its two letters (PC6). */
  public static boolean isFull(String input) {
    return normalise(input).filter(postcode -> postcode.length() == 6).isPresent();
  }

  /** The four digits of a normalised postcode ("3531AB" → "3531"). */
  public static String pc4(String normalised) {
    return normalised.substring(0, 4);
  }
}
