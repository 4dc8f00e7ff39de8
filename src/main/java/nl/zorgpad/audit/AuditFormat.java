package nl.zorgpad.audit;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import nl.zorgpad.time.ZorgpadTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Times and durations as the audit pages and exports show them (Dutch, Europe/Amsterdam). */
@Component("auditFormat")
public class AuditFormat {

  /** Issue 15: the Dutch way, 2-12-2026 14:05 (Europe/Amsterdam). */
  static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d-M-yyyy HH:mm").withZone(ZorgpadTime.ZONE);

  /** For exports (CSV): to the second, as the access log records it (NEN 7513 evidence). */
  static final DateTimeFormatter EXACT_TIME =
      DateTimeFormatter.ofPattern("d-M-yyyy HH:mm:ss").withZone(ZorgpadTime.ZONE);

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d-M-yyyy");
  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final java.util.regex.Pattern ISO_INSTANT =
      java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+(Z|[+-]\\d{2}:?\\d{2})");

  private final MessageSource messages;
  private final FormLabels forms;

  AuditFormat(MessageSource messages, FormLabels forms) {
    this.messages = messages;
    this.forms = forms;
  }

  public String time(Instant instant) {
    return instant == null ? "" : TIME.format(instant);
  }

  /** {@link #time} with the seconds, for exports that are evidence (the CSV files). */
  public String exactTime(Instant instant) {
    return instant == null ? "" : EXACT_TIME.format(instant);
  }

