package nl.zorgpad.audit;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The hash chains Zorgpad keeps; every bean of type {@link HashChain} is verified. */
@Configuration
@org.springframework.scheduling.annotation.EnableScheduling
class AuditConfiguration {

  static final HashChain.Spec ENGINE_AUDIT =
      new HashChain.Spec(
          "engine-audit",
          "zp_audit_record",
          "id",
          List.of(
              "occurred_at",
              "event_type",
              "process_definition_key",
              "process_instance_id",
              "root_process_instance_id",
              "case_number",
              "activity_id",
              "activity_label",
              "task_id",
              "user_id",
              "assignee",
              "variable_key",
              "variable_type",
              "value_text",
              "history_event_id"));

  /** The NEN 7513 access log: every column the record holds (V4). */
  static final HashChain.Spec ACCESS_LOG =
      new HashChain.Spec(
          "access-log",
          "zp_access_log",
          "id",
          List.of(
              "occurred_at",
              "user_id",
              "responsible_user_id",
              "user_roles",
              "client_id",
              "case_number",
              "object_type",
              "object_id",
              "action",
              "outcome",
              "network_address",
              "source_system",
              "purpose_of_use",
              "consent_basis",
              "emergency",
              "detail"));

  @Bean
  HashChain accessLogChain(JdbcTemplate jdbc) {
    return new HashChain(ACCESS_LOG, jdbc);
  }

  @Bean
  HashChain engineAuditChain(JdbcTemplate jdbc) {
    return new HashChain(ENGINE_AUDIT, jdbc);
  }
}
