package nl.zorgpad.rest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * The engine's authorization manager without its scan of the whole authorization table.
 *
 * <p>Before every authorization check Camunda 7.24 narrows the user's groups to those that hold
 * any authorization at all ({@code AuthorizationManager.filterAuthenticatedGroupIds}); to know
 * them it runs {@code SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A} — once per
 * command, so six times in one Tasklist list request — reading every authorization row of the
 * installation (4.3 per case in Zorgpad: a task grant per task and group and a process-instance
 * grant per case and group). That work grows with the installation's whole history, not with
 * what the caregiver sees (docs/benchmarks.md, "The group scan before every authorization check").
 *
 * <p>The narrowing changes no answer: a group without authorizations matches no row of the
 * authorization joins or the revoke check it feeds. So the groups are used as given (without
 * duplicates and blanks). A caregiver has two or three groups (discipline, team, coordinator
 * role), so the {@code IN} lists stay short.
 */
class GroupsAsGivenAuthorizationManager extends AuthorizationManager {

  @Override
  public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
    if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
      return new ArrayList<>();
    }
    LinkedHashSet<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
    groups.removeIf(Objects::isNull);
    return new ArrayList<>(groups);
  }

  /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
  static final class Factory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new GroupsAsGivenAuthorizationManager();
    }
  }
}
