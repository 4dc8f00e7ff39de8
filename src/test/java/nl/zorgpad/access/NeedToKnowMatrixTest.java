package nl.zorgpad.access;

import static nl.zorgpad.access.DossierTestConfig.loginAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import nl.zorgpad.accesslog.AccessAction;
import nl.zorgpad.accesslog.AccessLog;
import nl.zorgpad.accesslog.AccessLogEntry;
import nl.zorgpad.accesslog.AccessOutcome;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.DossierAccessDeniedException;
import nl.zorgpad.casus.DossierPart;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.consent.ConsentStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * The need-to-know access matrix: role × situation × dossier part → allowed (Y), refused (N) or
 * allowed under the emergency procedure (E, flagged). Each cell goes through
 * {@link DossierService#authorize}, so it also proves that allowed and refused accesses are both
 * logged with their basis.
 *
 * <p>Roles: a midwife (signals and cares for the mother), a JGZ nurse of a team (cares for the
 * child: the mother's dossier only with consent or a referral — vuistregel 6), a buurtteam
 * worker (a team group), and a coordinator (no caregiver: never sees case data).
 */
@DataJpaTest
@Import(DossierTestConfig.class)
class NeedToKnowMatrixTest {

  static final ZonedDateTime MONDAY =
      LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam"));
  static final String SIGNALLER = "signalling-midwife";

  @Autowired CaseFileService cases;
  @Autowired DossierService dossier;
  @Autowired ConsentService consents;
  @Autowired EmergencyAccessService emergencies;
  @Autowired AccessLog accessLog;
  @Autowired EmergencyAccessRepository emergencyRecords;

  String caseNumber;

  @BeforeEach
  void openCase() {
    caseNumber =
        cases.register(
            new Signal("VP-0042", LocalDate.of(2026, 9, 1), 14, List.of("stress"), "verloskundige"),
            SIGNALLER,
            MONDAY);
  }

  @AfterEach
  void reset() {
    DossierTestConfig.TASK_HOLDERS.clear();
    DossierTestConfig.logout();
  }

  enum Role {
    MIDWIFE("vk-user", "verloskundige-lombok", "verloskundige"),
    JGZ("jgz-user", "jgz-utrecht-west", "jgz"),
    BUURTTEAM("bt-user", "buurtteam-lombok"),
    COORDINATOR("co-user", "coordinator");

    final String userId;
    final String team;
    final String[] groups;

    Role(String userId, String team, String... more) {
      this.userId = userId;
      this.team = team;
      String[] all = new String[more.length + 1];
      all[0] = team;
      System.arraycopy(more, 0, all, 1, more.length);
      this.groups = all;
    }
  }

  enum Situation {
    INVOLVED,
    HOLDS_TASK,
    NOT_INVOLVED,
    INVOLVEMENT_ENDED,
    WITH_CONSENT,
    WITH_REFERRAL,
    EMERGENCY
  }

  @ParameterizedTest(name = "{0} {1}: summary {2}, mother {3}, child {4}, consents {5}, tasks {6}")
  @CsvSource({
    // role,     situation,        summary, mother, child, consents, tasks
    "MIDWIFE,     INVOLVED,          Y, Y, Y, Y, Y",
    "MIDWIFE,     HOLDS_TASK,        Y, Y, Y, Y, Y",
    "MIDWIFE,     NOT_INVOLVED,      N, N, N, N, N",
    "MIDWIFE,     INVOLVEMENT_ENDED, N, N, N, N, N",
    "MIDWIFE,     WITH_CONSENT,      Y, Y, Y, Y, Y",
    "MIDWIFE,     WITH_REFERRAL,     Y, Y, Y, Y, Y",
    "MIDWIFE,     EMERGENCY,         E, E, E, E, E",
    "JGZ,         INVOLVED,          Y, N, Y, Y, Y",
    "JGZ,         HOLDS_TASK,        Y, N, Y, Y, Y",
    "JGZ,         NOT_INVOLVED,      N, N, N, N, N",
    "JGZ,         INVOLVEMENT_ENDED, N, N, N, N, N",
    "JGZ,         WITH_CONSENT,      Y, Y, Y, Y, Y",
    "JGZ,         WITH_REFERRAL,     Y, Y, Y, Y, Y",
    "JGZ,         EMERGENCY,         E, E, E, E, E",
    "BUURTTEAM,   INVOLVED,          Y, Y, Y, Y, Y",
    "BUURTTEAM,   HOLDS_TASK,        Y, Y, Y, Y, Y",
    "BUURTTEAM,   NOT_INVOLVED,      N, N, N, N, N",
    "BUURTTEAM,   INVOLVEMENT_ENDED, N, N, N, N, N",
    "BUURTTEAM,   WITH_CONSENT,      Y, Y, Y, Y, Y",
    "BUURTTEAM,   WITH_REFERRAL,     Y, Y, Y, Y, Y",
    "BUURTTEAM,   EMERGENCY,         E, E, E, E, E",
    "COORDINATOR, INVOLVED,          N, N, N, N, N",
    "COORDINATOR, HOLDS_TASK,        N, N, N, N, N",
    "COORDINATOR, NOT_INVOLVED,      N, N, N, N, N",
    "COORDINATOR, INVOLVEMENT_ENDED, N, N, N, N, N",
    "COORDINATOR, WITH_CONSENT,      N, N, N, N, N",
    "COORDINATOR, WITH_REFERRAL,     N, N, N, N, N",
    "COORDINATOR, EMERGENCY,         N, N, N, N, N",
  })
  void accessMatrix(
      Role role,
      Situation situation,
      char summary,
      char mother,
      char child,
      char consentsPart,
      char tasks) {
    arrange(role, situation);
    loginAs(role.userId, role.groups);

    assertCell(DossierPart.CASE_SUMMARY, summary);
    assertCell(DossierPart.MOTHER_DOSSIER, mother);
    assertCell(DossierPart.CHILD_DOSSIER, child);
    assertCell(DossierPart.CONSENTS, consentsPart);
    assertCell(DossierPart.TASKS, tasks);
  }

  @org.junit.jupiter.api.Test
  void aWithdrawnConsentClosesTheMothersDossierToJgzAgain() {
    dossier.involveForTask(caseNumber, List.of("jgz-utrecht-west"), "system");
    consents.record(
        new ConsentStatement(
            caseNumber, "jgz", "warme-overdracht", ConsentDecision.GIVEN, null, SIGNALLER, MONDAY));
    loginAs(Role.JGZ.userId, Role.JGZ.groups);
    assertCell(DossierPart.MOTHER_DOSSIER, 'Y');
    assertThat(newestEntry().getConsentBasis()).startsWith("consent:");

    consents.record(
        new ConsentStatement(
            caseNumber,
            "jgz",
            "warme-overdracht",
            ConsentDecision.WITHDRAWN,
            "wil-geen-contact",
            SIGNALLER,
            MONDAY.plusDays(1)));
    assertCell(DossierPart.MOTHER_DOSSIER, 'N');
    assertCell(DossierPart.CHILD_DOSSIER, 'Y');
  }

  @org.junit.jupiter.api.Test
  void anEmergencyAccessEndsWhenItExpires() {
    emergencyRecords.save(
        new EmergencyAccess(
            caseNumber,
            Role.BUURTTEAM.userId,
            "Acute situatie, eerder vandaag",
            java.time.Instant.now().minusSeconds(7200),
            java.time.Instant.now().minusSeconds(60)));
    loginAs(Role.BUURTTEAM.userId, Role.BUURTTEAM.groups);
    assertCell(DossierPart.CASE_SUMMARY, 'N');
  }

  @org.junit.jupiter.api.Test
  void anEmergencyAccessNeedsAReason() {
    loginAs(Role.BUURTTEAM.userId, Role.BUURTTEAM.groups);
    assertThatThrownBy(() -> emergencies.open(caseNumber, "  kort "))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).dutchMessage()).contains("Geef de reden"));
    assertCell(DossierPart.CASE_SUMMARY, 'N');
  }

  private void arrange(Role role, Situation situation) {
    if (role == Role.COORDINATOR
        && (situation == Situation.INVOLVEMENT_ENDED || situation == Situation.WITH_REFERRAL)) {
      // a coordinator's group is not a caregivers' group: it cannot be involved or referred to
      dossier.involveForTask(caseNumber, List.of(role.team), "system");
      loginAs(SIGNALLER, "verloskundige");
      assertThat(dossier.readInvolvements(caseNumber))
          .noneMatch(i -> role.team.equals(i.getGroupId()));
      assertThatThrownBy(() -> dossier.refer(caseNumber, role.team))
          .isInstanceOf(InvalidInputException.class);
      return;
    }
    switch (situation) {
      case INVOLVED -> dossier.involveForTask(caseNumber, List.of(role.team), "system");
      case HOLDS_TASK -> DossierTestConfig.TASK_HOLDERS.add(role.userId);
      case NOT_INVOLVED -> {}
      case INVOLVEMENT_ENDED -> {
        dossier.involveForTask(caseNumber, List.of(role.team), "system");
        loginAs(role.userId, role.groups); // the team itself ends its involvement
        Involvement involvement =
            dossier.readInvolvements(caseNumber).stream()
                .filter(i -> role.team.equals(i.getGroupId()))
                .findFirst()
                .orElseThrow();
        dossier.endInvolvement(caseNumber, involvement.getId());
      }
      case WITH_CONSENT -> {
        dossier.involveForTask(caseNumber, List.of(role.team), "system");
        for (String discipline : List.of("jgz", "buurtteam", "verloskundige")) {
          consents.record(
              new ConsentStatement(
                  caseNumber,
                  discipline,
                  "warme-overdracht",
                  ConsentDecision.GIVEN,
                  null,
                  SIGNALLER,
                  MONDAY));
        }
      }
      case WITH_REFERRAL -> {
        loginAs(SIGNALLER, "verloskundige");
        dossier.refer(caseNumber, role.team);
      }
      case EMERGENCY -> {
        loginAs(role.userId, role.groups);
        if (role == Role.COORDINATOR) {
          assertThatThrownBy(
                  () ->
                      emergencies.open(
                          caseNumber, "Acute zorg nodig, regiehouder" + " onbereikbaar"))
              .isInstanceOf(InvalidInputException.class);
        } else {
          emergencies.open(caseNumber, "Acute zorg nodig, regiehouder onbereikbaar");
        }
      }
      default -> throw new IllegalStateException();
    }
  }

  private void assertCell(DossierPart part, char expected) {
    if (expected == 'N') {
      assertThatThrownBy(
              () -> dossier.authorize(caseNumber, part, AccessAction.READ, part.name(), null))
          .as(part.name())
          .isInstanceOf(DossierAccessDeniedException.class);
      AccessLogEntry entry = newestEntry();
      assertThat(entry.getOutcome()).as(part + " refusal logged").isEqualTo(AccessOutcome.DENIED);
      assertThat(entry.getObjectType()).isEqualTo(part.name());
      assertThat(entry.getConsentBasis()).isNull();
      return;
    }
    dossier.authorize(caseNumber, part, AccessAction.READ, part.name(), null);
    AccessLogEntry entry = newestEntry();
    assertThat(entry.getOutcome()).as(part.name()).isEqualTo(AccessOutcome.ALLOWED);
    assertThat(entry.getObjectType()).isEqualTo(part.name());
    assertThat(entry.isEmergency()).as(part + " emergency flag").isEqualTo(expected == 'E');
    assertThat(entry.getConsentBasis()).as(part + " basis").isNotBlank();
    if (expected == 'E') {
      assertThat(entry.getConsentBasis()).isEqualTo("emergency");
      assertThat(entry.getPurposeOfUse()).isEqualTo("emergency");
    }
  }

  private AccessLogEntry newestEntry() {
    List<AccessLogEntry> entries = accessLog.ofCase(caseNumber);
    return entries.get(entries.size() - 1);
  }
}
