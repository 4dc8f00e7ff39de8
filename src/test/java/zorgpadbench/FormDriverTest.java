package zorgpadbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's generator fills forms it reads at run time; this (a plain unit test of the
 * normal build) keeps it able to fill every form in {@code forms/}: a changed form that it can no
 * longer fill fails here, not an hour into a benchmark run.
 */
class FormDriverTest {

  @Test
  void fillsEveryRequiredVisibleFieldOfEveryForm() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
    }
    assertThat(forms).isNotEmpty();
    for (Path form : forms) {
      String text = Files.readString(form);
      Map<String, FormDriver.Value> values =
          FormDriver.parse(text).fill(new Random(1), LocalDate.of(2026, 6, 1), 0, Map.of());
      for (JsonNode field : fields(json.readTree(text).path("components"))) {
        boolean required = field.path("validate").path("required").asBoolean(false);
        String hide = field.path("conditional").path("hide").asText("");
        String type = field.path("type").asText();
        if (required && hide.isBlank() && !type.equals("checkbox")) {
          assertThat(values)
              .as(form + " field " + field.path("key").asText())
              .containsKey(field.path("key").asText());
        }
      }
    }
  }

  @Test
  void hidesFieldsAsFormJsDoes() {
    assertThat(
            FormDriver.hidden(
                "=consentDecision != \"REFUSED\"", Map.of("consentDecision", "GIVEN")))
        .isTrue();
    assertThat(
            FormDriver.hidden(
                "=consentDecision != \"REFUSED\"", Map.of("consentDecision", "REFUSED")))
        .isFalse();
    assertThat(FormDriver.hidden("=a != \"ja\" or b != \"nee\"", Map.of("a", "ja", "b", "nee")))
        .isFalse();
    assertThat(FormDriver.hidden("=a != \"ja\" or b != \"nee\"", Map.of("a", "ja", "b", "ja")))
        .isTrue();
    assertThat(FormDriver.hidden("=a = \"x\" and b = \"y\"", Map.of("a", "x", "b", "y"))).isTrue();
  }

  private static List<JsonNode> fields(JsonNode components) {
    java.util.ArrayList<JsonNode> all = new java.util.ArrayList<>();
    for (JsonNode component : components) {
      if (component.has("components")) {
        all.addAll(fields(component.path("components")));
      } else if (component.hasNonNull("key")) {
        all.add(component);
      }
    }
    return all;
  }
}
