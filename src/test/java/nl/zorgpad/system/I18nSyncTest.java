package nl.zorgpad.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every word a user sees on Zorgpad's own pages comes from the Dutch message bundle (as
 * spring-petclinic's I18nPropertiesSyncTest does): a template with hard-coded text, a key missing
 * from a bundle, or bundles that drift apart fail the build.
 */
class I18nSyncTest {

  private static final Path TEMPLATES = Path.of("src/main/resources/templates");
  private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9._-]+)");
  /** A text node and the tag right before it. */
  private static final Pattern TEXT_AFTER_TAG = Pattern.compile("(<[^>]*>)([^<]+)");

  @Test
  void templatesHaveNoHardCodedText() throws IOException {
    List<String> violations = new ArrayList<>();
    for (Path template : templates()) {
      String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "")
          .replaceAll("(?s)<script.*?</script>", "").replaceAll("(?s)<style.*?</style>", "");
      Matcher matcher = TEXT_AFTER_TAG.matcher(html);
      while (matcher.find()) {
        String tag = matcher.group(1);
        String text = matcher.group(2).strip();
        boolean replacedByThymeleaf = !tag.startsWith("</")
            && (tag.contains("th:text") || tag.contains("th:utext") || tag.contains("th:replace")
            || tag.contains("sec:authentication"));
        if (!text.isEmpty() && !replacedByThymeleaf && !text.equals("&nbsp;")) {
          violations.add(TEMPLATES.relativize(template) + ": \"" + text + "\" after " + tag);
        }
      }
    }
    assertThat(violations).as("hard-coded text in templates").isEmpty();
  }

  @Test
  void everyMessageKeyUsedInATemplateExistsInEveryBundle() throws IOException {
    Properties base = bundle("messages.properties");
    Properties dutch = bundle("messages_nl.properties");
    TreeSet<String> missing = new TreeSet<>();
    for (Path template : templates()) {
      Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
      while (matcher.find()) {
        String key = matcher.group(1);
        if (!base.containsKey(key) || !dutch.containsKey(key)) {
          missing.add(TEMPLATES.relativize(template) + ": " + key);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void bundlesHaveTheSameKeys() throws IOException {
    assertThat(bundle("messages_nl.properties").keySet())
        .containsExactlyInAnyOrderElementsOf(bundle("messages.properties").keySet());
  }

  private static List<Path> templates() throws IOException {
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      return files.filter(file -> file.toString().endsWith(".html")).sorted().toList();
    }
  }

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = I18nSyncTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
