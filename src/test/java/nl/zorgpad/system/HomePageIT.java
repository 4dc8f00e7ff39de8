package nl.zorgpad.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15, deliverable 2: every role's first page is its own work, and no card leads to a
 * refusal — as every demo role, every link on the home page is followed (redirects too) and
 * answers neither 401, 403 nor 404, nor ends on the login page.
 */
@ZorgpadIntegrationTest
class HomePageIT {

  /** Every demo account (nl.zorgpad.demo.DemoUsers) and the administrator. */
  static final List<String> USERS =
      List.of(
          "demo-verloskundige",
          "demo-jgz",
          "demo-kraamzorg",
          "demo-buurtteam",
          "demo-huisarts",
          "demo-poh-ggz",
          "demo-regiehouder",
          "demo-informele-zorg",
          "demo-ziekenhuis",
          "demo-coordinator",
          "demo-auditor",
          "demo-coordinator-dordrecht",
          "demo-verloskundige-dordrecht",
          "demo-jgz-dordrecht",
          "demo-coordinator-zeist",
          "demo-verloskundige-zeist",
          "admin");

  private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
  private static final Pattern COUNT = Pattern.compile("id=\"%s\"[^>]*>(\\d+)<");

  @LocalServerPort int port;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;

  @Test
  void everyLinkOnEveryRolesHomePageOpens() {
    List<String> refused = new ArrayList<>();
    int followed = 0;
    for (String user : USERS) {
      TestSession session = session(user);
      HttpResponse<String> home = session.get("/");
      assertThat(home.statusCode()).as("home of " + user).isEqualTo(200);
      for (String link : links(home.body())) {
        String end = follow(session, link);
        followed++;
        if (end != null) {
          refused.add(user + ": " + link + " → " + end);
        }
      }
    }
    assertThat(refused).as("links on a home page that end in a refusal").isEmpty();
    assertThat(followed).isGreaterThan(USERS.size() * 3);
  }

  @Test
  void aCaregiverSeesHerTeamsOpenAndOverdueTasksWithLinksToTheTasklistAndTheCase()
      throws Exception {
    HttpResponse<String> signal =
        new Http(port)
            .postJson(
                "/api/signals",
                "demo-verloskundige:demo",
                """
        {"clientReference": "HOME-%s", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["stress"], "signallingDiscipline": "verloskundige"}
        """
                    .formatted(System.nanoTime(), LocalDate.now().plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber = new ObjectMapper().readTree(signal.body()).path("caseNumber").asText();
    // a deadline long past: the case's first task is overdue, so it is listed first
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
    taskService.setDueDate(task.getId(), new Date(0));

    String body = session("demo-verloskundige").get("/").body();
    assertThat(body)
        .contains(
            "id=\"card-work\"", "Werk van uw team", "id=\"card-cases\"", "href=\"/meldingen\"")
        .doesNotContain(
            "/engine-rest", "id=\"link-audit\"", "id=\"link-modeling\"", "id=\"card-api\"");
    assertThat(count(body, "count-open")).isEqualTo(teamTasks("demo-verloskundige").count());
    assertThat(count(body, "count-overdue"))
        .isEqualTo(teamTasks("demo-verloskundige").dueBefore(ClockUtil.getCurrentTime()).count());
    assertThat(count(body, "count-overdue")).isPositive();
    assertThat(body)
        .contains(
            "href=\"/camunda/app/tasklist/default/#/?task=" + task.getId() + "\"",
            "href=\"/casus/" + caseNumber + "\"",
            task.getName());
  }

  @Test
  void overdueIsTheEnginesClock() {
    long open = teamTasks("demo-jgz").count();
    long withDeadline = open - teamTasks("demo-jgz").withoutDueDate().count();
    ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 5L * 365 * 24 * 3600 * 1000));
    try {
      String body = session("demo-jgz").get("/").body();
      assertThat(count(body, "count-open")).isEqualTo(open);
      assertThat(count(body, "count-overdue")).isEqualTo(withDeadline);
    } finally {
      ClockUtil.reset();
    }
  }

