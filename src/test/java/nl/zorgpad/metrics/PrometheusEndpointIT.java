package nl.zorgpad.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /actuator/prometheus} for operators (group {@code operator}, demo account
 * {@code demo-beheer}) and administrators only, with the engine's counts, this node's job
 * counters and request timings whose uri tag names the area of the engine's REST API.
 */
@ZorgpadIntegrationTest
class PrometheusEndpointIT {

  private static final String OPERATOR = "demo-beheer:demo";

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc;
  @Autowired EngineGauges gauges;

  @Test
  void onlyOperatorsAndAdministratorsReadTheMetrics() {
    Http http = new Http(port);
    assertThat(http.get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", "demo-verloskundige:demo").statusCode())
        .isEqualTo(403);
    assertThat(http.get("/actuator/prometheus", "demo-auditor:demo").statusCode()).isEqualTo(403);
    assertThat(http.get("/actuator/prometheus", OPERATOR).statusCode()).isEqualTo(200);
    assertThat(http.get("/actuator/prometheus", "admin:demo-admin").statusCode()).isEqualTo(200);
    // the operator sees no case data and cannot use the engine
    assertThat(http.get("/engine-rest/task", OPERATOR).body()).isEqualTo("[]");
    assertThat(http.get("/casus", OPERATOR).statusCode()).isIn(200, 403);
  }

  @Test
  void engineCountsJobCountersAndRequestTimingsAreThere() {
    Http http = new Http(port);
    // a request of the engine's REST API, to be timed under its area
    assertThat(http.get("/engine-rest/task/count", "demo-verloskundige:demo").statusCode())
        .isEqualTo(200);
    gauges.forget(); // counted anew now, not up to 30 s ago
    String metrics = http.get("/actuator/prometheus", OPERATOR).body();

    java.util.List<String> midwifeGroups =
        new java.util.ArrayList<>(
            jdbc.queryForList(
                "select group_id from zp_team where discipline = 'verloskundige'", String.class));
    midwifeGroups.add("verloskundige");
    long midwifeTasks = taskService.createTaskQuery().taskCandidateGroupIn(midwifeGroups).count();
    assertThat(midwifeTasks).as("demo cases give midwives tasks").isPositive();
    assertThat(value(metrics, "zorgpad_tasks_open\\{[^}]*discipline=\"verloskundige\"[^}]*\\}"))
        .isEqualTo(midwifeTasks);
    assertThat(value(metrics, "zorgpad_tasks_overdue\\{[^}]*discipline=\"verloskundige\"[^}]*\\}"))
        .isBetween(0L, midwifeTasks);
    assertThat(metrics)
        .contains("zorgpad_incidents_open")
        .contains("zorgpad_jobs_due")
        .contains("zorgpad_jobs_locked")
        .contains("zorgpad_jobs_executed_total")
        .contains("zorgpad_jobs_failed_total")
        .contains("zorgpad_jobs_acquired_total")
        .contains("hikaricp_connections_active")
        .contains("jvm_memory_used_bytes");
    assertThat(metrics)
        .containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/engine-rest/\\*\\*\"");
    assertThat(metrics)
        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/engine-rest/\\*\\*\"");
  }

  private static long value(String metrics, String series) {
    Matcher matcher = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(metrics);
    assertThat(matcher.find())
        .as(series + " in\n" + metrics.lines().filter(line -> line.startsWith("zorgpad_")).toList())
        .isTrue();
    return (long) Double.parseDouble(matcher.group(1));
  }
}
