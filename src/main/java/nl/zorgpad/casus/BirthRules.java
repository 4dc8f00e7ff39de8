package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The child's birth date as reported by the midwife, kraamzorg or regiehouder: a date that has
 * passed and fits the pregnancy (from 16 weeks before to 6 weeks after the due date; a birth
 * before 24 weeks ends the pregnancy pathway instead).
 */
public final class BirthRules {

  static final int WEEKS_BEFORE_DUE_DATE = 16;
  static final int WEEKS_AFTER_DUE_DATE = 6;

  private BirthRules() {}

  public static List<Violation> check(LocalDate birthDate, LocalDate dueDate, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (birthDate == null) {
      violations.add(
          new Violation(
              "birthDate", "is required (ISO date)", "violation.birth.birthDate.required"));
      return violations;
    }
    if (birthDate.isAfter(today)) {
      violations.add(
          new Violation("birthDate", "is in the future", "violation.birth.birthDate.inFuture"));
    }
    if (dueDate != null
        && (birthDate.isBefore(dueDate.minusWeeks(WEEKS_BEFORE_DUE_DATE))
            || birthDate.isAfter(dueDate.plusWeeks(WEEKS_AFTER_DUE_DATE)))) {
      violations.add(
          new Violation(
              "birthDate",
              "does not fit the due date " + dueDate,
              "violation.birth.birthDate.notNearDueDate",
              dueDate));
    }
    return violations;
  }
}
