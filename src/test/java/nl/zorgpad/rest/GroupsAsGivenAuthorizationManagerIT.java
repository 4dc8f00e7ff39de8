package nl.zorgpad.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.zorgpad.support.ZorgpadIntegrationTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The authorization checks use the user's groups as given instead of first reading every group
 * that holds an authorization (a scan of the whole {@code ACT_RU_AUTHORIZATION}): same answers.
 */
@ZorgpadIntegrationTest
class GroupsAsGivenAuthorizationManagerIT {

  @Autowired ProcessEngine engine;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clearAuthentication() {
    identityService.clearAuthentication();
  }

  @Test
  void theEngineOpensZorgpadsAuthorizationManager() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getSessionFactories().get(AuthorizationManager.class))
        .isInstanceOf(GroupsAsGivenAuthorizationManager.Factory.class);
    assertThat(configuration.isAuthorizationEnabled()).isTrue();
  }

  @Test
  void everyUserSeesTheSameAsWithTheEnginesNarrowingOfHerGroups() {
    Set<String> groupsWithGrants =
        new HashSet<>(
            jdbc.queryForList(
                "select distinct GROUP_ID_ from ACT_RU_AUTHORIZATION where GROUP_ID_ is not null",
                String.class));
    List<User> users = identityService.createUserQuery().list();
    assertThat(users).hasSizeGreaterThan(5);
    int compared = 0;
    for (User user : users) {
      List<String> groups =
          identityService.createGroupQuery().groupMember(user.getId()).list().stream()
              .map(Group::getId)
              .toList();
      List<String> narrowed = new ArrayList<>(groups);
      narrowed.retainAll(groupsWithGrants);
      List<String> asGiven = new ArrayList<>(groups);
      asGiven.add("no-such-group"); // a group without any authorization changes nothing
      List<Long> seenNarrowed = seen(user.getId(), narrowed);
      List<Long> seenAsGiven = seen(user.getId(), asGiven);
      assertThat(seenAsGiven).as(user.getId() + " with groups " + groups).isEqualTo(seenNarrowed);
      compared++;
    }
    assertThat(compared).isEqualTo(users.size());
  }

  /** What the user may see: tasks, running cases, their variables, finished tasks. */
  private List<Long> seen(String userId, List<String> groups) {
    identityService.setAuthentication(userId, groups);
    try {
      return List.of(
          taskService.createTaskQuery().count(),
          runtimeService.createProcessInstanceQuery().count(),
          runtimeService.createVariableInstanceQuery().count(),
          historyService.createHistoricTaskInstanceQuery().count());
    } finally {
      identityService.clearAuthentication();
    }
  }
}
