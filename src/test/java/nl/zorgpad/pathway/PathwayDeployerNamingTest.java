package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pitfall this guards: resource names that differ between {@code spring-boot:run} (a classes
 * folder) and {@code java -jar} (a jar) make every pathway a new version when the run mode
 * changes. The deployer must name resources the same way in both.
 */
class PathwayDeployerNamingTest {

  @TempDir Path temp;

  @Test
  void resourceNamesAreTheSameFromAFolderAndFromAJar() throws IOException {
    Path folder = temp.resolve("classes");
    write(folder.resolve("processes/zorgpad-a.bpmn"), "<a/>");
    write(folder.resolve("processes/sub/zorgpad-b.dmn"), "<b/>");
    write(folder.resolve("forms/signaal.form"), "{}");
    write(folder.resolve("processes/element-templates/t.json"), "{}");
    Path jar = temp.resolve("app.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String name :
          List.of(
              "processes/",
              "processes/zorgpad-a.bpmn",
              "processes/sub/",
              "processes/sub/zorgpad-b.dmn",
              "forms/",
              "forms/signaal.form")) {
        out.putNextEntry(new JarEntry(name));
        if (!name.endsWith("/")) {
          out.write(Files.readAllBytes(folder.resolve(name)));
        }
        out.closeEntry();
      }
    }

    List<String> fromFolder = names(folder.toUri().toURL());
    List<String> fromJar = names(jar.toUri().toURL());

    assertThat(fromFolder)
        .containsExactly(
            "forms/signaal.form", "processes/sub/zorgpad-b.dmn", "processes/zorgpad-a.bpmn");
    assertThat(fromJar).isEqualTo(fromFolder);
  }

  private static List<String> names(URL root) throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {root}, null)) {
      return new PathwayDeployer(null, loader)
          .findPackagedResources().stream().map(PathwayDeployer.NamedResource::name).toList();
    }
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
