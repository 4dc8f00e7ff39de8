package nl.zorgpad.socialmap;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** Postcodes a neighbourhood covers, from and to inclusive (see {@link Postcodes}). */
@Embeddable
public class PostcodeRange {

  @Column(name = "lower_bound", nullable = false, length = 6)
  private String fromPostcode;

  @Column(name = "upper_bound", nullable = false, length = 6)
  private String toPostcode;

  @Column(name = "lower_key", nullable = false, length = 6)
  private String fromKey;

  @Column(name = "upper_key", nullable = false, length = 6)
  private String toKey;

  protected PostcodeRange() {}

  /** Both bounds normalised ({@link Postcodes#normalise}). */
  PostcodeRange(String fromPostcode, String toPostcode) {
    this.fromPostcode = fromPostcode;
    this.toPostcode = toPostcode;
    this.fromKey = Postcodes.lowerKey(fromPostcode);
    this.toKey = Postcodes.upperKey(toPostcode);
  }

  public String getFromPostcode() {
    return fromPostcode;
  }

  public String getToPostcode() {
    return toPostcode;
  }

  String getFromKey() {
    return fromKey;
  }

  String getToKey() {
    return toKey;
  }

  boolean overlaps(PostcodeRange other) {
    return fromKey.compareTo(other.toKey) <= 0 && other.fromKey.compareTo(toKey) <= 0;
  }

  /** "3531-3534", "3551AA-3551KZ" or "3560" (a range of one). */
  @Override
  public String toString() {
    return fromPostcode.equals(toPostcode) ? fromPostcode : fromPostcode + "-" + toPostcode;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PostcodeRange other
        && fromKey.equals(other.fromKey)
        && toKey.equals(other.toKey)
        && fromPostcode.equals(other.fromPostcode)
        && toPostcode.equals(other.toPostcode);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fromPostcode, toPostcode);
  }
}
