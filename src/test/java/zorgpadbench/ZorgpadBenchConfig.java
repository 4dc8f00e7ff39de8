package zorgpadbench;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The benchmark's additions to Zorgpad in its child JVM (only registered by {@link
 * ZorgpadBenchMain}): the data generator and database statistics under {@code /api/benchmark}
 * (Zorgpad's own API path, so Basic authentication and no CSRF token apply), for the
 * administrator only.
 */
@Configuration(proxyBeanMethods = false)
class ZorgpadBenchConfig {

  /**
   * Counts JDBC statements while switched on ({@code /api/benchmark/sql-count}); only in a child
   * started with {@code -Dbenchmark.sqlCount=true} (the throughput harness), so that the
   * side-by-side suite measures Zorgpad's data source as it is.
   */
  @Bean
  static BeanPostProcessor benchmarkSqlCounter() {
    return Boolean.getBoolean("benchmark.sqlCount")
        ? SqlCounter.INSTANCE
        : new BeanPostProcessor() {};
  }

  /** Registered as a member class of this configuration (not found by Zorgpad's scan). */
  @RestController
  @RequestMapping("/api/benchmark")
  static class BenchEndpoints {

    private final ApplicationContext context;
    private volatile ZorgpadGenerator generator;

    BenchEndpoints(ApplicationContext context) {
      this.context = context;
    }

    @PostMapping("/generate")
    Map<String, Object> generate(@RequestBody Map<String, Object> body, Principal principal)
        throws Exception {
      admin(principal);
      if (generator == null) {
        generator = new ZorgpadGenerator(context);
      }
      ZorgpadGenerator.Params params =
          new ZorgpadGenerator.Params(
              ((Number) body.getOrDefault("cases", 100)).intValue(),
              ((Number) body.getOrDefault("closedFraction", 0.2)).doubleValue(),
              ((Number) body.getOrDefault("endedEarlyFraction", 0.1)).doubleValue(),
              ((Number) body.getOrDefault("maxRunningSteps", 10)).intValue(),
              ((Number) body.getOrDefault("pageViewFraction", 0.05)).doubleValue(),
              ((Number) body.getOrDefault("claimFraction", 0.2)).doubleValue(),
              ((Number) body.getOrDefault("batch", 5)).intValue(),
              ((Number) body.getOrDefault("threads", 2)).intValue(),
              ((Number) body.getOrDefault("seed", 13)).longValue(),
              (String) body.get("coalition"));
      return generator.generate(params);
    }

    @GetMapping("/stats")
    Map<String, Object> stats(Principal principal) {
      admin(principal);
      return DbStats.collect(context.getBean(DataSource.class));
    }

    /** The groups of each user, e.g. to give stock's caregiver the same ones. */
    @GetMapping("/groups")
    Map<String, List<String>> groups(Principal principal) {
      admin(principal);
      IdentityService identity = context.getBean(IdentityService.class);
      Map<String, List<String>> result = new LinkedHashMap<>();
      for (String user :
          identity.createUserQuery().orderByUserId().asc().list().stream()
              .map(org.camunda.bpm.engine.identity.User::getId)
              .toList()) {
        result.put(
            user,
            identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId)
                .sorted()
                .toList());
      }
      return result;
    }

    /** SQL logging of the engine's MyBatis statements on (DEBUG) or off, for the findings. */
    @PostMapping("/sql-log")
    Map<String, Object> sqlLog(@RequestParam boolean on, Principal principal) {
      admin(principal);
      LoggingSystem logging = context.getBean(LoggingSystem.class);
      for (String logger :
          List.of(
              "org.camunda.bpm.engine.impl.persistence.entity",
              "org.camunda.bpm.engine.impl.history.event",
              "org.camunda.bpm.engine.impl.cmmn.entity",
              "org.camunda.bpm.engine.impl.dmn.entity",
              "org.hibernate.SQL")) {
        logging.setLogLevel(logger, on ? LogLevel.DEBUG : null);
      }
      return Map.of("sqlLog", on);
    }

    /** Statement counting on (counters reset) or off; GET answers the counts so far. */
    @PostMapping("/sql-count")
    Map<String, Object> sqlCount(@RequestParam boolean on, Principal principal) {
      admin(principal);
      Map<String, Object> before = SqlCounter.INSTANCE.snapshot();
      SqlCounter.INSTANCE.switchOn(on);
      return before;
    }

    @GetMapping("/sql-count")
    Map<String, Object> sqlCounts(Principal principal) {
      admin(principal);
      return SqlCounter.INSTANCE.snapshot();
    }

    private void admin(Principal principal) {
      IdentityService identity = context.getBean(IdentityService.class);
      if (principal == null
          || identity
                  .createGroupQuery()
                  .groupMember(principal.getName())
                  .groupId("camunda-admin")
                  .count()
              == 0) {
        throw new ResponseStatusException(HttpStatus.FORBIDDEN, "benchmark endpoints: admin only");
      }
    }
  }
}
