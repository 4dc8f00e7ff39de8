package nl.zorgpad.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import nl.zorgpad.discipline.Disciplines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What an operator watches in the database, the same on every node: open and overdue tasks per
 * discipline, open incidents, jobs that are due but not yet taken, jobs locked by a node, jobs
 * out of retries. Counted with a few grouped {@code count(*)} queries (never per row), at most
 * once per {@code zorgpad.metrics.refresh} (default 30 s) per node however often Prometheus
 * scrapes; a gauge shows the last count until then.
 *
 * <p>A task counts for the discipline of each candidate group it has (a discipline group, or a
 * team of the sociale kaart by its discipline); {@code discipline="none"} counts tasks without a
 * candidate group (assigned to a person only), {@code "other"} candidate groups that are neither.
 * Overdue: a due date before now.
 */
@Component
class EngineGauges implements MeterBinder {

  static final String NONE = "none";
  static final String OTHER = "other";
  private static final Logger LOG = LoggerFactory.getLogger(EngineGauges.class);

  private final JdbcTemplate jdbc;
  private final Duration refresh;
  private final Clock clock;
  private Counts counts;
  private Instant countedAt = Instant.MIN;

  EngineGauges(
      JdbcTemplate jdbc, @Value("${zorgpad.metrics.refresh:30s}") Duration refresh, Clock clock) {
    this.jdbc = jdbc;
    this.refresh = refresh;
    this.clock = clock;
  }

  /** The counts, from the database when the last ones are older than the refresh interval. */
  record Counts(
      Map<String, Long> openTasks,
      Map<String, Long> overdueTasks,
      long incidents,
      long jobsDue,
      long jobsLocked,
      long jobsWithoutRetries) {

    static final Counts UNKNOWN = new Counts(Map.of(), Map.of(), -1, -1, -1, -1);
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    List<String> disciplines = new ArrayList<>(Disciplines.ALL);
    disciplines.add(NONE);
    disciplines.add(OTHER);
    for (String discipline : disciplines) {
      gauge(
              registry,
              "zorgpad.tasks.open",
              "open user tasks per discipline",
              c -> c.openTasks().getOrDefault(discipline, 0L))
          .tag("discipline", discipline)
          .register(registry);
      gauge(
              registry,
              "zorgpad.tasks.overdue",
              "open user tasks past their due date, per discipline",
              c -> c.overdueTasks().getOrDefault(discipline, 0L))
          .tag("discipline", discipline)
          .register(registry);
    }
    gauge(
            registry,
            "zorgpad.incidents.open",
            "open engine incidents (a job out of retries," + " a failed external step)",
            Counts::incidents)
        .register(registry);
    gauge(
            registry,
            "zorgpad.jobs.due",
            "jobs due now that no node has taken yet (backlog)",
            Counts::jobsDue)
        .register(registry);
    gauge(
            registry,
            "zorgpad.jobs.locked",
            "jobs a node has locked (being executed, or held by"
                + " a node that died until the lock time passes)",
            Counts::jobsLocked)
        .register(registry);
    gauge(
            registry,
            "zorgpad.jobs.without.retries",
            "jobs out of retries (each has an incident)",
            Counts::jobsWithoutRetries)
        .register(registry);
  }

  private Gauge.Builder<EngineGauges> gauge(
      MeterRegistry registry, String name, String description, ToDoubleFunction<Counts> value) {
    return Gauge.builder(
            name,
            this,
            gauges -> {
              Counts current = gauges.current();
              return current == Counts.UNKNOWN ? Double.NaN : value.applyAsDouble(current);
            })
        .description(description)
        .strongReference(true);
  }

  synchronized Counts current() {
    Instant now = clock.instant();
    if (counts == null || Duration.between(countedAt, now).compareTo(refresh) >= 0) {
      try {
        counts = count(now);
      } catch (RuntimeException e) {
        LOG.warn("Engine gauges not counted: {}", e.toString());
        counts = Counts.UNKNOWN;
      }
      countedAt = now;
    }
    return counts;
  }

  /** The next read counts anew (tests). */
  synchronized void forget() {
    counts = null;
  }

  private Counts count(Instant now) {
    Timestamp at = Timestamp.from(now);
    Map<String, Long> open = new HashMap<>();
    Map<String, Long> overdue = new HashMap<>();
    jdbc.query(
        "select coalesce(tm.discipline, l.group_id_), count(distinct t.id_),"
            + " count(distinct case when t.due_date_ < ? then t.id_ end)"
            + " from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_"
            + " and l.type_ = 'candidate' and l.group_id_ is not null"
            + " left join zp_team tm on tm.group_id = l.group_id_"
            + " group by coalesce(tm.discipline, l.group_id_)",
        row -> {
          String group = row.getString(1);
          String discipline = Disciplines.ALL.contains(group) ? group : OTHER;
          open.merge(discipline, row.getLong(2), Long::sum);
          overdue.merge(discipline, row.getLong(3), Long::sum);
        },
        at);
    jdbc.query(
        "select count(*), count(case when t.due_date_ < ? then 1 end) from act_ru_task t"
            + " where not exists (select 1 from act_ru_identitylink l where l.task_id_ = t.id_"
            + " and l.type_ = 'candidate' and l.group_id_ is not null)",
        row -> {
          open.put(NONE, row.getLong(1));
          overdue.put(NONE, row.getLong(2));
        },
        at);
    long incidents = jdbc.queryForObject("select count(*) from act_ru_incident", Long.class);
    Map<String, Object> jobs =
        jdbc.queryForMap(
            "select"
                + " count(case when retries_ > 0 and (duedate_ is null or duedate_ <= ?)"
                + " and (lock_exp_time_ is null or lock_exp_time_ < ?) then 1 end) as due,"
                + " count(case when lock_exp_time_ >= ? then 1 end) as locked,"
                + " count(case when retries_ = 0 then 1 end) as without_retries from act_ru_job",
            at,
            at,
            at);
    return new Counts(
        Map.copyOf(open),
        Map.copyOf(overdue),
        incidents,
        number(jobs, "due"),
        number(jobs, "locked"),
        number(jobs, "without_retries"));
  }

  private static long number(Map<String, Object> row, String column) {
    Object value = row.get(column);
    if (value == null) {
      value = row.get(column.toUpperCase(java.util.Locale.ROOT));
    }
    return value == null ? 0 : ((Number) value).longValue();
  }
}
