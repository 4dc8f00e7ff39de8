package nl.zorgpad.audit;

import java.util.List;

/** More lines for a case's timeline from outside the engine (e.g. the access log). */
public interface TimelineSource {

  List<TimelineEvent> events(String caseNumber);
}
