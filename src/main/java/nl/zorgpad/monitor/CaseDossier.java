package nl.zorgpad.monitor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the monitor reads of one case's dossier (codes and dates only): read by
 * {@link MonitorProjection} from Zorgpad's own tables.
 */
record CaseDossier(
    long id,
    String caseNumber,
    Instant createdAt,
    String signallingDiscipline,
    List<String> riskDomains,
    String status,
    Instant closedAt,
    String endReason,
    List<ConsentRow> consents,
    List<LocalDate> rightToReport) {

  /** A consent record: GIVEN, REFUSED or WITHDRAWN, with its reason code. */
  record ConsentRow(String decision, String reasonCode, Instant recordedAt) {}
}
