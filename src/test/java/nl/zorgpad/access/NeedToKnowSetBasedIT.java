package nl.zorgpad.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.zorgpad.accesslog.Actor;
import nl.zorgpad.casus.AccessGrant;
import nl.zorgpad.casus.DossierGuard;
import nl.zorgpad.casus.DossierPart;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 13: the case list decides need-to-know for a whole page at once
 * ({@link DossierGuard#decideAll}: the coalition guard, then {@link NeedToKnow}). Its outcome
 * must be, case by case, the per-case {@link DossierGuard#decide} — for every demo user, every
 * case and every dossier part, and in the edge cases: an emergency access, an ended involvement,
 * a case of another coalition. Each edge case is undone afterwards (the context is shared).
 */
@ZorgpadIntegrationTest
class NeedToKnowSetBasedIT {

  @Autowired DossierGuard guard;
  @Autowired IdentityService identityService;
  @Autowired JdbcTemplate jdbc;
  @Autowired EmergencyAccessRepository emergencies;

  List<Actor> actors() {
    List<Actor> actors = new ArrayList<>();
    for (User user : identityService.createUserQuery().list()) {
      List<String> groups =
          identityService.createGroupQuery().groupMember(user.getId()).list().stream()
              .map(Group::getId)
              .sorted()
              .toList();
      actors.add(new Actor(user.getId(), user.getId(), groups, "127.0.0.1"));
    }
    return actors;
  }

  List<String> cases() {
    return jdbc.queryForList(
        "select case_number from zp_case_file order by case_number", String.class);
  }

  /** Compares both decisions for every actor, case and part; returns how many were allowed. */
  int assertSameDecisions() {
    List<String> cases = cases();
    assertThat(cases).isNotEmpty();
    int allowed = 0;
    for (Actor actor : actors()) {
      for (DossierPart part : DossierPart.values()) {
        Map<String, AccessGrant> together = guard.decideAll(cases, part, actor);
        assertThat(together.keySet()).containsExactlyElementsOf(cases);
        for (String caseNumber : cases) {
          AccessGrant single = guard.decide(caseNumber, part, actor);
          AccessGrant set = together.get(caseNumber);
          String cell = actor.userId() + " / " + caseNumber + " / " + part;
          assertThat(set.allowed()).as(cell).isEqualTo(single.allowed());
          assertThat(set.emergency()).as(cell).isEqualTo(single.emergency());
          assertThat(set.basis()).as(cell).isEqualTo(single.basis());
          if (single.allowed()) {
            allowed++;
          }
        }
      }
    }
    return allowed;
  }

  @Test
  void onTheDemoDataEveryCellIsDecidedAsPerCase() {
    assertThat(assertSameDecisions()).isPositive();
  }

  @Test
  void anEmergencyAccessOpensTheCaseInBothDecisions() {
    String caseNumber = cases().get(0);
    Actor kraamzorg =
        actors().stream()
            .filter(a -> a.userId().equals("demo-kraamzorg"))
            .findFirst()
            .orElseThrow();
    Instant now = Instant.now();
    EmergencyAccess access =
        emergencies.save(
            new EmergencyAccess(
                caseNumber,
                "demo-kraamzorg",
                "test: set-based decision",
                now.minusSeconds(5),
                now.plus(1, ChronoUnit.HOURS)));
    try {
      Map<String, AccessGrant> together =
          guard.decideAll(List.of(caseNumber), DossierPart.MOTHER_DOSSIER, kraamzorg);
      assertThat(together.get(caseNumber).allowed()).isTrue();
      assertSameDecisions();
    } finally {
      jdbc.update("delete from zp_emergency_access where id = ?", access.getId());
    }
  }

  @Test
  void anEndedInvolvementNoLongerCountsInBothDecisions() {
    Map<String, Object> involvement =
        jdbc.queryForList(
                "select id, until_at from zp_involvement"
                    + " where until_at is null and group_id is not null order by id")
            .get(0);
    try {
      jdbc.update(
          "update zp_involvement set until_at = ? where id = ?",
          java.time.OffsetDateTime.now().minusMinutes(1),
          involvement.get("id"));
      assertSameDecisions();
    } finally {
      jdbc.update("update zp_involvement set until_at = null where id = ?", involvement.get("id"));
    }
  }

  @Test
  void aCaseOfAnotherCoalitionIsRefusedInBothDecisions() {
    String caseNumber = cases().get(0);
    List<String> tenants =
        jdbc.queryForList("select ID_ from ACT_ID_TENANT order by ID_", String.class);
    assertThat(tenants).isNotEmpty();
    List<Map<String, Object>> roots =
        jdbc.queryForList(
            "select ID_, TENANT_ID_ from"
                + " ACT_HI_PROCINST where BUSINESS_KEY_ = ? and SUPER_PROCESS_INSTANCE_ID_ is null",
            caseNumber);
    assertThat(roots).isNotEmpty();
    try {
      jdbc.update(
          "update ACT_HI_PROCINST set TENANT_ID_ = ? where BUSINESS_KEY_ = ?"
              + " and SUPER_PROCESS_INSTANCE_ID_ is null",
          tenants.get(0),
          caseNumber);
      assertSameDecisions();
      Actor outsider =
          actors().stream()
              .filter(a -> a.userId().equals("demo-verloskundige"))
              .findFirst()
              .orElseThrow();
      assertThat(
              guard
                  .decideAll(List.of(caseNumber), DossierPart.CASE_SUMMARY, outsider)
                  .get(caseNumber)
                  .allowed())
          .isFalse();
    } finally {
      for (Map<String, Object> root : roots) {
        jdbc.update(
            "update ACT_HI_PROCINST set TENANT_ID_ = ? where ID_ = ?",
            root.get("TENANT_ID_"),
            root.get("ID_"));
      }
    }
  }
}
