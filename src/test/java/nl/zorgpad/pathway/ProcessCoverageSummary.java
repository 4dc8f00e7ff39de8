package nl.zorgpad.pathway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.camunda.community.process_test_coverage.core.export.CoverageStateJsonExporter;
import org.camunda.community.process_test_coverage.core.export.CoverageStateResult;
import org.camunda.community.process_test_coverage.core.model.Event;
import org.camunda.community.process_test_coverage.report.CoverageReportUtil;

/**
 * Adds up the process test coverage of all test classes per pathway: reads
 * target/process-test-coverage/&lt;test class&gt;/report.json (written by
 * {@link PathwayTestSupport#engineWithCoverage()} during the surefire run) and writes
 * target/process-test-coverage/all/report.html (every pathway, every test class) and
 * all/summary.md (one row per pathway: covered flow nodes and sequence flows, and the uncovered
 * element ids). No test runs: {@code ./mvnw -o exec:java@process-coverage-summary} after the
 * process tests (docs/zorgpaden.md, "Procestestdekking").
 */
public final class ProcessCoverageSummary {

  private static final Path DEFAULT_ROOT = Path.of("target", "process-test-coverage");
  private static final String ALL = "all";

  private ProcessCoverageSummary() {}

  /**
   * Optional arguments: the report directory (default target/process-test-coverage) and the
   * pathways' directory (default processes).
   */
  public static void main(String[] args) throws IOException {
    Path root = args.length > 0 ? Path.of(args[0]) : DEFAULT_ROOT;
    Path processes = args.length > 1 ? Path.of(args[1]) : Path.of("processes");
    List<String> reports = classReports(root);
    if (reports.isEmpty()) {
      System.out.println("No process test coverage in " + root + ": run the process tests first");
      return;
    }
    String combined =
        reports.stream()
            .reduce(CoverageStateJsonExporter::combineCoverageStateResults)
            .orElseThrow();
    CoverageStateResult result = CoverageStateJsonExporter.readCoverageStateResult(combined);
    String json =
        CoverageStateJsonExporter.createCoverageStateResult(result.getSuites(), result.getModels());
    CoverageReportUtil.writeReport(
        json, false, root.resolve(ALL).toFile(), "report.json", report -> report);
    CoverageReportUtil.writeReport(
        json, true, root.resolve(ALL).toFile(), "report.html", CoverageReportUtil::generateHtml);
    String summary = summary(result, reports.size(), processes);
    Files.writeString(root.resolve(ALL).resolve("summary.md"), summary, StandardCharsets.UTF_8);
    System.out.print(summary);
  }

  private static List<String> classReports(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> directories = Files.list(root)) {
      return directories
          .filter(Files::isDirectory)
          .filter(directory -> !directory.getFileName().toString().equals(ALL))
          .map(directory -> directory.resolve("report.json"))
          .filter(Files::isRegularFile)
          .sorted()
          .map(ProcessCoverageSummary::read)
          .toList();
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * One row per executable process of the pathways in {@code processes}: the elements are counted
   * in the pathway file itself, not in the model the report recorded (a test that deploys a stub
   * under a pathway's key, as the call-activity tests do, would count the stub).
   */
  static String summary(CoverageStateResult result, int testClasses, Path processes)
      throws IOException {
    StringBuilder out =
        new StringBuilder()
            .append("Process test coverage of ")
            .append(testClasses)
            .append(" test classes\n\n")
            .append("| pathway | covered | elements | % | not covered |\n")
            .append("| --- | --- | --- | --- | --- |\n");
    List<Path> files;
    try (Stream<Path> list = Files.list(processes)) {
      files = list.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
    for (Path file : files) {
      BpmnModelInstance instance = Bpmn.readModelFromFile(file.toFile());
      for (Process process : instance.getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          continue;
        }
        Set<String> elements = executableElements(instance, process.getId());
        Set<String> uncovered = new TreeSet<>(elements);
        for (Event event : result.getEvents(process.getId())) {
          uncovered.remove(event.getDefinitionKey());
        }
        int hit = elements.size() - uncovered.size();
        out.append("| ")
            .append(process.getId())
            .append(" | ")
            .append(hit)
            .append(" | ")
            .append(elements.size())
            .append(" | ")
            .append(
                String.format(
                    Locale.ROOT, "%.1f", elements.isEmpty() ? 0.0 : 100.0 * hit / elements.size()))
            .append(" | ")
            .append(String.join(", ", uncovered))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  /** The flow nodes and sequence flows that the coverage counts (as the library's model does). */
  private static Set<String> executableElements(BpmnModelInstance instance, String processKey) {
    Set<FlowNode> nodes = new HashSet<>();
    for (FlowNode node : instance.getModelElementsByType(FlowNode.class)) {
      if (inProcess(node, processKey)) {
        nodes.add(node);
      }
    }
    Set<String> ids = new TreeSet<>();
    nodes.forEach(node -> ids.add(node.getId()));
    for (SequenceFlow flow : instance.getModelElementsByType(SequenceFlow.class)) {
      if (nodes.contains(flow.getSource())) {
        ids.add(flow.getId());
      }
    }
    return ids;
  }

  private static boolean inProcess(ModelElementInstance element, String processKey) {
    for (ModelElementInstance at = element; at != null; at = at.getParentElement()) {
      if (at instanceof Process process) {
        return process.isExecutable() && process.getId().equals(processKey);
      }
    }
    return false;
  }
}
