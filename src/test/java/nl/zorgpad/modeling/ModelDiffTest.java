package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

class ModelDiffTest {

  private static byte[] bpmn(String secondGroup, boolean withExtraTask) {
    var builder = Bpmn.createExecutableProcess("p").camundaHistoryTimeToLive(1).startEvent("S")
        .userTask("Task_A").name("A").camundaCandidateGroups("jgz")
        .userTask("Task_B").name("B").camundaCandidateGroups(secondGroup);
    if (withExtraTask) {
      builder = builder.userTask("Task_C").name("C").camundaCandidateGroups("kraamzorg");
    }
    return Bpmn.convertToString(builder.endEvent("E").done()).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void reportsAddedRemovedAndChangedElementsButNotLayout() {
    var diff = ModelDiff.diff("processes/p.bpmn", bpmn("jgz", false), bpmn("kraamzorg", true));
    assertThat(diff).extracting(ModelDiff.Entry::change, ModelDiff.Entry::elementId)
        .contains(
            org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.ADDED, "Task_C"),
            org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.CHANGED, "Task_B"))
        .doesNotContain(org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.CHANGED, "Task_A"));
    assertThat(ModelDiff.diff("processes/p.bpmn", bpmn("jgz", true), bpmn("jgz", false)))
        .extracting(ModelDiff.Entry::change, ModelDiff.Entry::elementId)
        .contains(org.assertj.core.groups.Tuple.tuple(ModelDiff.Change.REMOVED, "Task_C"));
    byte[] same = bpmn("jgz", false);
    assertThat(ModelDiff.diff("processes/p.bpmn", same, same)).isEmpty();
  }
}
