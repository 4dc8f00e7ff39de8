package nl.zorgpad.modeling;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.access.AccessDeniedException;

/**
 * The logged-in user as the engine sees her: calls made through {@link #run} carry her engine
 * authentication, so the engine's authorization checks (deploy, migrate, tenant membership)
 * decide, exactly as for {@code /engine-rest}. Groups and tenants are looked up at each call, as
 * the REST filter does, so membership changes apply at once.
 */
public record EngineUser(String userId, List<String> groupIds, List<String> tenantIds) {

  public static EngineUser of(String userId, IdentityService identityService) {
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    List<String> tenants = identityService.createTenantQuery().userMember(userId)
        .includingGroupsOfUser(true).list().stream().map(Tenant::getId).toList();
    return new EngineUser(userId, groups, tenants);
  }

  /** Runs {@code call} with this user's engine authentication; engine refusals become 403. */
  public <T> T run(IdentityService identityService, Supplier<T> call) {
    identityService.setAuthentication(userId, groupIds, tenantIds);
    try {
      return call.get();
    } catch (AuthorizationException e) {
      throw new AccessDeniedException(e.getMessage(), e);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
