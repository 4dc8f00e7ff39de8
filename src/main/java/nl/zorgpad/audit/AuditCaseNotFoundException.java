package nl.zorgpad.audit;

import nl.zorgpad.refusal.DutchText;
import nl.zorgpad.refusal.RefusalException;

/**
 * An audit page or export asked for a case number that Zorgpad does not know (issue 15: a
 * mistyped number says "Casus niet gevonden", not "Deze pagina bestaat niet.").
 */
class AuditCaseNotFoundException extends RefusalException {

  private final String caseNumber;

  AuditCaseNotFoundException(String caseNumber) {
    super(
        404,
        "case-not-found",
        "no case " + caseNumber,
        DutchText.of("audit.caseNotFound.text", caseNumber));
    this.caseNumber = caseNumber;
  }

  String caseNumber() {
    return caseNumber;
  }
}
