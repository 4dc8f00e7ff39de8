package nl.zorgpad.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.zorgpad.casus.CaseFile;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.CaseInvolvements;
import nl.zorgpad.casus.CaseStatus;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.casus.SignalledClient;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentRecord;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.support.AuditedVariables;
import nl.zorgpad.support.Http;
import nl.zorgpad.support.TestBsn;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stories from the seed documents (issue 11, deliverable 8), each crossing pathways, driven as
 * the demo caregivers of each discipline do it: signals through the public API
 * ({@code /api/signals}, {@code /api/cases/…}), every task through the Tasklist's own REST calls
 * ({@link Caregiver}: session, {@code X-XSRF-TOKEN}, deployed form, claim, submit-form), the case
 * page ({@code /casus/<nr>}) read at the key moments. Each story asserts which team got which
 * task (candidate groups), what the case page shows, where the case ends, and that nothing
 * personal reached the engine's history ({@code ACT_HI_VARINST}). Time passes on the engine
 * clock and is reset after each story. Traced in docs/zorgpaden.md, "Verhalen uit de praktijk".
 */
@ZorgpadIntegrationTest
class SeedStoriesIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String LOMBOK = "3531 AB";
  static final String OVERVECHT = "3561 AB";

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired CaseFileService caseFiles;
  @Autowired CaseInvolvements involvements;
  @Autowired ConsentService consents;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // --- seed 001: the homeless woman who only wants her bike back -------------------------------

  /**
   * Seed 001: the GP of the huisartsenpost finds a homeless pregnant woman in an unsafe place who
   * only wants her bike back. No address: "wijk onbekend" is true here. The triage advises the
   * meldcode (huiselijk geweld); she refuses consent; the case stays open under the meldrecht;
   * the GP reports to Veilig Thuis; later, with Veilig Thuis involved, the GP asks again
   * ("opnieuw vragen") and she accepts: the case is "Lopend" again and the buurtteam (multi-problem:
   * housing) takes the regie.
   */
  @Test
  void
      homelessWomanWhoOnlyWantsHerBikeBack_meldrechtKeepsTheCaseOpen_askingAgainBringsTheBuurtteam()
          throws Exception {
    Caregiver gp = caregiver("demo-huisarts");
    Caregiver buurtteam = caregiver("demo-buurtteam");
    String today = today().toString();
    String caseNumber =
        newCase(
            "demo-huisarts",
            """
        {"clientReference": "HAP-FIETS-11", "dueDate": "%s", "gestationalAgeWeeks": 30,
         "riskDomains": ["huisvesting", "huiselijk-geweld"], "signallingDiscipline": "huisarts"}
        """
                .formatted(today().plusWeeks(10)));

    assertThat(variable(caseNumber, "meldcodeAdvised")).isEqualTo(true);
    assertThat(variable(caseNumber, "careCoordinatorDiscipline")).isEqualTo("buurtteam");
    // the GP's own team holds both: consent and the meldcode's first step
    assertThat(candidateGroups(caseNumber, "Task_AskConsent"))
        .containsExactly("huisarts-utrecht-lombok");
    assertThat(candidateGroups(caseNumber, "Task_MapSignals"))
        .containsExactly("huisarts-utrecht-lombok");
    assertThat(gp.casePage(caseNumber)).contains("id=\"case-neighbourhood\">onbekend<");

    gp.submit(
        caseNumber,
        "Task_AskConsent",
        vars(
            "consentDecision",
            "REFUSED",
            "consentRefusalReason",
            "wil-geen-contact",
            "consentAskAgain",
            false));
    assertThat(status(caseNumber)).isEqualTo(CaseStatus.MELDCODE_WITHOUT_CONSENT);
    assertThat(gp.casePage(caseNumber))
        .contains("id=\"case-status\">Open – meldcode zonder toestemming (meldrecht)<")
        .contains("id=\"meldrecht-banner\"");

    // the meldcode without consent: signals, consultation, weighing, report to Veilig Thuis
    gp.submit(
        caseNumber,
        "Task_MapSignals",
        vars(
            "meldcodeSignals",
            List.of("verwaarlozing"),
            "meldcodeKindcheck",
            "alleen-ongeboren-kind"));
    gp.submit(
        caseNumber,
        "Task_Consult",
        vars(
            "meldcodeColleagueConsulted",
            true,
            "meldcodeVeiligThuisAdvice",
            "anoniem",
            "meldcodeTalkSafe",
            "nee",
            "meldcodeTalkSkippedReason",
            "gevaar-client"));
    gp.submit(
        caseNumber, "Task_WeighRisk", vars("meldcodeSuspicion", "ja", "meldcodeUnsafety", "ja"));
    gp.submit(
        caseNumber,
        "Task_ReportToVeiligThuis",
        vars(
            "meldcodeReportDate",
            today,
            "meldcodeClientInformedOfReport",
            "niet-geinformeerd-gevaar",
            "meldcodeHelpAlongside",
            "nee"));
    gp.submit(caseNumber, "Task_AwaitVeiligThuisContact", vars("veiligThuisContactDate", today));
    assertThat(variable(caseNumber, "meldcodeOutcome")).isEqualTo("gemeld-veilig-thuis");

    // asking again: now she wants help with a place to sleep
    gp.submit(caseNumber, "Task_FollowUpMeldrecht", vars("meldrechtFollowUp", "opnieuw-vragen"));
    assertThat(gp.taskKeys(caseNumber)).containsExactly("Task_AskConsent");
    gp.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));

    assertThat(status(caseNumber)).isEqualTo(CaseStatus.ACTIVE);
    assertThat(gp.casePage(caseNumber))
        .contains("id=\"case-status\">Lopend<")
        .doesNotContain("id=\"meldrecht-banner\"");
    // no neighbourhood known: the acceptance goes to the buurtteam discipline, with the warning
    assertThat(candidateGroups(caseNumber, "Task_AcceptCase")).containsExactly("buurtteam");
    assertThat(buurtteam.taskKeys(caseNumber)).containsExactly("Task_AcceptCase");
    buurtteam.submit(
        caseNumber,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of(),
            "homeVisitRequestingDiscipline",
            "buurtteam",
            "startMeldcode",
            false));
    assertThat(buurtteam.casePage(caseNumber))
        .doesNotContain("id=\"care-coordinator\">nog niemand<")
        .doesNotContain("id=\"become-care-coordinator\"");
    // the prenatal home visit first, then the MDO the triage advised, for the buurtteam
    assertThat(buurtteam.taskKeys(caseNumber)).containsExactly("Task_DecideHomeVisit");
    buurtteam.submit(
        caseNumber,
        "Task_DecideHomeVisit",
        vars("homeVisitDecision", "niet-nodig", "homeVisitOptOutReason", "andere-hulp-loopt"));
    assertThat(buurtteam.taskKeys(caseNumber)).containsExactly("Task_PlanMdo");
    assertThat(consents.recordsOf(caseNumber))
        .extracting(ConsentRecord::getDecision)
        .containsExactly(ConsentDecision.REFUSED, ConsentDecision.GIVEN);
    assertNoPersonalDataInTheEngine(caseNumber, "fiets");
  }

  // --- seed 001: the undocumented woman refused by a GP practice ------------------------------

  /**
   * Seed 001: the midwife meets a woman without residence papers, living with her partner in
   * Overvecht, refused by the first GP practice. Triage row "geen verblijfsvergunning of
   * verzekering": elevated, a buurtteam regiehouder (the Overvecht team, by her postcode) and the
   * advice "toegang tot zorg". Later the huisartsenpost signals her too — no BSN, so the signal is
   * matched on birth date and postcode and joins her case, flagged as a weaker match; the midwife
   * (first signaller, no regiehouder yet) gets "Nieuw signaal van huisarts".
   */
  @Test
  void undocumentedWomanRefusedByAGpPractice_noPermitRowAndASignalWithoutBsnJoinsHerCase()
      throws Exception {
    Caregiver midwife = caregiver("demo-verloskundige");
    Caregiver buurtteamLombok = caregiver("demo-buurtteam");
    String birthDate = randomBirthDate();
    String dueDate = today().plusWeeks(14).toString();
    String signal =
        """
        {"clientReference": "%s", "dueDate": "%s", "gestationalAgeWeeks": 26,
         "riskDomains": ["geen-verblijfsvergunning-verzekering", "huisvesting"],
         "signallingDiscipline": "%s", "clientBirthDate": "%s", "clientPostcode": "%s"}""";
    String caseNumber =
        newCase(
            "demo-verloskundige",
            signal.formatted("VP-ZP-0311", dueDate, "verloskundige", birthDate, OVERVECHT));

    assertThat(variable(caseNumber, "riskLevel")).isEqualTo("verhoogd");
    assertThat(variable(caseNumber, "careCoordinatorDiscipline")).isEqualTo("buurtteam");
    assertThat(String.valueOf(variable(caseNumber, "triageInterventionAdvice")))
        .contains("toegang-zorg");
    // the midwife keeps her own task although the client lives in Overvecht
    assertThat(candidateGroups(caseNumber, "Task_AskConsent"))
        .containsExactly("verloskundige-utrecht-lombok");
    assertThat(midwife.casePage(caseNumber))
        .contains("id=\"case-neighbourhood\">Overvecht (Utrecht)<");
    midwife.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    // the regie goes to the team of her neighbourhood, not to the Lombok buurtteam
    assertThat(candidateGroups(caseNumber, "Task_AcceptCase"))
        .containsExactly("buurtteam-utrecht-overvecht");
    assertThat(buurtteamLombok.taskKeys(caseNumber)).isEmpty();

    // the huisartsenpost signals the same woman: no BSN, the same birth date and postcode
    HttpResponse<String> second =
        new Http(port)
            .postJson(
                "/api/signals",
                "demo-huisarts:demo",
                signal.formatted("HAP-0312", dueDate, "huisarts", birthDate, OVERVECHT));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    JsonNode joined = JSON.readTree(second.body());
    assertThat(joined.path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(joined.path("joined").asBoolean()).isTrue();
    assertThat(joined.path("match").asText()).isEqualTo("geboortedatum-postcode");
    assertThat(joined.path("userMessage").asText()).contains(caseNumber);

    assertThat(midwife.taskNames(caseNumber))
        .containsEntry("Task_ReviewNewSignal", "Nieuw signaal van huisarts");
    assertThat(assigneeOf(caseNumber, "Task_ReviewNewSignal")).isEqualTo("demo-verloskundige");
    assertThat(midwife.casePage(caseNumber))
        .contains("herkend op geboortedatum en postcode, zonder BSN");
    assertThat(involvements.current(caseNumber))
        .anySatisfy(
            i -> {
              assertThat(i.getUserId()).isEqualTo("demo-huisarts");
              assertThat(i.getRole()).isEqualTo(InvolvementRole.JOINED_SIGNALLER);
            });
    // the GP sees her case page, not the mother's dossier (no consent for the GP)
    assertThat(caregiver("demo-huisarts").get("/casus/" + caseNumber + "/client").statusCode())
        .isEqualTo(403);
    midwife.submit(caseNumber, "Task_ReviewNewSignal", vars("newSignalAction", "geen-actie"));
    assertThat(caseFiles.find(caseNumber).orElseThrow().getStatus()).isEqualTo(CaseStatus.ACTIVE);
    assertNoPersonalDataInTheEngine(caseNumber, birthDate, OVERVECHT, OVERVECHT.replace(" ", ""));
  }

  // --- seed 001: the buurtteam touring agencies with a young LVB mother -----------------------

  /**
   * Seed 001 (and vuistregels 7 and 8): the buurtteam signals a young mother with LVB and no
   * place to live. High risk, multi-problem: the buurtteam is the regiehouder itself (no consent
   * for its own regie), asks one consent for JGZ and the GP, requests the JGZ prenatal home visit
   * itself and informs the midwife and the GP; the MDO is its to plan.
   */
  @Test
  void buurtteamTouringAgenciesWithAYoungLvbMother_buurtteamKeepsRegieRequestsTheHomeVisit()
      throws Exception {
    Caregiver buurtteam = caregiver("demo-buurtteam");
    String caseNumber =
        newCase(
            "demo-buurtteam",
            """
        {"clientReference": "BT-LVB-0313", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["lvb", "tienerzwangerschap", "huisvesting"],
         "signallingDiscipline": "buurtteam", "clientPostcode": "%s"}
        """
                .formatted(today().plusWeeks(20), LOMBOK));

    assertThat(variable(caseNumber, "riskLevel")).isEqualTo("hoog");
    assertThat(variable(caseNumber, "careCoordinatorDiscipline")).isEqualTo("buurtteam");
    // no consent for her own regie: straight to acceptance, for her own team
    assertThat(buurtteam.taskKeys(caseNumber)).containsExactly("Task_AcceptCase");
    assertThat(candidateGroups(caseNumber, "Task_AcceptCase"))
        .containsExactly("buurtteam-utrecht-lombok");
    buurtteam.submit(
        caseNumber,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of("jgz", "huisarts"),
            "homeVisitRequestingDiscipline",
            "buurtteam",
            "startMeldcode",
            false));
    assertThat(buurtteam.casePage(caseNumber))
        .contains("id=\"care-coordinator\">Buurtteam Lombok<");

    // one consent task for both recipients
    assertThat(tasksOf(caseNumber, "Task_AskConsent")).hasSize(1);
    buurtteam.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    assertThat(consents.recordsOf(caseNumber))
        .extracting(ConsentRecord::getRecipientDiscipline)
        .containsExactlyInAnyOrder("jgz", "huisarts");
    assertThat(buurtteam.taskKeys(caseNumber))
        .containsExactly("Task_RecordHandover", "Task_RecordHandover");
    for (int i = 0; i < 2; i++) {
      buurtteam.submit(
          caseNumber,
          "Task_RecordHandover",
          vars(
              "handoverMethod",
              "direct-gesprek",
              "handoverDate",
              today().toString(),
              "clientInformed",
              true));
    }
    assertThat(candidateGroups(caseNumber, "Task_ConfirmContact"))
        .containsExactlyInAnyOrder("jgz-utrecht-west", "huisarts-utrecht-lombok");
    caregiver("demo-jgz")
        .submit(
            caseNumber,
            "Task_ConfirmContact",
            vars("contactDate", today().toString(), "contactMethod", "huisbezoek"));
    caregiver("demo-huisarts")
        .submit(
            caseNumber,
            "Task_ConfirmContact",
            vars("contactDate", today().toString(), "contactMethod", "telefonisch"));

    // vuistregel 7: the buurtteam requests the prenatal home visit and informs midwife and GP
    buurtteam.submit(
        caseNumber,
        "Task_DecideHomeVisit",
        vars("homeVisitDecision", "aanvragen", "homeVisitClientConsented", true));
    assertThat(candidateGroups(caseNumber, "Task_PlanHomeVisit"))
        .containsExactly("jgz-utrecht-west");
    assertThat(candidateGroups(caseNumber, "Task_InformMidwife"))
        .containsExactly("verloskundige-utrecht-lombok");
    assertThat(candidateGroups(caseNumber, "Task_InformGeneralPractitioner"))
        .containsExactly("huisarts-utrecht-lombok");
    caregiver("demo-verloskundige")
        .submit(caseNumber, "Task_InformMidwife", vars("homeVisitRequestNoted", true));
    caregiver("demo-huisarts")
        .submit(caseNumber, "Task_InformGeneralPractitioner", vars("homeVisitRequestNoted", true));
    caregiver("demo-jgz")
        .submit(
            caseNumber,
            "Task_PlanHomeVisit",
            vars("homeVisitPlannedDate", today().plusDays(7).toString()));
    caregiver("demo-jgz")
        .submit(
            caseNumber,
            "Task_ReportHomeVisit",
            vars(
                "homeVisitOutcome", "bezocht", "interventionAdvice", List.of("stevig-ouderschap")));
    // then the MDO the triage advised, for the buurtteam as regiehouder
    assertThat(candidateGroups(caseNumber, "Task_PlanMdo"))
        .containsExactly("buurtteam-utrecht-lombok");
    assertThat(buurtteam.taskKeys(caseNumber)).containsExactly("Task_PlanMdo");
    assertNoPersonalDataInTheEngine(caseNumber, LOMBOK, LOMBOK.replace(" ", ""));
  }

  // --- seed 001, bijlage 2: the depressed mother referred to JGZ ------------------------------

  /**
   * Seed 001, bijlage 2: a mother with depressive complaints and great uncertainty gets a few
   * weeks of direct support from the consultatiebureau. Here the POH-GGZ of the GP practice
   * signals her; the regiehouder accepts and hands over to JGZ; the POH-GGZ records the warm
   * handover formally (vuistregel 3), JGZ confirms contact; the midwife answers "why is a JGZ
   * home visit not needed?" (vuistregel 2): JGZ is already there.
   */
  @Test
  void depressedMotherReferredToJgz_pohGgzSignalsRegiehouderHandsOverJgzConfirmsContact()
      throws Exception {
    Caregiver poh = caregiver("demo-poh-ggz");
    Caregiver regiehouder = caregiver("demo-regiehouder");
    Caregiver jgz = caregiver("demo-jgz");
    String caseNumber =
        newCase(
            "demo-poh-ggz",
            """
        {"clientReference": "POH-0314", "dueDate": "%s", "gestationalAgeWeeks": 24,
         "riskDomains": ["ggz", "stress"], "signallingDiscipline": "poh-ggz",
         "clientPostcode": "%s"}"""
                .formatted(today().plusWeeks(16), LOMBOK));

    assertThat(variable(caseNumber, "careCoordinatorDiscipline")).isEqualTo("regiehouder");
    assertThat(candidateGroups(caseNumber, "Task_AskConsent"))
        .containsExactly("poh-ggz-utrecht-lombok");
    poh.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    assertThat(candidateGroups(caseNumber, "Task_AcceptCase"))
        .containsExactly("regiehouder-utrecht");
    assertThat(regiehouder.casePage(caseNumber)).contains("id=\"become-care-coordinator\"");
    regiehouder.submit(
        caseNumber,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of("jgz"),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));
    assertThat(regiehouder.casePage(caseNumber))
        .contains("id=\"care-coordinator\">Regiehouders Buurtteams Utrecht<");

    poh.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    assertThat(candidateGroups(caseNumber, "Task_RecordHandover"))
        .containsExactly("poh-ggz-utrecht-lombok");
    poh.submit(
        caseNumber,
        "Task_RecordHandover",
        vars(
            "handoverMethod",
            "telefonisch-consult",
            "handoverDate",
            today().toString(),
            "clientInformed",
            true));
    assertThat(candidateGroups(caseNumber, "Task_ConfirmContact"))
        .containsExactly("jgz-utrecht-west");
    jgz.submit(
        caseNumber,
        "Task_ConfirmContact",
        vars("contactDate", today().toString(), "contactMethod", "consultatiebureau"));
    assertThat(jgz.casePage(caseNumber)).contains("contact bevestigd op");

    // vuistregel 2: the midwife of her neighbourhood says why no JGZ home visit is needed
    assertThat(candidateGroups(caseNumber, "Task_DecideHomeVisit"))
        .containsExactly("verloskundige-utrecht-lombok");
    caregiver("demo-verloskundige")
        .submit(
            caseNumber,
            "Task_DecideHomeVisit",
            vars("homeVisitDecision", "niet-nodig", "homeVisitOptOutReason", "al-in-zorg-jgz"));
    assertThat(variable(caseNumber, "homeVisitRequested")).isEqualTo(false);
    assertThat(status(caseNumber)).isEqualTo(CaseStatus.ACTIVE);
    assertThat(consents.recordsOf(caseNumber))
        .extracting(ConsentRecord::getRecipientDiscipline, ConsentRecord::getDecision)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("regiehouder", ConsentDecision.GIVEN),
            org.assertj.core.groups.Tuple.tuple("jgz", ConsentDecision.GIVEN));
    assertNoPersonalDataInTheEngine(caseNumber, LOMBOK, LOMBOK.replace(" ", ""));
  }

  // --- seed 000: the volunteer and the midwife who know the same woman ------------------------

  /**
   * Seed 000 (Al Amal, Overvecht): "In het overleg begon een verloskundige toevallig over
   * diezelfde vrouw." The volunteer (informele zorg) signals first, with BSN and birth date; at
   * low risk she keeps the overview herself. The midwife's signal for the same woman joins the
   * open case (BSN and birth date) instead of opening a second; the volunteer, first signaller
   * and no regiehouder yet, gets "Nieuw signaal van verloskundige" with the re-triage and asks
   * for an MDO; the midwife prepares it. Neither sees the other's dossier content without consent.
   */
  @Test
  void volunteerAndMidwifeKnowTheSameWoman_secondSignalJoinsHerCase_firstSignallerReviewsIt()
      throws Exception {
    Caregiver volunteer = caregiver("demo-informele-zorg");
    Caregiver midwife = caregiver("demo-verloskundige");
    String bsn = TestBsn.random();
    String birthDate = randomBirthDate();
    String dueDate = today().plusWeeks(18).toString();
    String signal =
        """
        {"clientReference": "%s", "dueDate": "%s", "gestationalAgeWeeks": 22,
         "riskDomains": %s, "signallingDiscipline": "%s", "clientBsn": "%s",
         "clientBirthDate": "%s", "clientPostcode": "%s"}""";
    String caseNumber =
        newCase(
            "demo-informele-zorg",
            signal.formatted(
                "AA-0315",
                dueDate,
                "[\"migratie-taal\", \"afwezige-partner\"]",
                "informele-zorg",
                bsn,
                birthDate,
                OVERVECHT));
    assertThat(variable(caseNumber, "riskLevel")).isEqualTo("laag");
    assertThat(volunteer.taskKeys(caseNumber)).containsExactly("Task_AcceptCase");

    HttpResponse<String> second =
        new Http(port)
            .postJson(
                "/api/signals",
                "demo-verloskundige:demo",
                signal.formatted(
                    "VP-0316",
                    dueDate,
                    "[\"ggz\", \"stress\"]",
                    "verloskundige",
                    bsn,
                    birthDate,
                    OVERVECHT));
    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(JSON.readTree(second.body()).path("caseNumber").asText()).isEqualTo(caseNumber);
    assertThat(JSON.readTree(second.body()).path("match").asText()).isEqualTo("bsn-geboortedatum");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
                .variableValueEquals("clientReference", "VP-0316")
                .count())
        .as("no second case")
        .isZero();

    // the first signaller reviews the new signal, with the re-triage of both signals' domains
    assertThat(volunteer.taskNames(caseNumber))
        .containsEntry("Task_ReviewNewSignal", "Nieuw signaal van verloskundige");
    assertThat(assigneeOf(caseNumber, "Task_ReviewNewSignal")).isEqualTo("demo-informele-zorg");
    String page = volunteer.casePage(caseNumber);
    assertThat(page).contains("herkend op BSN en geboortedatum").contains("bij deze casus gevoegd");
    // the midwife is involved, sees the case page, but not the mother's dossier without consent
    assertThat(involvements.current(caseNumber))
        .anySatisfy(
            i -> {
              assertThat(i.getUserId()).isEqualTo("demo-verloskundige");
              assertThat(i.getRole()).isEqualTo(InvolvementRole.JOINED_SIGNALLER);
            });
    assertThat(midwife.casePage(caseNumber)).contains("id=\"mother-hidden\"");
    assertThat(midwife.get("/casus/" + caseNumber + "/client").statusCode()).isEqualTo(403);

    // "doe jij dit, dan doe ik dat": an MDO, the midwife prepares it
    volunteer.submit(caseNumber, "Task_ReviewNewSignal", vars("newSignalAction", "mdo-aanvragen"));
    assertThat(candidateGroups(caseNumber, "Task_PlanMdo"))
        .containsExactly("informele-zorg-utrecht");
    volunteer.submit(
        caseNumber,
        "Task_PlanMdo",
        vars(
            "mdoParticipants",
            List.of("verloskundige"),
            "mdoMeetingDate",
            today().plusDays(7).toString()));
    assertThat(candidateGroups(caseNumber, "Task_PrepareMdo"))
        .containsExactly("verloskundige-utrecht-lombok");
    midwife.submit(caseNumber, "Task_PrepareMdo", vars("mdoAttendance", "aanwezig"));
    assertNoPersonalDataInTheEngine(
        caseNumber, bsn, birthDate, OVERVECHT, OVERVECHT.replace(" ", ""));
  }

  // --- seed 000: the newcomer paired with a ma'maatje -----------------------------------------

  /**
   * Seed 000: the buurtteam has a new client who has not lived in the Netherlands for long and
   * knows nothing of Dutch maternity care; with Al Amal she is paired with a ma'maatje. Low risk:
   * the buurtteam keeps the overview, the triage advises "ma'maatje"; the buurtteam hands over to
   * informele zorg (consent first), the volunteer confirms contact, and the buurtteam stays
   * involved for the housing.
   */
  @Test
  void newcomerPairedWithAMamaatje_buurtteamHandsOverToInformeleZorgAndStaysInvolved()
      throws Exception {
    Caregiver buurtteam = caregiver("demo-buurtteam");
    Caregiver volunteer = caregiver("demo-informele-zorg");
    String caseNumber =
        newCase(
            "demo-buurtteam",
            """
        {"clientReference": "BT-NL-0317", "dueDate": "%s", "gestationalAgeWeeks": 16,
         "riskDomains": ["migratie-taal"], "signallingDiscipline": "buurtteam",
         "clientPostcode": "%s"}"""
                .formatted(today().plusWeeks(24), LOMBOK));
    assertThat(variable(caseNumber, "riskLevel")).isEqualTo("laag");
    assertThat(String.valueOf(variable(caseNumber, "triageInterventionAdvice")))
        .contains("mamaatje");

    buurtteam.submit(
        caseNumber,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of("informele-zorg"),
            "homeVisitRequestingDiscipline",
            "buurtteam",
            "startMeldcode",
            false));
    buurtteam.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    buurtteam.submit(
        caseNumber,
        "Task_RecordHandover",
        vars(
            "handoverMethod",
            "direct-gesprek",
            "handoverDate",
            today().toString(),
            "clientInformed",
            true));
    assertThat(candidateGroups(caseNumber, "Task_ConfirmContact"))
        .containsExactly("informele-zorg-utrecht");
    assertThat(volunteer.taskKeys(caseNumber)).containsExactly("Task_ConfirmContact");
    volunteer.submit(
        caseNumber,
        "Task_ConfirmContact",
        vars("contactDate", today().toString(), "contactMethod", "huisbezoek"));

    String page = buurtteam.casePage(caseNumber);
    assertThat(page)
        .contains("contact bevestigd op")
        .contains("Moedermaatjes Utrecht")
        .contains("Buurtteam Lombok")
        .contains("id=\"care-coordinator\">Buurtteam Lombok<");
    assertThat(involvements.current(caseNumber))
        .extracting(i -> i.getGroupId())
        .contains("buurtteam-utrecht-lombok", "informele-zorg-utrecht");
    // the buurtteam still holds her case: the prenatal home-visit question is its own
    assertThat(buurtteam.taskKeys(caseNumber)).contains("Task_DecideHomeVisit");
    assertNoPersonalDataInTheEngine(caseNumber, LOMBOK, LOMBOK.replace(" ", ""));
  }

  // --- vuistregel 4: a refusal without safety concerns ---------------------------------------

  /**
   * Vuistregel 4 and issue 11 item 1: the client refuses consent for a regiehouder, without any
   * safety concern, and wants time to think: the "ask again" route waits (20 working days on the
   * engine clock) and the midwife asks again; the second refusal is final, the midwife confirms,
   * the case closes "Gesloten (geen toestemming)" and no meldcode can be started any more.
   */
  @Test
  void refusalWithoutSafetyConcerns_askedAgainAfterTheReflectionTime_thenClosedByTheSignaller()
      throws Exception {
    Caregiver midwife = caregiver("demo-verloskundige");
    String caseNumber =
        newCase(
            "demo-verloskundige",
            """
        {"clientReference": "VP-BEDENK-0318", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["schulden", "armoede"], "signallingDiscipline": "verloskundige",
         "clientPostcode": "%s"}"""
                .formatted(today().plusWeeks(20), LOMBOK));
    assertThat(variable(caseNumber, "meldcodeAdvised")).isEqualTo(false);
    midwife.submit(
        caseNumber,
        "Task_AskConsent",
        vars(
            "consentDecision",
            "REFUSED",
            "consentRefusalReason",
            "wil-bedenktijd",
            "consentAskAgain",
            true));

    // the case waits, open, without tasks
    assertThat(status(caseNumber)).isEqualTo(CaseStatus.ACTIVE);
    assertThat(midwife.taskKeys(caseNumber)).isEmpty();
    Job askAgain = nextTimer(caseNumber, "zorgpad-toestemming").orElseThrow();
    assertThat(askAgain.getDuedate())
        .isAfter(Date.from(today().plusWeeks(3).atStartOfDay(ZorgpadTime.ZONE).toInstant()));
    fire(askAgain);

    assertThat(midwife.taskKeys(caseNumber)).containsExactly("Task_AskConsent");
    midwife.submit(
        caseNumber,
        "Task_AskConsent",
        vars(
            "consentDecision",
            "REFUSED",
            "consentRefusalReason",
            "wil-geen-contact",
            "consentAskAgain",
            false));
    assertThat(candidateGroups(caseNumber, "Task_ConfirmClosingWithoutConsent"))
        .containsExactly("verloskundige-utrecht-lombok");
    midwife.submit(
        caseNumber, "Task_ConfirmClosingWithoutConsent", vars("refusalFollowUp", "casus-sluiten"));

    assertThat(status(caseNumber)).isEqualTo(CaseStatus.CLOSED_NO_CONSENT);
    assertThat(midwife.casePage(caseNumber))
        .contains("id=\"case-status\">Gesloten (geen toestemming)<");
    assertThat(consents.recordsOf(caseNumber))
        .extracting(ConsentRecord::getDecision, ConsentRecord::isAskAgain)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ConsentDecision.REFUSED, true),
            org.assertj.core.groups.Tuple.tuple(ConsentDecision.REFUSED, false));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .count())
        .isZero();
    HttpResponse<String> meldcode =
        new Http(port)
            .postJson(
                "/api/cases/" + caseNumber + "/meldcode",
                "demo-verloskundige:demo",
                "{\"meldcodeStartedBy\": \"verloskundige\"}");
    assertThat(meldcode.statusCode()).as(meldcode.body()).isEqualTo(409);
    assertNoPersonalDataInTheEngine(caseNumber, LOMBOK, LOMBOK.replace(" ", ""));
  }

  // --- seed 004: a duplicate from the hospital and the GP, merged -----------------------------

  /**
   * Seed 004 (Dordrecht: "vaak ziet één organisatie de cliënt, terwijl zij bij de andere niet in
   * beeld is"): the hospital and the GP each signal the same woman before anyone knew her BSN:
   * two cases. The regiehouder takes both; when each enters the BSN and birth date on
   * Cliëntgegevens the case page shows the possible duplicate; she merges it: the duplicate ends
   * "Gesloten (dubbele casus)", the GP's signal comes into the surviving case as
   * "Nieuw signaal van huisarts" for her, the recorded regiehouder.
   */
  @Test
  void duplicateFromHospitalAndGp_regiehouderMerges_theDuplicateEndsAsDubbeleCasus()
      throws Exception {
    Caregiver hospital = caregiver("demo-ziekenhuis");
    Caregiver gp = caregiver("demo-huisarts");
    Caregiver regiehouder = caregiver("demo-regiehouder");
    String bsn = TestBsn.random();
    String birthDate = randomBirthDate();
    String signal =
        """
        {"clientReference": "%s", "dueDate": "%s", "gestationalAgeWeeks": 24,
         "riskDomains": ["ggz", "stress"], "signallingDiscipline": "%s"}""";
    String dueDate = today().plusWeeks(16).toString();
    String survivor =
        newCase("demo-ziekenhuis", signal.formatted("ZH-0319", dueDate, "ziekenhuis"));
    String duplicate = newCase("demo-huisarts", signal.formatted("HA-0320", dueDate, "huisarts"));
    hospital.submit(survivor, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    gp.submit(duplicate, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    regiehouder.submit(
        survivor,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of(),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));
    assertThat(regiehouder.taskKeys(duplicate)).containsExactly("Task_AcceptCase");

    // each enters what she knows on Cliëntgegevens
    assertThat(
            hospital
                .postForm("/casus/" + survivor + "/client", "bsn", bsn, "birthDate", birthDate)
                .statusCode())
        .isEqualTo(302);
    assertThat(
            gp.postForm("/casus/" + duplicate + "/client", "bsn", bsn, "birthDate", birthDate)
                .statusCode())
        .isEqualTo(302);
    assertThat(regiehouder.casePage(survivor))
        .contains("Mogelijk dezelfde cliënt als in:")
        .contains(duplicate)
        .contains("herkend op BSN en geboortedatum");

    HttpResponse<String> merged =
        regiehouder.postForm("/casus/" + survivor + "/samenvoegen", "duplicate", duplicate);
    assertThat(merged.statusCode()).as(merged.body()).isEqualTo(302);

    CaseFile closed = caseFiles.find(duplicate).orElseThrow();
    assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED_DUPLICATE);
    assertThat(closed.getEndReason()).isEqualTo("dubbele-casus");
    assertThat(closed.getMergedInto()).isEqualTo(survivor);
    assertThat(regiehouder.casePage(duplicate))
        .contains("Gesloten (dubbele casus)")
        .contains("Dubbele casus, samengevoegd met");
    assertThat(regiehouder.taskNames(survivor))
        .containsEntry("Task_ReviewNewSignal", "Nieuw signaal van huisarts");
    assertThat(assigneeOf(survivor, "Task_ReviewNewSignal")).isEqualTo("demo-regiehouder");
    // the duplicate's open work is gone but for "inform the involved", the regiehouder's (no
    // postcode was ever given for the duplicate: "wijk onbekend", her discipline group)
    assertThat(tasksOf(duplicate, null))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_InformInvolvedOfEnd");
    assertThat(candidateGroups(duplicate, "Task_InformInvolvedOfEnd"))
        .containsExactly("regiehouder");
    regiehouder.submit(duplicate, "Task_InformInvolvedOfEnd", vars("involvedInformed", true));
    assertThat(regiehouder.casePage(survivor)).contains("uit een samengevoegde dubbele casus");
    assertNoPersonalDataInTheEngine(survivor, bsn, birthDate);
    assertNoPersonalDataInTheEngine(duplicate, bsn, birthDate);
  }

  // --- vuistregel 9: an MDO planned today, after five ----------------------------------------

  /**
   * Vuistregel 9 and issue 11 item 6: the regiehouder plans the MDO for today, at a quarter past
   * eight in the evening (engine clock): she is told in Dutch that there is little time and
   * chooses "voorbereiden"; the JGZ and midwife teams get their preparation tasks, which do not
   * lapse in the same second; a held date before the planned date is refused in Dutch.
   */
  @Test
  void mdoPlannedTodayAfterFive_stillPrepared_aHeldDateBeforeThePlannedDateIsRefused()
      throws Exception {
    Caregiver midwife = caregiver("demo-verloskundige");
    Caregiver regiehouder = caregiver("demo-regiehouder");
    String caseNumber =
        newCase(
            "demo-verloskundige",
            """
        {"clientReference": "VP-MDO-0321", "dueDate": "%s", "gestationalAgeWeeks": 20,
         "riskDomains": ["ggz", "lvb", "armoede"], "signallingDiscipline": "verloskundige",
         "clientPostcode": "%s"}"""
                .formatted(today().plusWeeks(20), LOMBOK));
    assertThat(variable(caseNumber, "mdoNeeded")).isEqualTo(true);
    midwife.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    regiehouder.submit(
        caseNumber,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of(),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));
    midwife.submit(
        caseNumber,
        "Task_DecideHomeVisit",
        vars("homeVisitDecision", "niet-nodig", "homeVisitOptOutReason", "voldoende-steun"));
    assertThat(candidateGroups(caseNumber, "Task_PlanMdo")).containsExactly("regiehouder-utrecht");

    LocalDate today = today();
    ClockUtil.setCurrentTime(Date.from(today.atTime(20, 15).atZone(ZorgpadTime.ZONE).toInstant()));
    HttpResponse<String> noChoice =
        regiehouder.trySubmit(
            caseNumber,
            "Task_PlanMdo",
            vars(
                "mdoParticipants",
                List.of("jgz", "verloskundige"),
                "mdoMeetingDate",
                today.toString()));
    assertThat(noChoice.statusCode()).isEqualTo(400);
    assertThat(noChoice.body()).contains("Het MDO is vandaag of al geweest");
    regiehouder.submit(
        caseNumber,
        "Task_PlanMdo",
        vars(
            "mdoParticipants",
            List.of("jgz", "verloskundige"),
            "mdoMeetingDate",
            today.toString(),
            "mdoPreparation",
            "voorbereiden"));

    assertThat(candidateGroups(caseNumber, "Task_PrepareMdo"))
        .containsExactlyInAnyOrder("jgz-utrecht-west", "verloskundige-utrecht-lombok");
    assertThat(tasksOf(caseNumber, "Task_PrepareMdo"))
        .hasSize(2)
        .allSatisfy(
            task ->
                assertThat(task.getDueDate())
                    .isAfterOrEqualTo(
                        new Date(
                            ClockUtil.getCurrentTime().getTime() + 2 * 60 * 60 * 1000 - 1000)));
    caregiver("demo-jgz").submit(caseNumber, "Task_PrepareMdo", vars("mdoAttendance", "aanwezig"));
    midwife.submit(caseNumber, "Task_PrepareMdo", vars("mdoAttendance", "schriftelijke-inbreng"));

    HttpResponse<String> early =
        regiehouder.trySubmit(
            caseNumber,
            "Task_HoldMdo",
            vars(
                "mdoHeldDate",
                today.minusDays(1).toString(),
                "mdoNextReviewDate",
                today.plusWeeks(3).toString(),
                "mdoHasActionPoints",
                "nee"));
    assertThat(early.statusCode()).isEqualTo(400);
    assertThat(early.body()).contains("het kan niet eerder gehouden zijn");
    regiehouder.submit(
        caseNumber,
        "Task_HoldMdo",
        vars(
            "mdoHeldDate",
            today.toString(),
            "mdoNextReviewDate",
            today.plusWeeks(3).toString(),
            "mdoHasActionPoints",
            "nee"));
    assertThat(variable(caseNumber, "mdoNextReviewDate")).isNotNull();
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("zorgpad-mdo")
                .count())
        .isZero();
    assertNoPersonalDataInTheEngine(caseNumber, LOMBOK, LOMBOK.replace(" ", ""));
  }

  // --- seed 002 / domain facts: closed at the first birthday ---------------------------------

  /**
   * Seed 002 (Doesburg: the sociale regiehouder keeps the family in view as long as needed) and
   * the domain facts: the whole year. Signal, regie consent, the regiehouder accepts, JGZ takes
   * over; the midwife reports the birth, kraamzorg closes the kraamperiode and hands over to JGZ
   * (consent on record); the first year's JGZ contact moments and the regiehouder's check-ins come
   * when their days come on the engine clock; at the first birthday the regiehouder evaluates and
   * the case is "Afgesloten".
   */
  @Test
  void fullYear_theRegiehouderClosesTheCaseAtTheFirstBirthday() throws Exception {
    Caregiver midwife = caregiver("demo-verloskundige");
    Caregiver regiehouder = caregiver("demo-regiehouder");
    Caregiver jgz = caregiver("demo-jgz");
    Caregiver kraamzorg = caregiver("demo-kraamzorg");
    LocalDate birth = today();
    String caseNumber =
        newCase(
            "demo-verloskundige",
            """
        {"clientReference": "VP-JAAR-0322", "dueDate": "%s", "gestationalAgeWeeks": 39,
         "riskDomains": ["ggz", "afwezige-partner"], "signallingDiscipline": "verloskundige",
         "clientPostcode": "%s"}"""
                .formatted(birth.plusWeeks(1), LOMBOK));
    midwife.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    regiehouder.submit(
        caseNumber,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of("jgz"),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));
    midwife.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    midwife.submit(
        caseNumber,
        "Task_RecordHandover",
        vars(
            "handoverMethod",
            "beveiligde-mail",
            "handoverDate",
            birth.toString(),
            "clientInformed",
            true));
    jgz.submit(
        caseNumber,
        "Task_ConfirmContact",
        vars("contactDate", birth.toString(), "contactMethod", "telefonisch"));
    midwife.submit(
        caseNumber,
        "Task_DecideHomeVisit",
        vars("homeVisitDecision", "niet-nodig", "homeVisitOptOutReason", "al-in-zorg-jgz"));

    // the birth: the midwife's own team reports it
    assertThat(candidateGroups(caseNumber, "Task_ReportBirth"))
        .contains("verloskundige-utrecht-lombok")
        .doesNotContain("verloskundige");
    midwife.submit(caseNumber, "Task_ReportBirth", vars("birthDate", birth.toString()));
    assertThat(candidateGroups(caseNumber, "Task_EndMaternityCare"))
        .containsExactly("kraamzorg-utrecht");
    ClockUtil.setCurrentTime(
        Date.from(birth.plusDays(8).atTime(10, 0).atZone(ZorgpadTime.ZONE).toInstant()));
    kraamzorg.submit(
        caseNumber,
        "Task_EndMaternityCare",
        vars(
            "maternityCareOutcome",
            "afgerond",
            "maternityCareEndDate",
            birth.plusDays(8).toString()));
    // consent for JGZ is on record: kraamzorg hands over at once
    assertThat(kraamzorg.taskKeys(caseNumber)).containsExactly("Task_RecordHandover");
    kraamzorg.submit(
        caseNumber,
        "Task_RecordHandover",
        vars(
            "handoverMethod",
            "direct-gesprek",
            "handoverDate",
            birth.plusDays(8).toString(),
            "clientInformed",
            true));
    jgz.submit(
        caseNumber,
        "Task_ConfirmContact",
        vars("contactDate", birth.plusDays(8).toString(), "contactMethod", "huisbezoek"));

    // the first year, on the engine clock
    List<String> moments = new ArrayList<>();
    for (Optional<Job> next = nextTimer(caseNumber, "zorgpad-eerste-levensjaar");
        next.isPresent();
        next = nextTimer(caseNumber, "zorgpad-eerste-levensjaar")) {
      fire(next.get());
      for (Task open : tasksOf(caseNumber, "Task_JgzContactMoment")) {
        assertThat(groupsOf(open)).containsExactly("jgz-utrecht-west");
        moments.add(String.valueOf(taskService.getVariable(open.getId(), "contactMoment")));
        jgz.submit(caseNumber, "Task_JgzContactMoment", vars("contactMomentOutcome", "gezien"));
      }
      for (Task open : tasksOf(caseNumber, "Task_CheckIn")) {
        assertThat(groupsOf(open)).containsExactly("regiehouder-utrecht");
        moments.add(String.valueOf(taskService.getVariable(open.getId(), "contactMoment")));
        regiehouder.submit(caseNumber, "Task_CheckIn", vars("checkInOutcome", "loopt-goed"));
      }
    }
    assertThat(moments)
        .contains("dag-4-7", "week-2", "maand-11")
        .anyMatch(m -> m.startsWith("regie-"));

    assertThat(candidateGroups(caseNumber, "Task_ClosingEvaluation"))
        .containsExactly("regiehouder-utrecht");
    assertThat(ClockUtil.getCurrentTime())
        .isAfterOrEqualTo(Date.from(birth.plusYears(1).atStartOfDay(ZorgpadTime.ZONE).toInstant()));
    regiehouder.submit(
        caseNumber,
        "Task_ClosingEvaluation",
        vars("closingEvaluation", "doelen-bereikt", "aftercare", "reguliere-jgz"));

    CaseFile caseFile = caseFiles.find(caseNumber).orElseThrow();
    assertThat(caseFile.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(caseFile.getChildBirthDate()).isEqualTo(birth);
    assertThat(regiehouder.casePage(caseNumber)).contains("id=\"case-status\">Afgesloten<");
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .count())
        .isZero();
    assertNoPersonalDataInTheEngine(caseNumber, LOMBOK, LOMBOK.replace(" ", ""));
  }

  // --- domain facts: ended early, she moved ---------------------------------------------------

  /**
   * Ended early instead of at the first birthday: after the warm handover to JGZ the client moves
   * out of the region. The regiehouder ends the case through the API (reason "verhuisd"): all open
   * work is cancelled, the case is "Gesloten (verhuisd)" on the case page and in the case list,
   * the regiehouder informs those involved, and the closed case takes no meldcode any more.
   */
  @Test
  void clientMoved_endedEarly_openWorkCancelled_theRegiehouderInformsTheInvolved()
      throws Exception {
    Caregiver midwife = caregiver("demo-verloskundige");
    Caregiver regiehouder = caregiver("demo-regiehouder");
    String caseNumber =
        newCase(
            "demo-verloskundige",
            """
        {"clientReference": "VP-VERHUIS-0323", "dueDate": "%s", "gestationalAgeWeeks": 26,
         "riskDomains": ["ggz", "afwezige-partner"], "signallingDiscipline": "verloskundige",
         "clientPostcode": "%s"}"""
                .formatted(today().plusWeeks(14), LOMBOK));
    midwife.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    regiehouder.submit(
        caseNumber,
        "Task_AcceptCase",
        vars(
            "handoverRecipients",
            List.of("jgz"),
            "homeVisitRequestingDiscipline",
            "verloskundige",
            "startMeldcode",
            false));
    midwife.submit(caseNumber, "Task_AskConsent", vars("consentDecision", "GIVEN"));
    midwife.submit(
        caseNumber,
        "Task_RecordHandover",
        vars(
            "handoverMethod",
            "telefonisch-consult",
            "handoverDate",
            today().toString(),
            "clientInformed",
            true));
    caregiver("demo-jgz")
        .submit(
            caseNumber,
            "Task_ConfirmContact",
            vars("contactDate", today().toString(), "contactMethod", "huisbezoek"));
    assertThat(midwife.taskKeys(caseNumber)).contains("Task_DecideHomeVisit");

    HttpResponse<String> ended =
        new Http(port)
            .postJson(
                "/api/cases/" + caseNumber + "/end",
                "demo-regiehouder:demo",
                "{\"endReason\": \"verhuisd\"}");
    assertThat(ended.statusCode()).as(ended.body()).isEqualTo(204);

    CaseFile caseFile = caseFiles.find(caseNumber).orElseThrow();
    assertThat(caseFile.getStatus()).isEqualTo(CaseStatus.CLOSED_MOVED);
    assertThat(caseFile.getEndReason()).isEqualTo("verhuisd");
    assertThat(tasksOf(caseNumber, null))
        .extracting(Task::getTaskDefinitionKey)
        .containsExactly("Task_InformInvolvedOfEnd");
    assertThat(candidateGroups(caseNumber, "Task_InformInvolvedOfEnd"))
        .containsExactly("regiehouder-utrecht");
    assertThat(midwife.taskKeys(caseNumber)).isEmpty();
    assertThat(regiehouder.casePage(caseNumber))
        .contains("id=\"case-status\">Gesloten (verhuisd)<");
    assertThat(regiehouder.page("/casus"))
        .contains(caseNumber)
        .contains("Gesloten (verhuisd)")
        .doesNotContain("??case.status");
    regiehouder.submit(caseNumber, "Task_InformInvolvedOfEnd", vars("involvedInformed", true));
    assertThat(
            runtimeService
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber)
                .count())
        .isZero();
    HttpResponse<String> meldcode =
        new Http(port)
            .postJson(
                "/api/cases/" + caseNumber + "/meldcode",
                "demo-verloskundige:demo",
                "{\"meldcodeStartedBy\": \"verloskundige\"}");
    assertThat(meldcode.statusCode()).as(meldcode.body()).isEqualTo(409);
    assertNoPersonalDataInTheEngine(caseNumber, LOMBOK, LOMBOK.replace(" ", ""));
  }

  // --- support ---------------------------------------------------------------------------------

  private Caregiver caregiver(String userId) {
    return new Caregiver(port, userId);
  }

  private static LocalDate today() {
    return LocalDate.now(ZorgpadTime.ZONE);
  }

  private static String randomBirthDate() {
    return LocalDate.of(1988, 1, 1).plusDays(new Random().nextInt(5000)).toString();
  }

  /** A signal through {@code POST /api/signals} that opens a new case: its case number. */
  private String newCase(String userId, String json) throws Exception {
    HttpResponse<String> response = new Http(port).postJson("/api/signals", userId + ":demo", json);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return JSON.readTree(response.body()).path("caseNumber").asText();
  }

  /** The variables of a Tasklist submit: name, value, … (a list becomes a JSON variable). */
  private static String vars(Object... pairs) throws Exception {
    ObjectNode variables = JSON.createObjectNode();
    for (int i = 0; i < pairs.length; i += 2) {
      ObjectNode variable = variables.putObject((String) pairs[i]);
      Object value = pairs[i + 1];
      if (value instanceof List<?> list) {
        variable.put("value", JSON.writeValueAsString(list));
        variable.put("type", "Json");
      } else if (value instanceof Boolean flag) {
        variable.put("value", flag);
      } else {
        variable.put("value", String.valueOf(value));
      }
    }
    return JSON.writeValueAsString(variables);
  }

  private ProcessInstance mainInstance(String caseNumber) {
    return runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("zorgpad-kwetsbare-zwangerschap")
        .singleResult();
  }

  private Object variable(String caseNumber, String name) {
    return runtimeService.getVariable(mainInstance(caseNumber).getId(), name);
  }

  private CaseStatus status(String caseNumber) {
    return caseFiles.find(caseNumber).orElseThrow().getStatus();
  }

  private List<Task> tasksOf(String caseNumber, String taskKey) {
    var query = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber);
    if (taskKey != null) {
      query.taskDefinitionKey(taskKey);
    }
    return query.list();
  }

  /** The candidate groups of the open tasks of this key in the case. */
  private Set<String> candidateGroups(String caseNumber, String taskKey) {
    List<Task> tasks = tasksOf(caseNumber, taskKey);
    assertThat(tasks).as("open %s in %s", taskKey, caseNumber).isNotEmpty();
    Set<String> groups = new TreeSet<>();
    tasks.forEach(task -> groups.addAll(groupsOf(task)));
    return groups;
  }

  private List<String> groupsOf(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .filter(java.util.Objects::nonNull)
        .toList();
  }

  private String assigneeOf(String caseNumber, String taskKey) {
    return tasksOf(caseNumber, taskKey).get(0).getAssignee();
  }

  /** The next timer of the case's running process of this definition. */
  private Optional<Job> nextTimer(String caseNumber, String definitionKey) {
    Set<String> instances = new TreeSet<>();
    runtimeService
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber)
        .processDefinitionKey(definitionKey)
        .list()
        .forEach(i -> instances.add(i.getId()));
    return managementService.createJobQuery().timers().orderByJobDuedate().asc().list().stream()
        .filter(job -> instances.contains(job.getProcessInstanceId()))
        .findFirst();
  }

  /** Moves the engine clock just past the timer and executes it (the job executor is off). */
  private void fire(Job timer) {
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    managementService.executeJob(timer.getId());
  }

  /**
   * Nothing personal in the engine's history of the case: no dossier-only field of the signal
   * (BSN, birth date, postcode) under any name, none of the given values in any variable
   * ({@code ACT_HI_VARINST} and every variable update), and the pseudonymous client reference only
   * in its one reviewed variable.
   */
  private void assertNoPersonalDataInTheEngine(String caseNumber, String... personal) {
    List<String> instances =
        historyService
            .createHistoricProcessInstanceQuery()
            .processInstanceBusinessKey(caseNumber)
            .list()
            .stream()
            .map(HistoricProcessInstance::getId)
            .toList();
    assertThat(instances).isNotEmpty();
    String reference = caseFiles.find(caseNumber).orElseThrow().getClientReference();
    Set<String> forbiddenNames = new TreeSet<>(SignalledClient.FIELDS);
    SignalledClient.FIELDS.forEach(field -> forbiddenNames.add(SignalledClient.heldAs(field)));
    List<HistoricVariableInstance> variables =
        historyService
            .createHistoricVariableInstanceQuery()
            .processInstanceIdIn(instances.toArray(String[]::new))
            .list();
    assertThat(variables).isNotEmpty();
    for (HistoricVariableInstance variable : variables) {
      check(variable.getName(), variable.getValue(), forbiddenNames, reference, personal);
    }
    // every earlier value: the audit trail's variable changes (the engine keeps no details)
    List<AuditedVariables.Change> changes = AuditedVariables.of(jdbc, instances);
    assertThat(changes).isNotEmpty();
    for (AuditedVariables.Change change : changes) {
      check(change.name(), change.stored(), forbiddenNames, reference, personal);
    }
    // the table itself, as a DBA reads it
    String in = String.join(",", instances.stream().map(id -> "'" + id + "'").toList());
    List<Map<String, Object>> rows =
        jdbc.queryForList(
            "select NAME_, TEXT_, TEXT2_ from"
                + " ACT_HI_VARINST where PROC_INST_ID_ in ("
                + in
                + ")");
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(
            row ->
                check(
                    String.valueOf(row.get("NAME_")),
                    row.get("TEXT_") + " " + row.get("TEXT2_"),
                    forbiddenNames,
                    reference,
                    personal));
  }

  private static void check(
      String name, Object value, Set<String> forbiddenNames, String reference, String... personal) {
    assertThat(forbiddenNames).as("variable %s", name).doesNotContain(name);
    String text = String.valueOf(value);
    for (String secret : personal) {
      assertThat(text).as("variable %s", name).doesNotContain(secret);
    }
    if (!"clientReference".equals(name) && reference != null) {
      assertThat(text).as("variable %s", name).doesNotContain(reference);
    }
  }
}
