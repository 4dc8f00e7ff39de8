package nl.zorgpad.audit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * The discipline of a user (from her engine groups) or of a candidate group (a discipline group
 * or a team of the sociale kaart). Used for the discipline filter and to replace users by their
 * discipline in the anonymised export.
 */
@Component
class ActorDisciplines {

  private static final List<String> ROLES =
      List.of(ZorgpadGroups.COORDINATOR, ZorgpadGroups.AUDITOR);

  private final IdentityService identity;
  private final TeamRepository teams;

  /**
   * Per node, for the requests of a few minutes: a user who moves to another team is seen there
   * after at most {@link #MAX_AGE} (docs/operations.md, "State per node").
   */
  private final Map<String, String> users = new ConcurrentHashMap<>();

  private final Map<String, String> organisations = new ConcurrentHashMap<>();
  static final java.time.Duration MAX_AGE = java.time.Duration.ofMinutes(10);
  private volatile java.time.Instant filledSince = java.time.Instant.now();

  private final org.springframework.jdbc.core.JdbcTemplate jdbc;

  ActorDisciplines(
      IdentityService identity,
      TeamRepository teams,
      org.springframework.jdbc.core.JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.identity = identity;
    this.teams = teams;
  }

  String ofUser(String userId) {
    if (userId == null) {
      return null;
    }
    expire();
    return users.computeIfAbsent(
        userId,
        id -> {
          List<Group> groups = identity.createGroupQuery().groupMember(id).list();
          for (Group group : groups) {
            if (Disciplines.ALL.contains(group.getId())) {
              return group.getId();
            }
          }
          for (Group group : groups) {
            String discipline = ofGroup(group.getId());
            if (discipline != null) {
              return discipline;
            }
          }
          return groups.stream()
              .map(Group::getId)
              .filter(ROLES::contains)
              .findFirst()
              .orElse("unknown");
        });
  }

  /** The organisation of the user's team in the sociale kaart; empty when she has no team. */
  String organisationOf(String userId) {
    if (userId == null) {
      return "";
    }
    expire();
    return organisations.computeIfAbsent(
        userId,
        id -> {
          for (Group group : identity.createGroupQuery().groupMember(id).list()) {
            List<String> names =
                jdbc.queryForList(
                    "select o.name from zp_team t join"
                        + " zp_organisation o on o.id = t.organisation_id where t.group_id = ?",
                    String.class,
                    group.getId());
            if (!names.isEmpty()) {
              return names.get(0);
            }
          }
          return "";
        });
  }

  String ofGroup(String groupId) {
    if (groupId == null) {
      return null;
    }
    if (Disciplines.ALL.contains(groupId)) {
      return groupId;
    }
    return teams.findByGroupId(groupId).map(Team::getDiscipline).orElse(null);
  }

  /** Forgets everything once {@link #MAX_AGE} has passed since the caches were last emptied. */
  private void expire() {
    java.time.Instant now = java.time.Instant.now();
    if (filledSince.plus(MAX_AGE).isBefore(now)) {
      users.clear();
      organisations.clear();
      filledSince = now;
    }
  }
}
