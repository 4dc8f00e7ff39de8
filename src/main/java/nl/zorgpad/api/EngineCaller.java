package nl.zorgpad.api;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the user who called the API, with her groups and coalitions (engine
 * tenants), so that the engine's authorization and tenant checks and its operation log see the
 * real user, as for {@code /engine-rest}.
 */
@Component
class EngineCaller {

  private final IdentityService identityService;

  EngineCaller(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user's group ids (disciplines and roles), as the engine knows them. */
  List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId)
        .toList();
  }

  /** The user's coalitions (engine tenants), directly or through one of her groups. */
  List<String> coalitionsOf(String userId) {
    return identityService
        .createTenantQuery()
        .userMember(userId)
        .includingGroupsOfUser(true)
        .list()
        .stream()
        .map(Tenant::getId)
        .sorted()
        .toList();
  }

  <T> T as(String userId, Supplier<T> action) {
    return as(userId, groupsOf(userId), coalitionsOf(userId), action);
  }

  /** As {@link #as(String, Supplier)}, with the groups and coalitions the caller already read. */
  <T> T as(String userId, List<String> groups, List<String> coalitions, Supplier<T> action) {
    identityService.setAuthentication(userId, groups, coalitions);
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
