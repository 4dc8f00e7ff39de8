package nl.zorgpad.casus;

/** A signal was to join a case that is no longer open (it closed in the meantime). */
public class CaseClosedException extends IllegalStateException {

  public CaseClosedException(String caseNumber) {
    super("case " + caseNumber + " is no longer open");
  }
}
