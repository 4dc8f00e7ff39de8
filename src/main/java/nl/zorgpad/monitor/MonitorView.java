package nl.zorgpad.monitor;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.zorgpad.csv.CsvWriter;
import nl.zorgpad.monitor.MonitorReport.Duration;
import nl.zorgpad.monitor.MonitorReport.Indicator;
import nl.zorgpad.monitor.MonitorReport.Row;
import nl.zorgpad.monitor.MonitorReport.Share;
import nl.zorgpad.monitor.MonitorReport.Shown;
import nl.zorgpad.security.ZorgpadGroups;
import org.springframework.context.MessageSource;

/**
 * The monitor as people read it: Dutch labels (message bundle), the figures as shown ("12",
 * "&lt;10", "×"). The page, the CSV and the PDF are all made from this one view, so they show
 * the same figures; the JSON API and the charts get {@link #chartData} (published values only).
 */
public final class MonitorView {

  static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", DUTCH);

  public record Section(String id, String title, List<Table> tables) {}

  public record Table(
      String id,
      String title,
      String description,
      List<String> columns,
      String totalColumn,
      List<Line> rows,
      Line totalRow,
      List<Line> shares,
      List<DurationLine> durations,
      String note) {}

  public record Line(String code, String label, List<String> cells, String total) {}

  public record DurationLine(String label, String median, String p90, String count) {}

  final MonitorReport report;
  final String coalitionName;
  final String wijkName;
  final String period;
  final List<Section> sections = new ArrayList<>();
  private final MessageSource messages;
  private final Map<String, String> wijkNames;

  MonitorView(
      MonitorReport report,
      String coalitionName,
      Map<String, String> wijkNames,
      MessageSource messages) {
    this.report = report;
    this.messages = messages;
    this.wijkNames = wijkNames;
    this.coalitionName = coalitionName;
    this.wijkName = report.wijk() == null ? null : wijk(report.wijk());
    this.period = month(report.from()) + " – " + month(report.to());
    Map<String, List<Table>> bySection = new LinkedHashMap<>();
    for (Indicator indicator : report.indicators()) {
      bySection.computeIfAbsent(indicator.section(), s -> new ArrayList<>()).add(table(indicator));
    }
    bySection.forEach(
        (id, tables) -> sections.add(new Section(id, text("monitor.section." + id), tables)));
  }

  public List<Section> getSections() {
    return sections;
  }

  public String getCoalitionName() {
    return coalitionName;
  }

  public String getWijkName() {
    return wijkName;
  }

  public String getPeriod() {
    return period;
  }

  Table table(String id) {
    return sections.stream()
        .flatMap(s -> s.tables().stream())
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElse(null);
  }

  private Table table(Indicator indicator) {
    boolean stock = indicator.id().equals("actief-per-wijk");
    boolean now = indicator.id().equals("taken-nu-te-laat");
    List<String> columns =
        now ? List.of() : report.months().stream().map(MonitorView::month).toList();
    String totalColumn =
        text(
            stock
                ? "monitor.column.endOfPeriod"
                : now ? "monitor.column.now" : "monitor.column.total");
    List<Line> rows = new ArrayList<>();
    for (Row row : indicator.rows()) {
      rows.add(line(row, label(indicator, row.code())));
    }
    Line total =
        indicator.totalRow() == null
            ? null
            : line(indicator.totalRow(), text("monitor.row.totaal"));
    List<Line> shares = new ArrayList<>();
    for (Share share : indicator.shares()) {
      shares.add(
          new Line(
              share.code(),
              text("monitor.share." + share.code()),
              share.months().stream().map(MonitorView::percent).toList(),
              percent(share.total())));
    }
    List<DurationLine> durations = new ArrayList<>();
    for (Duration duration : indicator.durations()) {
      durations.add(
          new DurationLine(
              text("monitor.duration." + duration.code()),
              days(duration.median()),
              days(duration.p90()),
              duration.count()));
    }
    String note = indicator.note() == null ? null : text("monitor.note." + indicator.note());
    return new Table(
        indicator.id(),
        text("monitor.indicator." + indicator.id() + ".title"),
        text("monitor.indicator." + indicator.id() + ".description"),
        columns,
        totalColumn,
        rows,
        total,
        shares,
        durations,
        note);
  }

  private static Line line(Row row, String label) {
    return new Line(
        row.code(),
        label,
        row.months().stream().map(Shown::display).toList(),
        row.total().display());
  }

  private String label(Indicator indicator, String code) {
    if (indicator.id().equals("actief-per-wijk")) {
      return wijk(code);
    }
    String message = messages.getMessage("monitor.code." + code, null, null, DUTCH);
    if (message != null) {
      return message;
    }
    String group = ZorgpadGroups.displayName(code);
    return group.equals(code) ? code : group;
  }

