package nl.zorgpad.notification;

/**
 * Delivers one mail. The default is SMTP ({@link SmtpMailTransport}, Spring's
 * {@code spring.mail.*}) to the coalition's relay; a secure-mail service for care (ZorgMail,
 * Zivver) can come later as another implementation: declare a bean of this type and the default
 * steps back (docs/notifications.md).
 */
public interface MailTransport {

  /**
   * @param from the sender address ({@code zorgpad.notifications.from})
   * @throws MailDeliveryException when the mail was not accepted; it is tried again later
   */
  void send(String from, String to, String subject, String text, String html);

  /** A failed delivery; its message (English) is kept with the mail and logged. */
  class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
