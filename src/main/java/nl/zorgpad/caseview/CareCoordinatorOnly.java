package nl.zorgpad.caseview;

import org.springframework.security.access.AccessDeniedException;

/** Only the case's regiehouder may do this; the Dutch text is a message key. */
class CareCoordinatorOnly extends AccessDeniedException {

  private final String messageKey;

  CareCoordinatorOnly(String message, String messageKey) {
    super(message);
    this.messageKey = messageKey;
  }

  String messageKey() {
    return messageKey;
  }
}
