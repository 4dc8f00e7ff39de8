package nl.zorgpad.monitor;

import static nl.zorgpad.time.ZorgpadTime.ZONE;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact of a case for the monitor: what happened ({@link Kind}), a code (discipline, risk
 * domain, reason; "" when none), when (its month counts), and for durations the hours since the
 * start of what is measured. No case number, no person: a fact row is keyed by the case's
 * internal id only, so that the projection can replace a case's facts.
 */
record Fact(Kind kind, String code, Instant at, Integer hours) {

  Fact {
    code = code == null ? "" : code;
  }

  static Fact of(Kind kind, String code, Instant at) {
    return new Fact(kind, code, at, null);
  }

  /** First day of the month (Dutch time) the fact counts in. */
  LocalDate month() {
    return at.atZone(ZONE).toLocalDate().withDayOfMonth(1);
  }

  /** What the pathways record, as the monitor counts it (docs/monitor.md has each definition). */
  enum Kind {
    SIGNAL,
    RESIGNAL,
    RISK_DOMAIN,
    HOME_VISIT_CONSIDERED,
    HOME_VISIT_REQUESTED,
    HOME_VISIT_OPTED_OUT,
    HOME_VISIT_DONE,
    HOME_VISIT_CANCELLED,
    HANDOVER_STARTED,
    HANDOVER_CONFIRMED,
    HANDOVER_ESCALATED,
    HANDOVER_UNCONFIRMED,
    CONSENT_ASKED,
    CONSENT_GIVEN,
    CONSENT_REFUSED,
    CONSENT_WITHDRAWN,
    MDO_REQUESTED,
    MDO_HELD,
    MELDCODE_STARTED,
    MELDCODE_ENDED,
    VEILIG_THUIS_REPORT,
    VEILIG_THUIS_CONTACT,
    MELDRECHT,
    CASE_CLOSED,
    TASK_LATE
  }
}
