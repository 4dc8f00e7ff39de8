package nl.zorgpad.casus;

/** Where a case stands. Issue 3 adds more ways to end a case (moved away, pregnancy ended, …). */
public enum CaseStatus {
  /** Signalled; the pathway runs. */
  ACTIVE,
  /** The client refused consent for the handover; the refusal is recorded (vuistregel 4). */
  CLOSED_NO_CONSENT,
  /** The pathway ran to its end. */
  CLOSED
}
