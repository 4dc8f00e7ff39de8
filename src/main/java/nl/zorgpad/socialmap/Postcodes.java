package nl.zorgpad.socialmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.zorgpad.postcode.Postcode;

/**
 * Postcode ranges of the sociale kaart; the rule for one postcode is {@link Postcode} (shared
 * with the dossier and the signal).
 *
 * <p>A range covers everything from its lower to its upper bound. A bound without letters covers
 * its whole PC4 area: 3531–3534 is 3531AA up to and including 3534ZZ. Ranges are compared on
 * six-character keys (the bound padded with AA or ZZ).
 */
public final class Postcodes {

  /** Hyphen, en dash or em dash between the bounds of a range. */
  private static final Pattern RANGE_SEPARATOR = Pattern.compile("[-\u2013\u2014]");

  private Postcodes() {}

  /** The lowest six-character key a normalised postcode stands for (3531 → 3531AA). */
  static String lowerKey(String normalised) {
    return normalised.length() == 4 ? normalised + "AA" : normalised;
  }

  /** The highest six-character key a normalised postcode stands for (3531 → 3531ZZ). */
  static String upperKey(String normalised) {
    return normalised.length() == 4 ? normalised + "ZZ" : normalised;
  }

  /** "3531AB" → "3531 AB" (how the Dutch write it); "3531" stays. */
  public static String display(String normalised) {
    if (normalised == null || normalised.length() != 6) {
      return normalised;
    }
    return normalised.substring(0, 4) + " " + normalised.substring(4);
  }

  /**
   * Parses a list of ranges separated by commas (or semicolons): "3531-3534, 3551AA-3551KZ, 3560".
   * A single postcode is a range of one. Spaces inside a postcode are allowed ("3531 AB - 3531 ZZ").
   *
   * @throws InvalidRangeException with the offending part when a part is not a valid range
   */
  public static List<PostcodeRange> parseRanges(String text) {
    List<PostcodeRange> ranges = new ArrayList<>();
    if (text == null) {
      return ranges;
    }
    for (String part : text.split("[,;]")) {
      String trimmed = part.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] bounds = RANGE_SEPARATOR.split(trimmed, -1);
      if (bounds.length > 2) {
        throw new InvalidRangeException(trimmed, false);
      }
      Optional<String> from = Postcode.normalise(bounds[0]);
      Optional<String> to = bounds.length == 2 ? Postcode.normalise(bounds[1]) : from;
      if (from.isEmpty() || to.isEmpty()) {
        throw new InvalidRangeException(trimmed, false);
      }
      PostcodeRange range = new PostcodeRange(from.get(), to.get());
      if (range.getFromKey().compareTo(range.getToKey()) > 0) {
        throw new InvalidRangeException(trimmed, true);
      }
      ranges.add(range);
    }
    return ranges;
  }

  /** Ranges written back the way {@link #parseRanges} reads them: "3531-3534, 3551AA-3551KZ". */
  public static String formatRanges(List<PostcodeRange> ranges) {
    List<String> parts = new ArrayList<>();
    for (PostcodeRange range : ranges) {
      parts.add(range.toString());
    }
    return String.join(", ", parts);
  }

  /** A part of a range list that is not a valid postcode range. */
  public static final class InvalidRangeException extends IllegalArgumentException {

    private final String part;
    private final boolean reversed;

    InvalidRangeException(String part, boolean reversed) {
      super("Invalid postcode range: " + part);
      this.part = part;
      this.reversed = reversed;
    }

    /** The part as the user wrote it. */
    public String part() {
      return part;
    }

    /** The bounds are valid postcodes but the lower one comes after the upper one. */
    public boolean reversed() {
      return reversed;
    }
  }
}
