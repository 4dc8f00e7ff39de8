package nl.zorgpad.audit;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIncidentEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricProcessInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Writes an audit record for every task event (created, claimed/updated, completed, deleted),
 * variable change, process start/end and incident into {@code zp_audit_record}, in the engine's
 * transaction, and has the record sealed into the {@code engine-audit} hash chain before commit.
 * Runs next to the engine's own {@code DbHistoryEventHandler} in its
 * {@code CompositeDbHistoryEventHandler} ({@link AuditTrailPlugin}).
 */
class AuditTrailHistoryEventHandler implements HistoryEventHandler {

  static final int MAX_VALUE = 4000;
  private static final String INSERT =
      "insert into zp_audit_record (occurred_at, event_type,"
          + " process_definition_key, process_instance_id, root_process_instance_id, case_number,"
          + " activity_id, activity_label, task_id, user_id, assignee, variable_key, variable_type,"
          + " value_text, history_event_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final Supplier<JdbcTemplate> jdbc;
  private final Supplier<HashChain> chain;
  private final Supplier<ChainSealing> sealing;

  AuditTrailHistoryEventHandler(
      Supplier<JdbcTemplate> jdbc, Supplier<HashChain> chain, Supplier<ChainSealing> sealing) {
    this.jdbc = jdbc;
    this.chain = chain;
    this.sealing = sealing;
  }

  @Override
  public void handleEvent(HistoryEvent event) {
    Record record = record(event);
    if (record == null) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    String user = context == null ? null : context.getAuthenticatedUserId();
    String caseNumber = record.caseNumber != null ? record.caseNumber : caseNumber(context, event);
    Object[] values = {
      Timestamp.from(ClockUtil.getCurrentTime().toInstant().truncatedTo(ChronoUnit.MILLIS)),
      record.type,
      event.getProcessDefinitionKey(),
      event.getProcessInstanceId(),
      event.getRootProcessInstanceId(),
      caseNumber,
      record.activityId,
      record.activityName,
      record.taskId,
      user,
      record.assignee,
      record.variableName,
      record.variableType,
      truncate(record.value),
      event.getId() != null ? event.getId() : record.historyId
    };
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.get()
        .update(
            connection -> {
              PreparedStatement statement =
                  connection.prepareStatement(INSERT, new String[] {"id"});
              for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
              }
              return statement;
            },
            key);
    sealing.get().sealBeforeCommit(chain.get(), key.getKey());
  }

  @Override
  public void handleEvents(List<HistoryEvent> events) {
    events.forEach(this::handleEvent);
  }

  /** The events that make up the audit trail; everything else is left to the engine's history. */
  static Record record(HistoryEvent event) {
    String type = event.getEventType();
    if (event instanceof HistoricTaskInstanceEventEntity task) {
      Record record = new Record("task-" + type);
      record.activityId = task.getTaskDefinitionKey();
      record.activityName = task.getName();
      record.taskId = task.getTaskId();
      record.assignee = task.getAssignee();
      record.value = task.getDeleteReason();
      return record;
    }
    if (event instanceof HistoricVariableUpdateEventEntity variable) {
      Record record = new Record("variable-" + type);
      record.variableName = variable.getVariableName();
      record.variableType = variable.getSerializerName();
      record.taskId = variable.getTaskId();
      record.activityId = variable.getActivityInstanceId();
      record.value = value(variable);
      // a variable event has no id of its own: the variable instance (ACT_HI_VARINST's ID_)
      // identifies the variable whose changes the records follow
      record.historyId = variable.getVariableInstanceId();
      return record;
    }
    if (event instanceof HistoricProcessInstanceEventEntity process) {
      if (!"start".equals(type) && !"end".equals(type)) {
        return null;
      }
      Record record = new Record("process-" + type);
      record.caseNumber = process.getBusinessKey();
      record.activityId =
          "start".equals(type) ? process.getStartActivityId() : process.getEndActivityId();
      record.value = process.getDeleteReason();
      return record;
    }
    if (event instanceof HistoricIncidentEventEntity incident) {
      Record record = new Record("incident-" + type);
      record.activityId = incident.getActivityId();
      record.variableType = incident.getIncidentType();
      record.value = incident.getIncidentMessage();
      return record;
    }
    return null;
  }

  static String value(HistoricVariableUpdateEventEntity variable) {
    if (variable.getTextValue() != null) {
      return variable.getTextValue();
    }
    if (variable.getLongValue() != null) {
      return variable.getLongValue().toString();
    }
    if (variable.getDoubleValue() != null) {
      return variable.getDoubleValue().toString();
    }
    byte[] bytes = variable.getByteValue();
    if (bytes != null) {
      // JSON (Spin) values are kept readable; other binary values by their digest only
      String serializer = String.valueOf(variable.getSerializerName());
      if (serializer.contains("json") || serializer.contains("Json")) {
        return new String(bytes, StandardCharsets.UTF_8);
      }
      return "sha256:" + HashChain.sha256(new String(bytes, StandardCharsets.ISO_8859_1));
    }
    return null;
  }

  private static String caseNumber(CommandContext context, HistoryEvent event) {
    String root =
        event.getRootProcessInstanceId() != null
            ? event.getRootProcessInstanceId()
            : event.getProcessInstanceId();
    if (context == null || root == null) {
      return null;
    }
    try {
      ExecutionEntity execution =
          context.getDbEntityManager().getCachedEntity(ExecutionEntity.class, root);
      if (execution == null) {
        execution = context.getExecutionManager().findExecutionById(root);
      }
      return execution == null ? null : execution.getBusinessKey();
    } catch (RuntimeException e) {
      return null; // the case history also finds records by their root process instance
    }
  }

  private static String truncate(String value) {
    return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE);
  }

  static final class Record {
    final String type;
    String caseNumber;
    String activityId;
    String activityName;
    String taskId;
    String assignee;
    String variableName;
    String variableType;
    String value;

    /** The engine's history row this record is about, where the event itself has no id. */
    String historyId;

    Record(String type) {
      this.type = type;
    }
  }
}
