package nl.zorgpad.api;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls as the user who called the API, with her groups, so that the engine's
 * authorization checks and its operation log see the real user.
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
        .map(Group::getId).toList();
  }

  <T> T as(String userId, Supplier<T> action) {
    identityService.setAuthentication(userId, groupsOf(userId));
    try {
      return action.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
