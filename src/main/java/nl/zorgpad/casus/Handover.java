package nl.zorgpad.casus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A formal warm handover as the sender records it (vuistregel 3: hand information over formally —
 * direct talk, secure mail or phone consult — and record it).
 *
 * @param method a {@link Method} code
 * @param date when the handover took place
 * @param clientInformed whether the client was told, in plain words, who takes over and why
 *     (vuistregels 1 and 6)
 */
public record Handover(String method, LocalDate date, Boolean clientInformed) {

  /** The formal ways of handing over that vuistregel 3 names. */
  public enum Method {
    DIRECT_TALK("direct-gesprek"),
    SECURE_MAIL("beveiligde-mail"),
    PHONE_CONSULT("telefonisch-consult");

    private final String code;

    Method(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }

    public static Optional<Method> fromCode(String code) {
      return Arrays.stream(values()).filter(m -> m.code.equals(code)).findFirst();
    }
  }

  public List<Violation> check(LocalDate today) {
    List<Violation> violations = new ArrayList<>();
    if (method == null || Method.fromCode(method).isEmpty()) {
      violations.add(
          new Violation(
              "handoverMethod",
              "must be direct-gesprek, beveiligde-mail or telefonisch-consult",
              "violation.handover.handoverMethod.required"));
    }
    if (date == null) {
      violations.add(
          new Violation(
              "handoverDate",
              "is required (ISO date yyyy-MM-dd)",
              "violation.handover.handoverDate.required"));
    } else if (date.isAfter(today)) {
      violations.add(
          new Violation(
              "handoverDate", "lies in the future", "violation.handover.handoverDate.inFuture"));
    }
    if (!Boolean.TRUE.equals(clientInformed)) {
      violations.add(
          new Violation(
              "clientInformed", "must be true", "violation.handover.clientInformed.notConfirmed"));
    }
    return violations;
  }
}
