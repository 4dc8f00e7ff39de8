package nl.zorgpad.formcontract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped form (forms/*.form, so a new form is covered too) accepts what the Tasklist
 * submits for it — every field filled as form-js sends it: plain values untyped, lists as JSON —
 * and refuses personal data in fields that are not the form's own.
 */
class ShippedFormsContractTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> forms() throws IOException {
    return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void aTasklistSubmitOfEveryFieldIsAccepted(Path form) throws IOException {
    Contract contract = new FormSchema(JSON).parse(form.toString(), Files.readAllBytes(form));
    assertThat(contract.fields()).as("fields of %s", form).isNotEmpty();

    Map<String, Object> submit = new LinkedHashMap<>();
    contract.fields().values().forEach(field -> submit.put(field.key(), tasklistValue(field)));

    assertThat(contract.check(submit, JSON))
        .as("violations of a genuine submit of %s", form)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void personalDataOutsideTheFormIsRefused(Path form) throws IOException {
    Contract contract = new FormSchema(JSON).parse(form.toString(), Files.readAllBytes(form));

    List<Contract.Violation> violations =
        contract.check(
            Map.of(
                "notitie", Variables.untypedValue("Moeder drinkt, vader slaat"),
                "naamMoeder", Variables.untypedValue("Jan Jansen"),
                "adres", Variables.untypedValue("Kerkstraat 1, 3511 AB Utrecht, BSN 123456782")),
            JSON);

    assertThat(violations)
        .extracting(Contract.Violation::variable)
        .containsExactlyInAnyOrder("notitie", "naamMoeder", "adres");
  }

  /** What form-js 1.8.7 and the Tasklist send for a filled-in field. */
  static Object tasklistValue(FieldRule field) {
    return switch (field.kind()) {
      case TEXT -> Variables.untypedValue(text(field));
      case NUMBER ->
          Variables.untypedValue(
              field.min() != null
                  ? field.min().intValue()
                  : field.max() != null ? field.max().min(BigDecimal.ONE).intValue() : 1);
      case BOOLEAN -> Variables.untypedValue(true);
      case CHOICE -> Variables.untypedValue(option(field));
      case MULTI_CHOICE -> SpinValues.jsonValue("[\"" + option(field) + "\"]").create();
      case DATE ->
          Variables.untypedValue(
              switch (field.dateSubtype()) {
                case "time" -> "10:30";
                case "datetime" -> "2026-07-20T10:30";
                default -> "2026-07-20";
              });
      case SCALAR -> Variables.untypedValue("x");
    };
  }

  /** The first static option; a code such as the expression's discipline codes when dynamic. */
  private static String option(FieldRule field) {
    return field.dynamicOptions() ? "jgz" : field.options().get(0);
  }

  private static String text(FieldRule field) {
    for (String candidate :
        List.of("AB-1234", "abc-123", "tekst", "123", "ZP-2026-00012", "3511 AB", "123456782")) {
      if (field.pattern() == null || Pattern.compile(field.pattern()).matcher(candidate).find()) {
        return candidate;
      }
    }
    throw new AssertionError("no sample text for the pattern of " + field.key());
  }
}
