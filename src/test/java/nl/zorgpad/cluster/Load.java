package nl.zorgpad.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nl.zorgpad.support.Http;
import nl.zorgpad.time.ZorgpadTime;

/**
 * Mixed load on the nodes of a cluster, as other systems and the Tasklist make it: a midwife's
 * system signals new cases ({@code POST /api/signals}) and the midwife asks consent in them
 * ({@code submit-form} over {@code /engine-rest}), on every node, a case signalled on one node
 * often worked on another. Every answer that acknowledged something is recorded, so that the test
 * can check afterwards that nothing acknowledged was lost or doubled.
 */
final class Load {

  static final String MIDWIFE = "demo-verloskundige:demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An acknowledged signal: its client reference, the case number it got, the node. */
  record Signal(String clientReference, String caseNumber, String node) {}

  /** An acknowledged task completion. */
  record Completion(String taskId, String caseNumber, String node) {}

  final List<Signal> signals = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<Completion> completions = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Requests that got no acknowledgement (a killed node, a lost race): node → count. */
  final Map<String, AtomicInteger> unacknowledged = new ConcurrentHashMap<>();

  private final ConcurrentLinkedQueue<String> toWork = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger references = new AtomicInteger();
  private final List<Thread> workers = new ArrayList<>();
  private final Map<String, AtomicBoolean> stopped = new ConcurrentHashMap<>();

  /** Starts {@code threads} workers against each node. */
  void start(List<Node> nodes, int threads) {
    for (Node node : nodes) {
      stopped.put(node.name, new AtomicBoolean());
      for (int i = 0; i < threads; i++) {
        Thread worker = new Thread(() -> work(node), "load-" + node.name + "-" + i);
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
      }
    }
  }

  /** No more requests to this node (it was killed). */
  void leave(Node node) {
    stopped.get(node.name).set(true);
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread worker : workers) {
      worker.join(120_000);
    }
  }

  long signalsOn(String node) {
    return signals.stream().filter(signal -> signal.node().equals(node)).count();
  }

  long completionsOn(String node) {
    return completions.stream().filter(completion -> completion.node().equals(node)).count();
  }

  private void work(Node node) {
    Http http = new Http(node.port);
    while (running.get() && !stopped.get(node.name).get()) {
      try {
        signal(http, node);
        String caseNumber = toWork.poll();
        if (caseNumber != null) {
          askConsent(http, node, caseNumber);
        }
      } catch (RuntimeException e) {
        // connection refused or reset: the node is gone, or the request timed out
        unacknowledged.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
        Node.sleep(200);
      }
    }
  }

  private void signal(Http http, Node node) {
    String reference = "CL-" + node.name + "-" + references.incrementAndGet();
    HttpResponse<String> response =
        http.postJson(
            "/api/signals",
            MIDWIFE,
            """
        {"clientReference": "%s", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(reference, LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
    if (response.statusCode() != 201) {
      unacknowledged.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
      return;
    }
    String caseNumber = json(response.body()).path("caseNumber").asText();
    signals.add(new Signal(reference, caseNumber, node.name));
    toWork.add(caseNumber);
  }

  private void askConsent(Http http, Node node, String caseNumber) {
    HttpResponse<String> list =
        http.get(
            "/engine-rest/task?processInstanceBusinessKey="
                + caseNumber
                + "&taskDefinitionKey=Task_AskConsent",
            MIDWIFE);
    JsonNode tasks = list.statusCode() == 200 ? json(list.body()) : null;
    if (tasks == null || tasks.size() != 1) {
      unacknowledged.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
      return;
    }
    String taskId = tasks.get(0).path("id").asText();
    HttpResponse<String> submit =
        http.postJson(
            "/engine-rest/task/" + taskId + "/submit-form",
            MIDWIFE,
            """
        {"variables": {"consentDecision": {"value": "GIVEN"}}}""");
    if (submit.statusCode() == 204) {
      completions.add(new Completion(taskId, caseNumber, node.name));
    } else {
      unacknowledged.computeIfAbsent(node.name, n -> new AtomicInteger()).incrementAndGet();
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
