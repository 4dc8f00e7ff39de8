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
  CARE_COORDINATOR
}
