package nl.zorgpad.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** SMTP is the default mail transport, and an adapter bean replaces it. */
class MailTransportAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(MailTransportAutoConfiguration.class));

  @Test
  void withoutAnAdapterMailGoesOverSmtp() {
    runner.run(
        context ->
            assertThat(context).getBean(MailTransport.class).isInstanceOf(SmtpMailTransport.class));
  }

  @Test
  void anAdapterBeanReplacesSmtp() {
    runner
        .withUserConfiguration(SecureMail.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(MailTransport.class);
              assertThat(context.getBean(MailTransport.class)).isSameAs(SecureMail.ADAPTER);
            });
  }

  @Test
  void isRegisteredAsAnAutoConfiguration() throws IOException {
    try (InputStream imports =
        getClass()
            .getResourceAsStream(
                "/META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")) {
      assertThat(imports).isNotNull();
      assertThat(new String(imports.readAllBytes(), StandardCharsets.UTF_8).lines())
          .contains(MailTransportAutoConfiguration.class.getName());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class SecureMail {
    static final MailTransport ADAPTER = (from, to, subject, text, html) -> {};

    @Bean
    MailTransport secureMailTransport() {
      return ADAPTER;
    }
  }
}
