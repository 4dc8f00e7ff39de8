package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.zorgpad.postcode.Postcode;

/**
 * What the page "Cliëntgegevens" submits about the mother. Everything is optional (a caregiver
 * records what she knows), but what is given must be valid.
 */
public record ClientDetails(
    String givenName,
    String familyName,
    String bsn,
    LocalDate birthDate,
    String street,
    String houseNumber,
    String postcode,
    String city,
    String phone) {

  private static final Pattern PHONE = Pattern.compile("^[0-9 +()-]{6,30}$");

  public ClientDetails {
    givenName = clean(givenName);
    familyName = clean(familyName);
    bsn = clean(bsn);
    street = clean(street);
    houseNumber = clean(houseNumber);
    postcode = normalisePostcode(postcode);
    city = clean(city);
    phone = clean(phone);
  }

  static String clean(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** "3531 ab" → "3531AB" ({@link Postcode}, the one postcode rule); other text is kept. */
  static String normalisePostcode(String postcode) {
    String cleaned = clean(postcode);
    return cleaned == null
        ? null
        : Postcode.normalise(cleaned).orElse(cleaned.replace(" ", "").toUpperCase(Locale.ROOT));
  }

  /** The Dutch message for a postcode that is not PC4 or PC6 (one text for page and signal). */
  static Violation invalidPostcode(String field) {
    return new Violation(
        field,
        "must be a Dutch postcode (4 digits, optionally 2 letters)",
        "violation.client.postcode.invalid");
  }

  public List<Violation> check(LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    PersonRules.checkName("givenName", givenName, violations);
    PersonRules.checkName("familyName", familyName, violations);
    PersonRules.checkBsn(bsn, violations);
    if (birthDate != null
        && (birthDate.isAfter(today) || birthDate.isBefore(today.minusYears(70)))) {
      violations.add(
          new Violation(
              "birthDate", "is not a plausible birth date", "violation.client.birthDate.invalid"));
    }
    if (postcode != null && Postcode.normalise(postcode).isEmpty()) {
      violations.add(invalidPostcode("postcode"));
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      violations.add(
          new Violation("phone", "must be a phone number", "violation.client.phone.invalid"));
    }
    for (String[] field :
        new String[][] {{"street", street}, {"houseNumber", houseNumber}, {"city", city}}) {
      if (field[1] != null && field[1].length() > 100) {
        violations.add(new Violation(field[0], "is too long", "violation.client.address.tooLong"));
      }
    }
    return violations;
  }
}
