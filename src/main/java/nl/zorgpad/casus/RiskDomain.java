package nl.zorgpad.casus;

import java.util.Arrays;
import java.util.Optional;

/**
 * Risk factors named in the seeds (domain-facts.md, "Risk factors named in the seeds"). The codes
 * are what the signal form submits and what the triage table (issue 3) will read.
 */
public enum RiskDomain {
  HOUSING("huisvesting"),
  POVERTY("armoede"),
  DEBTS("schulden"),
  STRESS("stress"),
  MENTAL_HEALTH("ggz"),
  MILD_INTELLECTUAL_DISABILITY("lvb"),
  ADDICTION("verslaving"),
  DOMESTIC_VIOLENCE("huiselijk-geweld"),
  TEENAGE_PREGNANCY("tienerzwangerschap"),
  MIGRATION_LANGUAGE("migratie-taal"),
  NO_RESIDENCE_PERMIT_OR_INSURANCE("geen-verblijfsvergunning-verzekering"),
  ABSENT_PARTNER("afwezige-partner"),
  LATE_START_OF_CARE("late-start-zorg");

  private final String code;

  RiskDomain(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<RiskDomain> fromCode(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }
}
