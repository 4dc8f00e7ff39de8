package nl.zorgpad.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.support.FullChainCheckPage;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every request mapping of the audit package, as Spring registered it (so a new endpoint cannot
 * be forgotten here): a caregiver of each kind and the coordinator get 403, an anonymous user
 * the login (302) or 401, the auditor 200. All of them are GET (the workspace is read-only),
 * except the one form that starts the full hash-chain check: refused for everyone but the auditor
 * too (with a valid CSRF token, so the refusal is the authorization's).
 */
@ZorgpadIntegrationTest
class AuditEndpointsAccessIT {

  static final List<String> REFUSED =
      List.of(
          "demo-verloskundige:demo",
          "demo-jgz:demo",
          "demo-regiehouder:demo",
          "demo-buurtteam:demo",
          "demo-coordinator:demo");

  @LocalServerPort int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired JdbcTemplate jdbc;

  @Test
  void everyAuditEndpointIsForAuditorsOnly() {
    String caseNumber =
        jdbc.queryForList("select case_number from zp_case_file order by id", String.class).get(0);
    Http http = new Http(port);
    List<String> paths = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      if (!entry.getValue().getBeanType().getPackageName().equals("nl.zorgpad.audit")) {
        continue;
      }
      RequestMappingInfo info = entry.getKey();
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      if (info.getPatternValues().equals(Set.of(FULL_CHECK))) {
        assertThat(methods).containsExactly(RequestMethod.POST);
        continue;
      }
      assertThat(methods).as("%s is read-only", info).containsExactly(RequestMethod.GET);
      for (String pattern : info.getPatternValues()) {
        paths.add(pattern.replace("{caseNumber}", caseNumber));
      }
    }
    // the controllers as they are today; a new one is found by the loop above
    assertThat(paths)
        .hasSizeGreaterThanOrEqualTo(10)
        .contains(
            "/audit",
            "/audit/keten",
            "/audit/toegang",
            "/audit/casus/" + caseNumber,
            "/audit/inzage/" + caseNumber + "/inzageverzoek.pdf");
    for (String path : paths) {
      assertThat(path).as("every path variable filled").doesNotContain("{");
      for (String user : REFUSED) {
        assertThat(http.get(path, user).statusCode()).as(user + " " + path).isEqualTo(403);
      }
      assertThat(http.get(path, null).statusCode()).as("anonymous " + path).isIn(302, 401);
      assertThat(http.get(path, "demo-auditor:demo").statusCode())
          .as("auditor " + path)
          .isEqualTo(200);
    }
  }

  static final String FULL_CHECK = "/audit/keten/volledig";

  @Test
  void onlyTheAuditorStartsTheFullChainCheck() {
    for (String user : REFUSED) {
      TestSession session = TestSession.browser(port, user);
      HttpResponse<String> refused = session.postForm(FULL_CHECK, "/", Map.of());
      assertThat(refused.statusCode()).as(user).isEqualTo(403);
      assertThat(refused.body()).as(user).doesNotContain("Exception", "at nl.zorgpad");
    }
    assertThat(
            new Http(port)
                .send(
                    new Http(port)
                        .builder(FULL_CHECK, null)
                        .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build())
                .statusCode())
        .as("anonymous")
        .isIn(302, 401, 403);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from zp_hash_chain_checkpoint where full_started_at is not null",
                Long.class))
        .as("no refused request claimed the check")
        .isZero();
    assertThat(FullChainCheckPage.run(port, "demo-auditor:demo"))
        .contains("id=\"full-engine-audit\"", "id=\"full-access-log\"");
  }
}
