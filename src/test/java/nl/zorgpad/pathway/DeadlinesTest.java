package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

  static final ZonedDateTime FRIDAY_14H =
      LocalDateTime.of(2026, 3, 6, 14, 0).atZone(ZorgpadTime.ZONE);

  Deadlines deadlines = Deadlines.withDefaults();

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void inWorkingDaysKeepsTheTimeOfDayOnTheEngineClock() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_14H.toInstant()));

    assertThat(deadlines.inWorkingDays(2)).isEqualTo(Date.from(FRIDAY_14H.plusDays(4).toInstant()));
    assertThat(deadlines.now()).isEqualTo(FRIDAY_14H);
  }

  @Test
  void handoverReminderDefaultsToThreeWorkingDays() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_14H.toInstant()));

    assertThat(deadlines.handoverReminderWorkingDays()).isEqualTo(3);
    assertThat(deadlines.handoverReminder())
        .isEqualTo(Date.from(FRIDAY_14H.plusDays(5).toInstant()));
  }

  @Test
  void handoverReminderIsConfigurable() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_14H.toInstant()));

    Deadlines fiveDays = new Deadlines(new DeadlineProperties(5));

    assertThat(fiveDays.handoverReminder())
        .isEqualTo(Date.from(FRIDAY_14H.plusDays(7).toInstant()));
    assertThatThrownBy(() -> new DeadlineProperties(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void escalationAndAskingAgainAreConfigurableAndEscalationComesAfterTheReminder() {
    ClockUtil.setCurrentTime(Date.from(FRIDAY_14H.toInstant()));

    assertThat(deadlines.handoverEscalation())
        .as("5 working days from a Friday: the next Friday")
        .isEqualTo(Date.from(FRIDAY_14H.plusDays(7).toInstant()));
    assertThat(deadlines.consentAskAgain())
        .as("20 working days: four weeks")
        .isEqualTo(Date.from(FRIDAY_14H.plusDays(28).toInstant()));
    Deadlines tuned = new Deadlines(new DeadlineProperties(2, 4, 10));
    assertThat(tuned.handoverEscalation()).isEqualTo(Date.from(FRIDAY_14H.plusDays(6).toInstant()));
    assertThat(tuned.consentAskAgain()).isEqualTo(Date.from(FRIDAY_14H.plusDays(14).toInstant()));
    assertThatThrownBy(() -> new DeadlineProperties(3, 3, 20))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reminded first");
    assertThatThrownBy(() -> new DeadlineProperties(3, 5, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void datesOfThePregnancyAndTheChildCountCalendarDays() {
    assertThat(deadlines.daysAfter("2026-07-20", 21))
        .isEqualTo(
            Date.from(LocalDateTime.of(2026, 8, 10, 9, 0).atZone(ZorgpadTime.ZONE).toInstant()));
    assertThat(deadlines.firstBirthday("2028-02-29"))
        .as("29 February: 28 February")
        .isEqualTo(
            Date.from(LocalDateTime.of(2029, 2, 28, 9, 0).atZone(ZorgpadTime.ZONE).toInstant()));
    // day 4 after Saturday 18 July is Wednesday 22 July; five working days later, 17:00
    assertThat(deadlines.workingDaysAfterDay("2026-07-18", 4, 5))
        .isEqualTo(
            Date.from(LocalDateTime.of(2026, 7, 29, 17, 0).atZone(ZorgpadTime.ZONE).toInstant()));
  }

  @Test
  void workingDaysAfterAFormDateEndAtTheEndOfTheWorkingDay() {
    Date expected =
        Date.from(LocalDateTime.of(2026, 3, 10, 17, 0).atZone(ZorgpadTime.ZONE).toInstant());

    assertThat(deadlines.workingDaysAfter("2026-03-06", 2)).isEqualTo(expected);
    assertThat(deadlines.workingDaysAfter(LocalDate.of(2026, 3, 6), 2)).isEqualTo(expected);
    assertThat(deadlines.workingDaysAfter(Date.from(FRIDAY_14H.toInstant()), 2))
        .isEqualTo(expected);
    assertThatThrownBy(() -> deadlines.workingDaysAfter("volgende week", 2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void daylightSavingTimeKeepsTheLocalTime() {
    // clocks go forward on Sunday 29 March 2026
    ZonedDateTime friday = LocalDateTime.of(2026, 3, 27, 9, 0).atZone(ZorgpadTime.ZONE);
    ClockUtil.setCurrentTime(Date.from(friday.toInstant()));

    assertThat(deadlines.inWorkingDays(1))
        .isEqualTo(
            Date.from(LocalDateTime.of(2026, 3, 30, 9, 0).atZone(ZorgpadTime.ZONE).toInstant()));
  }
}
