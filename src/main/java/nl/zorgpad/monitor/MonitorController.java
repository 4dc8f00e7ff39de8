package nl.zorgpad.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.zorgpad.audit.PdfRenderer;
import nl.zorgpad.input.TextLimits;
import nl.zorgpad.refusal.RefusalException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /monitor}: the Kansrijke Start monitor for coordinators and policy officers (security:
 * {@code SecurityConfig}), with a CSV per indicator and a PDF period report for the
 * municipality. Every figure is suppressed ({@link MonitorQuery}); the charts get their data as
 * JSON in a {@code <script type="application/json">} (no inline script: strict CSP).
 */
@Controller
class MonitorController {

  private final MonitorService monitor;
  private final PdfRenderer pdf;
  private final ObjectMapper json;

  MonitorController(MonitorService monitor, PdfRenderer pdf, ObjectMapper json) {
    this.monitor = monitor;
    this.pdf = pdf;
    this.json = json;
  }

  @GetMapping("/monitor")
  String page(
      @RequestParam(name = "coalitie", required = false) @Size(max = TextLimits.SEARCH)
          String coalition,
      @RequestParam(name = "van", required = false) @Size(max = TextLimits.SEARCH) String from,
      @RequestParam(name = "tot", required = false) @Size(max = TextLimits.SEARCH) String to,
      @RequestParam(name = "wijk", required = false) @Size(max = TextLimits.SEARCH) String wijk,
      Principal principal,
      Model model)
      throws JsonProcessingException {
    MonitorScope.Filter filter = monitor.filter(principal.getName(), coalition, from, to, wijk);
    MonitorView view = monitor.view(principal.getName(), filter);
    model.addAttribute("view", view);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("coalition", filter.coalition());
    values.put("from", filter.from().toString());
    values.put("to", filter.to().toString());
    values.put("wijk", filter.wijk() == null ? "" : filter.wijk());
    model.addAttribute("filter", values);
    model.addAttribute("coalitions", monitor.coalitions(principal.getName()));
    Map<String, String> wijken = new LinkedHashMap<>();
    view.report.wijken().forEach(w -> wijken.put(w, view.wijk(w)));
    model.addAttribute("wijken", wijken);
    model.addAttribute("query", query(filter));
    // JSON inside <script type="application/json">: "</" must not end the element
    model.addAttribute(
        "chartJson", json.writeValueAsString(view.chartData()).replace("</", "<\\/"));
    return "monitor/index";
  }

  @GetMapping(value = "/monitor/export.csv")
  ResponseEntity<byte[]> csv(
      @RequestParam("indicator") @Size(max = TextLimits.SEARCH) String indicator,
      @RequestParam(name = "coalitie", required = false) @Size(max = TextLimits.SEARCH)
          String coalition,
      @RequestParam(name = "van", required = false) @Size(max = TextLimits.SEARCH) String from,
      @RequestParam(name = "tot", required = false) @Size(max = TextLimits.SEARCH) String to,
      @RequestParam(name = "wijk", required = false) @Size(max = TextLimits.SEARCH) String wijk,
      Principal principal) {
    MonitorScope.Filter filter = monitor.filter(principal.getName(), coalition, from, to, wijk);
    MonitorView view = monitor.view(principal.getName(), filter);
    if (view.table(indicator) == null) {
      throw new RefusalException(
          404,
          "monitor-indicator-unknown",
          "unknown indicator",
          nl.zorgpad.refusal.DutchText.of("monitor.refused.indicator"));
    }
    monitor.logExport("MonitorCsv", filter);
    byte[] body = view.csv(indicator).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("monitor-" + indicator + "-" + filter.from() + "-" + filter.to() + ".csv")
                .build()
                .toString())
        .body(body);
  }

  @GetMapping(value = "/monitor/rapport.pdf")
  ResponseEntity<byte[]> pdf(
      @RequestParam(name = "coalitie", required = false) @Size(max = TextLimits.SEARCH)
          String coalition,
      @RequestParam(name = "van", required = false) @Size(max = TextLimits.SEARCH) String from,
      @RequestParam(name = "tot", required = false) @Size(max = TextLimits.SEARCH) String to,
      @RequestParam(name = "wijk", required = false) @Size(max = TextLimits.SEARCH) String wijk,
      Principal principal) {
    MonitorScope.Filter filter = monitor.filter(principal.getName(), coalition, from, to, wijk);
    MonitorView view = monitor.view(principal.getName(), filter);
    monitor.logExport("MonitorReport", filter);
    byte[] body = pdf.render("monitor/pdf/report", Map.of("view", view));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("monitor-" + filter.from() + "-" + filter.to() + ".pdf")
                .build()
                .toString())
        .body(body);
  }

  static String query(MonitorScope.Filter filter) {
    UriComponentsBuilder query =
        UriComponentsBuilder.newInstance()
            .queryParam("van", filter.from())
            .queryParam("tot", filter.to());
    if (!filter.coalition().isEmpty()) {
      query.queryParam("coalitie", filter.coalition());
    }
    if (filter.wijk() != null) {
      query.queryParam("wijk", filter.wijk());
    }
    return query.build().encode().getQuery();
  }
}
