package nl.zorgpad.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** Replaceable pieces of notifications (as the Camunda starter does it). */
@Configuration
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {

  /** SMTP to the relay of {@code spring.mail.*}; a secure-mail adapter replaces it. */
  @Bean
  @ConditionalOnMissingBean(MailTransport.class)
  MailTransport smtpMailTransport(ObjectProvider<JavaMailSender> sender) {
    return new SmtpMailTransport(sender);
  }
}
