package nl.zorgpad.pathway;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.util.Set;

/**
 * Dutch working days: Monday to Friday, without the national public holidays that are a day off
 * in most collective agreements (New Year, Easter Monday, King's Day, Ascension Day, Whit Monday,
 * Christmas). Good Friday and Liberation Day (5 May) are a day off only in some agreements and
 * count as working days here.
 */
public final class WorkingDays {

  private WorkingDays() {}

  public static boolean isWorkingDay(LocalDate date) {
    DayOfWeek day = date.getDayOfWeek();
    return day != DayOfWeek.SATURDAY
        && day != DayOfWeek.SUNDAY
        && !publicHolidays(date.getYear()).contains(date);
  }

  /** The date {@code workingDays} working days after {@code start} (0: {@code start} itself). */
  public static LocalDate plusWorkingDays(LocalDate start, int workingDays) {
    if (workingDays < 0) {
      throw new IllegalArgumentException("working days must not be negative");
    }
    LocalDate date = start;
    int remaining = workingDays;
    while (remaining > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        remaining--;
      }
    }
    return date;
  }

  /** Public holidays of a year that fall on a weekday or not. */
  static Set<LocalDate> publicHolidays(int year) {
    LocalDate easter = easterSunday(year);
    LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
    if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
      kingsDay = kingsDay.minusDays(1);
    }
    return Set.of(
        LocalDate.of(year, Month.JANUARY, 1),
        easter.plusDays(1),
        kingsDay,
        easter.plusDays(39),
        easter.plusDays(50),
        LocalDate.of(year, Month.DECEMBER, 25),
        LocalDate.of(year, Month.DECEMBER, 26));
  }

  /** Easter Sunday (Gregorian calendar; anonymous algorithm of Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
