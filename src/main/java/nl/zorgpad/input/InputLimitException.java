package nl.zorgpad.input;

import nl.zorgpad.refusal.UserRefusal;

/**
 * Input refused for its size or for control characters: 400 (a field) or 413 (the whole
 * request), with a Dutch message; nothing has been done with it.
 */
public class InputLimitException extends RuntimeException implements UserRefusal {

  private final int status;
  private final String code;
  private final String userMessage;

  InputLimitException(int status, String code, String englishMessage, String userMessage) {
    super(englishMessage);
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
