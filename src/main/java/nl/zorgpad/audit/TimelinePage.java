package nl.zorgpad.audit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One page of a case's timeline as the auditor reads it (issue 15: one small case ran to
 * 12,000 px): the access-log lines of one look at a case — the same user, action and outcome
 * within a few seconds, one record per part of the dossier — are folded into one line naming
 * the parts, and the lines are paged.
 *
 * @param events the lines of this page
 * @param page this page, 1-based
 * @param pages the number of pages (at least 1)
 * @param total the number of lines after folding
 */
public record TimelinePage(List<TimelineEvent> events, int page, int pages, int total) {

  public static final int PAGE_SIZE = 50;

  /** Records of one page view are written within this time of each other. */
  static final Duration ONE_LOOK = Duration.ofSeconds(5);

  public static TimelinePage of(List<TimelineEvent> events, int page) {
    List<TimelineEvent> folded = fold(events);
    int pages = Math.max(1, (folded.size() + PAGE_SIZE - 1) / PAGE_SIZE);
    int current = Math.min(Math.max(1, page), pages);
    int from = (current - 1) * PAGE_SIZE;
    return new TimelinePage(
        folded.subList(from, Math.min(folded.size(), from + PAGE_SIZE)),
        current,
        pages,
        folded.size());
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages;
  }

  /** Folds consecutive access-log lines of one look; the subject lists the parts, comma-separated. */
  static List<TimelineEvent> fold(List<TimelineEvent> events) {
    List<TimelineEvent> folded = new ArrayList<>();
    TimelineEvent open = null;
    Set<String> parts = new LinkedHashSet<>();
    for (TimelineEvent event : events) {
      if (open != null && sameLook(open, event)) {
        if (event.subject() != null) {
          parts.add(event.subject());
        }
        continue;
      }
      if (open != null) {
        folded.add(withParts(open, parts));
      }
      open = event.type() == TimelineEvent.Type.ACCESS ? event : null;
      parts.clear();
      if (open == null) {
        folded.add(event);
      } else if (event.subject() != null) {
        parts.add(event.subject());
      }
    }
    if (open != null) {
      folded.add(withParts(open, parts));
    }
    return folded;
  }

  private static boolean sameLook(TimelineEvent first, TimelineEvent next) {
    return next.type() == TimelineEvent.Type.ACCESS
        && Objects.equals(first.user(), next.user())
        && Objects.equals(first.newValue(), next.newValue())
        && Objects.equals(first.detail(), next.detail())
        && first.at() != null
        && next.at() != null
        && !next.at().isAfter(first.at().plus(ONE_LOOK));
  }

  private static TimelineEvent withParts(TimelineEvent event, Set<String> parts) {
    return new TimelineEvent(
        event.at(),
        event.type(),
        event.processName(),
        parts.isEmpty() ? event.subject() : String.join(",", parts),
        event.discipline(),
        event.user(),
        event.oldValue(),
        event.newValue(),
        event.durationMillis(),
        event.detail());
  }
}
