package nl.zorgpad.formcontract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import nl.zorgpad.coalition.CoalitionForms;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * The contract of a task's or a start event's deployed form, resolved the way the Tasklist gets
 * the form: {@code camunda:formRef} with its binding, in the case's coalition, else shared
 * ({@link CoalitionForms#resolve}); or the generic form fields ({@code camunda:formData}). A task
 * or start event without a form accepts no variables.
 *
 * <p>A deployed form never changes, so its parsed contract is cached by form definition id: the
 * work per request is the engine's own form lookup, never something that grows with history.
 * Runs inside a command (the caller's {@link CommandContext}).
 */
final class FormContracts {

  private final ConcurrentMap<String, Contract> byFormDefinitionId = new ConcurrentHashMap<>();
  private final FormSchema schemas;

  FormContracts(FormSchema schemas) {
    this.schemas = schemas;
  }

  /** The contract of an open task (a standalone task has no form: nothing is accepted). */
  Contract forTask(CommandContext commandContext, TaskEntity task) {
    if (task.getTaskDefinition() == null || task.getTaskDefinition().getTaskFormHandler() == null) {
      return Contract.none("standalone task");
    }
    FormData form = task.getTaskDefinition().getTaskFormHandler().createTaskForm(task);
    return of(commandContext, form, task.getTenantId(), "task " + task.getTaskDefinitionKey());
  }

  /** The contract of a pathway's start form, for a case of that coalition (null = shared). */
  Contract forStart(
      CommandContext commandContext, ProcessDefinitionEntity definition, String coalition) {
    if (definition.getStartFormHandler() == null) {
      return Contract.none("start of " + definition.getKey());
    }
    FormData form = definition.getStartFormHandler().createStartFormData(definition);
    return of(commandContext, form, coalition, "start of " + definition.getKey());
  }

  /**
   * Every field of every form of a pathway (its start form and user tasks): what a direct
   * change of a case's variables may write.
   */
  Contract forPathway(
      CommandContext commandContext, ProcessDefinitionEntity definition, String coalition) {
    BpmnModelInstance model =
        commandContext
            .getProcessEngineConfiguration()
            .getDeploymentCache()
            .findBpmnModelInstanceForProcessDefinition(definition);
    Map<String, FieldRule> fields = new LinkedHashMap<>();
    List<String[]> refs = new ArrayList<>();
    if (model != null) {
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        refs.add(
            new String[] {
              task.getCamundaFormRef(),
              task.getCamundaFormRefBinding(),
              task.getCamundaFormRefVersion()
            });
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        refs.add(
            new String[] {
              start.getCamundaFormRef(),
              start.getCamundaFormRefBinding(),
              start.getCamundaFormRefVersion()
            });
      }
    }
    for (String[] ref : refs) {
      String key = ref[0];
      if (key == null || key.isBlank() || key.contains("${") || key.contains("#{")) {
        continue;
      }
      CamundaFormRefImpl formRef =
          new CamundaFormRefImpl(
              key, ref[1] == null ? DefaultFormHandler.FORM_REF_BINDING_LATEST : ref[1]);
      if (ref[2] != null && ref[2].matches("\\d{1,9}")) {
        formRef.setVersion(Integer.valueOf(ref[2]));
      }
      Contract form =
          ofFormRef(commandContext, formRef, definition.getDeploymentId(), coalition, key);
      form.fields().forEach(fields::putIfAbsent);
    }
    return new Contract("forms of " + definition.getKey(), fields, Contract.Scope.PATHWAY);
  }

  private Contract of(CommandContext commandContext, FormData form, String coalition, String what) {
    if (form == null) {
      return Contract.none(what);
    }
    CamundaFormRef ref = form.getCamundaFormRef();
    if (ref != null && ref.getKey() != null) {
      return ofFormRef(commandContext, ref, form.getDeploymentId(), coalition, what);
    }
    if (form.getFormFields() != null && !form.getFormFields().isEmpty()) {
      return ofFormFields(form.getFormFields(), what);
    }
    // an embedded or external form (camunda:formKey): Zorgpad does not know its fields
    return Contract.none(what);
  }

  private Contract ofFormRef(
      CommandContext commandContext,
      CamundaFormRef ref,
      String deploymentId,
      String coalition,
      String what) {
    CamundaFormDefinition definition;
    try {
      definition = CoalitionForms.resolve(commandContext, ref, deploymentId, coalition);
    } catch (RuntimeException unresolvable) {
      // the Tasklist cannot show this form either
      return Contract.none(what + " (form " + ref.getKey() + " not found)");
    }
    if (definition == null) {
      return Contract.none(what + " (form " + ref.getKey() + " not found)");
    }
    return byFormDefinitionId.computeIfAbsent(
        definition.getId(),
        id -> {
          ResourceEntity resource =
              commandContext
                  .getResourceManager()
                  .findResourceByDeploymentIdAndResourceName(
                      definition.getDeploymentId(), definition.getResourceName());
          return resource == null
              ? Contract.none(ref.getKey())
              : schemas.parse(ref.getKey(), resource.getBytes());
        });
  }

  /** Generic forms ({@code camunda:formField}): string, long, boolean, date, enum. */
  private static Contract ofFormFields(List<FormField> formFields, String what) {
    Map<String, FieldRule> fields = new LinkedHashMap<>();
    for (FormField field : formFields) {
      String type = field.getTypeName() == null ? "string" : field.getTypeName();
      FieldRule rule =
          switch (type) {
            case "long" ->
                new FieldRule(
                    field.getId(),
                    field.getLabel(),
                    FieldRule.Kind.NUMBER,
                    List.of(),
                    false,
                    null,
                    null,
                    null,
                    null,
                    0,
                    null);
            case "boolean" ->
                new FieldRule(
                    field.getId(),
                    field.getLabel(),
                    FieldRule.Kind.BOOLEAN,
                    List.of(),
                    false,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            case "date" -> FieldRule.date(field.getId(), field.getLabel());
            case "enum" -> FieldRule.choice(field.getId(), field.getLabel(), enumValues(field));
            default ->
                new FieldRule(
                    field.getId(),
                    field.getLabel(),
                    FieldRule.Kind.TEXT,
                    List.of(),
                    false,
                    FieldRule.DEFAULT_TEXTFIELD_LENGTH,
                    null,
                    null,
                    null,
                    null,
                    null);
          };
      fields.put(field.getId(), rule);
    }
    return new Contract(what, fields);
  }

  private static List<String> enumValues(FormField field) {
    Object values = field.getType() == null ? null : field.getType().getInformation("values");
    if (values instanceof Map<?, ?> map) {
      return map.keySet().stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
