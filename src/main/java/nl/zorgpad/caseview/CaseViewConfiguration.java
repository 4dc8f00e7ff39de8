package nl.zorgpad.caseview;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Replaceable pieces of the case pages. */
@Configuration
class CaseViewConfiguration {

  @Bean
  @ConditionalOnMissingBean(ContactDirectory.class)
  ContactDirectory contactDirectory() {
    return groupId -> List.of();
  }
}
