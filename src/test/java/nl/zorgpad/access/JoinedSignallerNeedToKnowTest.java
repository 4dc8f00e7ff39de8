package nl.zorgpad.access;

import static nl.zorgpad.access.DossierTestConfig.loginAs;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import nl.zorgpad.casus.CaseFileService;
import nl.zorgpad.casus.DossierPart;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.MatchKind;
import nl.zorgpad.casus.Signal;
import nl.zorgpad.casus.SignalOutcome;
import nl.zorgpad.casus.SignalSource;
import nl.zorgpad.casus.SignalledClient;
import nl.zorgpad.consent.ConsentDecision;
import nl.zorgpad.consent.ConsentService;
import nl.zorgpad.consent.ConsentStatement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * Decision 0008: a midwife whose later signal for the same woman joined the volunteer's case sees
 * the case (who is involved, whom to call) but not what others recorded about the mother —
 * until the client consents for her discipline or her team gets work in the case.
 */
@DataJpaTest
@Import(DossierTestConfig.class)
class JoinedSignallerNeedToKnowTest {

  static final ZonedDateTime MONDAY =
      LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam"));
  static final String MIDWIFE = "demo-verloskundige";
  static final String[] MIDWIFE_GROUPS = {"verloskundige", "verloskundige-utrecht-lombok"};

  @Autowired CaseFileService cases;
  @Autowired DossierService dossier;
  @Autowired ConsentService consents;

  String caseNumber;

  @BeforeEach
  void volunteerSignalsAndTheMidwifeJoins() {
    caseNumber =
        cases
            .openOrMatch(
                new Signal(
                    "VZ-0001",
                    LocalDate.of(2026, 7, 20),
                    20,
                    List.of("migratie-taal"),
                    "informele-zorg"),
                new SignalledClient("111222333", LocalDate.of(1996, 5, 17), "3531AB"),
                new SignalSource(
                    "demo-informele-zorg",
                    List.of("informele-zorg", "informele-zorg-utrecht"),
                    null),
                MONDAY)
            .caseNumber();
    cases.joinOpenCase(
        SignalOutcome.matched(caseNumber, MatchKind.BSN_BIRTH_DATE, "key"),
        new Signal(
            "VP-7781", LocalDate.of(2026, 7, 20), 20, List.of("huiselijk-geweld"), "verloskundige"),
        new SignalSource(MIDWIFE, List.of(MIDWIFE_GROUPS), null),
        MONDAY);
  }

  @AfterEach
  void logout() {
    DossierTestConfig.logout();
  }

  @Test
  void sheSeesTheCaseButNotTheMothersDossier() {
    loginAs(MIDWIFE, MIDWIFE_GROUPS);
    assertThat(dossier.mayAccess(caseNumber, DossierPart.CASE_SUMMARY)).isTrue();
    assertThat(dossier.mayAccess(caseNumber, DossierPart.TASKS)).isTrue();
    assertThat(dossier.mayAccess(caseNumber, DossierPart.MOTHER_DOSSIER)).isFalse();
    // nor does the volunteer (informal care: consent first, vuistregel 6)
    loginAs("demo-informele-zorg", "informele-zorg", "informele-zorg-utrecht");
    assertThat(dossier.mayAccess(caseNumber, DossierPart.CASE_SUMMARY)).isTrue();
    assertThat(dossier.mayAccess(caseNumber, DossierPart.MOTHER_DOSSIER)).isFalse();
  }

  @Test
  void withTheClientsConsentForHerDisciplineSheDoes() {
    consents.record(
        new ConsentStatement(
            caseNumber,
            "verloskundige",
            "warme-overdracht",
            ConsentDecision.GIVEN,
            null,
            "demo-informele-zorg",
            MONDAY));
    loginAs(MIDWIFE, MIDWIFE_GROUPS);
    assertThat(dossier.mayAccess(caseNumber, DossierPart.MOTHER_DOSSIER)).isTrue();
  }

  @Test
  void onceHerTeamHasWorkInTheCaseNeedToKnowIsAsForAnyInvolvedMidwife() {
    dossier.involveForTask(caseNumber, List.of("verloskundige-utrecht-lombok"), "system");
    loginAs(MIDWIFE, MIDWIFE_GROUPS);
    assertThat(dossier.mayAccess(caseNumber, DossierPart.MOTHER_DOSSIER)).isTrue();
  }
}
