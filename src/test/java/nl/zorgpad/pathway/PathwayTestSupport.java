package nl.zorgpad.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import nl.zorgpad.casus.InMemoryCaseRegistry;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.consent.InMemoryConsentRegistry;
import nl.zorgpad.time.ZorgpadTime;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/** Shared pieces of the plain-engine process tests. */
final class PathwayTestSupport {

  /** A Monday morning in Dutch time: the process tests start their clock here. */
  static final ZonedDateTime MONDAY_MORNING =
      LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZorgpadTime.ZONE);

  /**
   * Every process variable name that is reviewed as free of personal data. Adding a variable to
   * a pathway without adding it here fails the path tests: review it first (docs/architecture.md: no name,
   * BSN, address or free text in process variables).
   */
  static final Set<String> REVIEWED_VARIABLES =
      Set.of(
          // MDO: discipline ids, codes, ISO dates, ja/nee, lists of those (no minutes)
          "mdoParticipants",
          "mdoParticipant",
          "mdoMeetingDate",
          "mdoAttendance",
          "mdoHeldDate",
          "mdoHasActionPoints",
          "mdoActionDiscipline",
          "mdoAction",
          "mdoActionDueDate",
          "mdoMoreActionPoints",
          "mdoActionResult",
          "mdoActionDisciplines",
          "mdoActions",
          "mdoActionDueDates",
          // meldcode: codes, ja/nee, dates, flags (the signals themselves stay in the own dossier)
          "meldcodeSignals",
          "meldcodeKindcheck",
          "meldcodeColleagueConsulted",
          "meldcodeVeiligThuisAdvice",
          "meldcodeTalkSafe",
          "meldcodeTalkSkippedReason",
          "meldcodeTalkDate",
          "meldcodeSuspicion",
          "meldcodeUnsafety",
          "meldcodeHelpPossible",
          "meldcodeHelpAccepted",
          "meldcodeHelpEffective",
          "meldcodeDecision",
          "meldcodeHelpProviders",
          "meldcodeHelpEvaluationDate",
          "meldcodeReportDate",
          "meldcodeClientInformedOfReport",
          "meldcodeHelpAlongside",
          "meldcodeReported",
          "veiligThuisContactDate",
          "veiligThuisCallResult",
          // signal: a pseudonymous reference, dates, codes
          "clientReference",
          "dueDate",
          "gestationalAgeWeeks",
          "riskDomains",
          "signallingDiscipline",
          "caseNumber",
          // call-activity parameters: discipline ids and purpose codes
          "requestingDiscipline",
          "recipientDiscipline",
          "consentPurpose",
          "senderDiscipline",
          "homeVisitRequestingDiscipline",
          // consent: a decision code, a reason code, a flag
          "consentDecision",
          "consentRefusalReason",
          "consentGiven",
          // warm handover: codes, dates, a flag
          "handoverMethod",
          "handoverDate",
          "clientInformed",
          "contactDate",
          "contactMethod",
          "followUpAction",
          // prenatal home visit: codes, dates, flags
          "homeVisitDecision",
          "homeVisitOptOutReason",
          "homeVisitClientConsented",
          "homeVisitRequested",
          "homeVisitPlannedDate",
          "homeVisitOutcome",
          "interventionAdvice",
          // issue 3 — triage (DMN outputs): a number, level and discipline codes, flags, advice
          // codes
          "riskScore",
          "riskLevel",
          "mdoNeeded",
          "careCoordinatorNeeded",
          "careCoordinatorDiscipline",
          "meldcodeAdvised",
          "prenatalHomeVisitAdvised",
          "triageInterventionAdvice",
          // regiehouder accepts: discipline ids, flags
          "handoverRecipients",
          "startMeldcode",
          "generalPractitionerInvolved",
          // consent check, ask again, escalation, informing: status and action codes, flags
          "consentStatus",
          "consentAskAgain",
          "escalationAction",
          "refusalNoted",
          "homeVisitRequestNoted",
          // birth and first year: the child's birth date (a date only), outcome codes, moment codes
          // and day numbers from the schedule DMN
          "birthDate",
          "birthCheckOutcome",
          "maternityCareOutcome",
          "maternityCareEndDate",
          "jgzContactMoments",
          "checkInMoments",
          "contactMomentDiscipline",
          "contactMoment",
          "contactMomentDay",
          "contactMomentOutcome",
          "checkInOutcome",
          "closingEvaluation",
          "aftercare",
          // event subprocesses: reason and action codes, a flag
          "endReason",
          "newSignalAction",
          "involvedInformed",
          // issue 11 — meldrecht: a flag, the signaller's choice codes after a refusal; one consent
          // task per moment: lists of discipline ids, a flag; the MDO's preparation choice code
          "meldcodeStarted",
          "refusalFollowUp",
          "meldrechtFollowUp",
          "consentRecipients",
          "consentRefusedRecipients",
          "handoverConsentRecipients",
          "handoverConsentNeeded",
          "handoverConsentAsked",
          "mdoPreparation",
          "meldcodeCaseNumber",
          // new signal (issue 11, decision 0008): a match code, the reviewer's discipline and user
          // id
          "newSignalMatch",
          "newSignalReviewerDiscipline",
          "newSignalReviewer",
          // team assignment (nl.zorgpad.assignment): a neighbourhood code of the sociale kaart, and
          // on a task that fell back to its discipline the outcome code (NO_TEAM…); the Dutch text
          // of that warning is in the task's description, not in a variable
          "neighbourhood",
          "assignmentWarning");

  /**
   * Reviewed names that other steps' reviews name too — the MDO and meldcode call-activity
   * contract (discipline ids, an ISO date, an outcome code) and the engine's own multi-instance
   * counters (numbers) — kept apart from {@link #REVIEWED_VARIABLES}, whose {@code Set.of} refuses
   * a name reviewed twice.
   */
  static final Set<String> REVIEWED_SHARED_VARIABLES =
      Set.of(
          "mdoRequestingDiscipline",
          "mdoNextReviewDate",
          "meldcodeStartedBy",
          "meldcodeOutcome",
          "nrOfInstances",
          "nrOfActiveInstances",
          "nrOfCompletedInstances",
          "loopCounter");

  /** Codes, ISO dates and case numbers: no spaces, so no sentences, names or addresses. */
  private static final Pattern CODE_LIKE = Pattern.compile("^[A-Za-z0-9:._-]{0,40}$");

  /** A JSON list of codes (a checklist as the Tasklist submits it). */
  private static final Pattern CODE_LIST =
      Pattern.compile("^\\[(\"[A-Za-z0-9._-]{1,40}\",?\\s*)*]$");

  private PathwayTestSupport() {}

  /**
   * The plain engine of camunda.cfg.xml for a process test class, with process test coverage:
   * after the class it writes target/process-test-coverage/&lt;test class&gt;/report.html and
   * report.json (the flow nodes and sequence flows that its tests passed);
   * {@link ProcessCoverageSummary} adds them up per pathway (docs/zorgpaden.md). Every test class
   * that runs a process on this engine registers this one: the engine's coverage listeners
   * refuse to run before a coverage extension has given them a collector.
   */
  static ProcessEngineCoverageExtension engineWithCoverage() {
    return ProcessEngineCoverageExtension.builder().handleTestMethodCoverage(false).build();
  }

  static void startClockAt(ZonedDateTime time) {
    ClockUtil.setCurrentTime(Date.from(time.toInstant()));
  }

  static Date date(ZonedDateTime time) {
    return Date.from(time.toInstant());
  }

  static InMemoryCaseRegistry caseRegistry(ProcessEngine engine) {
    return (InMemoryCaseRegistry) beans(engine).get("caseRegistry");
  }

  static nl.zorgpad.casus.InMemoryCaseTeams caseTeams(ProcessEngine engine) {
    return (nl.zorgpad.casus.InMemoryCaseTeams) beans(engine).get("caseTeamsRegistry");
  }

  static InMemoryConsentRegistry consentRegistry(ProcessEngine engine) {
    return (InMemoryConsentRegistry) beans(engine).get("consentRegistry");
  }

  private static Map<Object, Object> beans(ProcessEngine engine) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBeans();
  }

  /**
   * The start form's input as the Tasklist submits it: dates as ISO strings, the risk domains as
   * a list; 20 weeks pregnant on {@link #MONDAY_MORNING}.
   */
  static VariableMap validSignal() {
    return Variables.createVariables()
        .putValue("clientReference", "VP-2026-0042")
        .putValue("dueDate", "2026-07-20")
        .putValue("gestationalAgeWeeks", 20)
        .putValue("riskDomains", List.of("huisvesting", "armoede"))
        .putValue("signallingDiscipline", "verloskundige");
  }

  /** A case opened directly in the registry, for tests of one reusable step. */
  static String openCase(ProcessEngine engine) {
    return caseRegistry(engine)
        .register(
            new Signal(
                "VP-2026-0042", LocalDate.of(2026, 7, 20), 20, List.of("stress"), "verloskundige"),
            "demo-verloskundige",
            MONDAY_MORNING);
  }

  /**
   * The "no personal data in process variables" guard: every variable that was ever written
   * (current values and every update) has a reviewed name and a code-like value.
   */
  static void assertNoPersonalDataInHistory(HistoryService history) {
    List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery().list();
    assertThat(variables).as("the path writes variables").isNotEmpty();
    for (HistoricVariableInstance variable : variables) {
      assertReviewed(variable.getName(), variable.getValue());
    }
    for (HistoricDetail detail : history.createHistoricDetailQuery().variableUpdates().list()) {
      HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
      assertReviewed(update.getVariableName(), update.getValue());
    }
  }

  static void assertReviewed(String name, Object value) {
    assertThat(REVIEWED_VARIABLES.contains(name) || REVIEWED_SHARED_VARIABLES.contains(name))
        .as("variable '%s' is reviewed as free of personal data", name)
        .isTrue();
    if (value == null
        || value instanceof Boolean
        || value instanceof Number
        || value instanceof Date) {
      return;
    }
    if (value instanceof String text) {
      assertThat(text)
          .as("value of '%s' is a code, a date or a reference", name)
          .matches(CODE_LIKE);
      return;
    }
    String json =
        value instanceof List<?> list
            ? list.stream().map(element -> "\"" + element + "\"").toList().toString()
            : value.toString();
    assertThat(json).as("value of '%s' is a list of codes", name).matches(CODE_LIST);
  }
}
