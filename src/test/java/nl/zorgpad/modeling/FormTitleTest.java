package nl.zorgpad.modeling;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Issue 15: the workbench's form drop-down names a form by its title, not only its id. */
class FormTitleTest {

  @Test
  void aFormIsTitledByTheFirstHeadingOfItsFirstText() throws Exception {
    ResourceCatalog catalog = new ResourceCatalog(null, null, null, new ObjectMapper());
    byte[] form = Files.readAllBytes(Path.of("forms", "zorgpad-casus-aannemen.form"));
    assertThat(catalog.formTitle(form)).hasValue("Casus aannemen als regiehouder");
    byte[] untitled =
        """
        {"id": "it-form", "components": [{"type": "textfield", "key": "x", "label": "X"}]}
        """
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(catalog.formTitle(untitled)).hasValue("it-form");
  }
}
