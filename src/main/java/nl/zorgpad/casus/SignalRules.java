package nl.zorgpad.casus;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.postcode.Postcode;

/**
 * The rules a signal must meet before a case is opened. Pure: the JPA service and the in-memory
 * registry of the process tests apply the same rules.
 */
public final class SignalRules {

  /** Letters, digits and hyphens only: room for a dossier number, not for a name or address. */
  public static final Pattern CLIENT_REFERENCE = Pattern.compile("^[A-Za-z0-9-]{3,30}$");

  public static final int MIN_GESTATIONAL_AGE_WEEKS = 4;
  public static final int MAX_GESTATIONAL_AGE_WEEKS = 42;

  /** How far the due date and the gestational age may disagree (weeks): typos, not dating. */
  static final int GESTATION_TOLERANCE_WEEKS = 3;

  static final int TERM_WEEKS = 40;

  /** A due date further back than this cannot belong to an ongoing pregnancy. */
  static final int DUE_DATE_MAX_WEEKS_PAST = 6;

  private static final Pattern DIGITS_ONLY = Pattern.compile("^\\d{8,9}$");
  private static final Pattern DATE_LIKE =
      Pattern.compile("^(\\d{1,2}-\\d{1,2}-\\d{2,4}|\\d{4}-\\d{1,2}-\\d{1,2})$");

  private SignalRules() {}

  /** Every rule the signal breaks, in form order; empty when the signal may open a case. */
  public static List<Violation> check(Signal signal, LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    checkClientReference(signal.clientReference(), violations);
    boolean dueDateValid = checkDueDate(signal.dueDate(), today, violations);
    boolean ageValid = checkGestationalAge(signal.gestationalAgeWeeks(), violations);
    if (dueDateValid && ageValid) {
      checkConsistency(signal.dueDate(), signal.gestationalAgeWeeks(), today, violations);
    }
    checkRiskDomains(signal.riskDomains(), violations);
    checkDiscipline(signal.signallingDiscipline(), violations);
    return violations;
  }

  /** The risk-domain codes without duplicates, in the order given. */
  public static List<String> distinctRiskDomains(Signal signal) {
    return List.copyOf(new LinkedHashSet<>(signal.riskDomains()));
  }

  private static void checkClientReference(String reference, List<Violation> violations) {
    if (reference == null || reference.isBlank()) {
      violations.add(
          new Violation(
              "clientReference", "is required", "violation.signal.clientReference.required"));
    } else if (!CLIENT_REFERENCE.matcher(reference).matches()) {
      violations.add(
          new Violation(
              "clientReference",
              "must match " + CLIENT_REFERENCE.pattern(),
              "violation.signal.clientReference.format"));
    } else if (looksLikeBsn(reference)) {
      // a BSN passes the pattern; the eleven test catches it (and, rarely, a dossier number)
      violations.add(
          new Violation(
              "clientReference",
              "looks like a BSN (passes the eleven test)",
              "violation.signal.clientReference.looksLikeBsn"));
    } else if (DATE_LIKE.matcher(reference).matches()) {
      violations.add(
          new Violation(
              "clientReference",
              "looks like a date (of birth)",
              "violation.signal.clientReference.looksLikeDate"));
    } else if (Postcode.isFull(reference.replace('-', ' '))) {
      // the one postcode rule (nl.zorgpad.postcode): "3531AB" and "3531-ab" are postcodes
      violations.add(
          new Violation(
              "clientReference",
              "looks like a postcode",
              "violation.signal.clientReference.looksLikePostcode"));
    }
  }

  /** The BSN eleven test (elfproef) on 8- or 9-digit strings. */
  static boolean looksLikeBsn(String value) {
    if (!DIGITS_ONLY.matcher(value).matches()) {
      return false;
    }
    String nineDigits = value.length() == 8 ? "0" + value : value;
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (nineDigits.charAt(i) - '0') * (9 - i);
    }
    sum -= nineDigits.charAt(8) - '0';
    return sum != 0 && sum % 11 == 0;
  }

  private static boolean checkDueDate(
      LocalDate dueDate, LocalDate today, List<Violation> violations) {
    if (dueDate == null) {
      violations.add(
          new Violation(
              "dueDate", "is required (ISO date yyyy-MM-dd)", "violation.signal.dueDate.required"));
      return false;
    }
    if (dueDate.isBefore(today.minusWeeks(DUE_DATE_MAX_WEEKS_PAST))) {
      violations.add(
          new Violation(
              "dueDate", "lies too far in the past", "violation.signal.dueDate.tooFarInPast"));
      return false;
    }
    if (dueDate.isAfter(today.plusWeeks(TERM_WEEKS))) {
      violations.add(
          new Violation(
              "dueDate", "lies more than 40 weeks ahead", "violation.signal.dueDate.tooFarAhead"));
      return false;
    }
    return true;
  }

  private static boolean checkGestationalAge(Integer weeks, List<Violation> violations) {
    if (weeks == null) {
      violations.add(
          new Violation(
              "gestationalAgeWeeks",
              "is required (whole weeks)",
              "violation.signal.gestationalAgeWeeks.required"));
      return false;
    }
    if (weeks < MIN_GESTATIONAL_AGE_WEEKS || weeks > MAX_GESTATIONAL_AGE_WEEKS) {
      violations.add(
          new Violation(
              "gestationalAgeWeeks",
              "must be between " + MIN_GESTATIONAL_AGE_WEEKS + " and " + MAX_GESTATIONAL_AGE_WEEKS,
              "violation.signal.gestationalAgeWeeks.outOfRange",
              MIN_GESTATIONAL_AGE_WEEKS,
              MAX_GESTATIONAL_AGE_WEEKS));
      return false;
    }
    return true;
  }

  private static void checkConsistency(
      LocalDate dueDate, int weeks, LocalDate today, List<Violation> violations) {
    long daysToDueDate = ChronoUnit.DAYS.between(today, dueDate);
    double expectedWeeks = TERM_WEEKS - daysToDueDate / 7.0;
    if (Math.abs(expectedWeeks - weeks) > GESTATION_TOLERANCE_WEEKS) {
      violations.add(
          new Violation(
              "gestationalAgeWeeks",
              "does not match the due date (expected about " + Math.round(expectedWeeks) + ")",
              "violation.signal.gestationalAgeWeeks.notNearDueDate",
              Math.round(expectedWeeks)));
    }
  }

  private static void checkRiskDomains(List<String> riskDomains, List<Violation> violations) {
    if (riskDomains.isEmpty()) {
      violations.add(
          new Violation(
              "riskDomains",
              "needs at least one risk domain",
              "violation.signal.riskDomains.required"));
      return;
    }
    List<String> unknown =
        riskDomains.stream().filter(code -> RiskDomain.fromCode(code).isEmpty()).toList();
    if (!unknown.isEmpty()) {
      violations.add(
          new Violation(
              "riskDomains",
              "has unknown codes " + unknown,
              "violation.signal.riskDomains.unknown"));
    }
  }

  private static void checkDiscipline(String discipline, List<Violation> violations) {
    if (discipline == null || !Disciplines.SIGNALLING.contains(discipline)) {
      violations.add(
          new Violation(
              "signallingDiscipline",
              "must be one of " + Disciplines.SIGNALLING,
              "violation.signal.signallingDiscipline.unknown"));
    }
  }
}
