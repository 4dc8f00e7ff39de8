package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What the child's dossier page submits; a birth date makes a prenatal dossier a born child's. */
public record ChildDetails(String givenName, String familyName, String bsn, LocalDate birthDate) {

  public ChildDetails {
    givenName = ClientDetails.clean(givenName);
    familyName = ClientDetails.clean(familyName);
    bsn = ClientDetails.clean(bsn);
  }

  public List<Violation> check(LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    PersonRules.checkName("givenName", givenName, violations);
    PersonRules.checkName("familyName", familyName, violations);
    PersonRules.checkBsn(bsn, violations);
    if (birthDate != null
        && (birthDate.isAfter(today) || birthDate.isBefore(today.minusYears(5)))) {
      violations.add(
          new Violation(
              "birthDate", "is not a plausible birth date", "violation.child.birthDate.invalid"));
    }
    return violations;
  }
}
