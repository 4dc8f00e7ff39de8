package nl.zorgpad.accesslog;

/** What happened to dossier data (NEN 7513 event action; domain-facts, "NEN 7513 access log"). */
public enum AccessAction {
  CREATE,
  READ,
  UPDATE,
  DELETE,
  SEARCH,
  EXPORT,
  /** A caregiver opened a case outside need-to-know (noodprocedure). */
  EMERGENCY_ACCESS,
  /** A login refused because its source address sent too many wrong passwords (throttled). */
  LOGIN
}