  /** A day (2-12-2026), e.g. the period of the unusual-access review. */
  public String date(java.time.LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  /** The date of {@link #time} alone (2-12-2026), for a narrow column. */
  public String day(Instant instant) {
    return instant == null ? "" : DATE.withZone(ZorgpadTime.ZONE).format(instant);
  }

  /** The clock time of {@link #time} alone (14:05), for a narrow column. */
  public String clock(Instant instant) {
    return instant == null
        ? ""
        : DateTimeFormatter.ofPattern("HH:mm").withZone(ZorgpadTime.ZONE).format(instant);
  }

  /** A kind of step in Dutch ("exclusiveGateway" → "keuze"); the code when unknown. */
  public String activityType(String type) {
    return code("audit.activityType.", type);
  }

  /** A date or instant the engine holds as ISO text, in the Dutch format; else unchanged. */
  public String isoDateOrValue(String value) {
    try {
      if (ISO_DATE.matcher(value).matches()) {
        return DATE.format(java.time.LocalDate.parse(value));
      }
      if (ISO_INSTANT.matcher(value).matches()) {
        return TIME.format(java.time.OffsetDateTime.parse(value).toInstant());
      }
    } catch (java.time.format.DateTimeParseException e) {
      // not a date after all
    }
    return value;
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
    return millis < 60_000
        ? message("audit.duration.seconds", millis / 1000)
        : message("audit.duration.minutes", rest);
  }

  public String discipline(String discipline) {
    return discipline == null
        ? ""
        : messages.getMessage(
            "audit.discipline." + discipline, null, discipline, LocaleContextHolder.getLocale());
  }

  /** The consent basis of an access in Dutch ({@code consent:12} → "toestemming (12)"). */
  public String basis(String basis) {
    if (basis == null || basis.isBlank()) {
      return messages.getMessage("audit.basis.none", null, LocaleContextHolder.getLocale());
    }
    String[] parts = basis.split(":", 2);
    String text =
        messages.getMessage(
            "audit.basis." + parts[0], null, parts[0], LocaleContextHolder.getLocale());
    return parts.length == 2 ? text + " (" + parts[1] + ")" : text;
  }

  /** The part of the dossier an access-log record is about, in Dutch (code when unknown). */
  public String objectType(String objectType) {
    return objectType == null || objectType.isBlank()
        ? ""
        : messages.getMessage(
            "audit.object." + objectType, null, objectType, LocaleContextHolder.getLocale());
  }

  /**
   * The subject of a timeline line in Dutch: a variable by the label of its form field (with
   * its name, which is what the engine and the audit trail hold), an operation or the part of a
   * dossier by its Dutch name.
   */
  public String subject(TimelineEvent event) {
    String subject = event.subject();
    if (subject == null) {
      return "";
    }
    return switch (event.type()) {
      case VARIABLE_CHANGED -> {
        String label = forms.field(subject);
        yield label == null ? subject : label + " (" + subject + ")";
      }
      case OPERATION -> code("audit.operation.", subject);
      case ACCESS ->
          java.util.Arrays.stream(subject.split(","))
              .map(this::objectType)
              .collect(java.util.stream.Collectors.joining(", "));
      default -> subject;
    };
  }

  /** An old or new value of a timeline line in Dutch, where it is a code Zorgpad knows. */
  public String value(TimelineEvent event, String value) {
    if (value == null) {
      return "–";
    }
    return switch (event.type()) {
      case VARIABLE_CHANGED -> variableValue(event.subject(), value);
      case INCIDENT -> code("audit.incident.", value);
      case CONSENT -> code("audit.consent.", value);
      case ACCESS ->
          java.util.Arrays.stream(value.split(" · "))
              .map(
                  part ->
                      "NOOD".equals(part)
                          ? message("audit.access.emergencyFlag")
                          : code("audit.action.", part))
              .collect(java.util.stream.Collectors.joining(" · "));
      default -> value;
    };
  }

  /** The last column of a timeline line (besides the duration) in Dutch. */
  public String detail(TimelineEvent event) {
    String detail = event.detail();
    if (detail == null || detail.isBlank()) {
      return "";
    }
    return switch (event.type()) {
      case ACTIVITY, TIMER_FIRED -> code("audit.activityType.", detail);
      case OPERATION -> code("audit.entityType.", detail);
      case TASK_CLAIMED -> code("audit.operation.", detail);
      case TASK_CANCELLED, PROCESS_ENDED -> code("audit.deleteReason.", detail);
      case TASK_CREATED -> {
        try {
          yield message("audit.history.due", time(Instant.parse(detail)));
        } catch (java.time.format.DateTimeParseException e) {
          yield detail;
        }
      }
      case INCIDENT -> {
        int colon = detail.indexOf(": ");
        yield colon < 0
            ? code("audit.incidentType.", detail)
            : code("audit.incidentType.", detail.substring(0, colon)) + detail.substring(colon);
      }
      case ACCESS -> {
        String[] parts = detail.split(" · ");
        java.util.List<String> texts = new java.util.ArrayList<>();
        texts.add(code("audit.outcome.", parts[0]));
        if (parts.length > 1) {
          texts.add(code("audit.purpose.", parts[1]));
        }
        if (parts.length > 2) {
          texts.add(basis(parts[2]));
        }
        yield String.join(" · ", texts);
      }
      case CONSENT -> {
        String[] parts = detail.split(" · ", 2);
        yield discipline(parts[0]) + (parts.length > 1 ? " · " + parts[1] : "");
      }
      default -> detail;
    };
  }

  private String variableValue(String variable, String value) {
    if ("true".equals(value) || "false".equals(value)) {
      return message("true".equals(value) ? "audit.yes" : "audit.no");
    }
    String option = forms.option(variable, value);
    if (option != null) {
      return option;
    }
    // a list of codes (checklist, taglist) as the engine stores it: ["jgz","kraamzorg"]
    if (value.startsWith("[") && value.endsWith("]") && value.length() > 2) {
      String[] items = value.substring(1, value.length() - 1).split(",");
      java.util.List<String> labels = new java.util.ArrayList<>();
      for (String item : items) {
        String code = item.strip().replaceAll("^\"|\"$", "");
        String label = forms.option(variable, code);
        if (label == null) {
          return value;
        }
        labels.add(label);
      }
      return String.join(", ", labels);
    }
    return isoDateOrValue(value);
  }

  /** The Dutch text of a code ({@code prefix + code} in the messages), else the code itself. */
  private String code(String prefix, String code) {
    return messages.getMessage(prefix + code, null, code, LocaleContextHolder.getLocale());
  }

  public String message(String key, Object... args) {
    return messages.getMessage(key, args, LocaleContextHolder.getLocale());
  }
}
