package nl.zorgpad.monitor;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import nl.zorgpad.monitor.Fact.Kind;
import nl.zorgpad.monitor.MonitorReport.Duration;
import nl.zorgpad.monitor.MonitorReport.Indicator;
import nl.zorgpad.monitor.MonitorReport.Row;
import nl.zorgpad.monitor.MonitorReport.Share;
import nl.zorgpad.monitor.MonitorReport.Shown;
import nl.zorgpad.monitor.Suppression.State;
import nl.zorgpad.monitor.Suppression.Table;
import nl.zorgpad.time.ZorgpadTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes the monitor from {@code zp_monitor_fact} (grouped counts of one coalition and
 * period; never the engine history) and applies the suppression:
 *
 * <ul>
 *   <li>Every count is first put in a table per MONTH of codes × all wijken of the coalition,
 *       with its totals, and suppressed there ({@link Suppression}). The page's wijk filter shows
 *       one column of that same table, the unfiltered page its totals column: the two settings
 *       are two views of one suppressed table, so subtracting them gives nothing new.</li>
 *   <li>A figure over several months (the period total) is published only when every month in
 *       it is visible: it is then a sum of published figures, so no choice of two periods
 *       (adjacent, nested) can isolate a hidden month.</li>
 *   <li>Shares only when numerator and base are both visible and the base is at least 10;
 *       medians and p90 only over at least 10 cases.</li>
 * </ul>
 */
@Service
public class MonitorQuery {

  /** Indicator definitions: id, section, the fact kinds, by code (rows = codes) or by kind. */
  record Definition(String id, String section, List<Kind> kinds, boolean byCode) {}

  static final List<Definition> DEFINITIONS =
      List.of(
          new Definition("signalen", "signalen", List.of(Kind.SIGNAL), true),
          new Definition("nieuwe-signalen", "signalen", List.of(Kind.RESIGNAL), false),
          new Definition("risicodomeinen", "signalen", List.of(Kind.RISK_DOMAIN), true),
          new Definition(
              "huisbezoek",
              "huisbezoek",
              List.of(
                  Kind.HOME_VISIT_CONSIDERED,
                  Kind.HOME_VISIT_REQUESTED,
                  Kind.HOME_VISIT_DONE,
                  Kind.HOME_VISIT_CANCELLED),
              false),
          new Definition(
              "huisbezoek-niet-nodig", "huisbezoek", List.of(Kind.HOME_VISIT_OPTED_OUT), true),
          new Definition(
              "overdracht",
              "overdracht",
              List.of(
                  Kind.HANDOVER_STARTED,
                  Kind.HANDOVER_CONFIRMED,
                  Kind.HANDOVER_ESCALATED,
                  Kind.HANDOVER_UNCONFIRMED),
              false),
          new Definition(
              "toestemming",
              "toestemming",
              List.of(
                  Kind.CONSENT_ASKED,
                  Kind.CONSENT_GIVEN,
                  Kind.CONSENT_REFUSED,
                  Kind.CONSENT_WITHDRAWN),
              false),
          new Definition(
              "toestemming-geweigerd", "toestemming", List.of(Kind.CONSENT_REFUSED), true),
          new Definition("mdo", "mdo", List.of(Kind.MDO_REQUESTED, Kind.MDO_HELD), false),
          new Definition("meldcode", "meldcode", List.of(Kind.MELDCODE_STARTED), true),
          new Definition("meldcode-uitkomst", "meldcode", List.of(Kind.MELDCODE_ENDED), true),
          new Definition(
              "veilig-thuis",
              "meldcode",
              List.of(Kind.VEILIG_THUIS_REPORT, Kind.VEILIG_THUIS_CONTACT, Kind.MELDRECHT),
              false),
          new Definition("afgesloten", "casussen", List.of(Kind.CASE_CLOSED), true),
          new Definition("taken-te-laat", "taken", List.of(Kind.TASK_LATE), true));

