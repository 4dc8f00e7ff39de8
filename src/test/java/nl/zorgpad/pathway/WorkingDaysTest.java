package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

  @Test
  void weekendIsSkipped() {
    LocalDate friday = LocalDate.of(2026, 3, 6);
    assertThat(WorkingDays.plusWorkingDays(friday, 1)).isEqualTo(LocalDate.of(2026, 3, 9));
    assertThat(WorkingDays.plusWorkingDays(friday, 3)).isEqualTo(LocalDate.of(2026, 3, 11));
    assertThat(WorkingDays.plusWorkingDays(friday, 0)).isEqualTo(friday);
  }

  @Test
  void fromSaturdayTheFirstWorkingDayIsMonday() {
    assertThat(WorkingDays.plusWorkingDays(LocalDate.of(2026, 3, 7), 1))
        .isEqualTo(LocalDate.of(2026, 3, 9));
  }

  @Test
  void easterSundayIsComputed() {
    assertThat(WorkingDays.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(WorkingDays.easterSunday(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
    assertThat(WorkingDays.easterSunday(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
    assertThat(WorkingDays.easterSunday(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
  }

  @Test
  void dutchPublicHolidaysAreNoWorkingDays() {
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 1, 1))).isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 6))).as("Easter Monday").isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 27))).as("King's Day").isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 14))).as("Ascension").isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 25))).as("Whit Monday").isFalse();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 25))).isFalse();
    // Good Friday and Liberation Day are a day off only in some agreements
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3))).as("Good Friday").isTrue();
    assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 5, 5))).as("5 May").isTrue();
  }

  @Test
  void kingsDayOnSundayMovesToSaturday() {
    assertThat(WorkingDays.publicHolidays(2025))
        .contains(LocalDate.of(2025, 4, 26))
        .doesNotContain(LocalDate.of(2025, 4, 27));
  }

  @Test
  void holidaysAreSkipped() {
    // Friday before King's Day (Monday 27 April 2026)
    assertThat(WorkingDays.plusWorkingDays(LocalDate.of(2026, 4, 24), 1))
        .isEqualTo(LocalDate.of(2026, 4, 28));
    // Christmas Eve 2026 is a Thursday: Christmas Friday, weekend, then Monday 28th
    assertThat(WorkingDays.plusWorkingDays(LocalDate.of(2026, 12, 24), 1))
        .isEqualTo(LocalDate.of(2026, 12, 28));
  }

  @Test
  void negativeWorkingDaysAreRefused() {
    assertThatThrownBy(() -> WorkingDays.plusWorkingDays(LocalDate.of(2026, 1, 5), -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
