package nl.zorgpad.notification;

import nl.zorgpad.socialmap.Team;
import nl.zorgpad.socialmap.TeamRepository;
import nl.zorgpad.startup.StartupStep;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo mode: every team of the demo sociale kaart gets a made-up mailbox
 * ({@code <group>@demo.zorgpad.invalid}) told per event — after the sociale kaart (order 20),
 * before the demo cases (order 30), so that their tasks are told. Leaves a team alone once its
 * notifications were set (by this step or by a coordinator).
 */
@Component
@Profile("demo")
@Order(StartupStep.DEMO + 25)
class NotificationDemoData implements StartupStep {

  static final String DOMAIN = "@demo.zorgpad.invalid";

  private final TeamRepository teams;
  private final NotificationSettings settings;

  NotificationDemoData(TeamRepository teams, NotificationSettings settings) {
    this.teams = teams;
    this.settings = settings;
  }

  @Override
  @Transactional
  public void run() {
    for (Team team : teams.findAllByOrderByNameAsc()) {
      if (!settings.hasTeamMode(team.getGroupId())) {
        if (team.getMailbox() == null) {
          team.setMailbox(team.getGroupId() + DOMAIN);
        }
        settings.setTeamMode(team.getGroupId(), NotificationMode.EVENT, "demo");
      }
    }
  }
}
