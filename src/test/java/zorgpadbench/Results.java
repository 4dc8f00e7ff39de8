package zorgpadbench;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's output: {@code results.json} ({@code {"metrics":[{name, size, db, unit, zorgpad,
 * stock, ratio, …}]}}) and {@code results.md} (the same as a Markdown table).
 *
 * <p>{@code stock} is the figure the target compares with: stock <em>without</em>
 * authorization for the Tasklist's requests, stock <em>with</em> authorization for task
 * completion and case creation. {@code stockAuthOff}/{@code stockAuthOn} give both where both
 * were measured; {@code ratio} is zorgpad / stock; {@code *Range} is [min, max] of the per-round
 * figure over the rounds.
 */
final class Results {

  static final class Metric {
    final Map<String, Object> fields = new LinkedHashMap<>();

    Metric put(String key, Object value) {
      if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
        value = null;
      }
      fields.put(key, value);
      return this;
    }

    Object get(String key) {
      return fields.get(key);
    }
  }

  final List<Metric> metrics = new ArrayList<>();
  final Map<String, Object> context = new LinkedHashMap<>();

  synchronized Metric add(
      String name, Object size, String db, String unit, Double zorgpad, Double stock) {
    Metric metric =
        new Metric()
            .put("name", name)
            .put("size", size)
            .put("db", db)
            .put("unit", unit)
            .put("zorgpad", round(zorgpad))
            .put("stock", round(stock));
    Double ratio =
        zorgpad != null && stock != null && stock != 0 && !stock.isNaN() && !zorgpad.isNaN()
            ? round(zorgpad / stock)
            : null;
    metric.put("ratio", ratio);
    metrics.add(metric);
    return metric;
  }

  static Double round(Double value) {
    if (value == null || value.isNaN() || value.isInfinite()) {
      return null;
    }
    double abs = Math.abs(value);
    double scale = abs >= 100 ? 10 : abs >= 1 ? 100 : 10000;
    return Math.round(value * scale) / scale;
  }

  /** [min, max], or null when nothing was measured (a metric stock has no counterpart of). */
  static List<Double> range(double[] minMedianMax) {
    Double min = round(minMedianMax[0]);
    Double max = round(minMedianMax[2]);
    return min == null || max == null ? null : List.of(min, max);
  }

  synchronized void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = Session.JSON.createObjectNode();
    root.set("context", Session.JSON.valueToTree(context));
    ArrayNode array = root.putArray("metrics");
    for (Metric metric : metrics) {
      array.add(Session.JSON.valueToTree(metric.fields));
    }
    Files.writeString(
        dir.resolve("results.json"),
        Session.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
    Files.writeString(dir.resolve("results.md"), markdown());
  }

  synchronized String markdown() {
    StringBuilder md = new StringBuilder();
    md.append(
        "| metric | size | db | unit | Zorgpad [range] | stock [range] | stock auth off / on |"
            + " ratio |\n|---|---|---|---|---|---|---|---|\n");
    for (Metric m : metrics) {
      md.append("| ")
          .append(m.get("name"))
          .append(" | ")
          .append(text(m.get("size")))
          .append(" | ")
          .append(text(m.get("db")))
          .append(" | ")
          .append(text(m.get("unit")))
          .append(" | ")
          .append(withRange(m.get("zorgpad"), m.get("zorgpadRange")))
          .append(" | ")
          .append(withRange(m.get("stock"), m.get("stockRange")))
          .append(" | ")
          .append(offOn(m))
          .append(" | ")
          .append(text(m.get("ratio")))
          .append(" |\n");
    }
    return md.toString();
  }

  private static String offOn(Metric m) {
    Object off = m.get("stockAuthOff");
    Object on = m.get("stockAuthOn");
    if (off == null && on == null) {
      return "";
    }
    return text(off) + " / " + text(on);
  }

  private static String withRange(Object value, Object range) {
    if (value == null) {
      return "—";
    }
    if (range instanceof List<?> list && list.size() == 2 && list.get(0) != null) {
      return text(value) + " [" + text(list.get(0)) + "–" + text(list.get(1)) + "]";
    }
    return text(value);
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d) {
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return String.format(Locale.ROOT, "%d", d.longValue());
      }
      return String.format(
          Locale.ROOT, Math.abs(d) >= 100 ? "%.0f" : Math.abs(d) >= 1 ? "%.2f" : "%.3f", d);
    }
    return value.toString();
  }
}
