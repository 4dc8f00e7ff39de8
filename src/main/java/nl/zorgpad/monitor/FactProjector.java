package nl.zorgpad.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import nl.zorgpad.monitor.Fact.Kind;
import nl.zorgpad.monitor.MonitorHistory.Activity;
import nl.zorgpad.monitor.MonitorHistory.CaseHistory;
import nl.zorgpad.monitor.MonitorHistory.Instance;
import nl.zorgpad.monitor.MonitorHistory.Task;
import nl.zorgpad.time.ZorgpadTime;

/**
 * The facts of one case, from its dossier and its engine history: a pure function, so the
 * incremental projection and the rebuild give the same rows. Element ids are those of
 * {@code processes/*.bpmn}; docs/monitor.md lists which fact comes from which element.
 */
final class FactProjector {

  static final String MAIN = "zorgpad-kwetsbare-zwangerschap";
  static final String HOME_VISIT = "zorgpad-prenataal-huisbezoek";
  static final String HANDOVER = "zorgpad-warme-overdracht";
  static final String CONSENT = "zorgpad-toestemming";
  static final String MDO = "zorgpad-mdo";
  static final String MELDCODE = "zorgpad-meldcode";

  /** Which door of the main pathway started a meldcode trajectory. */
  static final Map<String, String> MELDCODE_DOORS =
      Map.of(
          "Call_MeldcodeAfterTriage", "triage",
          "Call_MeldcodeAtAcceptance", "aanname",
          "Call_MeldcodeWithoutConsent", "zonder-toestemming",
          "Call_MeldcodeAfterSignal", "nieuw-signaal");

  /** How a meldcode trajectory ended (its end event). */
  static final Map<String, String> MELDCODE_ENDS =
      Map.of(
          "End_NoSuspicion", "geen-vermoeden",
          "End_ClosedWithAgreements", "hulp-met-afspraken",
          "End_ReportedWithHelp", "gemeld-en-hulp",
          "End_Reported", "gemeld");

  private FactProjector() {}

  static List<Fact> project(CaseDossier dossier, CaseHistory history) {
    List<Fact> facts = new ArrayList<>();
    Instant signal = dossier.createdAt();
    facts.add(Fact.of(Kind.SIGNAL, dossier.signallingDiscipline(), signal));
    for (String domain : dossier.riskDomains()) {
      facts.add(Fact.of(Kind.RISK_DOMAIN, domain, signal));
    }
    boolean homeVisitSeen = false;
    Instance main = null;
    for (Instance instance : sorted(history.instances())) {
      switch (instance.definitionKey()) {
        case MAIN -> {
          main = main == null ? instance : main;
          started(instance, "Start_NewSignal")
              .forEach(at -> facts.add(Fact.of(Kind.RESIGNAL, "", at)));
        }
        case HOME_VISIT -> {
          if (!homeVisitSeen) { // one prenatal home visit decision per case counts
            homeVisitSeen = true;
            homeVisit(instance, facts);
          }
        }
        case HANDOVER -> handover(instance, signal, facts);
        case CONSENT -> consent(instance, facts);
        case MDO -> mdo(instance, facts);
        case MELDCODE -> meldcode(instance, facts);
        default -> {
          // other pathways (eerste levensjaar, meldcode starten) give no fact of their own
        }
      }
      for (Task task : instance.tasks()) {
        if (task.discipline() != null) {
          facts.add(Fact.of(Kind.TASK_LATE, task.discipline(), task.due()));
        }
      }
    }
    for (CaseDossier.ConsentRow consent : dossier.consents()) {
      if ("WITHDRAWN".equals(consent.decision())) {
        facts.add(Fact.of(Kind.CONSENT_WITHDRAWN, consent.reasonCode(), consent.recordedAt()));
      }
    }
    for (LocalDate reported : dossier.rightToReport()) {
      facts.add(Fact.of(Kind.MELDRECHT, "", reported.atStartOfDay(ZorgpadTime.ZONE).toInstant()));
    }
    if (dossier.closedAt() != null) {
      facts.add(
          new Fact(
              Kind.CASE_CLOSED,
              closingCode(dossier, main),
              dossier.closedAt(),
              hours(signal, dossier.closedAt())));
    }
    return facts;
  }

  /** Why the case closed: at the first birthday, without consent, or its early end reason. */
  static String closingCode(CaseDossier dossier, Instance main) {
    String status = dossier.status();
    if ("CLOSED".equals(status)) {
      return "eerste-verjaardag";
    }
    if ("CLOSED_NO_CONSENT".equals(status)) {
      return main != null && "End_ClosedAfterMeldcode".equals(main.endActivityId())
          ? "na-meldcode-zonder-toestemming"
          : "geen-toestemming";
    }
    return dossier.endReason() != null ? dossier.endReason() : "overig";
  }

