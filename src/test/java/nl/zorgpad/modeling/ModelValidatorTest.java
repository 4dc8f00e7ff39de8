package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.modelpolicy.ModelPolicy;
import nl.zorgpad.modelpolicy.PathwayBeans;
import nl.zorgpad.pathway.Deadlines;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.junit.jupiter.api.Test;

/**
 * One test per Zorgpad rule: the Dutch message lands on the element it is about. The validator
 * includes the engine's model policy (its own rules are tested in {@code ModelPolicyTest}); the
 * tests here of script, form-key and component findings show that they reach the workbench.
 */
class ModelValidatorTest {

  private static final String BPMN = "processes/test.bpmn";
  private static final ValidationContext CONTEXT =
      new ValidationContext(
          Set.of("verloskundige", "jgz", "kraamzorg"), Set.of("zorgpad-signaal"),
          Set.of("zorgpad-toestemming"), Set.of("zorgpad-triage"));

  private final ModelValidator validator =
      new ModelValidator(
          new ModelPolicy(
              PathwayBeans.ofTypes(Map.of("deadlines", Deadlines.class)),
              new com.fasterxml.jackson.databind.ObjectMapper()),
          new com.fasterxml.jackson.databind.ObjectMapper());

  private static ProcessBuilder process() {
    return Bpmn.createExecutableProcess("test-pathway")
        .name("Testzorgpad")
        .camundaHistoryTimeToLive(180);
  }

  private static BpmnModelInstance withTask(String groups, String formRef) {
    var task = process().startEvent().userTask("Task_Visit").name("Huisbezoek plannen");
    if (groups != null) {
      task.camundaCandidateGroups(groups);
    }
    if (formRef != null) {
      task.camundaFormRef(formRef).camundaFormRefBinding("latest");
    }
    return task.endEvent().done();
  }

