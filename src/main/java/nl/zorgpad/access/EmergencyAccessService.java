package nl.zorgpad.access;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessEvent;
import nl.zorgpad.accesslog.AccessEvent.Purposes;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.accesslog.CurrentActor;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.UnknownCaseException;
import nl.zorgpad.casus.Violation;
import nl.zorgpad.discipline.GroupDisciplines;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The noodprocedure: a caregiver opens a case outside need-to-know by giving a reason; the access
 * lasts {@link AccessProperties#emergencyDuration()} and is logged as {@code EMERGENCY_ACCESS}
 * with the reason; every access under it is flagged {@code emergency} in the access log. Only
 * caregivers can use it.
 */
@Service
@EnableConfigurationProperties(AccessProperties.class)
public class EmergencyAccessService {

  private final EmergencyAccessRepository emergencies;
  private final CaseFileService cases;
  private final AccessLog accessLog;
  private final CurrentActor currentActor;
  private final GroupDisciplines groupDisciplines;
  private final AccessProperties properties;
  private final Clock clock;
  private final org.springframework.beans.factory.ObjectProvider<nl.zorgpad.casus.DossierGuard>
      guard;

  EmergencyAccessService(
      EmergencyAccessRepository emergencies,
      CaseFileService cases,
      AccessLog accessLog,
      CurrentActor currentActor,
      GroupDisciplines groupDisciplines,
      AccessProperties properties,
      org.springframework.beans.factory.ObjectProvider<nl.zorgpad.casus.DossierGuard> guard,
      Clock clock) {
    this.clock = clock;
    this.guard = guard;
    this.emergencies = emergencies;
    this.cases = cases;
    this.accessLog = accessLog;
    this.currentActor = currentActor;
    this.groupDisciplines = groupDisciplines;
    this.properties = properties;
  }

  /**
   * @throws InvalidInputException (Dutch message) without a reason, or for a non-caregiver
   * @throws UnknownCaseException for an unknown case
   */
  @Transactional
  public EmergencyAccess open(String caseNumber, String reason) {
    if (cases.find(caseNumber).isEmpty()) {
      throw new UnknownCaseException(caseNumber);
    }
    Actor actor = currentActor.get();
    // another coalition's case does not exist for her, here as on the case pages (decision 0005)
    if (guard
        .getObject()
        .decide(caseNumber, nl.zorgpad.casus.DossierPart.CASE_SUMMARY, actor)
        .hidden()) {
      throw new UnknownCaseException(caseNumber);
    }
    String trimmed = reason == null ? "" : reason.strip();
    if (trimmed.length() < properties.emergencyReasonMinLength()) {
      throw new InvalidInputException(
          "emergency access",
          List.of(
              new Violation(
                  "reason",
                  "is required (at least " + properties.emergencyReasonMinLength() + " characters)",
                  "violation.emergencyAccess.reason.tooShort",
                  properties.emergencyReasonMinLength())));
    }
    if (actor.groups().stream().noneMatch(g -> groupDisciplines.disciplineOf(g).isPresent())) {
      throw new InvalidInputException(
          "emergency access",
          List.of(
              new Violation(
                  "user", "is not a caregiver", "violation.emergencyAccess.user.notCaregiver")));
    }
    Instant now = clock.instant();
    EmergencyAccess access =
        emergencies.save(
            new EmergencyAccess(
                caseNumber,
                actor.userId(),
                trimmed.length() > 1000 ? trimmed.substring(0, 1000) : trimmed,
                now,
                now.plus(properties.emergencyDuration())));
    accessLog.record(
        new AccessEvent(
            caseNumber,
            "case:" + caseNumber,
            "EmergencyAccess",
            String.valueOf(access.getId()),
            AccessAction.EMERGENCY_ACCESS,
            AccessOutcome.ALLOWED,
            Purposes.EMERGENCY,
            "emergency",
            true,
            "reason: " + access.getReason()));
    return access;
  }
}
