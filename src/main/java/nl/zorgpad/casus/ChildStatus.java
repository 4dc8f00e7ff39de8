package nl.zorgpad.casus;

/** A child's dossier can exist before birth (vuistregel 6: JGZ opens a prenatal dossier). */
public enum ChildStatus {
  PRENATAL,
  BORN
}
