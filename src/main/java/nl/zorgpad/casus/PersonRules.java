package nl.zorgpad.casus;

import java.util.List;
import java.util.regex.Pattern;

/** Checks shared by the mother's and the child's dossier. */
final class PersonRules {

  private static final Pattern NAME = Pattern.compile("^[\\p{L} .'-]{1,100}$");
  private static final Pattern NINE_DIGITS = Pattern.compile("^\\d{9}$");

  private PersonRules() {}

  static void checkName(String field, String name, List<Violation> violations) {
    if (name != null && !NAME.matcher(name).matches()) {
      violations.add(
          new Violation(
              field,
              "must be letters, spaces, hyphens or apostrophes",
              "violation.person.name.invalid"));
    }
  }

  static void checkBsn(String bsn, List<Violation> violations) {
    if (bsn != null && !(NINE_DIGITS.matcher(bsn).matches() && SignalRules.looksLikeBsn(bsn))) {
      violations.add(new Violation("bsn", "fails the eleven test", "violation.person.bsn.invalid"));
    }
  }
}
