package nl.zorgpad.casus;

/** A refused access to a case; the refusal is in the access log already. Pages answer 403. */
public class DossierAccessDeniedException extends RuntimeException {

  private final String caseNumber;
  private final DossierPart part;

  public DossierAccessDeniedException(String caseNumber, DossierPart part, String reason) {
    super("Access to " + part + " of case " + caseNumber + " refused: " + reason);
    this.caseNumber = caseNumber;
    this.part = part;
  }

  public String caseNumber() {
    return caseNumber;
  }

  public DossierPart part() {
    return part;
  }
}
