package nl.zorgpad.formcontract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.Test;

/**
 * The value rules of a form contract, field kind by field kind, for the values the REST API
 * (both doors) and Java callers hand to the engine.
 */
class ContractTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final FormSchema SCHEMA = new FormSchema(JSON);

  static final String FORM =
      """
      {"id": "test-form", "schemaVersion": 16, "components": [
        {"type": "text", "id": "Intro", "text": "Geen veld"},
        {"type": "textfield", "id": "F1", "key": "reference", "label": "Referentie",
         "validate": {"maxLength": 10, "pattern": "^[A-Z0-9-]+$"}},
        {"type": "textarea", "id": "F2", "key": "remark", "label": "Opmerking"},
        {"type": "number", "id": "F3", "key": "weeks", "label": "Weken", "decimalDigits": 0,
         "validate": {"min": 4, "max": 42}},
        {"type": "checkbox", "id": "F4", "key": "informed", "label": "Geïnformeerd"},
        {"type": "radio", "id": "F5", "key": "decision", "label": "Besluit",
         "values": [{"label": "Ja", "value": "GIVEN"}, {"label": "Nee", "value": "REFUSED"}]},
        {"type": "select", "id": "F6", "key": "method", "label": "Manier",
         "values": [{"label": "Telefonisch", "value": "telefonisch"}],
         "conditional": {"hide": "=decision = \\"REFUSED\\""}},
        {"type": "checklist", "id": "F7", "key": "domains", "label": "Domeinen",
         "values": [{"label": "Stress", "value": "stress"}, {"label": "GGZ", "value": "ggz"}]},
        {"type": "datetime", "id": "F8", "key": "dueDate", "subtype": "date",
         "dateLabel": "Uitgerekende datum"},
        {"type": "datetime", "id": "F9", "key": "meeting", "subtype": "datetime",
         "dateLabel": "Overleg"},
        {"type": "group", "id": "G", "components": [
          {"type": "checkbox", "id": "F10", "key": "inGroup", "label": "In groep"}]},
        {"type": "group", "id": "G2", "path": "nested", "components": [
          {"type": "checkbox", "id": "F11", "key": "nestedField", "label": "Genest"}]},
        {"type": "select", "id": "F12", "key": "dynamic", "label": "Dynamisch",
         "valuesKey": "options"}
      ]}""";

  final Contract contract = SCHEMA.parse("test", FORM.getBytes(StandardCharsets.UTF_8));

  @Test
  void theFieldsAreTheKeyedComponentsIncludingGroupsWithoutAPath() {
    assertThat(contract.name()).isEqualTo("test-form");
    assertThat(contract.fields().keySet())
        .containsExactlyInAnyOrder(
            "reference",
            "remark",
            "weeks",
            "informed",
            "decision",
            "method",
            "domains",
            "dueDate",
            "meeting",
            "inGroup",
            "dynamic");
  }

  @Test
  void aTasklistSubmitOfTheFormFits() {
    Map<String, Object> submit = new LinkedHashMap<>();
    submit.put("reference", Variables.untypedValue("AB-12"));
    submit.put("remark", Variables.untypedValue(""));
    submit.put("weeks", Variables.untypedValue(20));
    submit.put("informed", Variables.untypedValue(true));
    submit.put("decision", Variables.untypedValue("GIVEN"));
    submit.put("method", Variables.untypedValue(null));
    // form-js sends a list as JSON text, typed Json (or the existing variable's type)
    submit.put("domains", SpinValues.jsonValue("[\"stress\",\"ggz\"]").create());
    submit.put("dueDate", Variables.untypedValue("2026-07-20"));
    submit.put("meeting", Variables.untypedValue("2026-07-20T10:30"));
    submit.put("inGroup", Variables.untypedValue(false));
    submit.put("dynamic", Variables.untypedValue("team-west"));

    assertThat(check(contract, submit)).isEmpty();
  }

  @Test
  void javaCallersPlainValuesFitToo() {
    assertThat(
            check(
                contract,
                Map.of(
                    "domains",
                    List.of("stress"),
                    "weeks",
                    20L,
                    "dueDate",
                    new Date(),
                    "informed",
                    Boolean.FALSE)))
        .isEmpty();
    assertThat(
            check(
                contract,
                Map.of(
                    "domains",
                    Variables.objectValue(List.of("ggz"))
                        .serializationDataFormat("application/json")
                        .create())))
        .isEmpty();
  }

  @Test
  void personalDataInFieldsOfNoFormIsRefused() {
    List<Contract.Violation> violations =
        check(
            contract,
            Map.of("naamMoeder", "Jan Jansen", "adres", "Kerkstraat 1, 123456782", "notitie", "x"));

    assertThat(violations)
        .extracting(Contract.Violation::variable)
        .containsExactlyInAnyOrder("naamMoeder", "adres", "notitie");
    assertThat(violations)
        .extracting(Contract.Violation::userMessage)
        .contains("Het veld \"naamMoeder\" hoort niet bij dit formulier.");
    // the English problem names the field, never its value
    assertThat(violations)
        .extracting(Contract.Violation::problem)
        .noneMatch(problem -> problem.contains("Jansen") || problem.contains("Kerkstraat"));
  }

  @Test
  void aNestedGroupsFieldIsNotAcceptedAtTheTopLevel() {
    assertThat(check(contract, Map.of("nestedField", true))).hasSize(1);
    assertThat(check(contract, Map.of("nested", Map.of("nestedField", true)))).hasSize(1);
  }

  @Test
  void wrongTypesAreRefused() {
    assertThat(check(contract, Map.of("informed", "ja")))
        .singleElement()
        .extracting(Contract.Violation::userMessage)
        .isEqualTo("Het veld \"Geïnformeerd\" heeft een ongeldige waarde.");
    assertThat(check(contract, Map.of("weeks", "twintig"))).hasSize(1);
    assertThat(check(contract, Map.of("weeks", 20.5))).hasSize(1);
    assertThat(check(contract, Map.of("reference", 12))).hasSize(1);
    assertThat(check(contract, Map.of("domains", "stress"))).hasSize(1);
    assertThat(check(contract, Map.of("decision", List.of("GIVEN")))).hasSize(1);
    assertThat(check(contract, Map.of("remark", Map.of("naam", "Jan")))).hasSize(1);
    assertThat(check(contract, Map.of("remark", Variables.byteArrayValue(new byte[] {1}))))
        .hasSize(1);
    assertThat(
            check(
                contract,
                Map.of("remark", Variables.fileValue("a.txt").file(new byte[] {1}).create())))
        .hasSize(1);
    // a JSON object value of an arbitrary Java type (deserialized into that type when read)
    assertThat(
            check(
                contract,
                Map.of(
                    "domains",
                    Variables.serializedObjectValue("[\"stress\"]")
                        .objectTypeName("com.example.Gadget")
                        .serializationDataFormat("application/json")
                        .create())))
        .hasSize(1);
    assertThat(
            check(
                contract,
                Map.of(
                    "domains",
                    Variables.serializedObjectValue("rO0AB")
                        .objectTypeName("java.util.ArrayList")
                        .serializationDataFormat("application/x-java-serialized-object")
                        .create())))
        .hasSize(1);
  }

  @Test
  void optionsMustBeTheFormsOwn() {
    assertThat(check(contract, Map.of("decision", "MISSCHIEN")))
        .singleElement()
        .extracting(Contract.Violation::userMessage)
        .isEqualTo("Kies bij \"Besluit\" een van de mogelijkheden van het formulier.");
    assertThat(check(contract, Map.of("domains", List.of("stress", "Jan Jansen")))).hasSize(1);
    assertThat(
            check(
                contract,
                Map.of(
                    "domains", SpinValues.jsonValue("[\"stress\",{\"naam\":\"Jan\"}]").create())))
        .hasSize(1);
    // dynamic options: codes only, no free text
    assertThat(check(contract, Map.of("dynamic", "Jan Jansen, Kerkstraat 1"))).hasSize(1);
  }

  @Test
  void limitsOfTheFieldApply() {
    assertThat(check(contract, Map.of("reference", "ABCDEFGHIJK")))
        .singleElement()
        .extracting(Contract.Violation::userMessage)
        .isEqualTo("Het veld \"Referentie\" mag hoogstens 10 tekens bevatten.");
    assertThat(check(contract, Map.of("reference", "jan jansen"))).hasSize(1);
    assertThat(check(contract, Map.of("remark", "x".repeat(FieldRule.DEFAULT_TEXTAREA_LENGTH))))
        .isEmpty();
    assertThat(check(contract, Map.of("remark", "x".repeat(FieldRule.DEFAULT_TEXTAREA_LENGTH + 1))))
        .hasSize(1);
    assertThat(check(contract, Map.of("weeks", 43))).hasSize(1);
    assertThat(check(contract, Map.of("weeks", "20"))).isEmpty();
  }

  @Test
  void datesAreDates() {
    assertThat(check(contract, Map.of("dueDate", "20-07-2026")))
        .singleElement()
        .extracting(Contract.Violation::userMessage)
        .isEqualTo("Vul bij \"Uitgerekende datum\" een geldige datum in.");
    assertThat(check(contract, Map.of("dueDate", "Jan Jansen"))).hasSize(1);
    assertThat(check(contract, Map.of("meeting", "2026-07-20T10:30+01:00"))).isEmpty();
    assertThat(check(contract, Map.of("meeting", "morgen"))).hasSize(1);
  }

  @Test
  void nullIsAcceptedForEveryField() {
    Map<String, Object> empty = new LinkedHashMap<>();
    contract.fields().keySet().forEach(key -> empty.put(key, null));
    assertThat(check(contract, empty)).isEmpty();
    assertThat(check(contract, Map.of("decision", Variables.stringValue(null)))).isEmpty();
  }

  @Test
  void aFormThatCannotBeReadAcceptsNothing() {
    Contract broken = SCHEMA.parse("broken", "{not json".getBytes(StandardCharsets.UTF_8));
    assertThat(check(broken, Map.of("anything", "x"))).hasSize(1);
  }

  private static List<Contract.Violation> check(Contract contract, Map<String, ?> variables) {
    return contract.check(variables, JSON);
  }
}