  private static void homeVisit(Instance instance, List<Fact> facts) {
    facts.add(Fact.of(Kind.HOME_VISIT_CONSIDERED, "", instance.start()));
    ended(instance, "End_OptedOut")
        .ifPresent(
            at ->
                facts.add(
                    Fact.of(
                        Kind.HOME_VISIT_OPTED_OUT,
                        instance.variables().getOrDefault("homeVisitOptOutReason", "onbekend"),
                        at)));
    Optional<Instant> requested =
        firstStart(
            instance,
            "Task_PlanHomeVisit",
            "Task_InformMidwife",
            "Task_InformGeneralPractitioner",
            "Gateway_PlanMerge");
    requested.ifPresent(at -> facts.add(Fact.of(Kind.HOME_VISIT_REQUESTED, "", at)));
    ended(instance, "End_HomeVisitDone")
        .ifPresent(at -> facts.add(Fact.of(Kind.HOME_VISIT_DONE, "", at)));
    ended(instance, "End_ClientCancelledVisit")
        .ifPresent(at -> facts.add(Fact.of(Kind.HOME_VISIT_CANCELLED, "", at)));
  }

  private static void handover(Instance instance, Instant signal, List<Fact> facts) {
    String recipient = instance.variables().getOrDefault("recipientDiscipline", "onbekend");
    Optional<Instant> recorded = ended(instance, "Task_RecordHandover");
    if (recorded.isEmpty()) {
      return; // no handover made (no consent, or still being recorded)
    }
    facts.add(Fact.of(Kind.HANDOVER_STARTED, recipient, recorded.get()));
    Optional<Instant> confirmed = ended(instance, "Task_ConfirmContact");
    confirmed.ifPresent(
        at -> facts.add(new Fact(Kind.HANDOVER_CONFIRMED, recipient, at, hours(signal, at))));
    firstStart(instance, "Task_EscalateHandover")
        .ifPresent(at -> facts.add(Fact.of(Kind.HANDOVER_ESCALATED, recipient, at)));
    if (confirmed.isEmpty() && instance.end() != null) {
      facts.add(Fact.of(Kind.HANDOVER_UNCONFIRMED, recipient, instance.end()));
    }
  }

  private static void consent(Instance instance, List<Fact> facts) {
    facts.add(Fact.of(Kind.CONSENT_ASKED, "", instance.start()));
    ended(instance, "End_ConsentGiven")
        .ifPresent(at -> facts.add(Fact.of(Kind.CONSENT_GIVEN, "", at)));
    ended(instance, "End_ConsentRefused")
        .ifPresent(
            at ->
                facts.add(
                    Fact.of(
                        Kind.CONSENT_REFUSED,
                        instance.variables().getOrDefault("consentRefusalReason", "onbekend"),
                        at)));
  }

  private static void mdo(Instance instance, List<Fact> facts) {
    facts.add(Fact.of(Kind.MDO_REQUESTED, "", instance.start()));
    ended(instance, "Task_HoldMdo")
        .ifPresent(at -> facts.add(new Fact(Kind.MDO_HELD, "", at, hours(instance.start(), at))));
  }

  private static void meldcode(Instance instance, List<Fact> facts) {
    facts.add(
        Fact.of(
            Kind.MELDCODE_STARTED,
            MELDCODE_DOORS.getOrDefault(Objects.toString(instance.calledFrom(), ""), "bericht"),
            instance.start()));
    Optional<Instant> report = ended(instance, "Task_ReportToVeiligThuis");
    report.ifPresent(at -> facts.add(Fact.of(Kind.VEILIG_THUIS_REPORT, "", at)));
    if (report.isPresent()) {
      firstStart(instance, "Gateway_ContactRecorded")
          .ifPresent(
              at ->
                  facts.add(new Fact(Kind.VEILIG_THUIS_CONTACT, "", at, hours(report.get(), at))));
    }
    if (instance.end() != null && MELDCODE_ENDS.containsKey(instance.endActivityId())) {
      facts.add(
          Fact.of(
              Kind.MELDCODE_ENDED, MELDCODE_ENDS.get(instance.endActivityId()), instance.end()));
    }
  }

  private static List<Instance> sorted(List<Instance> instances) {
    return instances.stream().sorted(Comparator.comparing(Instance::start)).toList();
  }

  private static List<Instant> started(Instance instance, String activityId) {
    return instance.activities().stream()
        .filter(a -> a.activityId().equals(activityId))
        .map(Activity::start)
        .sorted()
        .toList();
  }

  private static Optional<Instant> firstStart(Instance instance, String... activityIds) {
    List<String> ids = List.of(activityIds);
    return instance.activities().stream()
        .filter(a -> ids.contains(a.activityId()))
        .map(Activity::start)
        .min(Comparator.naturalOrder());
  }

  /** The first time the element finished (a completed task, an end event reached). */
  private static Optional<Instant> ended(Instance instance, String activityId) {
    return instance.activities().stream()
        .filter(a -> a.activityId().equals(activityId) && a.end() != null)
        .map(Activity::end)
        .min(Comparator.naturalOrder());
  }

  private static Integer hours(Instant from, Instant to) {
    long hours = Duration.between(from, to).toHours();
    return (int) Math.max(0, hours);
  }
}
