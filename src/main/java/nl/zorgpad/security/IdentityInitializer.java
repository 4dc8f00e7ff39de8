package nl.zorgpad.security;

import java.util.ArrayList;
import java.util.List;
import nl.zorgpad.startup.StartupStep;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Makes sure at every start that all groups exist and that the administrator account exists and
 * is a direct member of {@code camunda-admin}. Camunda 7.24.0's admin setup endpoint creates an
 * administrator whenever that group has no direct member; with a member always present (and the
 * endpoint refused in {@link SecurityConfig}) it can never be used.
 */
@Component
@Order(StartupStep.IDENTITY)
public class IdentityInitializer implements StartupStep {

  private static final Logger LOG = LoggerFactory.getLogger(IdentityInitializer.class);

  private final IdentityService identityService;
  private final AdminProperties admin;

  IdentityInitializer(IdentityService identityService, AdminProperties admin) {
    this.identityService = identityService;
    this.admin = admin;
  }

  /** Start-up step (nl.zorgpad.startup): first of all. */
  @Override
  public void run() {
    ensureGroupsAndAdmin();
  }

  public void ensureGroupsAndAdmin() {
    List<String> all = new ArrayList<>(ZorgpadGroups.DISCIPLINES);
    all.add(ZorgpadGroups.COORDINATOR);
    all.add(ZorgpadGroups.AUDITOR);
    all.add(ZorgpadGroups.POLICY);
    for (String id : all) {
      ensureGroup(id, "WORKFLOW");
    }
    ensureGroup(ZorgpadGroups.OPERATOR, Groups.GROUP_TYPE_SYSTEM);
    ensureGroup(Groups.CAMUNDA_ADMIN, Groups.GROUP_TYPE_SYSTEM);
    ensureAdmin();
  }

  private void ensureGroup(String id, String type) {
    if (identityService.createGroupQuery().groupId(id).count() == 0) {
      Group group = identityService.newGroup(id);
      group.setName(ZorgpadGroups.displayName(id));
      group.setType(type);
      identityService.saveGroup(group);
      LOG.info("Created group {}", id);
    }
  }

  private void ensureAdmin() {
    String password = admin.password();
    User user = identityService.createUserQuery().userId(admin.user()).singleResult();
    if (user == null) {
      if (password == null || password.isBlank()) {
        password = admin.defaultPassword();
      }
      if (password == null || password.isBlank()) {
        throw new IllegalStateException(
            "No administrator account '"
                + admin.user()
                + "' exists and no password was given: set the environment variable"
                + " ZORGPAD_ADMIN_PASSWORD (or start the demo with --spring.profiles.active=demo)");
      }
      user = identityService.newUser(admin.user());
      user.setFirstName("Zorgpad");
      user.setLastName("Beheerder");
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("Created administrator account {}", admin.user());
    } else if (password != null
        && !password.isBlank()
        && !identityService.checkPassword(admin.user(), password)) {
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info(
          "Updated the password of administrator account {} from ZORGPAD_ADMIN_PASSWORD",
          admin.user());
    }
    if (identityService
            .createUserQuery()
            .userId(admin.user())
            .memberOfGroup(Groups.CAMUNDA_ADMIN)
            .count()
        == 0) {
      identityService.createMembership(admin.user(), Groups.CAMUNDA_ADMIN);
      LOG.info("Made {} a member of {}", admin.user(), Groups.CAMUNDA_ADMIN);
    }
  }
}
