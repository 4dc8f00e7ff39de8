package nl.zorgpad.casus;

/**
 * The parts of a case that need-to-know decides on separately (vuistregel 6: the mother's and the
 * child's dossier are separate).
 */
public enum DossierPart {
  /** Case number, status, signal, neighbourhood, regiehouder, who is involved, handovers. */
  CASE_SUMMARY,
  /** The mother's dossier: personal data and the pregnancy. */
  MOTHER_DOSSIER,
  /** The child's dossier (also the prenatal one). */
  CHILD_DOSSIER,
  /** Consent records. */
  CONSENTS,
  /** Open and done tasks of the case. */
  TASKS
}
