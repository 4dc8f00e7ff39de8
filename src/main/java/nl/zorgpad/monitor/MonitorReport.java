package nl.zorgpad.monitor;

import java.time.YearMonth;
import java.util.List;
import nl.zorgpad.monitor.Suppression.State;

/**
 * The monitor for one coalition, period and (optional) wijk, suppressed: what the page, the
 * JSON API, the CSV and the PDF show. Holds aggregates only: no case number, no date of a single
 * case, nothing about a person.
 */
public record MonitorReport(
    String coalition,
    YearMonth from,
    YearMonth to,
    String wijk,
    List<YearMonth> months,
    List<String> wijken,
    List<Indicator> indicators) {

  /** One figure as published: its value only when visible. */
  public record Shown(Long value, State state) {
    static final Shown ZERO = new Shown(0L, State.VISIBLE);

    boolean visible() {
      return state == State.VISIBLE;
    }

    /** "12", "<10" (a count from 1 to 9) or "×" (hidden so that no small count can be derived). */
    String display() {
      return switch (state) {
        case VISIBLE -> String.valueOf(value);
        case PRIMARY -> "<10";
        case SECONDARY -> "×";
      };
    }

    /** The value for charts and the JSON API: null when hidden. */
    Long published() {
      return visible() ? value : null;
    }
  }

  /** A row of an indicator: a code (discipline, reason, ...) or a measure, per month and total. */
  public record Row(String code, List<Shown> months, Shown total) {}

  /** A share per month and over the period: percent, null when not publishable. */
  public record Share(String code, List<Double> months, Double total) {}

  /** A duration over the period: median and p90 in days over at least 10 cases, else null. */
  public record Duration(String code, Double median, Double p90, String count) {}

  /**
   * An indicator: its rows (with a totals row when the rows add up), shares and durations. For
   * {@code columns == "wijk"} the rows are wijken (active cases), else codes.
   */
  public record Indicator(
      String id,
      String section,
      boolean additive,
      List<Row> rows,
      Row totalRow,
      List<Share> shares,
      List<Duration> durations,
      String note) {}
}
