package nl.zorgpad.casus;

/** No case with this number. Pages answer 404. */
public class UnknownCaseException extends RuntimeException {

  public UnknownCaseException(String caseNumber) {
    super("unknown case " + caseNumber);
  }
}
