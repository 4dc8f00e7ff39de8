package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import nl.zorgpad.casus.MdoRules;
import nl.zorgpad.casus.MeldcodeRules;
import nl.zorgpad.discipline.Disciplines;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.junit.jupiter.api.Test;

/**
 * The MDO and meldcode forms offer exactly the codes the server accepts, and the gateways of the
 * BPMN test the same codes (a coordinator who renames a code in one place is told where else).
 */
class MdoMeldcodeModelTest {

  static final List<String> YES_NO = List.of(MeldcodeRules.YES, MeldcodeRules.NO);

  @Test
  void formCodesEqualTheCodesTheServerAccepts() throws IOException {
    Map<String, List<String>> expected =
        Map.ofEntries(
            Map.entry(
                MeldcodeVariables.SIGNALS, MeldcodeRules.codes(MeldcodeRules.SignalKind.class)),
            Map.entry(
                MeldcodeVariables.KINDCHECK, MeldcodeRules.codes(MeldcodeRules.Kindcheck.class)),
            Map.entry(
                MeldcodeVariables.VEILIG_THUIS_ADVICE,
                MeldcodeRules.codes(MeldcodeRules.VeiligThuisAdvice.class)),
            Map.entry(MeldcodeVariables.TALK_SAFE, YES_NO),
            Map.entry(
                MeldcodeVariables.TALK_SKIPPED_REASON,
                MeldcodeRules.codes(MeldcodeRules.TalkSkippedReason.class)),
            Map.entry(MeldcodeVariables.SUSPICION, YES_NO),
            Map.entry(MeldcodeVariables.UNSAFETY, YES_NO),
            Map.entry(MeldcodeVariables.HELP_POSSIBLE, YES_NO),
            Map.entry(MeldcodeVariables.HELP_ACCEPTED, YES_NO),
            Map.entry(MeldcodeVariables.HELP_EFFECTIVE, YES_NO),
            Map.entry(
                MeldcodeVariables.HELP_PROVIDERS,
                MeldcodeRules.codes(MeldcodeRules.HelpProvider.class)),
            Map.entry(
                MeldcodeVariables.CLIENT_INFORMED_OF_REPORT,
                MeldcodeRules.codes(MeldcodeRules.ClientInformedOfReport.class)),
            Map.entry(MeldcodeVariables.HELP_ALONGSIDE, YES_NO),
            Map.entry(
                MeldcodeVariables.VEILIG_THUIS_CALL_RESULT,
                MeldcodeRules.codes(MeldcodeRules.CallResult.class)),
            Map.entry(MdoVariables.PARTICIPANTS, Disciplines.ALL),
            Map.entry(MdoVariables.ATTENDANCE, MdoRules.codes(MdoRules.Attendance.class)),
            Map.entry(MdoVariables.HAS_ACTION_POINTS, YES_NO),
            Map.entry(MdoVariables.ACTION_DISCIPLINE, Disciplines.ALL),
            Map.entry(MdoVariables.ACTION, MdoRules.codes(MdoRules.Action.class)),
            Map.entry(MdoVariables.MORE_ACTION_POINTS, YES_NO),
            Map.entry(MdoVariables.ACTION_RESULT, MdoRules.codes(MdoRules.ActionResult.class)));
    Set<String> checked = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file :
          files
              .filter(f -> f.getFileName().toString().matches("zorgpad-(mdo|meldcode)-.*\\.form"))
              .toList()) {
        for (JsonNode component : json.readTree(file.toFile()).path("components")) {
          String key = component.path("key").asText();
          if (!expected.containsKey(key)) {
            continue;
          }
          List<String> values =
              StreamSupport.stream(component.path("values").spliterator(), false)
                  .map(value -> value.path("value").asText())
                  .toList();
          assertThat(values)
              .as("codes of %s in %s", key, file)
              .containsExactlyInAnyOrderElementsOf(expected.get(key));
          checked.add(key);
        }
      }
    }
    assertThat(checked).containsExactlyInAnyOrderElementsOf(expected.keySet());
  }

  @Test
  void gatewaysTestTheCodesOfTheDecisionAndTheForms() {
    BpmnModelInstance meldcode =
        Bpmn.readModelFromFile(Path.of("processes/zorgpad-meldcode.bpmn").toFile());
    List<String> conditions =
        meldcode.getModelElementsByType(ConditionExpression.class).stream()
            .map(ConditionExpression::getTextContent)
            .toList();
    for (String decision :
        List.of("afsluiten", "melden", "hulp-organiseren", "afsluiten-met-afspraken")) {
      assertThat(conditions).contains("${meldcodeDecision == '" + decision + "'}");
    }
    for (String result : MeldcodeRules.codes(MeldcodeRules.CallResult.class)) {
      assertThat(conditions).contains("${veiligThuisCallResult == '" + result + "'}");
    }
  }
}
