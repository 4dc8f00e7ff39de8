package zorgpadbench;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's side-by-side benchmark: Zorgpad and stock Camunda 7.24, each in a child JVM, the
 * same workload, rounds interleaved, on H2 file and embedded PostgreSQL. Writes
 * {@code target/benchmarks/results.json} and {@code results.md}. Runs only under
 * {@code ./mvnw -Pbenchmark test} (tag {@code benchmark}); see docs/benchmarks.md for the
 * parameters ({@code -Dbenchmark.size=quick|region|country|<n>[,…]}, {@code -Dbenchmark.db},
 * {@code -Dbenchmark.rounds}, …). Asserts nothing about time: it fails only when it cannot
 * measure (a system does not start, a filter or a pathway is missing, nothing to work on).
 */
@Tag("benchmark")
class BenchmarkSuiteTest {

  @Test
  void zorgpadAndStockSideBySide() throws Exception {
    new SideBySide(SideBySide.Settings.load()).run();
  }
}
