package nl.zorgpad.refusal;

/** The plain {@link UserRefusal}: throw it where no more specific exception type is needed. */
public class RefusalException extends RuntimeException implements UserRefusal {

  private final int status;
  private final String code;
  private final String userMessage;

  public RefusalException(int status, String code, String englishMessage, String userMessage) {
    super(englishMessage);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("a refusal is a 4xx, not " + status);
    }
    this.status = status;
    this.code = code;
    this.userMessage = userMessage;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public String code() {
    return code;
  }

  @Override
  public String userMessage() {
    return userMessage;
  }
}
