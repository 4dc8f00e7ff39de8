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
    List<String> groups =
        identityService.createGroupQuery().groupMember(userId).list().stream()
            .map(Group::getId)
            .toList();
    List<String> tenants =
        identityService
            .createTenantQuery()
            .userMember(userId)
            .includingGroupsOfUser(true)
            .list()
            .stream()
            .map(Tenant::getId)
            .toList();
    return new EngineUser(userId, groups, tenants);
  }

  /**
   * Whether she may see what belongs to this coalition: shared things (null) are seen by all,
   * a coalition's own only by its members (the engine's tenant check, decision 0005).
   */
  public boolean sees(String coalition) {
    return coalition == null || tenantIds.contains(coalition);
  }

  /**
   * Whether she looks after this coalition's pathways and cases: a coordinator of a coalition
   * deploys and migrates for her coalition(s); a coordinator without a coalition (the central
   * one of the shared installation) for the shared ones (decision 0005).
   */
  public boolean manages(String coalition) {
    return tenantIds.isEmpty() ? coalition == null : tenantIds.contains(coalition);
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
