package nl.zorgpad.caseview;

import static nl.zorgpad.time.ZorgpadTime.ZONE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Dates and times as Dutch pages show them, in Dutch time: {@code ${@zpTime.format(instant)}}. */
@Component("zpTime")
public class DutchTime {

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

  public String format(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant.atZone(ZONE));
  }

  public String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }
}
