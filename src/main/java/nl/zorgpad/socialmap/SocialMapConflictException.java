package nl.zorgpad.socialmap;

import org.springframework.context.MessageSourceResolvable;

/**
 * A change that would break the sociale kaart or running work, e.g. deleting a team that still
 * has open tasks (409). Carries the Dutch message as a message key with arguments.
 */
public class SocialMapConflictException extends RuntimeException
    implements MessageSourceResolvable {

  private final String code;
  private final transient Object[] arguments;

  SocialMapConflictException(String code, Object... arguments) {
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
