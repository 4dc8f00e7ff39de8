package nl.zorgpad.casus;

/** Where a case stands. */
public enum CaseStatus {
  /** Signalled; the pathway runs. */
  ACTIVE,
  /**
   * The client refused consent, but there are concerns about safety: the meldcode runs without
   * consent (meldrecht, Wmo 2015 art. 5.2.6) and the case stays open. Nothing is shared with
   * the network without consent; only a report to Veilig Thuis may be made.
   */
  MELDCODE_WITHOUT_CONSENT,
  /** The client refused consent for the handover; the refusal is recorded (vuistregel 4). */
  CLOSED_NO_CONSENT,
  /** The pathway ran to its end: closing evaluation at the child's first birthday. */
  CLOSED,
  /** Ended early: the client moved out of the region ({@link CaseEndReason#MOVED}). */
  CLOSED_MOVED,
  /** Ended early: the client no longer wants it ({@link CaseEndReason#CLIENT_WITHDRAWS}). */
  CLOSED_CLIENT_WITHDREW,
  /** Ended early: the pregnancy ended ({@link CaseEndReason#PREGNANCY_ENDED}). */
  CLOSED_PREGNANCY_ENDED,
  /** Ended early for another reason ({@link CaseEndReason#OTHER}). */
  CLOSED_OTHER;

  /** The case is open: its pathway runs (with or without the client's consent). */
  public boolean isOpen() {
    return this == ACTIVE || this == MELDCODE_WITHOUT_CONSENT;
  }
}
