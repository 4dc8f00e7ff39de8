package nl.zorgpad.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.zorgpad.security.ZorgpadGroups;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * The {@link CandidateGroupCatalog}: the disciplines, then every other group of the engine
 * (teams such as {@code jgz-utrecht-west}) except the roles that never get care tasks.
 */
class EngineCandidateGroupCatalog implements CandidateGroupCatalog {

  private static final Set<String> ROLES =
      Set.of(ZorgpadGroups.COORDINATOR, ZorgpadGroups.AUDITOR, ZorgpadGroups.ADMIN);

  private final IdentityService identityService;

  EngineCandidateGroupCatalog(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public List<Option> candidateGroups() {
    Map<String, Option> options = new LinkedHashMap<>();
    for (String discipline : ZorgpadGroups.DISCIPLINES) {
      options.put(discipline, new Option(discipline, ZorgpadGroups.displayName(discipline)));
    }
    List<Group> groups =
        new ArrayList<>(identityService.createGroupQuery().orderByGroupId().asc().list());
    for (Group group : groups) {
      if (!ROLES.contains(group.getId()) && !options.containsKey(group.getId())) {
        options.put(
            group.getId(),
            new Option(group.getId(), group.getName() == null ? group.getId() : group.getName()));
      }
    }
    return List.copyOf(options.values());
  }
}
