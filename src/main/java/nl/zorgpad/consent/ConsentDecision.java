package nl.zorgpad.consent;

/** The client's answer to a request for consent. */
public enum ConsentDecision {
  GIVEN,
  REFUSED,
  /** A consent given earlier is withdrawn (issue 3: at any time, stops future handovers). */
  WITHDRAWN;

  /** A refusal and a withdrawal are recorded with a reason code. */
  public boolean needsReason() {
    return this != GIVEN;
  }
}
