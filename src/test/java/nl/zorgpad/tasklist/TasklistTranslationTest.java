package nl.zorgpad.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the Dutch Tasklist complete: compares our {@code locales/nl.json} with the {@code en.json}
 * of the Camunda webjar on the classpath, and checks that {@code scripts/config.js} makes Dutch
 * the only language. After a Camunda upgrade, this test lists every key that still needs a Dutch
 * text. Plain unit test: no Spring context.
 */
class TasklistTranslationTest {

  private static final String TASKLIST = "META-INF/resources/webjars/camunda/app/tasklist/";
  private static final String EN_JSON = TASKLIST + "locales/en.json";
  private static final String NL_JSON = TASKLIST + "locales/nl.json";
  private static final String CONFIG_JS = TASKLIST + "scripts/config.js";
  private static final String USER_STYLES = TASKLIST + "styles/user-styles.css";

  /** Keys whose Dutch text may name the vendor: the banner hidden by user-styles.css. */
  private static final Set<String> MAY_NAME_CAMUNDA = Set.of("labels.BANNER_CE_EOL_TEXT");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}");

  private static JsonNode en;
  private static JsonNode nl;

  @BeforeAll
  static void readLocales() {
    en = readJson(EN_JSON);
    nl = readJson(NL_JSON);
  }

  @Test
  void everyEnglishKeyHasADutchText() {
    Map<String, JsonNode> english = leaves(en);
    List<String> missing = new ArrayList<>();
    english.forEach(
        (path, enValue) -> {
          JsonNode nlValue = at(nl, path);
          if (nlValue == null || nlValue.isMissingNode() || nlValue.isNull()) {
            missing.add(path + " (missing; en: " + enValue + ")");
          } else if (nlValue.isContainerNode()) {
            missing.add(path + " (is an object/array in nl.json; en: " + enValue + ")");
          } else if (nlValue.asText().isBlank() && !enValue.asText().isBlank()) {
            missing.add(path + " (empty; en: " + enValue + ")");
          }
        });

    assertThat(english).as("leaves of en.json").hasSizeGreaterThan(400);
    assertThat(missing)
        .as("keys of the webjar's en.json without a Dutch text in %s", NL_JSON)
        .isEmpty();
  }

  @Test
  void dutchTextsKeepThePlaceholdersOfTheEnglishOnes() {
    List<String> broken = new ArrayList<>();
    leaves(en)
        .forEach(
            (path, enValue) -> {
              JsonNode nlValue = at(nl, path);
              if (nlValue == null || !nlValue.isTextual()) {
                return; // reported by everyEnglishKeyHasADutchText
              }
              Set<String> missing = placeholders(enValue.asText());
              missing.removeAll(placeholders(nlValue.asText()));
              if (!missing.isEmpty()) {
                broken.add(path + " lacks " + missing + ": \"" + nlValue.asText() + "\"");
              }
            });

    assertThat(broken).as("Dutch texts that lost a {{placeholder}}").isEmpty();
  }

  @Test
  void dateLocalesAreDutch() {
    List<String> english = new ArrayList<>();
    for (String list :
        List.of("months", "monthsShort", "weekdays", "weekdaysShort", "weekdaysMin")) {
      JsonNode enList = en.path("dateLocales").path(list);
      JsonNode nlList = nl.path("dateLocales").path(list);
      assertThat(nlList.size()).as("dateLocales.%s entries", list).isEqualTo(enList.size());
      for (int i = 0; i < enList.size(); i++) {
        if (nlList.path(i).asText().equals(enList.path(i).asText())) {
          english.add("dateLocales." + list + "[" + i + "] = " + nlList.path(i).asText());
        }
      }
    }
    assertThat(english).as("month/day names still in English").isEmpty();
    assertThat(nl.at("/dateLocales/months/2").asText()).isEqualTo("maart");
    assertThat(nl.at("/dateLocales/weekdays/1").asText()).isEqualTo("maandag");
  }

  @Test
  void dutchTextsDoNotNameTheVendor() {
    List<String> vendor = new ArrayList<>();
    leaves(nl)
        .forEach(
            (path, value) -> {
              String visibleText = value.asText().replaceAll("<[^>]*>", " ");
              if (visibleText.toLowerCase().contains("camunda")
                  && !MAY_NAME_CAMUNDA.contains(path)) {
                vendor.add(path + ": " + value.asText());
              }
            });
    assertThat(vendor).as("Dutch texts a user sees that say \"Camunda\"").isEmpty();
  }

  @Test
  void configMakesDutchTheOnlyAndFallbackLocale() {
    String config = withoutComments(read(CONFIG_JS));

    Matcher locales = Pattern.compile("locales\\s*:\\s*\\{([^}]*)}").matcher(config);
    assertThat(locales.find()).as("config.js declares locales: {...}").isTrue();
    String block = locales.group(1);
    assertThat(block)
        .as("config.js locales.availableLocales is exactly ['nl']")
        .containsPattern("availableLocales\\s*:\\s*\\[\\s*['\"]nl['\"]\\s*,?\\s*]");
    assertThat(block)
        .as("config.js locales.fallbackLocale is 'nl'")
        .containsPattern("fallbackLocale\\s*:\\s*['\"]nl['\"]");
    assertThat(config).as("config.js is an ES module").containsPattern("export\\s+default\\s*\\{");
    assertThat(config).containsPattern("disableWelcomeMessage\\s*:\\s*true");
  }

  @Test
  void configCustomScriptsExist() {
    String config = withoutComments(read(CONFIG_JS));
    Matcher scripts = Pattern.compile("customScripts\\s*:\\s*\\[([^]]*)]").matcher(config);
    assertThat(scripts.find()).as("config.js declares customScripts: [...]").isTrue();

    List<String> names = new ArrayList<>();
    Matcher name = Pattern.compile("['\"]([^'\"]+)['\"]").matcher(scripts.group(1));
    while (name.find()) {
      names.add(name.group(1));
    }
    assertThat(names).contains("zorgpad/login-redirect");
    for (String script : names) {
      String file = script.endsWith(".js") ? script : script + ".js";
      assertThat(resource(TASKLIST + file)).as("custom script %s", TASKLIST + file).isNotNull();
    }
    assertThat(read(TASKLIST + "zorgpad/login-redirect.js")).contains("/login?logout");
  }

  @Test
  void ourFilesOverrideTheWebjar() throws IOException {
    // Spring Boot serves /camunda/app/** from classpath:/META-INF/resources/webjars/camunda/app/;
    // the class loader returns the application's own resources before those in dependency jars.
    List<URL> configs = Collections.list(getClass().getClassLoader().getResources(CONFIG_JS));
    assertThat(configs).as("config.js: ours and the webjar's").hasSizeGreaterThanOrEqualTo(2);
    assertThat(configs.get(0).toString())
        .as("first config.js on the classpath")
        .doesNotContain(".jar!");
    assertThat(resource(CONFIG_JS)).isEqualTo(configs.get(0));

    assertThat(read(USER_STYLES))
        .as("user-styles.css hides the 'migrate to Camunda 8' banner")
        .containsPattern("\\.ce-eol-banner\\s*\\{[^}]*display\\s*:\\s*none");
  }

  // --- helpers -------------------------------------------------------------------------------

  /** Every leaf value by path, e.g. {@code labels.CLAIM_TASK} or {@code dateLocales.months[2]}. */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect(root, "", leaves);
    return leaves;
  }

  private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(
            field.getValue(),
            path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
            leaves);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "[" + i + "]", leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  /** The node at a path made by {@link #leaves}; label keys never contain '.' or '['. */
  private static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      Matcher indexed = Pattern.compile("^([^\\[]*)((?:\\[\\d+])*)$").matcher(part);
      if (!indexed.matches()) {
        return null;
      }
      node = node.get(indexed.group(1));
      Matcher index = Pattern.compile("\\[(\\d+)]").matcher(indexed.group(2));
      while (node != null && index.find()) {
        node = node.get(Integer.parseInt(index.group(1)));
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  private static Set<String> placeholders(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /** JavaScript without its comments (string literals are kept as they are). */
  private static String withoutComments(String js) {
    StringBuilder out = new StringBuilder(js.length());
    char quote = 0;
    for (int i = 0; i < js.length(); i++) {
      char c = js.charAt(i);
      char next = i + 1 < js.length() ? js.charAt(i + 1) : 0;
      if (quote != 0) {
        out.append(c);
        if (c == '\\' && next != 0) {
          out.append(next);
          i++;
        } else if (c == quote) {
          quote = 0;
        }
      } else if (c == '/' && next == '/') {
        while (i + 1 < js.length() && js.charAt(i + 1) != '\n') {
          i++;
        }
      } else if (c == '/' && next == '*') {
        int end = js.indexOf("*/", i + 2);
        i = end < 0 ? js.length() : end + 1;
        out.append(' ');
      } else {
        if (c == '\'' || c == '"' || c == '`') {
          quote = c;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  private static JsonNode readJson(String name) {
    try {
      return new ObjectMapper().readTree(read(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + name, e);
    }
  }

  /** A classpath text file as UTF-8, without the byte order mark Camunda's locale files start with. */
  private static String read(String name) {
    URL url = resource(name);
    assertThat(url).as("%s on the classpath", name).isNotNull();
    try (InputStream in = url.openStream()) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static URL resource(String name) {
    return TasklistTranslationTest.class.getClassLoader().getResource(name);
  }
}