  private List<ValidationIssue> validate(BpmnModelInstance model) {
    return validator.validate(
        BPMN, Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8), CONTEXT);
  }

  private List<ValidationIssue> validate(String resource, String content) {
    return validator.validate(resource, content.getBytes(StandardCharsets.UTF_8), CONTEXT);
  }

  private static ValidationIssue single(List<ValidationIssue> issues) {
    assertThat(issues).hasSize(1);
    return issues.get(0);
  }

  @Test
  void aCorrectPathwayHasNoFindings() {
    assertThat(validate(withTask("jgz", "zorgpad-signaal"))).isEmpty();
  }

  @Test
  void everyProcessNeedsAHistoryTimeToLive() {
    BpmnModelInstance model =
        Bpmn.createExecutableProcess("no-ttl")
            .name("Zonder termijn")
            .camundaHistoryTimeToLiveString(null) // the builder sets a default
            .startEvent()
            .endEvent()
            .done();
    ValidationIssue issue = single(validate(model));
    assertThat(issue.elementId()).isEqualTo("no-ttl");
    assertThat(issue.rule()).isEqualTo("history-time-to-live");
    assertThat(issue.message())
        .isEqualTo(
            "Zorgpad 'Zonder termijn' heeft geen bewaartermijn"
                + " (historyTimeToLive). Vul het aantal dagen in dat afgeronde casussen bewaard blijven.");
    assertThat(issue.isError()).isTrue();
  }

  @Test
  void everyUserTaskNeedsADiscipline() {
    ValidationIssue issue = single(validate(withTask(null, "zorgpad-signaal")));
    assertThat(issue.elementId()).isEqualTo("Task_Visit");
    assertThat(issue.message())
        .isEqualTo(
            "Taak 'Huisbezoek plannen' heeft geen discipline."
                + " Kies wie deze taak krijgt (kandidaatgroep).");
  }

  @Test
  void theDisciplineMustExistOnTheSocialMap() {
    ValidationIssue issue = single(validate(withTask("jgz, tandarts", "zorgpad-signaal")));
    assertThat(issue.elementId()).isEqualTo("Task_Visit");
    assertThat(issue.rule()).isEqualTo("discipline-known");
    assertThat(issue.message())
        .isEqualTo(
            "Taak 'Huisbezoek plannen': discipline 'tandarts' bestaat niet op de sociale kaart.");
  }

  @Test
  void aDisciplineFromAProcessVariableIsAccepted() {
    assertThat(validate(withTask("${recipientDiscipline}", "zorgpad-signaal"))).isEmpty();
  }

  @Test
  void aComputedDisciplineIsAWarningNotAnError() {
    // within the policy's grammar; a call of a bean that is not allowed is an error there
    ValidationIssue issue =
        single(
            validate(
                withTask("${riskLevel == 'hoog' ? 'jgz' : 'verloskundige'}", "zorgpad-signaal")));
    assertThat(issue.isError()).isFalse();
    assertThat(issue.message()).contains("is een expressie");
  }

  @Test
  void everyUserTaskNeedsAForm() {
    ValidationIssue issue = single(validate(withTask("jgz", null)));
    assertThat(issue.elementId()).isEqualTo("Task_Visit");
    assertThat(issue.rule()).isEqualTo("form-required");
    assertThat(issue.message())
        .isEqualTo(
            "Taak 'Huisbezoek plannen' heeft geen formulier." + " Kies een formulier (formRef).");
  }

  @Test
  void theFormMustExist() {
    ValidationIssue issue = single(validate(withTask("jgz", "zorgpad-bestaat-niet")));
    assertThat(issue.elementId()).isEqualTo("Task_Visit");
    assertThat(issue.message())
        .isEqualTo(
            "Formulier 'zorgpad-bestaat-niet' van 'Huisbezoek"
                + " plannen' bestaat niet. Publiceer het formulier eerst of tegelijk.");
  }

  @Test
  void embeddedFormKeysAreRefused() {
    BpmnModelInstance model =
        process()
            .startEvent()
            .userTask("Task_Old")
            .name("Oud formulier")
            .camundaCandidateGroups("jgz")
            .camundaFormKey("embedded:app:forms/oud.html")
            .endEvent()
            .done();
    ValidationIssue issue = single(validate(model));
    assertThat(issue.elementId()).isEqualTo("Task_Old");
    assertThat(issue.rule()).isEqualTo("form-key");
    assertThat(issue.message())
        .startsWith("Taak 'Oud formulier' (Task_Old) gebruikt een" + " formKey");
  }

  @Test
  void formBindingToTheSameDeploymentIsRefused() {
    BpmnModelInstance model =
        process()
            .startEvent()
            .userTask("Task_Bound")
            .name("Gebonden")
            .camundaCandidateGroups("jgz")
            .camundaFormRef("zorgpad-signaal")
            .camundaFormRefBinding("deployment")
            .endEvent()
            .done();
    ValidationIssue issue = single(validate(model));
    assertThat(issue.elementId()).isEqualTo("Task_Bound");
    assertThat(issue.rule()).isEqualTo("form-binding");
    assertThat(issue.message()).contains("kies binding 'latest' of 'version'");
  }

  @Test
  void aStartFormMustExistWhenGiven() {
    BpmnModelInstance model =
        process()
            .startEvent("Start_Signal")
            .name("Signaal")
            .camundaFormRef("zorgpad-onbekend")
            .endEvent()
            .done();
    ValidationIssue issue = single(validate(model));
    assertThat(issue.elementId()).isEqualTo("Start_Signal");
    assertThat(issue.message()).startsWith("Formulier 'zorgpad-onbekend' van 'Signaal'");
  }

  @Test
  void scriptTasksAreRefused() {
    BpmnModelInstance model =
        process()
            .startEvent()
            .scriptTask("Task_Script")
            .name("Reken uit")
            .scriptFormat("groovy")
            .scriptText("1 + 1")
            .endEvent()
            .done();
    ValidationIssue issue = single(validate(model));
    assertThat(issue.elementId()).isEqualTo("Task_Script");
    assertThat(issue.rule()).isEqualTo("no-script-task");
    assertThat(issue.message())
        .startsWith("Scripttaak 'Reken uit' (Task_Script): scripttaken" + " zijn niet toegestaan.");
  }

  @Test
  void scriptsInListenersAreRefused() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="t">
          <process id="p" name="P" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="Start">
              <extensionElements>
                <camunda:executionListener event="start">
                  <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                </camunda:executionListener>
              </extensionElements>
            </startEvent>
          </process>
        </definitions>""";
    ValidationIssue issue = single(validate(BPMN, xml));
    assertThat(issue.elementId()).isEqualTo("Start");
    assertThat(issue.rule()).isEqualTo("no-script");
    assertThat(issue.message())
        .isEqualTo(
            "Startgebeurtenis Start: scripts zijn niet toegestaan."
                + " Zorgpad voert geen scripts uit een model uit.");
  }

  @Test
  void scriptConditionsAreRefused() {
    String xml =
        """
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn">
          <process id="p" name="P" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="Start" />
            <sequenceFlow id="Flow_Yes" name="Ja" sourceRef="Start" targetRef="End">
              <conditionExpression xsi:type="tFormalExpression" language="groovy">true</conditionExpression>
            </sequenceFlow>
            <endEvent id="End" />
          </process>
        </definitions>""";
    ValidationIssue issue = single(validate(BPMN, xml));
    assertThat(issue.elementId()).isEqualTo("Flow_Yes");
    assertThat(issue.message()).startsWith("Pijl 'Ja' (Flow_Yes): deze voorwaarde is een script");
  }

  @Test
  void calledPathwaysMustExist() {
    BpmnModelInstance model =
        process()
            .startEvent()
            .callActivity("Call_Mdo")
            .name("MDO")
            .calledElement("zorgpad-mdo")
            .callActivity("Call_Consent")
            .name("Toestemming")
            .calledElement("zorgpad-toestemming")
            .endEvent()
            .done();
    ValidationIssue issue = single(validate(model));
    assertThat(issue.elementId()).isEqualTo("Call_Mdo");
    assertThat(issue.rule()).isEqualTo("called-process-exists");
    assertThat(issue.message())
        .isEqualTo(
            "Deelproces 'MDO' roept zorgpad 'zorgpad-mdo' aan,"
                + " maar dat bestaat niet. Publiceer dat zorgpad eerst of tegelijk.");
  }

  @Test
  void calledDecisionsMustExist() {
    BpmnModelInstance model =
        process()
            .startEvent()
            .businessRuleTask("Task_Advice")
            .name("Advies")
            .camundaDecisionRef("zorgpad-advies")
            .businessRuleTask("Task_Triage")
            .name("Triage")
            .camundaDecisionRef("zorgpad-triage")
            .endEvent()
            .done();
    ValidationIssue issue = single(validate(model));
    assertThat(issue.elementId()).isEqualTo("Task_Advice");
    assertThat(issue.rule()).isEqualTo("decision-exists");
    assertThat(issue.message())
        .startsWith(
            "Beslistaak 'Advies' gebruikt beslistabel"
                + " 'zorgpad-advies', maar die bestaat niet.");
  }

  @Test
  void everyDecisionNeedsAHistoryTimeToLive() {
    String dmn =
        """
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="D"
            namespace="http://zorgpad.nl/dmn">
          <decision id="zorgpad-triage" name="Triage">
            <decisionTable id="Table">
              <input id="In"><inputExpression id="InExpr" typeRef="string"><text>risk</text></inputExpression></input>
              <output id="Out" name="level" typeRef="string" />
            </decisionTable>
          </decision>
        </definitions>""";
    ValidationIssue issue = single(validate("processes/triage.dmn", dmn));
    assertThat(issue.elementId()).isEqualTo("zorgpad-triage");
    assertThat(issue.message())
        .isEqualTo("Beslissing 'Triage' heeft geen bewaartermijn (historyTimeToLive).");
  }

  @Test
  void formsNewerThanTheTasklistsFormJsAreRefused() {
    ValidationIssue issue =
        single(
            validate(
                "forms/new.form",
                "{\"id\":\"zorgpad-nieuw\",\"schemaVersion\":18,\"components\":[]}"));
    assertThat(issue.elementId()).isEqualTo("zorgpad-nieuw");
    assertThat(issue.rule()).isEqualTo("form-schema-version");
    assertThat(issue.message())
        .startsWith(
            "Het formulier heeft schemaVersion 18; de takenlijst"
                + " (form-js 1.8.7) toont formulieren tot en met schemaVersion 16.");
  }

  @Test
  void formComponentsTheTasklistCannotShowAreRefused() {
    ValidationIssue issue =
        single(
            validate(
                "forms/upload.form",
                """
        {"id":"zorgpad-upload","schemaVersion":16,"components":[
          {"type":"group","id":"Group_1","components":[
            {"type":"filepicker","id":"Field_Upload","label":"Bijlage"}]}]}"""));
    assertThat(issue.elementId()).isEqualTo("Field_Upload");
    assertThat(issue.message())
        .isEqualTo(
            "Onderdeel 'Bijlage' (Field_Upload) heeft type"
                + " 'filepicker', dat de takenlijst (form-js 1.8.7) niet kan tonen.");
  }

  @Test
  void aFormNeedsAnId() {
    ValidationIssue issue = single(validate("forms/x.form", "{\"components\":[]}"));
    assertThat(issue.elementId()).isNull();
    assertThat(issue.rule()).isEqualTo("form-id");
  }

  @Test
  void unreadableFilesAreReportedForTheWholeFile() {
    ValidationIssue issue = single(validate(BPMN, "<definitions"));
    assertThat(issue.elementId()).isNull();
    assertThat(issue.message()).startsWith("Het bestand kan niet worden gelezen");
  }

  @Test
  void expressionsOutsideThePolicysGrammarAreShownOnTheElement() {
    ValidationIssue issue =
        single(
            validate(
                process()
                    .startEvent()
                    .userTask("Task_Visit")
                    .name("Huisbezoek plannen")
                    .camundaCandidateGroups("jgz")
                    .camundaFormRef("zorgpad-signaal")
                    .camundaFormRefBinding("latest")
                    .camundaDueDate("${''.getClass()}")
                    .endEvent()
                    .done()));
    assertThat(issue.elementId()).isEqualTo("Task_Visit");
    assertThat(issue.rule()).isEqualTo("expression-method");
    assertThat(issue.message())
        .startsWith(
            "Taak 'Huisbezoek plannen' (Task_Visit), deadline:"
                + " methode 'getClass' is niet toegestaan.");
  }

  @Test
  void aDoctypeIsShownWithoutAnyOtherParserReadingTheFile() {
    ValidationIssue issue =
        single(
            validate(
                BPMN,
                "<?xml version=\"1.0\"?><!DOCTYPE d ["
                    + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><definitions>&x;</definitions>"));
    assertThat(issue.rule()).isEqualTo("no-doctype");
  }
}
