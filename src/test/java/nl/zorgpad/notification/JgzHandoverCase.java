package nl.zorgpad.notification;

import static nl.zorgpad.pathway.PathwayVariables.CLIENT_INFORMED;
import static nl.zorgpad.pathway.PathwayVariables.CONSENT_DECISION;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_DATE;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_METHOD;
import static nl.zorgpad.pathway.PathwayVariables.HANDOVER_RECIPIENTS;
import static nl.zorgpad.pathway.PathwayVariables.HOME_VISIT_REQUESTING_DISCIPLINE;
import static nl.zorgpad.pathway.PathwayVariables.START_MELDCODE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestSession;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;

/**
 * The notification tests' case: signalled by the midwife for a client in Lombok, accepted by
 * the regiehouder and handed over to JGZ, so that JGZ Utrecht West must confirm contact. The
 * steps are done through the engine as a member of each task's candidate group.
 */
final class JgzHandoverCase {

  private static final String MIDWIFE = "demo-verloskundige:demo";
  private static final ObjectMapper JSON = new ObjectMapper();

  final String caseNumber;

  /** The group that accepted the case as regiehouder. */
  final String regiehouderGroup;

  private JgzHandoverCase(String caseNumber, String regiehouderGroup) {
    this.caseNumber = caseNumber;
    this.regiehouderGroup = regiehouderGroup;
  }

  static JgzHandoverCase make(
      int port, TaskService tasks, IdentityService identity, String reference) throws Exception {
    LocalDate dueDate = LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20);
    HttpResponse<String> signal =
        new Http(port)
            .postJson(
                "/api/signals",
                MIDWIFE,
                """
        {"clientReference": "%s", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["huisvesting", "stress"], "signallingDiscipline": "verloskundige"}
        """
                    .formatted(reference, dueDate));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();
    String clientPage = "/casus/" + caseNumber + "/client";
    HttpResponse<String> client =
        TestSession.of(port, MIDWIFE)
            .postForm(
                clientPage,
                clientPage,
                Map.of(
                    "givenName",
                    "Amira",
                    "familyName",
                    "Testmoeder",
                    "bsn",
                    "111222333",
                    "birthDate",
                    "1998-05-01",
                    "street",
                    "Kanaalstraat",
                    "houseNumber",
                    "12",
                    "postcode",
                    "3531 AB",
                    "city",
                    "Utrecht",
                    "parity",
                    "1"));
    assertThat(client.statusCode()).as(client.body()).isEqualTo(302);
    work(tasks, identity, caseNumber, Map.of(CONSENT_DECISION, "GIVEN"));
    String regiehouder =
        work(
            tasks,
            identity,
            caseNumber,
            Map.of(
                HANDOVER_RECIPIENTS,
                List.of("jgz"),
                HOME_VISIT_REQUESTING_DISCIPLINE,
                "verloskundige",
                START_MELDCODE,
                false));
    work(tasks, identity, caseNumber, Map.of(CONSENT_DECISION, "GIVEN"));
    work(
        tasks,
        identity,
        caseNumber,
        Map.of(
            HANDOVER_METHOD,
            "telefonisch-consult",
            HANDOVER_DATE,
            LocalDate.now(ZorgpadTime.ZONE).toString(),
            CLIENT_INFORMED,
            true));
    return new JgzHandoverCase(caseNumber, regiehouder);
  }

  /**
   * Claims and completes the case's one open task as a member of its candidate group; returns
   * that group (the team or discipline that held the task).
   */
  private static String work(
      TaskService tasks,
      IdentityService identity,
      String caseNumber,
      Map<String, Object> variables) {
    List<Task> open =
        tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskUnassigned().list();
    assertThat(open).as("one open task of " + caseNumber).hasSize(1);
    Task task = open.get(0);
    String group =
        tasks.getIdentityLinksForTask(task.getId()).stream()
            .filter(link -> "candidate".equals(link.getType()) && link.getGroupId() != null)
            .map(IdentityLink::getGroupId)
            .findFirst()
            .orElseThrow();
    String user =
        identity
            .createUserQuery()
            .memberOfGroup(group)
            .orderByUserId()
            .asc()
            .listPage(0, 1)
            .get(0)
            .getId();
    List<String> groups =
        identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
    try {
      tasks.claim(task.getId(), user);
      tasks.complete(task.getId(), variables);
    } finally {
      identity.clearAuthentication();
    }
    return group;
  }
}
