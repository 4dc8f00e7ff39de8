package nl.zorgpad.assignment;

import org.springframework.context.MessageSourceResolvable;

/** A reassignment that cannot be done; the Dutch reason is a message key with arguments. */
public class ReassignmentException extends RuntimeException implements MessageSourceResolvable {

  private final String code;
  private final transient Object[] arguments;

  public ReassignmentException(String code, Object... arguments) {
    super(code);
    this.code = code;
    this.arguments = arguments;
  }

  @Override
  public String[] getCodes() {
    return new String[] {code};
  }

  @Override
  public Object[] getArguments() {
    return arguments;
  }
}
