package nl.zorgpad.modelpolicy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The code-running models of issue 10, for the tests of every door: each would run
 * {@code touch <file>} on the server if the engine took it (the stock engine does, see
 * {@code RestrictedExpressionManagerTest}). The process ids are unique per model so a test can
 * check that nothing of it was deployed.
 */
public final class HostileModels {

  private HostileModels() {}

  /**
   * @param name what the model hides (also the test's display name)
   * @param resource the resource name to deploy it under
   * @param content the file
   * @param processKey the process it defines (null for a DMN)
   * @param elementText the Dutch element description the refusal must name
   */
  public record Hostile(
      String name, String resource, byte[] content, String processKey, String elementText) {

    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code ${''.getClass().forName('java.lang.Runtime')…exec('touch <file>')}}. */
  public static String exec(Path file) {
    return "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
        + ".exec('touch "
        + file
        + "')}";
  }

  public static List<Hostile> all(Path file, String prefix) {
    String exec = exec(file);
    return List.of(
        bpmn(
            "service task expression",
            prefix + "expression",
            "<bpmn:serviceTask id=\"Task_Run\" name=\"Stap\" camunda:expression=\""
                + exec
                + "\" />",
            "Servicetaak 'Stap' (Task_Run)"),
        bpmn(
            "listener expression",
            prefix + "listener",
            "<bpmn:task id=\"Task_Run\" name=\"Stap\"><bpmn:extensionElements>"
                + "<camunda:executionListener event=\"start\" expression=\""
                + exec
                + "\" />"
                + "</bpmn:extensionElements></bpmn:task>",
            "Taak 'Stap' (Task_Run)"),
        bpmn(
            "task listener expression",
            prefix + "tasklistener",
            userTask(
                "<bpmn:extensionElements><camunda:taskListener event=\"create\""
                    + " expression=\""
                    + exec
                    + "\" /></bpmn:extensionElements>",
                ""),
            "Taak 'Stap' (Task_Run)"),
        condition("condition", prefix + "condition", "", exec),
        bpmn(
            "input mapping",
            prefix + "input",
            "<bpmn:task id=\"Task_Run\" name=\"Stap\"><bpmn:extensionElements>"
                + "<camunda:inputOutput><camunda:inputParameter name=\"x\">"
                + exec
                + "</camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements>"
                + "</bpmn:task>",
            "Taak 'Stap' (Task_Run)"),
        bpmn(
            "due date",
            prefix + "duedate",
            userTask("", " camunda:dueDate=\"" + exec + "\""),
            "Taak 'Stap' (Task_Run)"),
        bpmn(
            "candidate group",
            prefix + "group",
            "<bpmn:userTask id=\"Task_Run\" name=\"Stap\" camunda:candidateGroups=\""
                + exec
                + "\" camunda:formRef=\"zorgpad-signaal\" camunda:formRefBinding=\"latest\" />",
            "Taak 'Stap' (Task_Run)"),
        bpmn(
            "timer",
            prefix + "timer",
            "<bpmn:intermediateCatchEvent id=\"Timer_Run\" name=\"Wachten\">"
                + "<bpmn:timerEventDefinition><bpmn:timeDuration>"
                + exec
                + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>",
            "Tussengebeurtenis 'Wachten' (Timer_Run)"),
        bpmn(
            "delegate expression of an unlisted bean",
            prefix + "delegate",
            "<bpmn:serviceTask id=\"Task_Run\" name=\"Stap\""
                + " camunda:delegateExpression=\"${processEngine}\" />",
            "Servicetaak 'Stap' (Task_Run)"),
        bpmn(
            "java class",
            prefix + "class",
            "<bpmn:serviceTask id=\"Task_Run\" name=\"Stap\" camunda:class=\"java.lang.Runtime\""
                + " />",
            "Servicetaak 'Stap' (Task_Run)"),
        bpmn(
            "listener class",
            prefix + "listenerclass",
            "<bpmn:task id=\"Task_Run\" name=\"Stap\"><bpmn:extensionElements>"
                + "<camunda:executionListener event=\"start\" class=\"java.lang.ProcessBuilder\" />"
                + "</bpmn:extensionElements></bpmn:task>",
            "Taak 'Stap' (Task_Run)"),
        bpmn(
            "script task",
            prefix + "script",
            "<bpmn:scriptTask id=\"Task_Run\" name=\"Stap\" scriptFormat=\"juel\"><bpmn:script>"
                + exec
                + "</bpmn:script></bpmn:scriptTask>",
            "Scripttaak 'Stap' (Task_Run)"),
        condition("script condition", prefix + "scriptcondition", " language=\"juel\"", exec),
        dmn("DMN with a JUEL input expression", prefix + "juel", exec),
        xml(
            "XXE",
            prefix + "xxe",
            "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE definitions [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + definitions(prefix + "xxe", "<bpmn:task id=\"Task_Run\" name=\"&xxe;\" />")),
        xml(
            "billion laughs",
            prefix + "laughs",
            "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">"
                + "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">]>\n"
                + definitions(prefix + "laughs", "<bpmn:task id=\"Task_Run\" name=\"&lol4;\" />")));
  }

  private static String userTask(String body, String attributes) {
    return "<bpmn:userTask id=\"Task_Run\" name=\"Stap\" camunda:candidateGroups=\"jgz\""
        + " camunda:formRef=\"zorgpad-signaal\" camunda:formRefBinding=\"latest\""
        + attributes
        + ">"
        + body
        + "</bpmn:userTask>";
  }

  private static Hostile bpmn(String name, String key, String element, String elementText) {
    String xml = definitions(key, element);
    return new Hostile(
        name, "processes/" + key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), key, elementText);
  }

  private static Hostile xml(String name, String key, String xml) {
    return new Hostile(
        name, "processes/" + key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8), key, "DOCTYPE");
  }

  /** start → element Task_Run/Timer_Run → end. */
  static String definitions(String key, String element) {
    String id = element.contains("id=\"Timer_Run\"") ? "Timer_Run" : "Task_Run";
    return "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
        + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
        + " id=\"Definitions_"
        + key
        + "\" targetNamespace=\"http://zorgpad.nl/test\">"
        + "<bpmn:process id=\""
        + key
        + "\" name=\"Aanval\" isExecutable=\"true\""
        + " camunda:historyTimeToLive=\"1\">"
        + "<bpmn:startEvent id=\"Start\" />"
        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\""
        + id
        + "\" />"
        + element
        + "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\""
        + id
        + "\" targetRef=\"End\" />"
        + "<bpmn:endEvent id=\"End\" />"
        + "</bpmn:process></bpmn:definitions>";
  }

  /** start → gateway → (condition) end / (default) end. */
  private static Hostile condition(String name, String key, String language, String exec) {
    String xml =
        "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\""
            + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
            + " id=\"Definitions_"
            + key
            + "\" targetNamespace=\"http://zorgpad.nl/test\">"
            + "<bpmn:process id=\""
            + key
            + "\" name=\"Aanval\" isExecutable=\"true\""
            + " camunda:historyTimeToLive=\"1\">"
            + "<bpmn:startEvent id=\"Start\" />"
            + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"Start\" targetRef=\"Gateway_Choice\" />"
            + "<bpmn:exclusiveGateway id=\"Gateway_Choice\" default=\"Flow_Default\" />"
            + "<bpmn:sequenceFlow id=\"Flow_Run\" name=\"Ja\" sourceRef=\"Gateway_Choice\""
            + " targetRef=\"End\"><bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\""
            + language
            + ">"
            + exec
            + "</bpmn:conditionExpression></bpmn:sequenceFlow>"
            + "<bpmn:sequenceFlow id=\"Flow_Default\" sourceRef=\"Gateway_Choice\""
            + " targetRef=\"End\" />"
            + "<bpmn:endEvent id=\"End\" />"
            + "</bpmn:process></bpmn:definitions>";
    return new Hostile(
        name,
        "processes/" + key + ".bpmn",
        xml.getBytes(StandardCharsets.UTF_8),
        key,
        "Pijl 'Ja' (Flow_Run)");
  }

  private static Hostile dmn(String name, String key, String exec) {
    String xml =
        "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\""
            + " xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\" id=\"Definitions_"
            + key
            + "\" name=\"Aanval\" namespace=\"http://zorgpad.nl/test\">"
            + "<decision id=\""
            + key
            + "\" name=\"Aanval\" camunda:historyTimeToLive=\"1\">"
            + "<decisionTable id=\"Table_Run\"><input id=\"Input_Run\" label=\"Invoer\">"
            + "<inputExpression id=\"Expression_Run\" typeRef=\"string\" expressionLanguage=\"juel\">"
            + "<text>"
            + exec
            + "</text></inputExpression></input>"
            + "<output id=\"Output_Run\" name=\"uitkomst\" typeRef=\"string\" />"
            + "<rule id=\"Rule_Run\"><inputEntry id=\"Entry_In\"><text>-</text></inputEntry>"
            + "<outputEntry id=\"Entry_Out\"><text>\"ja\"</text></outputEntry></rule>"
            + "</decisionTable></decision></definitions>";
    return new Hostile(
        name,
        "processes/" + key + ".dmn",
        xml.getBytes(StandardCharsets.UTF_8),
        null,
        "Invoerexpressie Expression_Run");
  }
}
