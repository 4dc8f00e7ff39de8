package nl.zorgpad.pathway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import nl.zorgpad.discipline.Disciplines;
import nl.zorgpad.discipline.GroupDisciplines;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The groups a caregiver works in, and which of them is her team for a discipline: a team group
 * of the sociale kaart (e.g. {@code buurtteam-utrecht-lombok}) before the bare discipline group
 * ({@code buurtteam}) that every member of the discipline is in.
 */
final class UserTeams {

  private static final GroupDisciplines DISCIPLINES = GroupDisciplines.byPrefix();

  private final List<String> groups;

  private UserTeams(List<String> groups) {
    this.groups = groups;
  }

  /** The user's groups: from the engine's authentication when it is hers, else looked up. */
  static UserTeams of(ProcessEngineServices services, String userId) {
    Authentication authentication = services.getIdentityService().getCurrentAuthentication();
    if (authentication != null
        && userId.equals(authentication.getUserId())
        && authentication.getGroupIds() != null
        && !authentication.getGroupIds().isEmpty()) {
      return new UserTeams(new ArrayList<>(authentication.getGroupIds()));
    }
    return new UserTeams(
        services.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList());
  }

  /**
   * Her team for a discipline: a candidate group of the task she is in (a team before a bare
   * discipline group), else her own team of that discipline, else her bare discipline group.
   */
  Optional<String> teamOf(String discipline, Collection<String> candidates) {
    List<String> mine =
        groups.stream()
            .filter(g -> DISCIPLINES.disciplineOf(g).filter(discipline::equals).isPresent())
            .toList();
    return candidates.stream()
        .filter(mine::contains)
        .filter(UserTeams::isTeam)
        .findFirst()
        .or(() -> mine.stream().filter(UserTeams::isTeam).sorted().findFirst())
        .or(() -> candidates.stream().filter(mine::contains).findFirst())
        .or(() -> mine.stream().findFirst());
  }

  private static boolean isTeam(String group) {
    return !Disciplines.ALL.contains(group);
  }
}
