package nl.zorgpad.accesslog;

/** Whether the access was allowed; refused accesses are logged too. */
public enum AccessOutcome {
  ALLOWED,
  DENIED
}
