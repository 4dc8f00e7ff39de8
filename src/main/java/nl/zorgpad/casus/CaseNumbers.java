package nl.zorgpad.casus;

import java.util.regex.Pattern;

/**
 * Case numbers: {@code ZP-<year>-<sequence>}, for example {@code ZP-2026-00001}; the sequence
 * restarts every calendar year (Europe/Amsterdam) and grows beyond five digits if it must. The
 * case number is the business key of every process instance of the case.
 */
public final class CaseNumbers {

  public static final String PREFIX = "ZP";
  public static final Pattern PATTERN = Pattern.compile("^ZP-\\d{4}-\\d{5,}$");

  private CaseNumbers() {}

  public static String format(int year, int sequence) {
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1");
    }
    return String.format("%s-%04d-%05d", PREFIX, year, sequence);
  }

  public static boolean isValid(String caseNumber) {
    return caseNumber != null && PATTERN.matcher(caseNumber).matches();
  }
}
