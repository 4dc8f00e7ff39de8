package nl.zorgpad.casus;

/**
 * A case's status changed in the dossier (closed, ended early, kept open in another state).
 * Published in the transaction that changed it, also when no pathway event goes with it (a
 * merged duplicate without a waiting pathway is closed in the dossier alone); the monitor
 * recomputes the case's facts before that transaction commits.
 *
 * @param caseNumber the case number (business key)
 */
public record CaseStatusChanged(String caseNumber) {}
