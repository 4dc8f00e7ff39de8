package nl.zorgpad.consent;

import java.util.Optional;

/**
 * Records consent decisions. The narrow port the pathway glue calls; {@link ConsentService}
 * implements it with JPA.
 */
public interface ConsentRegistry {

  /**
   * Records a decision; the newest decision for a case, recipient and purpose counts.
   *
   * @throws nl.zorgpad.casus.InvalidInputException when the statement breaks a rule
   */
  void record(ConsentStatement statement);

  /** The decision that counts now for this case, recipient and purpose, if any was recorded. */
  Optional<ConsentDecision> currentDecision(
      String caseNumber, String recipientDiscipline, String purpose);

  /**
   * Whether the decision that counts now is a refusal after which the client agreed to be asked
   * again later (the "ask again" route of vuistregel 4).
   */
  boolean askAgainLater(String caseNumber, String recipientDiscipline, String purpose);
}