  static final String UNKNOWN_WIJK = "onbekend";
  static final int MAX_MONTHS = 120;

  private final JdbcTemplate jdbc;
  private final MonitorHistory history;
  private final Clock clock;

  MonitorQuery(JdbcTemplate jdbc, MonitorHistory history, Clock clock) {
    this.jdbc = jdbc;
    this.history = history;
    this.clock = clock;
  }

  /**
   * A query over the fact table alone, without the engine (no open-task indicator): for tools
   * and the benchmark suite ({@code zorgpadbench.MonitorBenchmarkTest}).
   */
  public static MonitorQuery standalone(JdbcTemplate jdbc, Clock clock) {
    return new MonitorQuery(
        jdbc,
        new MonitorHistory() {
          @Override
          public CaseHistory caseHistory(String caseNumber) {
            return CaseHistory.empty();
          }

          @Override
          public String caseNumberOfRoot(String rootProcessInstanceId) {
            return null;
          }

          @Override
          public Map<String, Long> overdueOpenTasks(String coalition, java.time.Instant now) {
            return Map.of();
          }
        },
        clock);
  }

  /** Counts per kind → month → code → wijk. */
  private static final class Counts {
    final Map<Kind, Map<YearMonth, Map<String, Map<String, Long>>>> byKind =
        new EnumMap<>(Kind.class);
    final TreeSet<String> wijken = new TreeSet<>();

    void add(Kind kind, YearMonth month, String code, String wijk, long count) {
      byKind
          .computeIfAbsent(kind, k -> new HashMap<>())
          .computeIfAbsent(month, m -> new HashMap<>())
          .computeIfAbsent(code, c -> new HashMap<>())
          .merge(wijk, count, Long::sum);
      wijken.add(wijk);
    }

    Map<String, Map<String, Long>> month(Kind kind, YearMonth month) {
      return byKind.getOrDefault(kind, Map.of()).getOrDefault(month, Map.of());
    }

    TreeSet<String> codes(Kind kind) {
      TreeSet<String> codes = new TreeSet<>();
      byKind.getOrDefault(kind, Map.of()).values().forEach(m -> codes.addAll(m.keySet()));
      return codes;
    }
  }

  /** The suppressed monitor of one coalition, period and (null: every) wijk. */
  public MonitorReport report(String coalition, YearMonth from, YearMonth to, String wijk) {
    List<YearMonth> months = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      months.add(m);
    }
    Counts counts = new Counts();
    // covered by ix_monitor_fact_month: no table row and no case file is read (V76)
    jdbc.query(
        "select kind, code, fact_month, wijk, count(*) as n from zp_monitor_fact"
            + " where coalition = ? and fact_month >= ? and fact_month <= ?"
            + " group by kind, code, fact_month, wijk",
        rs -> {
          counts.add(
              Kind.valueOf(rs.getString(1)),
              YearMonth.from(rs.getDate(3).toLocalDate()),
              rs.getString(2),
              rs.getString(4),
              rs.getLong(5));
        },
        coalition,
        Date.valueOf(from.atDay(1)),
        Date.valueOf(to.atDay(1)));
    Map<Kind, List<Integer>> hours = hours(coalition, from, to, wijk);

    // the wijken of the coalition (columns of every table): those with facts, plus the filter
    List<String> wijken = new ArrayList<>(wijken(coalition));
    counts.wijken.stream().filter(w -> !wijken.contains(w)).forEach(wijken::add);
    if (wijk != null && !wijken.contains(wijk)) {
      wijken.add(wijk);
    }
    int column = wijk == null ? wijken.size() : wijken.indexOf(wijk);

