package nl.zorgpad.audit;

import java.util.List;
import nl.zorgpad.accesslog.AccessLogRepository;
import org.springframework.stereotype.Component;

/** The access log's records of a case as lines of the case's timeline. */
@Component
class AccessLogTimeline implements TimelineSource {

  private final AccessLogRepository entries;
  private final ActorDisciplines disciplines;

  AccessLogTimeline(AccessLogRepository entries, ActorDisciplines disciplines) {
    this.entries = entries;
    this.disciplines = disciplines;
  }

  @Override
  public List<TimelineEvent> events(String caseNumber) {
    return entries.findByCaseNumberOrderByIdAsc(caseNumber).stream()
        .map(
            entry ->
                new TimelineEvent(
                    entry.getOccurredAt(),
                    TimelineEvent.Type.ACCESS,
                    null,
                    entry.getObjectType(),
                    disciplines.ofUser(entry.getUserId()),
                    entry.getUserId(),
                    null,
                    entry.getAction().name() + (entry.isEmergency() ? " · NOOD" : ""),
                    null,
                    entry.getOutcome().name()
                        + " · "
                        + entry.getPurposeOfUse()
                        + (entry.getConsentBasis() == null ? "" : " · " + entry.getConsentBasis())))
        .toList();
  }
}