  @Test
  void theRegiehouderSeesTheCasesSheCoordinates() {
    String body = session("demo-regiehouder").get("/").body();
    assertThat(body).contains("id=\"card-coordinated\"", "Casussen waarvan u regiehouder bent");
  }

  @Test
  void theCoordinatorSeesTheWorkbenchAndTheMonitor() {
    String body = session("demo-coordinator").get("/").body();
    assertThat(body)
        .contains(
            "href=\"/modeling\"",
            "href=\"/sociale-kaart/beheer\"",
            "id=\"card-monitor\"",
            "href=\"/monitor\"")
        .doesNotContain("id=\"card-work\"", "id=\"card-monitor-soon\"", "/engine-rest");
  }

  @Test
  void thePolicyOfficerSeesTheMonitorOnly() {
    String body = session("demo-beleid").get("/").body();
    assertThat(body)
        .contains("id=\"card-monitor\"", "href=\"/monitor\"")
        .doesNotContain(
            "tasklist",
            "href=\"/casus\"",
            "href=\"/audit\"",
            "/engine-rest",
            "href=\"/modeling\"",
            "id=\"card-work\"");
  }

  @Test
  void theAuditorSeesTheAuditPagesOnly() {
    String body = session("demo-auditor").get("/").body();
    assertThat(body)
        .contains("href=\"/audit\"", "href=\"/audit/toegang\"", "href=\"/audit/keten\"")
        .doesNotContain("tasklist", "href=\"/casus\"", "/engine-rest", "href=\"/modeling\"");
  }

  @Test
  void integrationDetailsAreForAdministratorsOnly() {
    assertThat(session("admin").get("/").body())
        .contains("id=\"card-api\"", "/engine-rest", "href=\"/swagger-ui.html\"");
    for (String user : USERS) {
      if (!user.equals("admin")) {
        assertThat(session(user).get("/").body())
            .as(user)
            .doesNotContain("/engine-rest", "swagger-ui");
      }
    }
  }

  // --- helpers ---

  private TestSession session(String user) {
    return TestSession.of(port, user + ":" + (user.equals("admin") ? "demo-admin" : "demo"));
  }

  /** Null when the link opens; else what refused it. */
  private static String follow(TestSession session, String link) {
    String path = link.replace("&amp;", "&");
    int hash = path.indexOf('#');
    path = hash >= 0 ? path.substring(0, hash) : path;
    for (int hop = 0; hop < 5; hop++) {
      HttpResponse<String> response = session.get(path);
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        String location = response.headers().firstValue("Location").orElse("");
        location = location.replaceFirst("^https?://[^/]+", "");
        if (location.startsWith("/login")) {
          return "the login page";
        }
        path = location;
        continue;
      }
      return status >= 400 ? "status " + status : null;
    }
    return "too many redirects";
  }

  private static Set<String> links(String html) {
    Set<String> links = new LinkedHashSet<>();
    Matcher matcher = HREF.matcher(html);
    while (matcher.find()) {
      String link = matcher.group(1);
      if (link.startsWith("/")) {
        links.add(link);
      }
    }
    return links;
  }

  private static long count(String html, String id) {
    Matcher matcher = Pattern.compile(COUNT.pattern().formatted(id)).matcher(html);
    assertThat(matcher.find()).as("count " + id + " on the page").isTrue();
    return Long.parseLong(matcher.group(1));
  }

  /** The user's team's tasks as the engine counts them for her (groups and coalitions). */
  private TaskQuery teamTasks(String user) {
    List<String> groups =
        identityService.createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .toList();
    List<String> tenants =
        identityService
            .createTenantQuery()
            .userMember(user)
            .includingGroupsOfUser(true)
            .list()
            .stream()
            .map(Tenant::getId)
            .toList();
    TaskQuery query =
        taskService.createTaskQuery().or().taskCandidateGroupIn(groups).taskAssignee(user).endOr();
    if (tenants.isEmpty()) {
      query.withoutTenantId();
    } else {
      query.tenantIdIn(tenants.toArray(String[]::new));
    }
    return query;
  }
}
