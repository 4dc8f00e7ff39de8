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
 * from the bundle, or a second bundle fail the build (Zorgpad is Dutch-only: {@code
 * messages.properties} is its one bundle, Dutch, for every locale). The Java side too: a
 * refused input ({@code new Violation(...)}, in {@code casus} and {@code formcontract}) names a
 * code of the bundle instead of carrying Dutch text, and every code the Java code names exists.
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
      String html =
          Files.readString(template)
              .replaceAll("(?s)<!--.*?-->", "")
              .replaceAll("(?s)<script.*?</script>", "")
              .replaceAll("(?s)<style.*?</style>", "");
      Matcher matcher = TEXT_AFTER_TAG.matcher(html);
      while (matcher.find()) {
        String tag = matcher.group(1);
        String text = matcher.group(2).strip();
        boolean replacedByThymeleaf =
            !tag.startsWith("</")
                && (tag.contains("th:text")
                    || tag.contains("th:utext")
                    || tag.contains("th:replace")
                    || tag.contains("sec:authentication"));
        if (!text.isEmpty() && !replacedByThymeleaf && !text.equals("&nbsp;")) {
          violations.add(TEMPLATES.relativize(template) + ": \"" + text + "\" after " + tag);
        }
      }
    }
    assertThat(violations).as("hard-coded text in templates").isEmpty();
  }

  @Test
  void everyMessageKeyUsedInATemplateExistsInTheBundle() throws IOException {
    Properties base = bundle("messages.properties");
    TreeSet<String> missing = new TreeSet<>();
    for (Path template : templates()) {
      Matcher matcher = MESSAGE_KEY.matcher(Files.readString(template));
      while (matcher.find()) {
        String key = matcher.group(1);
        if (!base.containsKey(key)) {
          missing.add(TEMPLATES.relativize(template) + ": " + key);
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void theDutchBundleIsTheOnlyBundle() throws IOException {
    // a messages_nl or messages_en next to it would be a copy to keep in step, or a translation
    // that does not exist (docs/architecture.md, "Language")
    try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
      assertThat(
              files
                  .map(file -> file.getFileName().toString())
                  .filter(name -> name.startsWith("messages") && name.endsWith(".properties")))
          .containsExactly("messages.properties");
    }
  }

  @Test
  void violationsNameACodeInsteadOfDutchText() throws IOException {
    List<String> dutch = new ArrayList<>();
    for (JavaCall call : violationCalls()) {
      String code = call.arguments().size() > 2 ? call.arguments().get(2) : "";
      // a text for people has a space; a code (violation.signal.clientReference.required) has none
      if (LITERAL.matcher(code).results().anyMatch(literal -> literal.group(1).contains(" "))) {
        dutch.add(call.where() + ": " + code);
      }
    }
    assertThat(dutch).as("Dutch text in new Violation(...) instead of a bundle code").isEmpty();
  }

  @Test
  void everyMessageCodeUsedInJavaExistsInTheBundle() throws IOException {
    Properties bundle = bundle("messages.properties");
    TreeSet<String> missing = new TreeSet<>();
    List<String> codes = new ArrayList<>();
    for (JavaCall call : violationCalls()) {
      Matcher code =
          LITERAL_ONLY.matcher(call.arguments().size() > 2 ? call.arguments().get(2) : "");
      if (code.matches()) {
        codes.add(call.where() + ": " + code.group(1));
      }
    }
    for (Path source : javaSources()) {
      Matcher matcher = CODE_LITERAL.matcher(Files.readString(source));
      while (matcher.find()) {
        codes.add(
            MAIN_JAVA.relativize(source)
                + ": "
                + (matcher.group(1) != null ? matcher.group(1) : matcher.group(2)));
      }
    }
    for (String use : codes) {
      if (!bundle.containsKey(use.substring(use.lastIndexOf(": ") + 2))) {
        missing.add(use);
      }
    }
    assertThat(codes).as("codes found in Java").hasSizeGreaterThan(100);
    assertThat(missing).as("codes used in Java but missing from messages.properties").isEmpty();
  }

  /**
   * Packages whose user texts all come from the bundle: a string literal there that reads as
   * Dutch (one of a few words English texts do not use) fails the build. Grows as packages are
   * cleaned (not yet: the OpenAPI descriptions in api, the Tasklist filter names, demo data).
   */
  private static final List<String> PACKAGES_WITHOUT_DUTCH_LITERALS =
      List.of(
          "nl/zorgpad/modeling",
          "nl/zorgpad/modelpolicy",
          "nl/zorgpad/monitor",
          "nl/zorgpad/security",
          "nl/zorgpad/refusal");

  private static final Pattern DUTCH_WORD =
      Pattern.compile(
          "(?i)\\b(het|een|niet|geen|wordt|kunt|bestaat|naar|voor|bij|van|uw|zijn|deze|dit|de|u|te|en"
              + "|kies|ligt)\\b");

  @Test
  void cleanedPackagesHaveNoDutchLiterals() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path source : javaSources()) {
      String relative = MAIN_JAVA.relativize(source).toString().replace('\\', '/');
      if (PACKAGES_WITHOUT_DUTCH_LITERALS.stream().noneMatch(relative::startsWith)) {
        continue;
      }
      List<String> lines = Files.readAllLines(source);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        // comments, and the OpenAPI descriptions (annotations; docs/api.md keeps them Dutch)
        if (line.startsWith("//")
            || line.startsWith("*")
            || line.startsWith("/*")
            || line.startsWith("@")
            || line.matches("(summary|description) = .*")) {
          continue;
        }
        Matcher literal = LITERAL.matcher(line);
        while (literal.find()) {
          // a code (geen-vermoeden, huisbezoek-niet-nodig) has no space; a text has
          if (literal.group(1).contains(" ") && DUTCH_WORD.matcher(literal.group(1)).find()) {
            found.add(relative + ":" + (i + 1) + ": " + literal.group());
          }
        }
      }
    }
    assertThat(found).as("Dutch text in Java instead of messages.properties").isEmpty();
  }

  private static final Path MAIN_JAVA = Path.of("src/main/java");
  private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern LITERAL_ONLY = Pattern.compile("\\s*\"([^\"\\\\]*)\"\\s*");

  /** A literal code given to the shared resolver, or a literal that looks like a violation code. */
  private static final Pattern CODE_LITERAL =
      Pattern.compile(
          "(?:DutchText\\.of\\(\\s*\"([A-Za-z0-9._-]+)\")|\"(violation\\.[A-Za-z0-9._-]+)\"");

  /** {@code new Violation(}, also with its package ({@code new nl.zorgpad.casus.Violation(}). */
  private static final Pattern NEW_VIOLATION =
      Pattern.compile("new\\s+(?:[a-z]\\w*\\.)*(?:Contract\\.)?Violation\\(");

  /** One call in a Java source: where it is and its top-level arguments as written. */
  private record JavaCall(String where, List<String> arguments) {}

  private static List<JavaCall> violationCalls() throws IOException {
    List<JavaCall> calls = new ArrayList<>();
    for (Path source : javaSources()) {
      String java = Files.readString(source);
      Matcher call = NEW_VIOLATION.matcher(java);
      while (call.find()) {
        int line = (int) java.substring(0, call.start()).chars().filter(c -> c == '\n').count() + 1;
        calls.add(
            new JavaCall(MAIN_JAVA.relativize(source) + ":" + line, arguments(java, call.end())));
      }
    }
    assertThat(calls).as("new Violation(...) calls found").hasSizeGreaterThan(100);
    return calls;
  }

  /** The top-level arguments of the call whose opening parenthesis is just before {@code from}. */
  private static List<String> arguments(String java, int from) {
    List<String> arguments = new ArrayList<>();
    int depth = 0;
    int start = from;
    for (int i = from; i < java.length(); i++) {
      char c = java.charAt(i);
      if (c == '"' || c == '\'') {
        for (i++; java.charAt(i) != c; i++) {
          if (java.charAt(i) == '\\') {
            i++;
          }
        }
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
        depth--;
      } else if (c == ')' || (c == ',' && depth == 0)) {
        arguments.add(java.substring(start, i).strip());
        if (c == ')') {
          return arguments;
        }
        start = i + 1;
      }
    }
    throw new IllegalStateException("unbalanced call at " + from);
  }

  private static List<Path> javaSources() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
      return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
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
