package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.zorgpad.casus.CaseNumbers;
import nl.zorgpad.casus.Handover;
import nl.zorgpad.casus.HomeVisitDecision;
import nl.zorgpad.casus.HomeVisitReport;
import nl.zorgpad.casus.MdoRules;
import nl.zorgpad.casus.RiskDomain;
import nl.zorgpad.casus.SignalRules;
import nl.zorgpad.consent.ConsentReason;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.modeling.ModelValidator;
import nl.zorgpad.modeling.ValidationContext;
import nl.zorgpad.modeling.ValidationIssue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conventions of processes/ and forms/ (issue 2): forms the Tasklist's form-js
 * 1.8.7 renders, every user task with a discipline, a form and a due date, every process with a
 * history time to live, readable ids, a diagram for every element — and the codes in the forms
 * equal to the codes the server-side rules accept.
 */
class PathwayModelTest {

  static final Path PROCESSES = Path.of("processes");
  static final Path FORMS = Path.of("forms");
  static final Path STUBS = Path.of("src/test/resources/stubs");

  /** The schema version form-js 1.8.7 (Tasklist 7.24) understands. */
  static final int MAX_SCHEMA_VERSION = 16;

  static final Set<String> SUPPORTED_COMPONENTS =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "select",
          "radio",
          "checkbox",
          "checklist",
          "text");
  static final Set<String> INPUT_COMPONENTS =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "datetime",
          "select",
          "radio",
          "checkbox",
          "checklist");

  /**
   * The only free inputs a form may have, each with its pattern: the pseudonymous client
   * reference and, in the Tasklist's start form "Meldcode starten", the case number.
   */
  static final Map<String, String> FREE_TEXT_KEYS =
      Map.of(
          PathwayVariables.CLIENT_REFERENCE, SignalRules.CLIENT_REFERENCE.pattern(),
          PathwayVariables.MELDCODE_CASE_NUMBER, CaseNumbers.PATTERN.pattern());

  static final String WGBO_RETENTION_DAYS = "7305";

  static Map<String, JsonNode> forms;
  static Map<String, BpmnModelInstance> models;

  @BeforeAll
  static void readModels() throws IOException {
    ObjectMapper json = new ObjectMapper();
    forms = new LinkedHashMap<>();
    for (Path file : files(FORMS, ".form")) {
      forms.put(baseName(file, ".form"), json.readTree(file.toFile()));
    }
    models = new LinkedHashMap<>();
    for (Path file : files(PROCESSES, ".bpmn")) {
      models.put(file.getFileName().toString(), Bpmn.readModelFromFile(file.toFile()));
    }
    assertThat(forms).isNotEmpty();
    assertThat(models).isNotEmpty();
  }

  @Test
  void formsAreRenderedByTheTasklistFormJs() {
    forms.forEach(
        (name, form) -> {
          assertThat(form.path("schemaVersion").asInt(Integer.MAX_VALUE))
              .as(name)
              .isLessThanOrEqualTo(MAX_SCHEMA_VERSION);
          assertThat(form.path("id").asText())
              .as("id of %s equals its file name", name)
              .isEqualTo(name);
          assertThat(form.path("type").asText()).as(name).isEqualTo("default");
          Set<String> ids = new HashSet<>();
          for (JsonNode component : components(form)) {
            String type = component.path("type").asText();
            assertThat(SUPPORTED_COMPONENTS).as("component type in %s", name).contains(type);
            assertThat(ids.add(component.path("id").asText()))
                .as("unique component id in %s", name)
                .isTrue();
            assertThat(component.path("id").asText()).as("component id in %s", name).isNotBlank();
            if (component.has("conditional")) {
              assertThat(component.path("conditional").path("hide").asText())
                  .as("FEEL condition in %s", name)
                  .startsWith("=");
            }
          }
        });
  }

  @Test
  void formsExplainTheTaskFirstAndLabelEveryInput() {
    forms.forEach(
        (name, form) -> {
          List<JsonNode> components = components(form);
          assertThat(components.get(0).path("type").asText())
              .as("%s starts with a text", name)
              .isEqualTo("text");
          assertThat(components.get(0).path("text").asText()).as(name).startsWith("### ");
          for (JsonNode input : inputs(form)) {
            String label =
                input.path("type").asText().equals("datetime")
                    ? input.path("dateLabel").asText()
                    : input.path("label").asText();
            assertThat(label).as("label of %s in %s", input.path("key"), name).isNotBlank();
            assertThat(input.path("validate").has("required"))
                .as("%s in %s says whether it is required", input.path("key"), name)
                .isTrue();
            if (input.has("values")) {
              assertThat(input.path("values")).as(name).isNotEmpty();
            }
          }
        });
  }

  @Test
  void formKeysAreVariablesOfPathwayVariables() {
    Set<String> names = pathwayVariableNames();
    forms.forEach(
        (name, form) ->
            inputs(form)
                .forEach(
                    input ->
                        assertThat(names)
                            .as("key in %s is a PathwayVariables constant", name)
                            .contains(input.path("key").asText())));
  }

  @Test
  void formsHoldNoFreeTextAboutTheClient() {
    forms.forEach(
        (name, form) ->
            inputs(form)
                .forEach(
                    input -> {
                      String type = input.path("type").asText();
                      String key = input.path("key").asText();
                      assertThat(type)
                          .as("%s in %s: no textarea (free text) in process variables", key, name)
                          .isNotEqualTo("textarea");
                      if (type.equals("textfield")
                          && !nl.zorgpad.casus.SignalledClient.FIELDS.contains(key)) {
                        // (the signal's BSN and postcode are dossier-only: never a process
                        // variable, see
                        // DossierOnlyFieldsIT)
                        assertThat(FREE_TEXT_KEYS)
                            .as("textfield %s in %s", key, name)
                            .containsKey(key);
                        assertThat(input.path("validate").path("pattern").asText())
                            .isEqualTo(FREE_TEXT_KEYS.get(key));
                      }
                    }));
  }

  @Test
  void formCodesEqualTheCodesTheServerAccepts() {
    Map<String, List<String>> expected = new HashMap<>();
    expected.put(PathwayVariables.RISK_DOMAINS, codes(RiskDomain.values(), RiskDomain::code));
    expected.put(PathwayVariables.SIGNALLING_DISCIPLINE, Disciplines.SIGNALLING);
    expected.put(
        PathwayVariables.CONSENT_DECISION,
        List.of("GIVEN", "REFUSED", ConsentDecisionListener.PARTIAL));
    expected.put(
        PathwayVariables.REFUSAL_FOLLOW_UP,
        List.of(RefusalFollowUpChecks.CLOSE_CASE, RefusalFollowUpChecks.START_MELDCODE));
    expected.put(
        PathwayVariables.MELDRECHT_FOLLOW_UP,
        List.of(RefusalFollowUpChecks.ASK_AGAIN, RefusalFollowUpChecks.CLOSE_CASE));
    expected.put(PathwayVariables.MELDCODE_STARTED_BY, Disciplines.ALL);
    expected.put(
        MdoVariables.PREPARATION, codes(MdoRules.Preparation.values(), MdoRules.Preparation::code));
    expected.put(
        PathwayVariables.CONSENT_REFUSAL_REASON,
        codes(ConsentReason.values(), ConsentReason::code));
    expected.put(
        PathwayVariables.HANDOVER_METHOD, codes(Handover.Method.values(), Handover.Method::code));
    expected.put(
        PathwayVariables.HOME_VISIT_DECISION,
        codes(HomeVisitDecision.Choice.values(), HomeVisitDecision.Choice::code));
    expected.put(
        PathwayVariables.HOME_VISIT_OPT_OUT_REASON,
        codes(HomeVisitDecision.OptOutReason.values(), HomeVisitDecision.OptOutReason::code));
    expected.put(
        PathwayVariables.HOME_VISIT_OUTCOME,
        codes(HomeVisitReport.Outcome.values(), HomeVisitReport.Outcome::code));
    expected.put(
        PathwayVariables.INTERVENTION_ADVICE,
        codes(
            HomeVisitReport.InterventionAdvice.values(), HomeVisitReport.InterventionAdvice::code));
    expected.put(
        PathwayVariables.HANDOVER_RECIPIENTS,
        Disciplines.ALL.stream()
            .filter(discipline -> !discipline.equals(Disciplines.REGIEHOUDER))
            .toList());
    expected.put(
        PathwayVariables.HOME_VISIT_REQUESTING_DISCIPLINE,
        CaseAcceptanceListener.HOME_VISIT_REQUESTERS);
    expected.put(PathwayVariables.BIRTH_CHECK_OUTCOME, BirthCheckListener.OUTCOMES);
    Set<String> checked = new HashSet<>();
    forms.forEach(
        (name, form) ->
            inputs(form).stream()
                .filter(input -> expected.containsKey(input.path("key").asText()))
                .forEach(
                    input -> {
                      String key = input.path("key").asText();
                      List<String> values =
                          StreamSupport.stream(input.path("values").spliterator(), false)
                              .map(value -> value.path("value").asText())
                              .toList();
                      assertThat(values)
                          .as("codes of %s in %s", key, name)
                          .containsExactlyInAnyOrderElementsOf(expected.get(key));
                      checked.add(key);
                    }));
    assertThat(checked).containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void signalFormBoundsEqualTheServerRules() {
    JsonNode age =
        inputs(forms.get("zorgpad-signaal")).stream()
            .filter(
                input -> input.path("key").asText().equals(PathwayVariables.GESTATIONAL_AGE_WEEKS))
            .findFirst()
            .orElseThrow();
    assertThat(age.path("validate").path("min").asInt())
        .isEqualTo(SignalRules.MIN_GESTATIONAL_AGE_WEEKS);
    assertThat(age.path("validate").path("max").asInt())
        .isEqualTo(SignalRules.MAX_GESTATIONAL_AGE_WEEKS);
  }

  @Test
  void everyProcessIsExecutableWithWgboHistoryTimeToLive() {
    models.forEach(
        (file, model) -> {
          for (Process process : model.getModelElementsByType(Process.class)) {
            assertThat(process.isExecutable()).as(file).isTrue();
            assertThat(process.getCamundaHistoryTimeToLiveString())
                .as(file)
                .isEqualTo(WGBO_RETENTION_DAYS);
            assertThat(process.getName()).as(file).isNotBlank();
            assertThat(file).isEqualTo(process.getId() + ".bpmn");
          }
        });
  }

  @Test
  void everyUserTaskHasDisciplineFormAndDueDate() {
    Set<String> disciplines = new HashSet<>(Disciplines.ALL);
    models.forEach(
        (file, model) -> {
          for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String where = file + "#" + task.getId();
            assertThat(task.getCamundaCandidateGroupsList())
                .as("candidate group of %s", where)
                .singleElement()
                .satisfies(
                    group -> {
                      if (!group.startsWith("${")) {
                        assertThat(disciplines).as(where).contains(group);
                      }
                    });
            assertThat(task.getCamundaFormRef()).as("form of %s", where).isNotBlank();
            assertThat(task.getCamundaFormRefBinding()).as(where).isEqualTo("latest");
            assertThat(task.getCamundaDueDate())
                .as("due date of %s", where)
                .startsWith("${deadlines.");
            assertThat(task.getName()).as(where).isNotBlank();
          }
        });
  }

  @Test
  void everyFormRefNamesAnExistingForm() {
    List<String> formRefs = new ArrayList<>();
    models
        .values()
        .forEach(
            model -> {
              model
                  .getModelElementsByType(UserTask.class)
                  .forEach(task -> formRefs.add(task.getCamundaFormRef()));
              model.getModelElementsByType(StartEvent.class).stream()
                  .filter(start -> start.getCamundaFormRef() != null)
                  .forEach(
                      start -> {
                        formRefs.add(start.getCamundaFormRef());
                        assertThat(start.getCamundaFormRefBinding()).isEqualTo("latest");
                      });
            });
    assertThat(formRefs).isNotEmpty();
    assertThat(forms.keySet()).containsAll(formRefs);
    assertThat(formRefs).as("every form is used").containsAll(forms.keySet());
  }

  @Test
  void callActivitiesCallOurProcessesAndPassTheBusinessKey() throws IOException {
    Set<String> processIds =
        models.values().stream()
            .flatMap(model -> model.getModelElementsByType(Process.class).stream())
            .map(Process::getId)
            .collect(Collectors.toCollection(HashSet::new));
    // zorgpad-mdo and zorgpad-meldcode are built on another branch; until it is merged their
    // ids come from the test stubs (src/test/resources/stubs), which are never deployed
    for (Path stub : files(STUBS, ".bpmn")) {
      Bpmn.readModelFromFile(stub.toFile())
          .getModelElementsByType(Process.class)
          .forEach(process -> processIds.add(process.getId()));
    }
    models.forEach(
        (file, model) -> {
          for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
            assertThat(processIds).as(file + "#" + call.getId()).contains(call.getCalledElement());
            assertThat(
                    call.getExtensionElements()
                        .getElementsQuery()
                        .filterByType(CamundaIn.class)
                        .list())
                .as("business key passed by %s", call.getId())
                .anyMatch(
                    in -> "#{execution.processBusinessKey}".equals(in.getCamundaBusinessKey()));
          }
        });
  }

  @Test
  void messagesAreTheNamesOfPathwayMessages() {
    Set<String> names =
        Arrays.stream(PathwayMessages.class.getDeclaredFields())
            .filter(
                field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
            .filter(field -> Character.isUpperCase(value(field).charAt(0)))
            .map(PathwayModelTest::value)
            .collect(Collectors.toSet());
    Set<String> used =
        models.values().stream()
            .flatMap(model -> model.getModelElementsByType(Message.class).stream())
            .map(Message::getName)
            .collect(Collectors.toSet());
    assertThat(used).containsExactlyInAnyOrderElementsOf(names);
  }

  @Test
  void decisionsHaveWgboHistoryTimeToLiveAndBusinessRuleTasksNameThem() throws IOException {
    Set<String> decisions = new HashSet<>();
    for (Path file : files(PROCESSES, ".dmn")) {
      for (Decision decision :
          Dmn.readModelFromFile(file.toFile()).getModelElementsByType(Decision.class)) {
        assertThat(decision.getCamundaHistoryTimeToLiveString())
            .as(decision.getId())
            .isEqualTo(WGBO_RETENTION_DAYS);
        assertThat(decision.getName()).as(decision.getId()).isNotBlank();
        decisions.add(decision.getId());
      }
    }
    models.forEach(
        (file, model) ->
            model
                .getModelElementsByType(BusinessRuleTask.class)
                .forEach(
                    task -> {
                      assertThat(decisions)
                          .as(file + "#" + task.getId())
                          .contains(task.getCamundaDecisionRef());
                      // a result variable may hold a code or a list of codes, never a map of
                      // outputs
                      // (singleResult, resultList): map those from the transient decisionResult
                      // instead
                      if (task.getCamundaResultVariable() != null) {
                        assertThat(task.getCamundaMapDecisionResult())
                            .as("%s#%s result variable holds codes", file, task.getId())
                            .isIn("singleEntry", "collectEntries");
                      }
                    }));
  }

  @Test
  void theCoordinatorsWorkbenchAcceptsEveryShippedModel() throws IOException {
    Set<String> processIds = new HashSet<>();
    models
        .values()
        .forEach(
            model ->
                model
                    .getModelElementsByType(Process.class)
                    .forEach(process -> processIds.add(process.getId())));
    for (Path stub : files(STUBS, ".bpmn")) {
      Bpmn.readModelFromFile(stub.toFile())
          .getModelElementsByType(Process.class)
          .forEach(process -> processIds.add(process.getId()));
    }
    Set<String> decisions = new HashSet<>();
    for (Path file : files(PROCESSES, ".dmn")) {
      Dmn.readModelFromFile(file.toFile())
          .getModelElementsByType(Decision.class)
          .forEach(decision -> decisions.add(decision.getId()));
    }
    ValidationContext context =
        new ValidationContext(
            new HashSet<>(Disciplines.ALL), forms.keySet(), processIds, decisions);
    List<Path> shipped = new ArrayList<>(files(PROCESSES, ".bpmn"));
    shipped.addAll(files(PROCESSES, ".dmn"));
    shipped.addAll(files(FORMS, ".form"));
    for (Path file : shipped) {
      String resource = file.getParent().getFileName() + "/" + file.getFileName();
      List<ValidationIssue> errors =
          new ModelValidator(new ObjectMapper())
              .validate(resource, Files.readAllBytes(file), context).stream()
                  .filter(ValidationIssue::isError)
                  .toList();
      assertThat(errors).as(resource).isEmpty();
    }
  }

  @Test
  void elementIdsAreMeaningfulAndNamesReadable() {
    models.forEach(
        (file, model) -> {
          for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
            assertThat(node.getId())
                .as(file)
                .matches("^(Start|End|Task|Call|Gateway|Timer|Event|Sub)_[A-Z][A-Za-z]+$");
            boolean mergeGateway =
                node instanceof ExclusiveGateway
                    && node.getIncoming().size() > 1
                    && node.getOutgoing().size() == 1;
            if (!mergeGateway) {
              assertThat(node.getName()).as("name of %s#%s", file, node.getId()).isNotBlank();
            }
          }
          for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
            assertThat(flow.getId()).as(file).matches("^Flow_[A-Z][A-Za-z]+$");
          }
        });
  }

  @Test
  void everyElementHasADiagramShape() {
    models.forEach(
        (file, model) -> {
          Set<String> shapes =
              model.getModelElementsByType(BpmnShape.class).stream()
                  .map(BpmnShape::getBpmnElement)
                  .map(BaseElement::getId)
                  .collect(Collectors.toSet());
          Set<String> edges =
              model.getModelElementsByType(BpmnEdge.class).stream()
                  .map(BpmnEdge::getBpmnElement)
                  .map(BaseElement::getId)
                  .collect(Collectors.toSet());
          model
              .getModelElementsByType(FlowNode.class)
              .forEach(
                  node ->
                      assertThat(shapes)
                          .as("shape of %s#%s", file, node.getId())
                          .contains(node.getId()));
          model
              .getModelElementsByType(SequenceFlow.class)
              .forEach(
                  flow ->
                      assertThat(edges)
                          .as("edge of %s#%s", file, flow.getId())
                          .contains(flow.getId()));
        });
  }

  private static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> paths = Files.list(folder)) {
      return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
    }
  }

  private static String baseName(Path file, String suffix) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - suffix.length());
  }

  private static List<JsonNode> components(JsonNode form) {
    return StreamSupport.stream(form.path("components").spliterator(), false).toList();
  }

  private static List<JsonNode> inputs(JsonNode form) {
    return components(form).stream()
        .filter(component -> INPUT_COMPONENTS.contains(component.path("type").asText()))
        .toList();
  }

  private static Set<String> pathwayVariableNames() {
    return Stream.of(PathwayVariables.class, MdoVariables.class, MeldcodeVariables.class)
        .flatMap(type -> Arrays.stream(type.getDeclaredFields()))
        .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
        .map(PathwayModelTest::value)
        .collect(Collectors.toSet());
  }

  private static String value(Field field) {
    try {
      return (String) field.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <E> List<String> codes(E[] values, Function<E, String> code) {
    return Arrays.stream(values).map(code).toList();
  }
}
