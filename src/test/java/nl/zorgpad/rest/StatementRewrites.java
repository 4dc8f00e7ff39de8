package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.TestSession;
import org.apache.ibatis.plugin.Interceptor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** What the statement-rewrite ITs share: the engine's interceptors, the Tasklist's filters. */
final class StatementRewrites {

  private static final ObjectMapper JSON = new ObjectMapper();

  private StatementRewrites() {}

  /** The interceptors of the engine's MyBatis configuration. */
  static List<Interceptor> interceptors(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getSqlSessionFactory()
        .getConfiguration()
        .getInterceptors();
  }

  /** The groups the user is a member of. */
  static List<String> groupsOf(org.camunda.bpm.engine.IdentityService identity, String userId) {
    return identity.createGroupQuery().groupMember(userId).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId)
        .toList();
  }

  /** The ids of the task filters the session may see, by name (through the Tasklist's API). */
  static Map<String, String> taskFilterIds(TestSession session) throws Exception {
    HttpResponse<String> filters =
        session.api("GET", TestSession.ENGINE + "/filter?resourceType=Task", null);
    assertThat(filters.statusCode()).as(filters.body()).isEqualTo(200);
    Map<String, String> ids = new LinkedHashMap<>();
    for (JsonNode filter : JSON.readTree(filters.body())) {
      ids.put(filter.path("name").asText(), filter.path("id").asText());
    }
    return ids;
  }
}
