package nl.zorgpad.audit;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hash chains Zorgpad keeps; every bean of type {@link HashChain} is verified. */
@Configuration
class AuditConfiguration {

  static final HashChain.Spec ENGINE_AUDIT = new HashChain.Spec("engine-audit", "zp_audit_record",
      "id", List.of("occurred_at", "event_type", "process_definition_key", "process_instance_id",
          "root_process_instance_id", "case_number", "activity_id", "activity_label", "task_id",
          "user_id", "assignee", "variable_key", "variable_type", "value_text",
          "history_event_id"));

  @Bean
  HashChain engineAuditChain(JdbcTemplate jdbc) {
    return new HashChain(ENGINE_AUDIT, jdbc);
  }
}
