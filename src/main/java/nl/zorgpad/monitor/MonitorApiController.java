package nl.zorgpad.monitor;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.Map;
import nl.zorgpad.input.TextLimits;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/monitor/indicators}: the monitor as JSON, with the same suppression. */
@RestController
@Tag(name = "Monitor", description = "Kansrijke Start monitor: geaggregeerde indicatoren")
class MonitorApiController {

  private final MonitorService monitor;

  MonitorApiController(MonitorService monitor) {
    this.monitor = monitor;
  }

  @Operation(
      summary = "Indicatoren van de Kansrijke Start monitor",
      description =
          "Aggregates of the caller's coalition per month. Counts from 1 to 9 are"
              + " published as value null, shown \"<10\"; figures hidden so that no small count can"
              + " be derived are value null, shown \"x\" (complementary suppression); period totals"
              + " only over months without hidden figures; shares only over a base of at least 10;"
              + " median and p90 only over at least 10 cases. For coordinators, policy officers"
              + " (group beleid) and administrators; logged in the access log as EXPORT.")
  @ApiResponse(responseCode = "200", description = "The indicators")
  @ApiResponse(responseCode = "400", description = "Invalid filter (Dutch userMessage)")
  @ApiResponse(responseCode = "401", description = "Not authenticated")
  @ApiResponse(
      responseCode = "403",
      description = "Not a coordinator, policy officer or" + " administrator, or another coalition")
  @GetMapping(value = "/api/monitor/indicators", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> indicators(
      @Parameter(
              description = "First month, yyyy-MM (default: 11 months before to)",
              example = "2026-01")
          @RequestParam(name = "from", required = false)
          @Size(max = TextLimits.SEARCH)
          String from,
      @Parameter(description = "Last month, yyyy-MM (default: this month)", example = "2026-12")
          @RequestParam(name = "to", required = false)
          @Size(max = TextLimits.SEARCH)
          String to,
      @Parameter(description = "Wijk code of the sociale kaart, or onbekend")
          @RequestParam(name = "wijk", required = false)
          @Size(max = TextLimits.SEARCH)
          String wijk,
      @Parameter(description = "Coalition (engine tenant) of the caller; default her first")
          @RequestParam(name = "coalition", required = false)
          @Size(max = TextLimits.SEARCH)
          String coalition,
      Principal principal) {
    MonitorScope.Filter filter = monitor.filter(principal.getName(), coalition, from, to, wijk);
    MonitorView view = monitor.view(principal.getName(), filter);
    monitor.logExport("MonitorApi", filter);
    return view.json();
  }
}
