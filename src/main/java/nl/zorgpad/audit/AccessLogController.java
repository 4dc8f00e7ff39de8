package nl.zorgpad.audit;

import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.csv.CsvWriter;
import nl.zorgpad.input.TextLimits;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Access-log review and the client log report: auditors only (403 for everyone else). */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasAuthority('GROUP_auditor')")
class AccessLogController {

  private final AccessLogReview review;
  private final ClientAccessReport reports;
  private final PdfRenderer pdfs;
  private final AuditReads reads;
  private final AuditFormat format;

  AccessLogController(
      AccessLogReview review,
      ClientAccessReport reports,
      PdfRenderer pdfs,
      AuditReads reads,
      AuditFormat format) {
    this.review = review;
    this.reports = reports;
    this.pdfs = pdfs;
    this.reads = reads;
    this.format = format;
  }

  @GetMapping("/toegang")
  String search(
      @RequestParam(name = "client", required = false) @Size(max = TextLimits.SEARCH) String client,
      @RequestParam(name = "gebruiker", required = false) @Size(max = TextLimits.SEARCH)
          String user,
      @RequestParam(name = "organisatie", required = false) @Size(max = TextLimits.SEARCH)
          String organisation,
      @RequestParam(name = "van", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate from,
      @RequestParam(name = "tot", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate to,
      @RequestParam(name = "actie", required = false) @Size(max = TextLimits.CODE) String action,
      @RequestParam(name = "nood", required = false) Boolean emergency,
      Model model) {
    AccessLogReview.Criteria criteria =
        new AccessLogReview.Criteria(client, user, organisation, from, to, action, emergency);
    model.addAttribute("criteria", criteria);
    model.addAttribute("entries", review.search(criteria));
    model.addAttribute("actions", AccessAction.values());
    model.addAttribute("unusual", review.unusual(from, to));
    return "audit/access-log";
  }

  @GetMapping("/inzage/{caseNumber}")
  String clientReport(@PathVariable String caseNumber, Model model) {
    model.addAttribute("report", reports.report(caseNumber));
    reads.record(caseNumber, "ClientAccessReport", AccessAction.READ);
    return "audit/client-report";
  }

  @GetMapping("/inzage/{caseNumber}/inzageverzoek.csv")
  @ResponseBody
  ResponseEntity<byte[]> clientReportCsv(@PathVariable String caseNumber) {
    ClientAccessReport.Report report = reports.report(caseNumber);
    reads.record(caseNumber, "ClientAccessReport", AccessAction.EXPORT);
    // Excel reads UTF-8 with a BOM; the header plain, every other cell quoted
    CsvWriter csv =
        CsvWriter.withByteOrderMark()
            .row(
                format.message("audit.report.col.time"),
                format.message("audit.report.col.organisation"),
                format.message("audit.report.col.role"),
                format.message("audit.report.col.user"),
                format.message("audit.report.col.responsible"),
                format.message("audit.report.col.action"),
                format.message("audit.report.col.object"),
                format.message("audit.report.col.whose"),
                format.message("audit.report.col.basis"),
                format.message("audit.report.col.emergency"),
                format.message("audit.report.col.outcome"));
    for (ClientAccessReport.Line line : report.lines()) {
      csv.quotedRow(
          format.exactTime(line.at()),
          line.organisation(),
          format.discipline(line.role()),
          line.user(),
          line.responsibleUser(),
          format.message("audit.action." + line.action()),
          format.objectType(line.objectType()),
          format.message("audit.report.whose." + line.whose()),
          format.basis(line.basis()),
          format.message(line.emergency() ? "audit.yes" : "audit.no"),
          format.message("audit.outcome." + line.outcome()));
    }
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"inzageverzoek-"
                + caseNumber.replaceAll("[^A-Za-z0-9-]", "")
                + ".csv\"")
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .body(csv.toUtf8());
  }

  @GetMapping("/inzage/{caseNumber}/inzageverzoek.pdf")
  @ResponseBody
  ResponseEntity<byte[]> clientReportPdf(@PathVariable String caseNumber) {
    ClientAccessReport.Report report = reports.report(caseNumber);
    reads.record(caseNumber, "ClientAccessReport", AccessAction.EXPORT);
    byte[] pdf = pdfs.render("audit/pdf/client-report", Map.of("report", report));
    return ResponseEntity.ok()
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"inzageverzoek-"
                + caseNumber.replaceAll("[^A-Za-z0-9-]", "")
                + ".pdf\"")
        .contentType(MediaType.APPLICATION_PDF)
        .body(pdf);
  }
}
