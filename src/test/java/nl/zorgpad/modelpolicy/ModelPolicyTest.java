package nl.zorgpad.modelpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import nl.zorgpad.pathway.CaseClosing;
import nl.zorgpad.pathway.ConsentCheck;
import nl.zorgpad.pathway.Deadlines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The model policy on files, without an engine: one test per rule of docs/model-policy.md, each
 * with the smallest model that breaks it (and, where it helps, one that keeps it).
 */
class ModelPolicyTest {

  private static final Path TOUCHED = Path.of("/tmp/zorgpad-policy-unit-test");

  /** Real pathway beans; {@code caseRegistry} stands for a Spring bean without the mark. */
  private static final PathwayBeans BEANS =
      PathwayBeans.ofTypes(
          Map.of(
              "deadlines",
              Deadlines.class,
              "caseClosing",
              CaseClosing.class,
              "consentCheck",
              ConsentCheck.class,
              "caseRegistry",
              Object.class));

  private final ModelPolicy policy =
      new ModelPolicy(BEANS, new com.fasterxml.jackson.databind.ObjectMapper());

  static Stream<HostileModels.Hostile> hostile() {
    return HostileModels.all(TOUCHED, "unit-").stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void everyCodeRunningModelOfTheIssueIsRefusedNamingItsElement(HostileModels.Hostile model) {
    List<PolicyViolation> violations = policy.check(model.resource(), model.content());
    assertThat(violations).as(model.name()).isNotEmpty();
    assertThat(violations.get(0).message()).contains(model.elementText());
  }

  // --- scripts ------------------------------------------------------------------------------

  @Test
  void scriptTasksAreRefused() {
    PolicyViolation violation =
        single(
            bpmn(
                "<bpmn:scriptTask id=\"Task_Run\" name=\"Reken uit\""
                    + " scriptFormat=\"groovy\"><bpmn:script>1 + 1</bpmn:script></bpmn:scriptTask>"));
    assertThat(violation.rule()).isEqualTo("no-script-task");
    assertThat(violation.elementId()).isEqualTo("Task_Run");
    assertThat(violation.message())
        .startsWith("Scripttaak 'Reken uit' (Task_Run): scripttaken" + " zijn niet toegestaan.");
  }

  @Test
  void scriptsInListenersAreRefused() {
    PolicyViolation violation =
        single(
            bpmn(
                "<bpmn:userTask id=\"Task_Run\" name=\"X\""
                    + " camunda:candidateGroups=\"jgz\"><bpmn:extensionElements>"
                    + "<camunda:taskListener event=\"create\"><camunda:script scriptFormat=\"javascript\">"
                    + "java.lang.System.exit(1)</camunda:script></camunda:taskListener>"
                    + "</bpmn:extensionElements></bpmn:userTask>"));
    assertThat(violation.rule()).isEqualTo("no-script");
    assertThat(violation.message())
        .isEqualTo(
            "Taak 'X' (Task_Run): scripts zijn niet"
                + " toegestaan. Zorgpad voert geen scripts uit een model uit.");
  }

  @Test
  void scriptsInInputOutputMappingsAreRefused() {
    PolicyViolation violation =
        single(
            bpmn(
                "<bpmn:task id=\"Task_Run\" name=\"X\">"
                    + "<bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name=\"y\">"
                    + "<camunda:script scriptFormat=\"juel\">${1}</camunda:script></camunda:outputParameter>"
                    + "</camunda:inputOutput></bpmn:extensionElements></bpmn:task>"));
    assertThat(violation.rule()).isEqualTo("no-script");
  }

  @Test
  void scriptConditionsAreRefused() {
    List<PolicyViolation> violations =
        policy.check("processes/c.bpmn", bytes(condition(" language=\"javascript\"", "true")));
    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.rule()).isEqualTo("no-script");
              assertThat(v.elementId()).isEqualTo("Flow_Yes");
              assertThat(v.message())
                  .startsWith(
                      "Pijl 'Ja' (Flow_Yes): deze voorwaarde is een script"
                          + " (taal 'javascript')")
                  .contains("${toestemming == true}");
            });
  }

  @Test
  void scriptsFromAnotherFileAreRefused() {
    assertThat(single(bpmn(condition(" camunda:resource=\"deployment://x.js\"", "x"))).rule())
        .isEqualTo("no-script");
  }

  // --- classes and beans ------------------------------------------------------------------

  @Test
  void javaClassesAreRefusedUnlessTheyAreAPathwayBean() {
    assertThat(
            single(
                    bpmn(
                        "<bpmn:serviceTask id=\"Task_Run\" name=\"X\""
                            + " camunda:class=\"java.lang.ProcessBuilder\" />"))
                .rule())
        .isEqualTo("class-not-allowed");
    assertThat(
            single(
                    bpmn(
                        "<bpmn:callActivity id=\"Task_Run\" name=\"X\" calledElement=\"y\""
                            + " camunda:variableMappingClass=\"java.lang.Runtime\" />"))
                .rule())
        .isEqualTo("class-not-allowed");
    assertThat(
            policy.check(
                "processes/ok.bpmn",
                bytes(
                    definitions(
                        "<bpmn:serviceTask"
                            + " id=\"Task_Run\" name=\"X\" camunda:class=\""
                            + ConsentCheck.class.getName()
                            + "\" />"))))
        .isEmpty();
  }

  @Test
  void delegateExpressionsNameExactlyOneMarkedBean() {
    assertThat(
            policy.check(
                "processes/ok.bpmn",
                bytes(
                    definitions(
                        "<bpmn:serviceTask"
                            + " id=\"Task_Run\" name=\"X\" camunda:delegateExpression=\"${consentCheck}\" />"))))
        .isEmpty();
    PolicyViolation unmarked =
        single(
            bpmn(
                "<bpmn:serviceTask id=\"Task_Run\" name=\"X\""
                    + " camunda:delegateExpression=\"${caseRegistry}\" />"));
    assertThat(unmarked.rule()).isEqualTo("expression-bean");
    assertThat(unmarked.message())
        .isEqualTo(
            "Servicetaak 'X' (Task_Run), onderdeel van Zorgpad:"
                + " 'caseRegistry' is geen onderdeel van Zorgpad dat een model mag gebruiken.");
    assertThat(
            single(
                    bpmn(
                        "<bpmn:serviceTask id=\"Task_Run\" name=\"X\""
                            + " camunda:delegateExpression=\"${consentCheck.execute(execution)}\" />"))
                .rule())
        .isEqualTo("expression-delegate");
  }

  @Test
  void onlyMarkedMethodsOfMarkedBeansMayBeCalled() {
    assertThat(check("${deadlines.inWorkingDays(2)}")).isEmpty();
    assertThat(check("${caseClosing.close(execution, 'CLOSED')}")).isEmpty();
    assertThat(check("${deadlines.workingDaysAfterDay(birthDate, 10, 1)}")).isEmpty();
    // Deadlines.now() is public but not marked
    assertThat(check("${deadlines.now()}"))
        .singleElement()
        .satisfies(
            v ->
                assertThat(v.message())
                    .endsWith(
                        "'deadlines.now' is geen functie van Zorgpad die een model mag gebruiken."));
    assertThat(check("${deadlines.getClass()}")).hasSize(1);
    assertThat(check("${deadlines.clock}")).hasSize(1);
    // a Spring bean without the mark is a variable name to the policy: no method on it
    assertThat(check("${caseRegistry.close('x')}")).hasSize(1);
  }

  // --- the expression grammar -------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${consentGiven}",
        "${!consentGiven}",
        "${not consentGiven}",
        "${empty riskDomains}",
        "${riskScore >= 3 && riskLevel != 'laag'}",
        "${a == 1 or b lt 2}",
        "${x ? 'ja' : 'nee'}",
        "${(a + 1) * 2 > 3}",
        "${'jgz'}",
        "${null}",
        "${3.5}",
        "jgz, ${discipline}",
        "#{execution.processBusinessKey}",
        "${execution.getVariable('consentAskAgain') == true}",
        "${execution.setVariableLocal('mdoAction', mdoActions.get(loopCounter))}",
        "${task.name}",
        "${decisionResult.getSingleResult().riskScore}",
        "${decisionResult.collectEntries('triageInterventionAdvice')}",
        "${decisionResult.getSingleEntry()}",
        "${decisionResult.getFirstResult().getEntry('x')}",
        "${advice['mdo']}",
        "${list[0]}",
        "${map[key]}",
        "${list.size() > 0}",
        "${deadlines.daysAfter(dueDate, 21)}",
        "P5D"
      })
  void theGrammarAcceptsWhatPathwaysNeed(String expression) {
    assertThat(check(expression)).as(expression).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${''.getClass()}",
        "${x.getClass().forName('java.lang.Runtime')}",
        "${x.class}",
        "${x['class']}",
        "${x.class.classLoader}",
        "${''.concat('a')}",
        "${x.toString()}",
        "${x['getClass']()}",
        "${x[m]()}",
        "${now()}",
        "${fn:upper(x)}",
        "${execution.getProcessEngineServices()}",
        "${execution.processEngine}",
        "${execution.getProcessEngine().getRuntimeService()}",
        "${task.execution}",
        "${decisionResult.getClass()}",
        "${mdoActions.get(0).getClass()}",
        "${execution.getVariable('x').getClass()}",
        "${deadlines[x]}",
        "${x.wait()}",
        "${1 +}"
      })
  void theGrammarRefusesEverythingElse(String expression) {
    assertThat(check(expression)).as(expression).hasSize(1);
  }

  @Test
  void theFirstWrongStepOfAChainIsNamed() {
    assertThat(check(HostileModels.exec(TOUCHED)))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).contains("methode 'getClass' is niet toegestaan"));
  }

  @Test
  void expressionsAreCheckedWhereverTheEngineEvaluatesThem() {
    String exec = "${''.getClass()}";
    for (String element :
        List.of(
            "<bpmn:userTask id=\"Task_Run\" name=\"X\" camunda:followUpDate=\"" + exec + "\" />",
            "<bpmn:userTask id=\"Task_Run\" name=\"X\" camunda:assignee=\"" + exec + "\" />",
            "<bpmn:userTask id=\"Task_Run\" name=\"X\" camunda:formRef=\"" + exec + "\" />",
            "<bpmn:callActivity id=\"Task_Run\" name=\"X\" calledElement=\"" + exec + "\" />",
            "<bpmn:callActivity id=\"Task_Run\" name=\"X\" calledElement=\"y\">"
                + "<bpmn:extensionElements><camunda:in sourceExpression=\""
                + exec
                + "\" target=\"t\""
                + " /></bpmn:extensionElements></bpmn:callActivity>",
            "<bpmn:task id=\"Task_Run\" name=\"X\"><bpmn:multiInstanceLoopCharacteristics"
                + " camunda:collection=\""
                + exec
                + "\" camunda:elementVariable=\"e\" /></bpmn:task>",
            "<bpmn:task id=\"Task_Run\" name=\"X\"><bpmn:multiInstanceLoopCharacteristics>"
                + "<bpmn:loopCardinality>"
                + exec
                + "</bpmn:loopCardinality>"
                + "</bpmn:multiInstanceLoopCharacteristics></bpmn:task>",
            "<bpmn:serviceTask id=\"Task_Run\" name=\"X\" camunda:class=\""
                + ConsentCheck.class.getName()
                + "\"><bpmn:extensionElements><camunda:field"
                + " name=\"f\"><camunda:expression>"
                + exec
                + "</camunda:expression></camunda:field>"
                + "</bpmn:extensionElements></bpmn:serviceTask>",
            "<bpmn:task id=\"Task_Run\" name=\"X\" camunda:asyncBefore=\"true\">"
                + "<bpmn:extensionElements><camunda:failedJobRetryTimeCycle>"
                + exec
                + "</camunda:failedJobRetryTimeCycle></bpmn:extensionElements></bpmn:task>",
            "<bpmn:task id=\"Task_Run\" name=\"X\"><bpmn:extensionElements><camunda:inputOutput>"
                + "<camunda:inputParameter name=\"l\"><camunda:list><camunda:value>"
                + exec
                + "</camunda:value></camunda:list></camunda:inputParameter></camunda:inputOutput>"
                + "</bpmn:extensionElements></bpmn:task>")) {
      assertThat(policy.check("processes/x.bpmn", bytes(definitions(element))))
          .as(element)
          .singleElement()
          .satisfies(v -> assertThat(v.elementId()).isEqualTo("Task_Run"));
    }
  }

  @Test
  void messageAndSignalNamesAreExpressionsToo() {
    String xml =
        definitions("<bpmn:task id=\"Task_Run\" name=\"X\" />")
            .replace(
                "</bpmn:process>",
                "</bpmn:process><bpmn:message id=\"Message_X\" name=\"${''.getClass()}\" />");
    assertThat(policy.check("processes/x.bpmn", bytes(xml)))
        .singleElement()
        .satisfies(v -> assertThat(v.message()).startsWith("Bericht '${''.getClass()}'"));
  }

  @Test
  void theActivitiNamespaceIsCamundaToo() {
    String xml =
        definitions(
                "<bpmn:serviceTask id=\"Task_Run\" name=\"X\""
                    + " activiti:class=\"java.lang.Runtime\" />")
            .replace("xmlns:xsi=", "xmlns:activiti=\"http://activiti.org/bpmn\" xmlns:xsi=");
    assertThat(policy.check("processes/x.bpmn", bytes(xml)))
        .singleElement()
        .satisfies(v -> assertThat(v.rule()).isEqualTo("class-not-allowed"));
  }

  @Test
  void documentationIsNeverEvaluatedAndNotChecked() {
    assertThat(
            policy.check(
                "processes/x.bpmn",
                bytes(
                    definitions(
                        "<bpmn:task id=\"Task_Run\""
                            + " name=\"X\"><bpmn:documentation>zie ${''.getClass()}</bpmn:documentation></bpmn:task>"))))
        .isEmpty();
  }

  @Test
  void connectorsEmbeddedFormFieldsAndFormKeysAreRefused() {
    assertThat(
            single(
                    bpmn(
                        "<bpmn:serviceTask id=\"Task_Run\" name=\"X\">"
                            + "<bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector"
                            + "</camunda:connectorId></camunda:connector></bpmn:extensionElements>"
                            + "</bpmn:serviceTask>"))
                .rule())
        .isEqualTo("no-connector");
    assertThat(
            single(
                    bpmn(
                        "<bpmn:userTask id=\"Task_Run\" name=\"X\">"
                            + "<bpmn:extensionElements><camunda:formData><camunda:formField id=\"f\" type=\"string\""
                            + " defaultValue=\"a\" /></camunda:formData></bpmn:extensionElements>"
                            + "</bpmn:userTask>"))
                .rule())
        .isEqualTo("no-form-data");
    PolicyViolation formKey =
        single(
            bpmn(
                "<bpmn:userTask id=\"Task_Run\" name=\"Stap\""
                    + " camunda:formKey=\"embedded:deployment:x.html\" />"));
    assertThat(formKey.rule()).isEqualTo("form-key");
    assertThat(formKey.message()).startsWith("Taak 'Stap' (Task_Run) gebruikt een formKey.");
  }

  // --- files ------------------------------------------------------------------------------

  @Test
  void aDoctypeIsRefusedBeforeAnyParserSeesIt() {
    PolicyViolation violation =
        single(
            policy.check(
                "processes/x.bpmn",
                bytes(
                    "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"http://example.org/x.dtd\">"
                        + definitions("<bpmn:task id=\"Task_Run\" />"))));
    assertThat(violation.rule()).isEqualTo("no-doctype");
    assertThat(violation.elementId()).isNull();
    assertThat(violation.message()).startsWith("Het bestand bevat een DOCTYPE-declaratie.");
    // in UTF-16 too (the byte scan reads both byte orders)
    byte[] utf16 =
        ("<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x []>"
                + definitions("<bpmn:task id=\"Task_Run\" />"))
            .getBytes(StandardCharsets.UTF_16);
    assertThat(single(policy.check("processes/x.bpmn", utf16)).rule()).isEqualTo("no-doctype");
    // and in DMN
    assertThat(
            single(policy.check("processes/x.dmn", bytes("<!DOCTYPE x []><definitions/>"))).rule())
        .isEqualTo("no-doctype");
  }

  @Test
  void unreadableXmlIsRefusedWithoutParserDetails() {
    PolicyViolation violation = single(policy.check("processes/x.bpmn", bytes("<definitions")));
    assertThat(violation.rule()).isEqualTo("unreadable");
    assertThat(violation.message()).doesNotContain("SAX").doesNotContain("xerces");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "processes/x.cmmn",
        "processes/x.js",
        "forms/x.html",
        "x.groovy",
        "processes/x.svg",
        "processes/x.bpmn.txt"
      })
  void onlyPathwaysDecisionsAndFormsMayBeDeployed(String name) {
    assertThat(single(policy.check(name, bytes("x"))).rule()).isEqualTo("resource-type");
  }

  // --- DMN --------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"juel", "javascript", "groovy", "python", "JUEL"})
  void decisionsUseFeelOnly(String language) {
    PolicyViolation violation =
        single(
            policy.check(
                "processes/x.dmn",
                bytes(dmn(" expressionLanguage=\"" + language + "\"", "", "amount"))));
    assertThat(violation.rule()).isEqualTo("dmn-expression-language");
    assertThat(violation.elementId()).isEqualTo("Expression_In");
    assertThat(violation.message())
        .isEqualTo(
            "Invoerexpressie Expression_In: expressietaal '"
                + language
                + "' is niet toegestaan. Beslistabellen gebruiken FEEL.");
  }

  @Test
  void aDefaultLanguageForTheWholeDecisionModelMustBeFeelToo() {
    String xml =
        dmn("", "", "amount").replace("name=\"T\"", "name=\"T\" expressionLanguage=\"javascript\"");
    assertThat(single(policy.check("processes/x.dmn", bytes(xml))).rule())
        .isEqualTo("dmn-expression-language");
  }

  @Test
  void feelIsAcceptedUnderEveryNameTheEngineKnows() {
    for (String language :
        List.of(
            "feel",
            "FEEL",
            "http://www.omg.org/spec/FEEL/20140401",
            "https://www.omg.org/spec/DMN/20191111/FEEL/")) {
      assertThat(
              policy.check(
                  "processes/x.dmn",
                  bytes(dmn(" expressionLanguage=\"" + language + "\"", "", "amount"))))
          .as(language)
          .isEmpty();
    }
  }

  @Test
  void feelExternalJavaFunctionsAreRefused() {
    String external =
        "{ f: function(x) external { java: { class: \"java.lang.Runtime\","
            + " method signature: \"getRuntime()\" } }, r: f(1) }.r";
    assertThat(single(policy.check("processes/x.dmn", bytes(dmn("", "", external)))).rule())
        .isEqualTo("dmn-feel-external");
    // the word inside a string is no function
    assertThat(policy.check("processes/x.dmn", bytes(dmn("", "", "\"external\"")))).isEmpty();
  }

  // --- forms ------------------------------------------------------------------------------

  @Test
  void formsMustBeJson() {
    assertThat(single(policy.check("forms/x.form", bytes("{not json"))).rule())
        .isEqualTo("unreadable");
  }

  @ParameterizedTest
  @ValueSource(strings = {"html", "iframe"})
  void formComponentsThatLoadCodeOrSitesAreRefused(String type) {
    PolicyViolation violation =
        single(
            policy.check(
                "forms/x.form",
                bytes(form("{\"type\":\"" + type + "\",\"id\":\"Field_X\",\"label\":\"X\"}"))));
    assertThat(violation.rule()).isEqualTo("form-component-type");
    assertThat(violation.elementId()).isEqualTo("Field_X");
  }

  @Test
  void formComponentsTheTasklistCannotShowAreRefused() {
    PolicyViolation violation =
        single(
            policy.check(
                "forms/x.form",
                bytes(
                    form(
                        "{\"type\":\"filepicker\",\"id\":\"Field_File\",\"label\":\"Bijlage\"}"))));
    assertThat(violation.message())
        .isEqualTo(
            "Onderdeel 'Bijlage' (Field_File) heeft type"
                + " 'filepicker', dat de takenlijst (form-js 1.8.7) niet kan tonen.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a.b", "1x", "x-y", "${x}", "", "naam moeder"})
  void formKeysAreVariableNames(String key) {
    assertThat(
            single(
                    policy.check(
                        "forms/x.form",
                        bytes(
                            form(
                                "{\"type\":\"textfield\","
                                    + "\"id\":\"Field_X\",\"key\":\""
                                    + key
                                    + "\"}"))))
                .rule())
        .isEqualTo("form-key");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "<iframe src=//evil>",
        "<a href=\\\"data:text/html,x\\\">"
      })
  void formTextsHoldNoHtmlOrScript(String text) {
    assertThat(
            single(
                    policy.check(
                        "forms/x.form",
                        bytes(
                            form(
                                "{\"type\":\"text\","
                                    + "\"id\":\"Text_X\",\"text\":\""
                                    + text
                                    + "\"}"))))
                .rule())
        .isEqualTo("form-markup");
  }

  @Test
  void formImagesAreEmbedded() {
    assertThat(
            single(
                    policy.check(
                        "forms/x.form",
                        bytes(
                            form(
                                "{\"type\":\"image\","
                                    + "\"id\":\"Image_X\",\"source\":\"https://tracker.example/pixel.png\"}"))))
                .rule())
        .isEqualTo("form-image");
    assertThat(
            policy.check(
                "forms/x.form",
                bytes(
                    form(
                        "{\"type\":\"image\",\"id\":\"Image_X\","
                            + "\"source\":\"data:image/png;base64,iVBORw0KGgo=\"}"))))
        .isEmpty();
  }

  @Test
  void formTemplatesAndMarkdownStayAllowed() {
    assertThat(
            policy.check(
                "forms/x.form",
                bytes(
                    form(
                        "{\"type\":\"text\",\"id\":\"Text_X\","
                            + "\"text\":\"### Casus **{{caseNumber}}** < 18 jaar\"}"))))
        .isEmpty();
  }

  // --- helpers ----------------------------------------------------------------------------

  private List<PolicyViolation> check(String expression) {
    String escaped = expression.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    return policy.check(
        "processes/x.bpmn",
        bytes(
            definitions(
                "<bpmn:userTask id=\"Task_Run\""
                    + " name=\"X\" camunda:candidateGroups=\""
                    + escaped
                    + "\" />")));
  }

  private List<PolicyViolation> bpmn(String element) {
    return policy.check(
        "processes/x.bpmn",
        bytes(element.startsWith("<bpmn:definitions") ? element : definitions(element)));
  }

  private static PolicyViolation single(List<PolicyViolation> violations) {
    assertThat(violations).hasSize(1);
    return violations.get(0);
  }

  private static String definitions(String element) {
    return HostileModels.definitions("x", element);
  }

  private static String condition(String attributes, String text) {
    return "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" targetNamespace=\"t\">"
        + "<bpmn:process id=\"c\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"Start\" /><bpmn:exclusiveGateway id=\"Gateway_X\" />"
        + "<bpmn:sequenceFlow id=\"Flow_Yes\" name=\"Ja\" sourceRef=\"Gateway_X\" targetRef=\"End\">"
        + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\""
        + attributes
        + ">"
        + text
        + "</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:endEvent id=\"End\" />"
        + "</bpmn:process></bpmn:definitions>";
  }

  private static String dmn(String inputLanguage, String unused, String inputText) {
    return "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"D\""
        + " name=\"T\" namespace=\"t\"><decision id=\"Decision_X\" name=\"X\">"
        + "<decisionTable id=\"Table_X\"><input id=\"Input_X\"><inputExpression"
        + " id=\"Expression_In\" typeRef=\"string\""
        + inputLanguage
        + "><text>"
        + inputText.replace("&", "&amp;").replace("<", "&lt;")
        + "</text></inputExpression>"
        + "</input><output id=\"Output_X\" name=\"o\" typeRef=\"string\" /></decisionTable>"
        + "</decision></definitions>";
  }

  private static String form(String component) {
    return "{\"id\":\"x\",\"type\":\"default\",\"schemaVersion\":16,\"components\":["
        + component
        + "]}";
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
