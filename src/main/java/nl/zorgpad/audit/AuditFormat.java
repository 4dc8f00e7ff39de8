package nl.zorgpad.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times and durations as the audit pages and exports show them (Dutch, Europe/Amsterdam). */
@Component("auditFormat")
public class AuditFormat {

  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss").withZone(CaseHistoryService.ZONE);

  private final MessageSource messages;

  AuditFormat(MessageSource messages) {
    this.messages = messages;
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  public String duration(Long millis) {
    if (millis == null) {
      return "";
    }
    long minutes = millis / 60_000;
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long rest = minutes % 60;
    if (days > 0) {
      return message("audit.duration.days", days, hours, rest);
    }
    if (hours > 0) {
      return message("audit.duration.hours", hours, rest);
    }
    return millis < 60_000 ? message("audit.duration.seconds", millis / 1000)
        : message("audit.duration.minutes", rest);
  }

  public String discipline(String discipline) {
    return discipline == null ? "" : messages.getMessage("audit.discipline." + discipline, null,
        discipline, LocaleContextHolder.getLocale());
  }

  /** The consent basis of an access in Dutch ({@code consent:12} → "toestemming (12)"). */
  public String basis(String basis) {
    if (basis == null || basis.isBlank()) {
      return messages.getMessage("audit.basis.none", null, LocaleContextHolder.getLocale());
    }
    String[] parts = basis.split(":", 2);
    String text = messages.getMessage("audit.basis." + parts[0], null, parts[0],
        LocaleContextHolder.getLocale());
    return parts.length == 2 ? text + " (" + parts[1] + ")" : text;
  }

  public String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
