package nl.zorgpad.notification;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.zorgpad.time.ZorgpadTime;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a mail in Dutch from the message bundle ({@code notification.mail.*}): plain text, and
 * simple HTML from {@code templates/notification/mail.html}. What a mail may contain is fixed
 * here and nowhere else: case number, task name, deadline, team name, a link to the task in the
 * Tasklist and one to the case page. No dossier data, no description, no free text, no client
 * reference — a mail leaves Zorgpad's protection (docs/notifications.md).
 */
@Component
class MailComposer {

  static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter DEADLINE =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", DUTCH);

  private final MessageSource messages;
  private final ITemplateEngine templates;
  private final NotificationProperties properties;
  private final ZoneId zone;

  MailComposer(
      MessageSource messages, ITemplateEngine templates, NotificationProperties properties) {
    this.messages = messages;
    this.templates = templates;
    this.properties = properties;
    this.zone = ZorgpadTime.ZONE;
  }

  /** A mail about one event. */
  RenderedMail single(MailItem item, boolean teamMailbox) {
    String subject =
        text(
            "notification.mail.subject." + item.kind(),
            item.teamName(),
            item.caseNumber() == null ? "-" : item.caseNumber());
    return render(
        subject,
        text("notification.mail.intro." + item.kind(), item.teamName()),
        List.of(item),
        teamMailbox,
        false);
  }

  /** The daily digest of one recipient. */
  RenderedMail digest(List<MailItem> items, int more, boolean teamMailbox) {
    int count = items.size() + more;
    String subject = text("notification.mail.subject.DIGEST", count);
    String intro = text("notification.mail.intro.DIGEST", count);
    if (more > 0) {
      intro += " " + text("notification.mail.digest.more", items.size(), more);
    }
    return render(subject, intro, items, teamMailbox, true);
  }

  private RenderedMail render(
      String subject, String intro, List<MailItem> items, boolean teamMailbox, boolean digest) {
    List<Map<String, String>> rows = new ArrayList<>();
    StringBuilder text = new StringBuilder(intro).append("\n\n");
    for (MailItem item : items) {
      Map<String, String> row = row(item, digest);
      rows.add(row);
      if (digest) {
        text.append("- ")
            .append(row.get("kindLabel"))
            .append(" (")
            .append(row.get("team"))
            .append(")\n  ");
      }
      text.append(text("notification.mail.task")).append(": ").append(row.get("task")).append('\n');
      if (digest) {
        text.append("  ");
      }
      text.append(text("notification.mail.case")).append(": ").append(row.get("case")).append('\n');
      if (digest) {
        text.append("  ");
      }
      text.append(text("notification.mail.deadline"))
          .append(": ")
          .append(row.get("deadline"))
          .append('\n');
      if (digest) {
        text.append("  ");
      }
      text.append(text("notification.mail.openTask"))
          .append(": ")
          .append(row.get("taskUrl"))
          .append('\n');
      if (row.get("caseUrl") != null) {
        if (digest) {
          text.append("  ");
        }
        text.append(text("notification.mail.openCase"))
            .append(": ")
            .append(row.get("caseUrl"))
            .append('\n');
      }
      text.append('\n');
    }
    String why =
        text(
            teamMailbox ? "notification.mail.why.team" : "notification.mail.why.user",
            settingsUrl(teamMailbox));
    String privacy = text("notification.mail.privacy");
    text.append(why).append('\n').append(privacy).append('\n');

    Context context = new Context(DUTCH);
    context.setVariable("subject", subject);
    context.setVariable("intro", intro);
    context.setVariable("rows", rows);
    context.setVariable("why", why);
    context.setVariable("privacy", privacy);
    context.setVariable("digest", digest);
    String html = templates.process("notification/mail", context);
    return new RenderedMail(subject, text.toString(), html);
  }

  private Map<String, String> row(MailItem item, boolean digest) {
    java.util.HashMap<String, String> row = new java.util.HashMap<>();
    row.put("kindLabel", text("notification.mail.kind." + item.kind()));
    row.put("team", item.teamName());
    row.put("task", item.taskName() == null ? "-" : item.taskName());
    row.put("case", item.caseNumber() == null ? "-" : item.caseNumber());
    row.put(
        "deadline",
        item.dueAt() == null
            ? text("notification.mail.noDeadline")
            : DEADLINE.format(item.dueAt().atZone(zone)));
    row.put("taskUrl", taskUrl(item.taskId()));
    row.put("caseUrl", item.caseNumber() == null ? null : caseUrl(item.caseNumber()));
    return row;
  }

  String taskUrl(String taskId) {
    return properties.baseUrl() + "/camunda/app/tasklist/default/#/?task=" + taskId;
  }

  String caseUrl(String caseNumber) {
    return properties.baseUrl() + "/casus/" + caseNumber;
  }

  private String settingsUrl(boolean teamMailbox) {
    return properties.baseUrl() + (teamMailbox ? "/sociale-kaart" : "/meldingen");
  }

  private String text(String key, Object... arguments) {
    return messages.getMessage(key, arguments, DUTCH);
  }
}
