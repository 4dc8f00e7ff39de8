package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.List;

/**
 * A professional's signal that a pregnancy is vulnerable: what the start form of the pathway
 * asks. Holds no name, BSN, address or free text; the client reference is pseudonymous (for
 * example the referrer's own dossier number). Values may be null when the input was missing or
 * could not be read; {@link SignalRules} reports them.
 */
public record Signal(
    String clientReference,
    LocalDate dueDate,
    Integer gestationalAgeWeeks,
    List<String> riskDomains,
    String signallingDiscipline) {

  public Signal {
    riskDomains = riskDomains == null ? List.of() : List.copyOf(riskDomains);
  }
}
