package nl.zorgpad.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The anonymised timeline of one case for a wijknetwerk's casuïstiekbespreking (as Kansrijk
 * Lombok reviewed 12 cases by hand): disciplines, steps and time spans only. Left out: the case
 * number, the client reference and every dossier field, user names (replaced by their
 * discipline), calendar dates (replaced by "day N" from the first event), free-text values and
 * incident messages. Variable values are shown only when they are codes (true/false, numbers,
 * short identifiers), which is what process variables hold by design.
 */
@Service
class CaseReviewExport {

  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,40}");

  /** Dates and case numbers identify a client even without her name. */
  private static final Pattern IDENTIFYING =
      Pattern.compile(".*(\\d{4}-\\d{2}-\\d{2}|\\d{2}-\\d{2}-\\d{4}|ZP-\\d+).*");

  private static final java.util.Set<String> LEFT_OUT_VARIABLES =
      java.util.Set.of("caseNumber", "businessKey", "clientReference");

  private final CaseHistoryService history;
  private final AuditFormat format;
  private final Clock clock;

  CaseReviewExport(CaseHistoryService history, AuditFormat format, Clock clock) {
    this.clock = clock;
    this.history = history;
    this.format = format;
  }

  /** The anonymised review: rows of text, the same for Markdown and PDF. */
  record Review(
      List<List<String>> steps, List<List<String>> timeline, List<List<String>> perDiscipline) {}

  @PreAuthorize("hasAuthority('GROUP_auditor')")
  Review review(String caseNumber) {
    CaseHistoryService.CaseHistory caseHistory =
        history.build(caseNumber, CaseHistoryService.Filter.NONE);
    if (!caseHistory.found()) {
      throw new AuditCaseNotFoundException(caseNumber);
    }
    List<TimelineEvent> events =
        caseHistory.events().stream()
            .filter(
                event ->
                    event.at() != null
                        && event.type() != TimelineEvent.Type.ACCESS
                        && event.type() != TimelineEvent.Type.OPERATION
                        && !(event.type() == TimelineEvent.Type.VARIABLE_CHANGED
                            && LEFT_OUT_VARIABLES.contains(event.subject())))
            .toList();
    Instant start = events.isEmpty() ? clock.instant() : events.get(0).at();
    List<List<String>> steps = new ArrayList<>();
    for (CaseHistoryService.StepTime step : caseHistory.steps()) {
      steps.add(
          List.of(
              step.processName(),
              step.activityName(),
              String.valueOf(step.times()),
              format.duration(step.totalMillis())
                  + (step.open() ? " " + format.message("audit.export.open") : "")));
    }
    List<List<String>> timeline = new ArrayList<>();
    for (TimelineEvent event : events) {
      timeline.add(
          List.of(
              relative(start, event.at()),
              format.message("audit.event." + event.type().name()),
              format.subject(event),
              discipline(event),
              detail(event)));
    }
    Map<String, Long> perDiscipline = new LinkedHashMap<>();
    for (TimelineEvent event : events) {
      if (event.type() == TimelineEvent.Type.TASK_COMPLETED && event.durationMillis() != null) {
        perDiscipline.merge(discipline(event), event.durationMillis(), Long::sum);
      }
    }
    List<List<String>> disciplines = new ArrayList<>();
    perDiscipline.forEach(
        (discipline, millis) -> disciplines.add(List.of(discipline, format.duration(millis))));
    return new Review(steps, timeline, disciplines);
  }

  String markdown(Review review) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(format.message("audit.export.title")).append("\n\n");
    md.append(format.message("audit.export.intro")).append("\n\n");
    md.append("## ").append(format.message("audit.export.route")).append("\n\n");
    table(
        md,
        review.steps(),
        "audit.export.col.process",
        "audit.export.col.step",
        "audit.export.col.times",
        "audit.export.col.duration");
    md.append("\n## ").append(format.message("audit.export.timeline")).append("\n\n");
    table(
        md,
        review.timeline(),
        "audit.export.col.when",
        "audit.export.col.event",
        "audit.export.col.step",
        "audit.export.col.discipline",
        "audit.export.col.detail");
    md.append("\n## ").append(format.message("audit.export.perDiscipline")).append("\n\n");
    table(md, review.perDiscipline(), "audit.export.col.discipline", "audit.export.col.taskTime");
    md.append("\n").append(format.message("audit.export.footer")).append("\n");
    return md.toString();
  }

  private void table(StringBuilder md, List<List<String>> rows, String... headers) {
    md.append("|");
    for (String header : headers) {
      md.append(' ').append(format.message(header)).append(" |");
    }
    md.append("\n|").append("---|".repeat(headers.length)).append('\n');
    for (List<String> row : rows) {
      md.append("|");
      for (String cell : row) {
        md.append(' ').append(cell(cell)).append(" |");
      }
      md.append('\n');
    }
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }

  private String discipline(TimelineEvent event) {
    return event.discipline() == null ? "" : format.discipline(event.discipline());
  }

  private String detail(TimelineEvent event) {
    return switch (event.type()) {
      case VARIABLE_CHANGED -> code(event.oldValue()) + " → " + code(event.newValue());
      case CONSENT ->
          format.value(event, event.newValue())
              + " · "
              + format.discipline(event.detail() == null ? null : event.detail().split(" ")[0]);
      case TASK_COMPLETED, PROCESS_ENDED -> format.duration(event.durationMillis());
      default -> "";
    };
  }

  private String code(String value) {
    if (value == null) {
      return "–";
    }
    if (IDENTIFYING.matcher(value).matches()) {
      return format.message("audit.export.dateHidden");
    }
    return CODE.matcher(value).matches() ? value : format.message("audit.export.textHidden");
  }

  private String relative(Instant start, Instant at) {
    Duration offset = Duration.between(start, at);
    return format.message("audit.export.day", offset.toDays(), offset.toHoursPart());
  }

  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
  }
}
