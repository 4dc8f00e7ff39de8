package nl.zorgpad.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * SMTP through Spring's {@link JavaMailSender} ({@code spring.mail.host}, {@code port},
 * {@code username}, {@code password}, {@code properties.mail.smtp.starttls.*}): a
 * multipart/alternative mail with the plain text and the HTML.
 */
class SmtpMailTransport implements MailTransport {

  private final ObjectProvider<JavaMailSender> sender;

  SmtpMailTransport(ObjectProvider<JavaMailSender> sender) {
    this.sender = sender;
  }

  @Override
  public void send(String from, String to, String subject, String text, String html) {
    JavaMailSender mailSender = sender.getIfAvailable();
    if (mailSender == null) {
      throw new MailDeliveryException("no SMTP relay configured (spring.mail.host)", null);
    }
    try {
      MimeMessage message = mailSender.createMimeMessage();
      MimeMessageHelper helper =
          new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
      helper.setFrom(from);
      helper.setTo(to);
      helper.setSubject(subject);
      helper.setText(text, html);
      mailSender.send(message);
    } catch (MessagingException | MailException e) {
      throw new MailDeliveryException(e.getClass().getSimpleName() + ": " + rootMessage(e), e);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
