package nl.zorgpad.casus;

/** Why a team or person is involved in a case. */
public enum InvolvementRole {
  /** Signalled the case. */
  SIGNALLER,
  /** Got a task in the case (set automatically when the task is created). */
  TASK,
  /** Took the case over in a confirmed warm handover. */
  HANDOVER,
  /**
   * Was explicitly referred by a midwife or GP (vuistregel 6: "the midwife/GP explicitly tells
   * JGZ"): opens the mother's dossier to a discipline that otherwise needs consent.
   */
  REFERRAL,
  /** The regiehouder of the case. */
  CARE_COORDINATOR,
  /**
   * Signalled the same woman later, and the signal joined her open case (decision 0008), or was
   * involved in a duplicate case merged into this one. Sees the case like any involved team, but
   * the mother's dossier only with the client's consent or a referral, as
   * {@code NeedToKnow.MOTHER_DOSSIER_NEEDS_CONSENT}: what others recorded about her is not hers
   * to read merely because she knows the same woman.
   */
  JOINED_SIGNALLER
}
