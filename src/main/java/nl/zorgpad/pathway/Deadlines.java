package nl.zorgpad.pathway;

import static nl.zorgpad.time.ZorgpadTime.ZONE;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import nl.zorgpad.modelpolicy.PathwayBean;
import nl.zorgpad.modelpolicy.PathwayCallable;
import org.springframework.stereotype.Component;

/**
 * Due dates and timers of the pathways, in Dutch working days ({@link WorkingDays}), measured on
 * the engine's clock so that process tests can move time. Used from BPMN as {@code ${deadlines}}:
 * {@code camunda:dueDate="${deadlines.inWorkingDays(2)}"},
 * {@code <timeDate>${deadlines.handoverReminder()}</timeDate>}.
 */
@PathwayBean
@Component("deadlines")
public class Deadlines {

  /** The pathways run in Dutch time. */
  /** A deadline on a date without a time of day falls at the end of that working day. */
  static final LocalTime END_OF_WORKING_DAY = LocalTime.of(17, 0);

  /** Timers on a calendar date fire at the start of that day's working hours. */
  static final LocalTime START_OF_WORKING_DAY = LocalTime.of(9, 0);

  /** The least time participants get to prepare an MDO planned at short notice. */
  static final java.time.Duration MDO_MIN_PREPARATION = java.time.Duration.ofHours(2);

  private final DeadlineProperties properties;

  public Deadlines(DeadlineProperties properties) {
    this.properties = properties;
  }

  /** Deadlines with the documented defaults (plain-engine tests, tools). */
  public static Deadlines withDefaults() {
    return new Deadlines(new DeadlineProperties(3, 5, 20));
  }

  /** Now, on the engine's clock, in Dutch time. */
  public ZonedDateTime now() {
    return ZonedDateTime.now(EngineClock.ENGINE);
  }

  /** The same time of day, {@code workingDays} Dutch working days from now. */
  @PathwayCallable
  public Date inWorkingDays(int workingDays) {
    ZonedDateTime now = now();
    LocalDate day = WorkingDays.plusWorkingDays(now.toLocalDate(), workingDays);
    return Date.from(now.with(day).toInstant());
  }

  /**
   * The end of the working day {@code workingDays} working days after a date, for deadlines that
   * follow a date entered in a form (e.g. report two working days after the planned visit).
   *
   * @param date an ISO date string ("yyyy-MM-dd", as form-js submits it), a {@link Date} or a
   *     {@link LocalDate}
   */
  @PathwayCallable
  public Date workingDaysAfter(Object date, int workingDays) {
    LocalDate start = toLocalDate(date);
    LocalDate day = WorkingDays.plusWorkingDays(start, workingDays);
    return Date.from(day.atTime(END_OF_WORKING_DAY).atZone(ZONE).toInstant());
  }

  /**
   * When the preparation of an MDO lapses: the end of the MDO day (17:00), but never less than
   * {@link #MDO_MIN_PREPARATION} from now — an MDO planned today after 17:00, or in the past,
   * still gets its preparation tasks instead of losing them in the same second (issue 11).
   *
   * @param meetingDate the MDO's date (ISO string, {@link Date} or {@link LocalDate})
   */
  @PathwayCallable
  public Date mdoPreparationEnd(Object meetingDate) {
    ZonedDateTime endOfDay = toLocalDate(meetingDate).atTime(END_OF_WORKING_DAY).atZone(ZONE);
    ZonedDateTime earliest = now().plus(MDO_MIN_PREPARATION);
    return Date.from((endOfDay.isBefore(earliest) ? earliest : endOfDay).toInstant());
  }

  /**
   * When the sender of a warm handover is reminded that the recipient has not confirmed contact:
   * {@code zorgpad.deadlines.handover-reminder-working-days} (default 3) working days from now.
   */
  @PathwayCallable
  public Date handoverReminder() {
    return inWorkingDays(properties.handoverReminderWorkingDays());
  }

  public int handoverReminderWorkingDays() {
    return properties.handoverReminderWorkingDays();
  }

  /**
   * When a warm handover without confirmed contact goes to the regiehouder (issue 3, item 3):
   * {@code zorgpad.deadlines.handover-escalation-working-days} (default 5) working days from now.
   */
  @PathwayCallable
  public Date handoverEscalation() {
    return inWorkingDays(properties.handoverEscalationWorkingDays());
  }

  /**
   * When a refused consent is asked again, if the client agreed to be asked later:
   * {@code zorgpad.deadlines.consent-ask-again-working-days} (default 20) working days from now.
   */
  @PathwayCallable
  public Date consentAskAgain() {
    return inWorkingDays(properties.consentAskAgainWorkingDays());
  }

  /**
   * 09:00 (start of the working day) on the calendar day {@code days} days after a date: timers
   * that follow the pregnancy or the child's age (due date + 3 weeks, contact moment on day 56,
   * the first birthday), which count calendar days, not working days.
   */
  @PathwayCallable
  public Date daysAfter(Object date, long days) {
    return Date.from(
        toLocalDate(date).plusDays(days).atTime(START_OF_WORKING_DAY).atZone(ZONE).toInstant());
  }

  /** 09:00 on the child's first birthday (29 February: 28 February of the next year). */
  @PathwayCallable
  public Date firstBirthday(Object birthDate) {
    return Date.from(
        toLocalDate(birthDate).plusYears(1).atTime(START_OF_WORKING_DAY).atZone(ZONE).toInstant());
  }

  /**
   * The end of the working day {@code workingDays} working days after the calendar day
   * {@code days} days after a date: the due date of a contact moment on day {@code days}.
   */
  @PathwayCallable
  public Date workingDaysAfterDay(Object date, long days, int workingDays) {
    return workingDaysAfter(toLocalDate(date).plusDays(days), workingDays);
  }

  static LocalDate toLocalDate(Object date) {
    if (date instanceof LocalDate localDate) {
      return localDate;
    }
    if (date instanceof Date utilDate) {
      return utilDate.toInstant().atZone(ZONE).toLocalDate();
    }
    if (date instanceof String text && text.length() >= 10) {
      try {
        return LocalDate.parse(text.substring(0, 10));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not an ISO date: " + text, e);
      }
    }
    throw new IllegalArgumentException("not a date: " + date);
  }
}
