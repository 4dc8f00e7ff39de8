package zorgpadbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Latencies (ms) per round and throughputs per round: pooled percentiles, medians, ranges. */
final class Samples {

  private final List<double[]> rounds = new ArrayList<>();

  synchronized void addRound(double[] values) {
    rounds.add(values.clone());
  }

  synchronized boolean isEmpty() {
    return rounds.stream().allMatch(r -> r.length == 0);
  }

  /** Percentile of all values of all rounds together. */
  synchronized double pooled(double percentile) {
    double[] all = rounds.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
    return percentile(all, percentile);
  }

  /** The percentile per round: [min, median, max] over rounds. */
  synchronized double[] perRound(double percentile) {
    double[] values =
        rounds.stream()
            .filter(r -> r.length > 0)
            .mapToDouble(r -> percentile(r.clone(), percentile))
            .sorted()
            .toArray();
    if (values.length == 0) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
    return new double[] {values[0], median(values), values[values.length - 1]};
  }

  synchronized int count() {
    return rounds.stream().mapToInt(r -> r.length).sum();
  }

  static double percentile(double[] values, double percentile) {
    if (values.length == 0) {
      return Double.NaN;
    }
    Arrays.sort(values);
    int index = (int) Math.ceil(percentile / 100.0 * values.length) - 1;
    return values[Math.max(0, Math.min(values.length - 1, index))];
  }

  static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