  String wijk(String code) {
    if (MonitorQuery.UNKNOWN_WIJK.equals(code)) {
      return text("monitor.wijk.unknown");
    }
    return wijkNames.getOrDefault(code, code);
  }

  /** Per table: month labels and one series per row, hidden figures as null (a gap). */
  List<Map<String, Object>> chartData() {
    List<Map<String, Object>> charts = new ArrayList<>();
    for (Indicator indicator : report.indicators()) {
      if (indicator.id().equals("taken-nu-te-laat")) {
        continue;
      }
      Map<String, Object> chart = new LinkedHashMap<>();
      chart.put("id", indicator.id());
      chart.put("months", report.months().stream().map(MonitorView::month).toList());
      List<Map<String, Object>> series = new ArrayList<>();
      for (Row row : indicator.rows()) {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("name", label(indicator, row.code()));
        one.put("data", row.months().stream().map(Shown::published).toList());
        series.add(one);
      }
      chart.put("series", series);
      charts.add(chart);
    }
    return charts;
  }

  /** The JSON API's body: filters and every indicator with published values and as shown. */
  Map<String, Object> json() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("coalition", report.coalition());
    body.put("from", report.from().toString());
    body.put("to", report.to().toString());
    body.put("wijk", report.wijk());
    body.put("months", report.months().stream().map(YearMonth::toString).toList());
    body.put(
        "suppression",
        "counts 1-9 are shown as <10 (value null); x marks a figure hidden"
            + " so that no small count can be derived (value null); docs/monitor.md");
    List<Map<String, Object>> indicators = new ArrayList<>();
    for (Indicator indicator : report.indicators()) {
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("id", indicator.id());
      one.put("title", text("monitor.indicator." + indicator.id() + ".title"));
      List<Map<String, Object>> rows = new ArrayList<>();
      for (Row row : indicator.rows()) {
        rows.add(jsonRow(row, label(indicator, row.code())));
      }
      one.put("rows", rows);
      if (indicator.totalRow() != null) {
        one.put("total", jsonRow(indicator.totalRow(), text("monitor.row.totaal")));
      }
      List<Map<String, Object>> shares = new ArrayList<>();
      for (Share share : indicator.shares()) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", share.code());
        s.put("months", share.months());
        s.put("period", share.total());
        shares.add(s);
      }
      one.put("sharesPercent", shares);
      List<Map<String, Object>> durations = new ArrayList<>();
      for (Duration duration : indicator.durations()) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("code", duration.code());
        d.put("medianDays", duration.median());
        d.put("p90Days", duration.p90());
        d.put("cases", duration.count());
        durations.add(d);
      }
      one.put("durations", durations);
      indicators.add(one);
    }
    body.put("indicators", indicators);
    return body;
  }

  private static Map<String, Object> jsonRow(Row row, String label) {
    Map<String, Object> one = new LinkedHashMap<>();
    one.put("code", row.code());
    one.put("label", label);
    one.put("months", row.months().stream().map(MonitorView::jsonCell).toList());
    one.put("period", jsonCell(row.total()));
    return one;
  }

  private static Map<String, Object> jsonCell(Shown shown) {
    Map<String, Object> cell = new LinkedHashMap<>();
    cell.put("value", shown.published());
    cell.put("shown", shown.display());
    return cell;
  }

  /**
   * CSV of one table (semicolon-separated, as Dutch spreadsheets expect), as shown; with BOM so
   * that spreadsheets show ë and × correctly.
   */
  String csv(String tableId) {
    Table table = table(tableId);
    CsvWriter csv = CsvWriter.withByteOrderMark();
    List<String> header = new ArrayList<>(Arrays.asList(table.title(), text("monitor.csv.row")));
    header.addAll(table.columns());
    header.add(table.totalColumn());
    csv.row(header);
    List<Line> lines = new ArrayList<>(table.rows());
    if (table.totalRow() != null) {
      lines.add(table.totalRow());
    }
    lines.addAll(table.shares());
    for (Line line : lines) {
      List<String> cells = new ArrayList<>(Arrays.asList(table.title(), line.label()));
      cells.addAll(line.cells());
      cells.add(line.total());
      csv.row(cells);
    }
    for (DurationLine duration : table.durations()) {
      csv.row(
          table.title(),
          duration.label(),
          text("monitor.duration.median") + " " + duration.median(),
          text("monitor.duration.p90") + " " + duration.p90(),
          text("monitor.duration.count") + " " + duration.count());
    }
    return csv.toString();
  }

  private String text(String key) {
    return messages.getMessage(key, null, key, DUTCH);
  }

  static String month(YearMonth month) {
    return month.format(MONTH);
  }

  private static String percent(Double value) {
    return value == null ? "–" : String.format(DUTCH, "%.1f%%", value);
  }

  private static String days(Double value) {
    return value == null ? "–" : String.format(DUTCH, "%.1f", value);
  }
}
