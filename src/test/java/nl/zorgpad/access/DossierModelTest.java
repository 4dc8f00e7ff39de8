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
import nl.zorgpad.casus.Child;
import nl.zorgpad.casus.ChildDetails;
import nl.zorgpad.casus.ChildStatus;
import nl.zorgpad.casus.Client;
import nl.zorgpad.casus.ClientDetails;
import nl.zorgpad.casus.DossierAccessDeniedException;
import nl.zorgpad.casus.DossierService;
import nl.zorgpad.casus.Handover;
import nl.zorgpad.casus.HandoverRecord;
import nl.zorgpad.casus.InvalidInputException;
import nl.zorgpad.casus.Involvement;
import nl.zorgpad.casus.InvolvementRole;
import nl.zorgpad.casus.Pregnancy;
import nl.zorgpad.casus.Signal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dossier model on the real schema (Flyway V1–V4, in-memory H2), through its service. */
@DataJpaTest
@Import(DossierTestConfig.class)
class DossierModelTest {

  static final ZonedDateTime MONDAY =
      LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZoneId.of("Europe/Amsterdam"));

  @Autowired CaseFileService cases;
  @Autowired DossierService dossier;
  @Autowired AccessLog accessLog;
  @Autowired JdbcTemplate jdbc;

  String caseNumber;

  @BeforeEach
  void openCase() {
    caseNumber =
        cases.register(
            new Signal("VP-0042", LocalDate.of(2026, 9, 1), 14, List.of("stress"), "verloskundige"),
            "demo-verloskundige",
            MONDAY);
  }

  @AfterEach
  void logout() {
    DossierTestConfig.logout();
  }

  @Test
  void openingACaseOpensItsPregnancyInvolvesTheSignallerAndIsLogged() {
    loginAs("demo-verloskundige", "verloskundige");
    Pregnancy pregnancy = dossier.readPregnancy(caseNumber).orElseThrow();
    assertThat(pregnancy.getDueDate()).isEqualTo(LocalDate.of(2026, 9, 1));
    assertThat(pregnancy.getGestationalAgeWeeksAtSignal()).isEqualTo(14);
    assertThat(pregnancy.getParity()).isNull();
    List<Involvement> involvements = dossier.readInvolvements(caseNumber);
    assertThat(involvements)
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.getRole()).isEqualTo(InvolvementRole.SIGNALLER);
              assertThat(i.getUserId()).isEqualTo("demo-verloskundige");
              assertThat(i.getDiscipline()).isEqualTo("verloskundige");
              assertThat(i.getUntil()).isNull();
            });
    assertThat(accessLog.ofCase(caseNumber))
        .filteredOn(entry -> entry.getObjectType().equals("CaseFile"))
        .last()
        .satisfies(
            entry -> {
              assertThat(entry.getAction()).isEqualTo(AccessAction.CREATE);
              assertThat(entry.getObjectType()).isEqualTo("CaseFile");
              assertThat(entry.getUserId()).isEqualTo("demo-verloskundige");
              assertThat(entry.getConsentBasis()).isEqualTo("pathway");
            });
  }

  @Test
  void clientAndChildAreSeparateDossiersAndEveryChangeIsLogged() {
    loginAs("demo-verloskundige", "verloskundige");
    Client client =
        dossier.saveClient(
            caseNumber,
            new ClientDetails(
                "Amira",
                "Bakker",
                "111222333",
                LocalDate.of(1999, 4, 1),
                "Kanaalstraat",
                "12",
                "3531 ab",
                "Utrecht",
                "06-12345678"),
            0);
    assertThat(client.getPostcode()).isEqualTo("3531AB");
    assertThat(cases.find(caseNumber).orElseThrow().getNeighbourhood()).isEqualTo("utrecht-lombok");
    assertThat(dossier.readPregnancy(caseNumber).orElseThrow().getParity()).isZero();

    Child child = dossier.openPrenatalChild(caseNumber);
    assertThat(child.getStatus()).isEqualTo(ChildStatus.PRENATAL);
    assertThat(child.logId()).isNotEqualTo(client.logId());
    dossier.updateChild(
        caseNumber,
        child.getId(),
        new ChildDetails("Noor", "Bakker", null, LocalDate.of(2026, 2, 20)));
    assertThat(dossier.readChildren(caseNumber))
        .singleElement()
        .satisfies(c -> assertThat(c.getStatus()).isEqualTo(ChildStatus.BORN));

    List<AccessLogEntry> log = accessLog.ofCase(caseNumber);
    assertThat(log)
        .extracting(AccessLogEntry::getObjectType, AccessLogEntry::getAction)
        .contains(
            org.assertj.core.groups.Tuple.tuple("Client", AccessAction.CREATE),
            org.assertj.core.groups.Tuple.tuple("Child", AccessAction.CREATE),
            org.assertj.core.groups.Tuple.tuple("Child", AccessAction.UPDATE),
            org.assertj.core.groups.Tuple.tuple("Child", AccessAction.READ));
    assertThat(log)
        .filteredOn(e -> e.getObjectType().equals("Client"))
        .allSatisfy(e -> assertThat(e.getClientId()).isEqualTo(client.logId()));
    assertThat(log)
        .filteredOn(e -> e.getObjectType().equals("Child"))
        .allSatisfy(e -> assertThat(e.getClientId()).startsWith("child:"));
  }

  @Test
  void invalidClientDetailsAreRefusedInDutchAndNothingIsWritten() {
    loginAs("demo-verloskundige", "verloskundige");
    long before = accessLog.ofCase(caseNumber).size();
    assertThatThrownBy(
            () ->
                dossier.saveClient(
                    caseNumber,
                    new ClientDetails(
                        "Amira", null, "123456789", null, null, null, "35310", null, null),
                    null))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e ->
                assertThat(((InvalidInputException) e).dutchMessage())
                    .contains("BSN")
                    .contains("postcode"));
    assertThat(jdbc.queryForObject("select count(*) from zp_client", Integer.class)).isZero();
    assertThat(accessLog.ofCase(caseNumber)).hasSize((int) before);
  }

  @Test
  void aRefusedChangeChangesNothingAndIsLoggedAsDenied() {
    loginAs("jgz-user", "jgz");
    assertThatThrownBy(
            () ->
                dossier.saveClient(
                    caseNumber,
                    new ClientDetails("Amira", null, null, null, null, null, null, null, null),
                    null))
        .isInstanceOf(DossierAccessDeniedException.class);
    assertThat(jdbc.queryForObject("select count(*) from zp_client", Integer.class)).isZero();
    List<AccessLogEntry> log = accessLog.ofCase(caseNumber);
    assertThat(log.get(log.size() - 1))
        .satisfies(
            entry -> {
              assertThat(entry.getOutcome()).isEqualTo(AccessOutcome.DENIED);
              assertThat(entry.getUserId()).isEqualTo("jgz-user");
              assertThat(entry.getObjectType()).isEqualTo("Client");
            });
  }

  @Test
  void aConfirmedHandoverInvolvesTheRecipientTeam() {
    dossier.recordHandover(
        caseNumber,
        "pi-1",
        "verloskundige",
        "jgz",
        new Handover("direct-gesprek", LocalDate.of(2026, 3, 2), true),
        "demo-verloskundige");
    assertThat(
            dossier.confirmHandover(
                "pi-1",
                LocalDate.of(2026, 3, 4),
                "huisbezoek",
                List.of("jgz-utrecht-west"),
                "demo-jgz"))
        .isTrue();
    assertThat(
            dossier.confirmHandover(
                "pi-1",
                LocalDate.of(2026, 3, 4),
                "huisbezoek",
                List.of("jgz-utrecht-west"),
                "demo-jgz"))
        .as("confirmed once")
        .isFalse();

    loginAs("demo-jgz", "jgz", "jgz-utrecht-west");
    HandoverRecord record = dossier.readHandovers(caseNumber).get(0);
    assertThat(record.isConfirmed()).isTrue();
    assertThat(record.getConfirmedBy()).isEqualTo("demo-jgz");
    assertThat(record.getContactMethod()).isEqualTo("huisbezoek");
    assertThat(dossier.readInvolvements(caseNumber))
        .anySatisfy(
            i -> {
              assertThat(i.getGroupId()).isEqualTo("jgz-utrecht-west");
              assertThat(i.getDiscipline()).isEqualTo("jgz");
              assertThat(i.getRole()).isEqualTo(InvolvementRole.HANDOVER);
            });
  }

  @Test
  void aTaskInvolvesItsGroupsOnce() {
    dossier.involveForTask(caseNumber, List.of("jgz-utrecht-west", "coordinator"), "system");
    dossier.involveForTask(caseNumber, List.of("jgz-utrecht-west"), "system");
    loginAs("demo-verloskundige", "verloskundige");
    assertThat(dossier.readInvolvements(caseNumber))
        .filteredOn(i -> i.getRole() == InvolvementRole.TASK)
        .singleElement()
        .satisfies(i -> assertThat(i.getGroupId()).isEqualTo("jgz-utrecht-west"));
  }

  @Test
  void onlyTheRegiehouderOrTheTeamItselfEndsAnInvolvement() {
    dossier.involveForTask(caseNumber, List.of("jgz-utrecht-west", "buurtteam-lombok"), "system");
    loginAs("demo-verloskundige", "verloskundige");
    Involvement jgz =
        dossier.readInvolvements(caseNumber).stream()
            .filter(i -> "jgz-utrecht-west".equals(i.getGroupId()))
            .findFirst()
            .orElseThrow();
    assertThatThrownBy(() -> dossier.endInvolvement(caseNumber, jgz.getId()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("regiehouder");

    loginAs("demo-buurtteam", "buurtteam", "buurtteam-lombok");
    dossier.appointCareCoordinator(caseNumber, "demo-buurtteam", "buurtteam-lombok");
    dossier.endInvolvement(caseNumber, jgz.getId());
    assertThat(cases.find(caseNumber).orElseThrow().getCareCoordinator())
        .isEqualTo("demo-buurtteam");
    assertThat(dossier.readInvolvements(caseNumber))
        .anySatisfy(
            i -> {
              assertThat(i.getRole()).isEqualTo(InvolvementRole.CARE_COORDINATOR);
              assertThat(i.getDiscipline()).isEqualTo("buurtteam");
            })
        .filteredOn(i -> i.getId().equals(jgz.getId()))
        .singleElement()
        .satisfies(i -> assertThat(i.getUntil()).isNotNull());
  }

  @Test
  void onlyAMidwifeOrGpRefers() {
    loginAs("bt-user", "buurtteam");
    dossier.involveForTask(caseNumber, List.of("buurtteam"), "system");
    assertThatThrownBy(() -> dossier.refer(caseNumber, "jgz"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("referrer");
  }
}
