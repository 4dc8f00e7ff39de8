package nl.zorgpad.notification;

import nl.zorgpad.socialmap.Team;
import org.springframework.stereotype.Component;

/**
 * What the team page shows of the team's notifications, called from the template
 * ({@code ${@teamNotifications.of(team)}}), so the sociale kaart's controller needs no change.
 */
@Component("teamNotifications")
public class TeamNotificationView {

  private final NotificationSettings settings;
  private final NotificationProperties properties;

  TeamNotificationView(NotificationSettings settings, NotificationProperties properties) {
    this.settings = settings;
    this.properties = properties;
  }

  public View of(Team team) {
    return new View(
        team.getMailbox(),
        settings.teamMode(team.getGroupId()).name(),
        NotificationMode.values(),
        properties.enabled());
  }

  public record View(String mailbox, String mode, NotificationMode[] modes, boolean enabled) {}
}
