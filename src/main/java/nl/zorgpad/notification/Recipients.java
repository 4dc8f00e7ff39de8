package nl.zorgpad.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.zorgpad.security.ZorgpadGroups;
import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is told about an event: per candidate group, the team's mailbox from the sociale kaart
 * (in the team's mode) and the group's members with an e-mail address in the engine's identity
 * service (each in her own mode). An overdue task that someone has claimed goes to her and the
 * team mailbox, not to all members. Members of a coalition's task are only that coalition's
 * members (decision 0005). One mail per address: the first way an address is reached counts.
 */
@Component
class Recipients {

  private final TeamRepository teams;
  private final IdentityService identityService;
  private final NotificationSettings settings;
  private final NotificationProperties properties;

  Recipients(
      TeamRepository teams,
      IdentityService identityService,
      NotificationSettings settings,
      NotificationProperties properties) {
    this.teams = teams;
    this.identityService = identityService;
    this.settings = settings;
    this.properties = properties;
  }

  /**
   * @param address where the mail goes
   * @param mode EVENT or DIGEST (OFF is left out)
   * @param teamMailbox whether the address is a team's mailbox (else a user's own address)
   * @param teamName the team (or discipline) the task is for, as users call it
   */
  record Recipient(String address, NotificationMode mode, boolean teamMailbox, String teamName) {}

  @Transactional(readOnly = true)
  List<Recipient> of(NotificationEvent event) {
    Map<String, Recipient> byAddress = new LinkedHashMap<>();
    String firstTeam = null;
    boolean claimedOverdue = event.kind() == NotificationKind.OVERDUE && event.assignee() != null;
    for (String groupId : event.groupIds()) {
      Optional<Team> team = teams.findByGroupId(groupId);
      String teamName = team.map(Team::getName).orElse(ZorgpadGroups.displayName(groupId));
      firstTeam = firstTeam == null ? teamName : firstTeam;
      if (team.isPresent() && team.get().getMailbox() != null) {
        add(byAddress, team.get().getMailbox(), settings.teamMode(groupId), true, teamName);
      }
      if (!claimedOverdue) {
        UserQuery members = identityService.createUserQuery().memberOfGroup(groupId);
        if (event.tenantId() != null) {
          members.memberOfTenant(event.tenantId());
        }
        for (User user : members.orderByUserId().asc().listPage(0, properties.maxMembers())) {
          add(byAddress, user.getEmail(), settings.userMode(user.getId()), false, teamName);
        }
      }
    }
    if (event.assignee() != null) {
      User assignee = identityService.createUserQuery().userId(event.assignee()).singleResult();
      if (assignee != null) {
        add(
            byAddress,
            assignee.getEmail(),
            settings.userMode(assignee.getId()),
            false,
            firstTeam == null ? "" : firstTeam);
      }
    }
    return new ArrayList<>(byAddress.values());
  }

  private static void add(
      Map<String, Recipient> byAddress,
      String address,
      NotificationMode mode,
      boolean teamMailbox,
      String teamName) {
    if (address == null || address.isBlank() || mode == NotificationMode.OFF) {
      return;
    }
    String key = address.strip().toLowerCase(Locale.ROOT);
    byAddress.putIfAbsent(key, new Recipient(address.strip(), mode, teamMailbox, teamName));
  }
}
