package nl.zorgpad.coalition;

import java.util.List;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which coalitions (engine tenants) a user belongs to, read inside an engine command: directly or
 * through one of her groups. Read without authorization checks: a user's own membership decides
 * where her cases belong, whether or not she may list tenants.
 */
final class CoalitionMembership {

  private static final Logger LOG = LoggerFactory.getLogger(CoalitionMembership.class);

  private CoalitionMembership() {}

  /** The coalitions of the user the command runs for; empty without an authenticated user. */
  static List<String> ofAuthenticatedUser(CommandContext commandContext) {
    return of(commandContext, commandContext.getAuthenticatedUserId());
  }

  /** The coalitions of a user; empty for none (or no user). */
  static List<String> of(CommandContext commandContext, String userId) {
    if (userId == null) {
      return List.of();
    }
    return commandContext.runWithoutAuthorization(
        () ->
            commandContext
                .getReadOnlyIdentityProvider()
                .createTenantQuery()
                .userMember(userId)
                .includingGroupsOfUser(true)
                .list()
                .stream()
                .map(Tenant::getId)
                .sorted()
                .toList());
  }

  /**
   * The one coalition of the authenticated user, or null for a user of the shared installation
   * (no coalition) or no user at all (the system, a timer).
   *
   * @throws AmbiguousCoalitionException when she belongs to more than one coalition
   */
  static String singleOfAuthenticatedUser(CommandContext commandContext) {
    List<String> coalitions = ofAuthenticatedUser(commandContext);
    if (coalitions.size() > 1) {
      LOG.info(
          "user {} is a member of tenants {}: refused to start a case",
          commandContext.getAuthenticatedUserId(),
          coalitions);
      throw new AmbiguousCoalitionException(coalitions);
    }
    return coalitions.isEmpty() ? null : coalitions.get(0);
  }
}
