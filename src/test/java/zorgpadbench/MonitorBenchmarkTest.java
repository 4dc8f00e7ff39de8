package zorgpadbench;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import nl.zorgpad.monitor.MonitorQuery;
import nl.zorgpad.monitor.MonitorReport;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Kansrijke Start monitor at scale (issue 14): the response time of one monitor request
 * (every indicator, suppressed, five years by month, all wijken and one wijk) on an H2 file
 * database migrated by Zorgpad's Flyway scripts, at two sizes of a coalition's pre-aggregated
 * fact table (1,000 and 5,000 cases over five years, ~20 facts per case, 10 wijken). The monitor
 * never reads the engine history, so the history's size does not enter the figure; it reads
 * {@code zp_monitor_fact} ⋈ {@code zp_case_file}. Prints figures; asserts nothing about time.
 * Run: {@code ./mvnw -Pbenchmark test -Dbenchmark.monitor=true -Dtest=MonitorBenchmarkTest}
 * (docs/benchmarks.md, docs/monitor.md).
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "benchmark.monitor", matches = "true")
class MonitorBenchmarkTest {

  private static final int WARM_UP = 5;
  private static final int MEASURED = 20;
  private static final String[] KINDS = {
    "RISK_DOMAIN",
    "RISK_DOMAIN",
    "CONSENT_ASKED",
    "CONSENT_GIVEN",
    "HANDOVER_STARTED",
    "HANDOVER_CONFIRMED",
    "HOME_VISIT_CONSIDERED",
    "HOME_VISIT_REQUESTED",
    "HOME_VISIT_DONE",
    "MDO_REQUESTED",
    "MDO_HELD",
    "CONSENT_ASKED",
    "CONSENT_GIVEN",
    "HANDOVER_STARTED",
    "HANDOVER_CONFIRMED",
    "TASK_LATE",
    "MELDCODE_STARTED",
    "CASE_CLOSED"
  };
  private static final String[] CODES = {
    "huisvesting",
    "armoede",
    "stress",
    "ggz",
    "schulden",
    "jgz",
    "verloskundige",
    "huisarts",
    "eerste-verjaardag",
    "verhuisd"
  };
  private static final String[] DISCIPLINES = {
    "verloskundige", "huisarts", "buurtteam", "jgz", "ziekenhuis"
  };

  @Test
  void monitorResponseTimeAtTwoSizes() throws Exception {
    System.out.println();
    System.out.println(
        "Monitor request (all indicators, 12 and 60 months, suppressed), H2 file, "
            + MEASURED
            + " requests after "
            + WARM_UP
            + " warm-up");
    System.out.printf(
        "%-8s %10s %8s %10s %12s %10s %10s %10s%n",
        "cases", "facts", "months", "wijk", "indicators", "mean ms", "p50 ms", "p95 ms");
    for (int cases : List.of(1000, 5000)) {
      Path dir = Files.createTempDirectory("zorgpad-monitor-bench");
      // pooled like the application (a DriverManagerDataSource would open the H2 file again
      // for every statement and measure that instead)
      HikariDataSource dataSource = new HikariDataSource();
      dataSource.setJdbcUrl("jdbc:h2:file:" + dir.resolve("bench") + ";WRITE_DELAY=0");
      dataSource.setUsername("sa");
      dataSource.setMaximumPoolSize(4);
      Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      int facts = fill(jdbc, cases);
      MonitorQuery query = MonitorQuery.standalone(jdbc, java.time.Clock.systemUTC());
      for (int span : List.of(12, 60)) {
        for (String wijk : Arrays.asList(null, "wijk-3")) {
          measure(query, cases, facts, span, wijk);
        }
      }
      dataSource.close();
    }
  }

  /** One line: {@value #MEASURED} requests over {@code span} months after the warm-up. */
  private static void measure(MonitorQuery query, int cases, int facts, int span, String wijk) {
    double[] millis = new double[MEASURED];
    int indicators = 0;
    for (int i = 0; i < WARM_UP + MEASURED; i++) {
      // a different period every request (as different users ask), so that no database result
      // cache answers a repeated statement
      YearMonth to = YearMonth.of(2026, 12).minusMonths(i % 12);
      YearMonth from = to.minusMonths(span - 1);
      long start = System.nanoTime();
      MonitorReport report = query.report("bench", from, to, wijk);
      long nanos = System.nanoTime() - start;
      indicators = report.indicators().size();
      if (i >= WARM_UP) {
        millis[i - WARM_UP] = nanos / 1_000_000.0;
      }
    }
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-8d %10d %8d %10s %12d %10.1f %10.1f %10.1f%n",
        cases,
        facts,
        span,
        wijk == null ? "all" : wijk,
        indicators,
        Arrays.stream(millis).average().orElse(0),
        sorted[sorted.length / 2],
        sorted[(int) Math.ceil(sorted.length * 0.95) - 1]);
  }

  /** {@code cases} cases of coalition "bench" over five years, ~20 facts each. */
  private static int fill(JdbcTemplate jdbc, int cases) {
    Random random = new Random(cases);
    List<Object[]> caseRows = new ArrayList<>();
    List<Object[]> factRows = new ArrayList<>();
    YearMonth first = YearMonth.of(2022, 1);
    for (int c = 1; c <= cases; c++) {
      YearMonth month = first.plusMonths(random.nextInt(60));
      String wijk = "wijk-" + random.nextInt(10);
      caseRows.add(
          new Object[] {
            c,
            String.format("ZP-BENCH-%06d", c),
            "BENCH-" + c,
            Date.valueOf(month.atDay(1).plusMonths(6)),
            20,
            DISCIPLINES[c % DISCIPLINES.length],
            "ACTIVE",
            java.sql.Timestamp.valueOf(month.atDay(1).atStartOfDay()),
            "bench",
            wijk
          });
      factRows.add(
          new Object[] {
            c,
            "bench",
            "SIGNAL",
            DISCIPLINES[c % DISCIPLINES.length],
            Date.valueOf(month.atDay(1)),
            null,
            wijk
          });
      for (String kind : KINDS) {
        YearMonth at = month.plusMonths(random.nextInt(3));
        factRows.add(
            new Object[] {
              c,
              "bench",
              kind,
              CODES[random.nextInt(CODES.length)],
              Date.valueOf(at.atDay(1)),
              kind.equals("HANDOVER_CONFIRMED") || kind.equals("MDO_HELD")
                  ? 24 + random.nextInt(400)
                  : null,
              wijk
            });
      }
    }
    jdbc.batchUpdate(
        "insert into zp_case_file (id, case_number, client_reference, due_date,"
            + " gestational_age_weeks, signalling_discipline, status, created_at, created_by,"
            + " neighbourhood) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        caseRows);
    jdbc.batchUpdate(
        "insert into zp_monitor_fact (case_file_id, coalition, kind, code,"
            + " fact_month, hours, wijk) values (?, ?, ?, ?, ?, ?, ?)",
        factRows);
    return factRows.size();
  }
}
