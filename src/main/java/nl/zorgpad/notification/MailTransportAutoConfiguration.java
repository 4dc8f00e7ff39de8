package nl.zorgpad.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The replaceable default of notifications: SMTP to the relay of {@code spring.mail.*}. A
 * secure-mail adapter (ZorgMail, Zivver; docs/notifications.md) is an ordinary bean of type
 * {@link MailTransport} and this default steps back. An auto-configuration (listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}, left
 * out of the component scan by {@code @SpringBootApplication}) so that it is evaluated after every
 * application and test bean, which makes the condition reliable.
 */
@AutoConfiguration
class MailTransportAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(MailTransport.class)
  MailTransport smtpMailTransport(ObjectProvider<JavaMailSender> sender) {
    return new SmtpMailTransport(sender);
  }
}
