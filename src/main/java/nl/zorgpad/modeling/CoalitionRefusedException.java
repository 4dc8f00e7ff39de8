package nl.zorgpad.modeling;

import org.springframework.security.access.AccessDeniedException;

/**
 * A coordinator tried to deploy, roll back or migrate for a coalition she does not look after
 * (decision 0005). A 403 like the engine's own refusals, with a Dutch message for the page.
 */
public class CoalitionRefusedException extends AccessDeniedException {

  private final String userMessage;

  public CoalitionRefusedException(String message, String userMessage) {
    super(message);
    this.userMessage = userMessage;
  }

  public String userMessage() {
    return userMessage;
  }
}
