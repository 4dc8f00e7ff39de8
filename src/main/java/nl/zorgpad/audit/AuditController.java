package nl.zorgpad.audit;

import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.input.TextLimits;
import nl.zorgpad.time.ZorgpadTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.UriUtils;

/** The auditor's workspace: read-only, auditors only (403 for everyone else). */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAuthority('GROUP_auditor')")
class AuditController {

  private final CaseHistoryService caseHistory;
  private final ChainCheckpoints checkpoints;
  private final FullChainCheck fullCheck;
  private final CaseReviewExport export;
  private final PdfRenderer pdfs;
  private final AuditReads reads;
  private final ChainAnchors anchors;
  private final Clock clock;

  AuditController(
      CaseHistoryService caseHistory,
      ChainCheckpoints checkpoints,
      FullChainCheck fullCheck,
      CaseReviewExport export,
      PdfRenderer pdfs,
      AuditReads reads,
      ChainAnchors anchors,
      Clock clock) {
    this.clock = clock;
    this.anchors = anchors;
    this.reads = reads;
    this.pdfs = pdfs;
    this.caseHistory = caseHistory;
    this.checkpoints = checkpoints;
    this.fullCheck = fullCheck;
    this.export = export;
  }

  @GetMapping
  String index(
      @RequestParam(name = "casus", required = false) @Size(max = TextLimits.CODE)
          String caseNumber) {
    if (caseNumber != null && !caseNumber.isBlank()) {
      return "redirect:/audit/casus/"
          + UriUtils.encodePathSegment(caseNumber.strip(), StandardCharsets.UTF_8);
    }
    return "audit/index";
  }

  @GetMapping("/casus/{caseNumber}")
  String caseHistory(
      @PathVariable String caseNumber,
      @RequestParam(name = "van", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @RequestParam(name = "tot", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      @RequestParam(name = "discipline", required = false) @Size(max = TextLimits.CODE)
          String discipline,
      @RequestParam(name = "gebruiker", required = false) @Size(max = TextLimits.SEARCH)
          String user,
      @RequestParam(name = "type", required = false) @Size(max = TextLimits.CODE) String type,
      @RequestParam(name = "pagina", required = false) @Size(max = TextLimits.CODE) String page,
      Model model) {
    TimelineEvent.Type eventType =
        type == null || type.isBlank()
            ? null
            : Arrays.stream(TimelineEvent.Type.values())
                .filter(t -> t.name().equals(type))
                .findFirst()
                .orElse(null);
    CaseHistoryService.Filter filter =
        new CaseHistoryService.Filter(from, to, discipline, user, eventType);
    CaseHistoryService.CaseHistory history = caseHistory.caseHistory(caseNumber, filter);
    if (!history.found()) {
      throw new AuditCaseNotFoundException(caseNumber);
    }
    reads.record(caseNumber, "CaseHistory", AccessAction.READ);
    model.addAttribute("history", history);
    int pageNumber =
        page != null && page.strip().matches("[0-9]{1,6}") ? Integer.parseInt(page.strip()) : 1;
    model.addAttribute("timeline", TimelinePage.of(history.events(), pageNumber));
    model.addAttribute("filter", filter);
    model.addAttribute("types", TimelineEvent.Type.values());
    return "audit/case-history";
  }

  @GetMapping("/casus/{caseNumber}/casuistiekbespreking.md")
  @ResponseBody
  ResponseEntity<byte[]> caseReview(@PathVariable String caseNumber) {
    String markdown = export.markdown(export.review(caseNumber));
    reads.record(caseNumber, "CaseReview", AccessAction.EXPORT);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casuistiekbespreking.md\"")
        .contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
        .body(markdown.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/casus/{caseNumber}/casuistiekbespreking.pdf")
  @ResponseBody
  ResponseEntity<byte[]> caseReviewPdf(@PathVariable String caseNumber) {
    var review = export.review(caseNumber); // an unknown case ends here (404), unlogged
    reads.record(caseNumber, "CaseReview", AccessAction.EXPORT);
    byte[] pdf = pdfs.render("audit/pdf/case-review", java.util.Map.of("review", review));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"casuistiekbespreking.pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf);
  }

  /** The pathway diagram of the case with the path taken and the time spent per step. */
  @GetMapping(value = "/casus/{caseNumber}/diagram", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  CaseHistoryService.DiagramView diagram(@PathVariable String caseNumber) {
    return caseHistory.diagram(caseNumber);
  }

  /**
   * Verification of every chain, the current anchor points, and (with {@code anker}) the check
   * of an anchor the auditor kept outside Zorgpad; an unreadable anchor gives 400 and a Dutch
   * explanation on the page.
   */
  /**
   * The chains' last stored results (the scheduled check continues each chain every few minutes),
   * the last full check of each, the anchors and the form that starts a full check. Nothing is
   * verified in this request: its cost is the same at any size.
   */
  @GetMapping("/keten")
  String verify(
      @RequestParam(name = "anker", required = false) @Size(max = TextLimits.ANCHOR) String anchor,
      @RequestParam(name = "controle", required = false) @Size(max = TextLimits.CODE)
          String started,
      Model model,
      jakarta.servlet.http.HttpServletResponse response) {
    List<ChainCheckpoints.Stored> stored = checkpoints.lastResults();
    model.addAttribute("chains", stored);
    boolean running = fullCheck.running(stored);
    model.addAttribute("fullRunning", running);
    model.addAttribute(
        "fullClaim",
        running
            ? stored.stream().filter(s -> s.fullStartedAt() != null).findFirst().orElse(null)
            : null);
    model.addAttribute("zone", ZorgpadTime.ZONE);
    model.addAttribute("fullProgress", fullCheck.progress());
    model.addAttribute("fullStarted", "gestart".equals(started));
    model.addAttribute("fullBusy", "bezig".equals(started));
    model.addAttribute("anchors", anchors.current(stored));
    if (anchor != null && !anchor.isBlank()) {
      model.addAttribute("anchorText", anchor.strip());
      ChainAnchors.parse(anchor)
          .ifPresentOrElse(
              parsed -> model.addAttribute("anchorCheck", anchors.check(parsed)),
              () -> {
                model.addAttribute("anchorInvalid", true);
                response.setStatus(HttpStatus.BAD_REQUEST.value());
              });
    }
    return "audit/chain";
  }

  /** Starts the full check of every chain in the background (one at a time, on one node). */
  @PostMapping("/keten/volledig")
  String startFullCheck(java.security.Principal user) {
    return fullCheck.start(user.getName())
        ? "redirect:/audit/keten?controle=gestart"
        : "redirect:/audit/keten?controle=bezig";
  }

  /** The current anchor points as a text file, to keep outside Zorgpad. */
  @GetMapping("/keten/ankerpunt.txt")
  @ResponseBody
  ResponseEntity<byte[]> anchorFile() {
    StringBuilder text = new StringBuilder();
    for (ChainAnchors.Anchor anchor : anchors.current()) {
      text.append(anchor.line()).append("\n");
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"zorgpad-ankerpunt-"
                + LocalDate.now(clock.withZone(ZorgpadTime.ZONE))
                + ".txt\"")
        .contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
        .body(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