    List<Indicator> indicators = new ArrayList<>();
    for (Definition definition : DEFINITIONS) {
      indicators.add(
          definition.byCode()
              ? byCode(definition, counts, months, wijken, column)
              : byKind(definition, counts, months, wijken, column, hours));
    }
    indicators.add(active(coalition, months, wijken, column));
    indicators.add(overdueNow(coalition, wijk));
    return new MonitorReport(coalition, from, to, wijk, months, wijken, indicators);
  }

  /** Rows = the codes of one kind; a totals row; each month suppressed as codes × wijken. */
  private Indicator byCode(
      Definition definition,
      Counts counts,
      List<YearMonth> months,
      List<String> wijken,
      int column) {
    Kind kind = definition.kinds().get(0);
    List<String> codes = new ArrayList<>(counts.codes(kind));
    List<Table> tables = new ArrayList<>();
    for (YearMonth month : months) {
      Map<String, Map<String, Long>> byCode = counts.month(kind, month);
      long[][] cells = new long[codes.size()][wijken.size()];
      for (int r = 0; r < codes.size(); r++) {
        Map<String, Long> byWijk = byCode.getOrDefault(codes.get(r), Map.of());
        for (int c = 0; c < wijken.size(); c++) {
          cells[r][c] = byWijk.getOrDefault(wijken.get(c), 0L);
        }
      }
      tables.add(Suppression.suppress(cells));
    }
    List<Row> rows = new ArrayList<>();
    for (int r = 0; r < codes.size(); r++) {
      rows.add(row(codes.get(r), tables, r, column));
    }
    Row total = codes.isEmpty() ? null : row("totaal", tables, codes.size(), column);
    return new Indicator(
        definition.id(), definition.section(), true, rows, total, List.of(), List.of(), null);
  }

  /** Rows = several kinds, each its own table (1 × wijken) per month: they do not add up. */
  private Indicator byKind(
      Definition definition,
      Counts counts,
      List<YearMonth> months,
      List<String> wijken,
      int column,
      Map<Kind, List<Integer>> hours) {
    List<Row> rows = new ArrayList<>();
    for (Kind kind : definition.kinds()) {
      List<Table> tables = new ArrayList<>();
      for (YearMonth month : months) {
        Map<String, Map<String, Long>> byCode = counts.month(kind, month);
        long[][] cells = new long[1][wijken.size()];
        for (Map<String, Long> byWijk : byCode.values()) {
          for (int c = 0; c < wijken.size(); c++) {
            cells[0][c] += byWijk.getOrDefault(wijken.get(c), 0L);
          }
        }
        tables.add(Suppression.suppress(cells));
      }
      rows.add(row(code(kind), tables, 0, column));
    }
    List<Share> shares = new ArrayList<>();
    List<Duration> durations = new ArrayList<>();
    switch (definition.id()) {
      case "huisbezoek" -> {
        shares.add(share("aangevraagd-van-overwogen", rows.get(1), rows.get(0)));
        shares.add(share("afgelegd-van-aangevraagd", rows.get(2), rows.get(1)));
      }
      case "overdracht" -> {
        shares.add(share("bevestigd-van-vastgelegd", rows.get(1), rows.get(0)));
        durations.add(
            duration(
                "signaal-tot-bevestigd", hours.get(Kind.HANDOVER_CONFIRMED), rows.get(1).total()));
      }
      case "toestemming" -> shares.add(share("geweigerd-van-gevraagd", rows.get(2), rows.get(0)));
      case "mdo" ->
          durations.add(
              duration("aanvraag-tot-mdo", hours.get(Kind.MDO_HELD), rows.get(1).total()));
      case "veilig-thuis" ->
          durations.add(
              duration(
                  "melding-tot-contact",
                  hours.get(Kind.VEILIG_THUIS_CONTACT),
                  rows.get(1).total()));
      default -> {
        // no share or duration
      }
    }
    return new Indicator(
        definition.id(), definition.section(), false, rows, null, shares, durations, null);
  }

  private static String code(Kind kind) {
    return kind.name().toLowerCase().replace('_', '-');
  }

  /** One row: the month cells of the chosen column, and the period total (see the class doc). */
  private static Row row(String code, List<Table> tables, int row, int column) {
    List<Shown> cells = new ArrayList<>();
    long sum = 0;
    boolean allVisible = true;
    for (Table table : tables) {
      int c = column;
      Shown shown = new Shown(table.value(row, c), table.state(row, c));
      cells.add(shown);
      sum += shown.value();
      allVisible &= shown.visible();
    }
    Shown total =
        allVisible
            ? new Shown(sum, State.VISIBLE)
            : new Shown(sum, Suppression.small(sum) ? State.PRIMARY : State.SECONDARY);
    return new Row(code, cells, total);
  }

  static Share share(String code, Row numerator, Row base) {
    List<Double> months = new ArrayList<>();
    for (int i = 0; i < base.months().size(); i++) {
      months.add(percent(numerator.months().get(i), base.months().get(i)));
    }
    return new Share(code, months, percent(numerator.total(), base.total()));
  }

  private static Double percent(Shown numerator, Shown base) {
    if (!numerator.visible() || !base.visible() || base.value() < Suppression.THRESHOLD) {
      return null;
    }
    return Math.round(1000.0 * numerator.value() / base.value()) / 10.0;
  }

  /** Median and p90 (nearest rank) in days, only over at least 10 values. */
  static Duration duration(String code, List<Integer> hours, Shown count) {
    List<Integer> values = hours == null ? List.of() : hours.stream().sorted().toList();
    if (values.size() < Suppression.THRESHOLD) {
      return new Duration(code, null, null, values.isEmpty() ? "0" : "<10");
    }
    double median = percentile(values, 50) / 24.0;
    double p90 = percentile(values, 90) / 24.0;
    return new Duration(
        code,
        Math.round(median * 10) / 10.0,
        Math.round(p90 * 10) / 10.0,
        count.visible() ? String.valueOf(count.value()) : "≥10");
  }

  static int percentile(List<Integer> sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private Map<Kind, List<Integer>> hours(
      String coalition, YearMonth from, YearMonth to, String wijk) {
    Map<Kind, List<Integer>> hours = new EnumMap<>(Kind.class);
    StringBuilder sql =
        new StringBuilder(
            "select kind, hours from zp_monitor_fact"
                + " where coalition = ?"
                + " and kind in ('HANDOVER_CONFIRMED', 'MDO_HELD', 'VEILIG_THUIS_CONTACT')"
                + " and fact_month >= ? and fact_month <= ? and hours is not null");
    List<Object> args =
        new ArrayList<>(List.of(coalition, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))));
    if (wijk != null) {
      sql.append(" and wijk = ?");
      args.add(wijk);
    }
    jdbc.query(
        sql.toString(),
        rs -> {
          hours
              .computeIfAbsent(Kind.valueOf(rs.getString(1)), k -> new ArrayList<>())
              .add(rs.getInt(2));
        },
        args.toArray());
    return hours;
  }

  /**
   * The wijken of the coalition's cases (of all time, not only the period, so that the columns
   * do not depend on the filter; a wijk without cases only adds zeros, which change nothing).
   */
  private List<String> wijken(String coalition) {
    return jdbc.queryForList(
        "select distinct wijk from zp_monitor_fact"
            + " where coalition = ? and kind = 'SIGNAL' order by wijk",
        String.class,
        coalition);
  }

  /**
   * Active cases at the end of each month, per wijk: signalled up to then minus closed up to
   * then (from the first fact on, not only the period). Rows are the wijken; suppressed per
   * month as wijken × 1 and visible counts rounded to 5 (a stock minus the previous month's
   * would otherwise give that month's small flows exactly).
   */
  private Indicator active(
      String coalition, List<YearMonth> months, List<String> wijken, int column) {
    Map<String, Map<YearMonth, long[]>> flows = new HashMap<>();
    YearMonth last = months.get(months.size() - 1);
    jdbc.query(
        "select kind, fact_month, wijk, count(*) from zp_monitor_fact"
            + " where coalition = ? and kind in ('SIGNAL', 'CASE_CLOSED') and fact_month <= ?"
            + " group by kind, fact_month, wijk",
        rs -> {
          long[] flow =
              flows
                  .computeIfAbsent(rs.getString(3), w -> new HashMap<>())
                  .computeIfAbsent(YearMonth.from(rs.getDate(2).toLocalDate()), m -> new long[2]);
          flow["SIGNAL".equals(rs.getString(1)) ? 0 : 1] += rs.getLong(4);
        },
        coalition,
        Date.valueOf(last.atDay(1)));
    List<Table> tables = new ArrayList<>();
    for (YearMonth month : months) {
      long[][] cells = new long[wijken.size()][1];
      for (int w = 0; w < wijken.size(); w++) {
        long stock = 0;
        for (Map.Entry<YearMonth, long[]> flow :
            flows.getOrDefault(wijken.get(w), Map.of()).entrySet()) {
          if (!flow.getKey().isAfter(month)) {
            stock += flow.getValue()[0] - flow.getValue()[1];
          }
        }
        cells[w][0] = Math.max(0, stock);
      }
      tables.add(Suppression.suppress(cells));
    }
    List<Row> rows = new ArrayList<>();
    int selected = column == wijken.size() ? -1 : column;
    for (int w = 0; w < wijken.size(); w++) {
      if (selected >= 0 && w != selected) {
        continue;
      }
      rows.add(stockRow(wijken.get(w), tables, w));
    }
    Row total =
        selected >= 0 || wijken.size() < 2 ? null : stockRow("totaal", tables, wijken.size());
    return new Indicator(
        "actief-per-wijk", "casussen", true, rows, total, List.of(), List.of(), "afgerond");
  }

  /** A stock has no period total (the last month is the state at the end of the period). */
  private static Row stockRow(String code, List<Table> tables, int row) {
    List<Shown> cells = new ArrayList<>();
    for (Table table : tables) {
      State state = table.state(row, 0);
      long value = table.value(row, 0);
      cells.add(new Shown(state == State.VISIBLE ? roundTo5(value) : value, state));
    }
    return new Row(code, cells, cells.get(cells.size() - 1));
  }

  static long roundTo5(long value) {
    return Math.round(value / 5.0) * 5;
  }

  /** Open tasks past their due date now, per discipline (not per wijk: tasks carry no wijk). */
  private Indicator overdueNow(String coalition, String wijk) {
    if (wijk != null) {
      return new Indicator(
          "taken-nu-te-laat",
          "taken",
          true,
          List.of(),
          null,
          List.of(),
          List.of(),
          "niet-per-wijk");
    }
    Map<String, Long> byDiscipline = history.overdueOpenTasks(coalition, clock.instant());
    List<String> disciplines = new ArrayList<>(new TreeSet<>(byDiscipline.keySet()));
    long[][] cells = new long[disciplines.size()][1];
    for (int d = 0; d < disciplines.size(); d++) {
      cells[d][0] = byDiscipline.get(disciplines.get(d));
    }
    Table table = Suppression.suppress(cells);
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < disciplines.size(); d++) {
      Shown shown = new Shown(table.value(d, 0), table.state(d, 0));
      rows.add(new Row(disciplines.get(d), List.of(), shown));
    }
    Row total =
        disciplines.size() < 2
            ? null
            : new Row(
                "totaal",
                List.of(),
                new Shown(table.value(disciplines.size(), 0), table.state(disciplines.size(), 0)));
    return new Indicator(
        "taken-nu-te-laat", "taken", true, rows, total, List.of(), List.of(), null);
  }

  static YearMonth currentMonth(Clock clock) {
    return YearMonth.from(LocalDate.now(clock.withZone(ZorgpadTime.ZONE)));
  }

  Clock clock() {
    return clock;
  }
}
