package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import nl.zorgpad.casus.CaseTeams;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentRecord;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 11, items 3 in the running application, as the demo users do it in the Tasklist: the
 * regiehouder who accepts is recorded with her team (dossier and case page), and the client is
 * asked consent once for every handover recipient of the moment, with a refusal per recipient.
 */
@ZorgpadIntegrationTest
class RegiehouderAndConsentIT {

  static final String MIDWIFE = "demo-verloskundige:demo";
  static final String REGIEHOUDER = "demo-regiehouder:demo";
  static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseTeams caseTeams;
  @Autowired ConsentService consents;

  @Test
  void regiehouderRecordedWithHerTeam_oneConsentTaskForEveryRecipient_refusalPerRecipient()
      throws Exception {
    Http api = new Http(port);
    MeldrechtStoryIT.Tasklist midwife = new MeldrechtStoryIT.Tasklist(port, MIDWIFE);
    MeldrechtStoryIT.Tasklist regiehouder = new MeldrechtStoryIT.Tasklist(port, REGIEHOUDER);
    HttpResponse<String> signal =
        api.postJson(
            "/api/signals",
            MIDWIFE,
            """
        {"clientReference": "VK-REGIE-01", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["ggz", "stress"], "signallingDiscipline": "verloskundige"}
        """
                .formatted(LocalDate.now(ZorgpadTime.ZONE).plusWeeks(20)));
    assertThat(signal.statusCode()).as(signal.body()).isEqualTo(201);
    String caseNumber = JSON.readTree(signal.body()).path("caseNumber").asText();

    // consent for the regie, then the regiehouder accepts and chooses two recipients
    midwife.submit(
        caseNumber,
        "Task_AskConsent",
        """
        {"consentDecision": {"value": "GIVEN"}}""");
    assertThat(regiehouder.page("/casus/" + caseNumber)).contains("Ik word regiehouder");
    regiehouder.submit(
        caseNumber,
        "Task_AcceptCase",
        """
        {"handoverRecipients": {"value": "[\\"jgz\\",\\"informele-zorg\\"]", "type": "Json"},
         "homeVisitRequestingDiscipline": {"value": "verloskundige"},
         "startMeldcode": {"value": false}}""");

    // she and her team are the case's regiehouder: dossier and case page
    assertThat(caseTeams.activeInvolvements(caseNumber))
        .filteredOn(i -> i.getRole() == InvolvementRole.CARE_COORDINATOR)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getUserId()).isEqualTo("demo-regiehouder");
              assertThat(i.getGroupId()).isEqualTo("regiehouder-utrecht");
            });
    String page = regiehouder.page("/casus/" + caseNumber);
    assertThat(page)
        .contains("id=\"care-coordinator\">Regiehouders Buurtteams Utrecht<")
        .doesNotContain("Ik word regiehouder");

    // one consent task for both recipients, for the midwife who hands over
    assertThat(midwife.taskKeys(caseNumber)).containsExactly("Task_AskConsent");
    midwife.submit(
        caseNumber,
        "Task_AskConsent",
        """
        {"consentDecision": {"value": "PARTIAL"},
         "consentRefusedRecipients": {"value": "[\\"informele-zorg\\"]", "type": "Json"},
         "consentRefusalReason": {"value": "wil-geen-contact"},
         "consentAskAgain": {"value": false}}""");

    assertThat(consents.recordsOf(caseNumber))
        .extracting(
            ConsentRecord::getRecipientDiscipline,
            ConsentRecord::getPurpose,
            ConsentRecord::getDecision)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("regiehouder", "regie", ConsentDecision.GIVEN),
            org.assertj.core.groups.Tuple.tuple("jgz", "warme-overdracht", ConsentDecision.GIVEN),
            org.assertj.core.groups.Tuple.tuple(
                "informele-zorg", "warme-overdracht", ConsentDecision.REFUSED));
    // JGZ's handover goes ahead; the refusal goes to the regiehouder's own team
    assertThat(midwife.taskKeys(caseNumber))
        .contains("Task_RecordHandover")
        .doesNotContain("Task_AskConsent");
    String noteRefusal =
        taskService
            .createTaskQuery()
            .processInstanceBusinessKey(caseNumber)
            .taskDefinitionKey("Task_NoteRefusal")
            .singleResult()
            .getId();
    List<String> groups =
        taskService.getIdentityLinksForTask(noteRefusal).stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .map(IdentityLink::getGroupId)
            .toList();
    assertThat(groups).containsExactly("regiehouder-utrecht");
  }
}
