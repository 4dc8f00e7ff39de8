package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

  static final ModelDiff DIFF = new ModelDiff(new com.fasterxml.jackson.databind.ObjectMapper());

  private static byte[] bpmn(String secondGroup, boolean withExtraTask) {
    var builder =
        Bpmn.createExecutableProcess("p")
            .camundaHistoryTimeToLive(1)
            .startEvent("S")
            .userTask("Task_A")
            .name("A")
            .camundaCandidateGroups("jgz")
            .userTask("Task_B")
            .name("B")
            .camundaCandidateGroups(secondGroup);
    if (withExtraTask) {
      builder = builder.userTask("Task_C").name("C").camundaCandidateGroups("kraamzorg");
    }
    return Bpmn.convertToString(builder.endEvent("E").done()).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void reportsAddedRemovedAndChangedElementsButNotLayout() {
    var diff = DIFF.diff("processes/p.bpmn", bpmn("jgz", false), bpmn("kraamzorg", true));
    assertThat(diff)
        .extracting(ModelDiff.Entry::change, ModelDiff.Entry::elementId)
        .contains(
            org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.ADDED, "Task_C"),
            org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.CHANGED, "Task_B"))
        .doesNotContain(org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.CHANGED, "Task_A"));
    assertThat(DIFF.diff("processes/p.bpmn", bpmn("jgz", true), bpmn("jgz", false)))
        .extracting(ModelDiff.Entry::change, ModelDiff.Entry::elementId)
        .contains(org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.REMOVED, "Task_C"));
    byte[] same = bpmn("jgz", false);
    assertThat(DIFF.diff("processes/p.bpmn", same, same)).isEmpty();
  }

  /**
   * Issue 15: the workbench listed 14 untouched elements as "Gewijzigd" after the editor saved
   * the pathway. bpmn-js leaves out attributes that hold the schema default
   * ({@code camunda:decisionRefBinding="latest"}), may pick other namespace prefixes, writes
   * {@code xsi:type} with a prefix, orders attributes and indents text its own way.
   */
  @Test
  void whatTheEditorRewritesWithoutChangingThePathwayIsNoChange() {
    String deployed =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="t">
          <bpmn:process id="p" isExecutable="true" camunda:historyTimeToLive="1">
            <bpmn:businessRuleTask id="Task_Triage" name="Triage" camunda:decisionRef="triage"
                camunda:decisionRefBinding="latest" camunda:asyncBefore="false">
              <bpmn:documentation>Beslistabel   triage:
                risiconiveau</bpmn:documentation>
            </bpmn:businessRuleTask>
            <bpmn:callActivity id="Call_Mdo" name="MDO" calledElement="mdo"
                camunda:calledElementBinding="latest" />
            <bpmn:sequenceFlow id="Flow_1" sourceRef="Task_Triage" targetRef="Call_Mdo">
              <bpmn:conditionExpression xsi:type="tFormalExpression">${mdo}</bpmn:conditionExpression>
            </bpmn:sequenceFlow>
          </bpmn:process>
        </bpmn:definitions>
        """;
    String saved =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:c="http://camunda.org/schema/1.0/bpmn"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" targetNamespace="t" id="D">
          <process c:historyTimeToLive="1" id="p" isExecutable="true">
            <businessRuleTask c:decisionRef="triage" name="Triage" id="Task_Triage">
              <documentation>Beslistabel triage: risiconiveau</documentation>
            </businessRuleTask>
            <callActivity id="Call_Mdo" calledElement="mdo" name="MDO" />
            <sequenceFlow id="Flow_1" sourceRef="Task_Triage" targetRef="Call_Mdo">
              <conditionExpression xsi:type="bpmn:tFormalExpression">${mdo}</conditionExpression>
            </sequenceFlow>
          </process>
        </definitions>
        """;
    assertThat(
            DIFF.diff(
                "processes/p.bpmn",
                deployed.strip().getBytes(StandardCharsets.UTF_8),
                saved.strip().getBytes(StandardCharsets.UTF_8)))
        .isEmpty();
    // a real change still is one: another decision, another binding
    String changed =
        saved.replace(
            "c:decisionRef=\"triage\"",
            "c:decisionRef=\"triage-2\" c:decisionRefBinding=\"deployment\"");
    assertThat(
            DIFF.diff(
                "processes/p.bpmn",
                deployed.strip().getBytes(StandardCharsets.UTF_8),
                changed.strip().getBytes(StandardCharsets.UTF_8)))
        .extracting(ModelDiff.Entry::change, ModelDiff.Entry::elementId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.CHANGED, "Task_Triage"));
  }
}
