package nl.zorgpad.socialmap;

import nl.zorgpad.startup.StartupStep;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: every team of the sociale kaart has its group and rights, also when teams came
 * into the database some other way (a restored backup, SQL) or a group was removed in Admin.
 */
@Component
@Order(StartupStep.FEATURES + 10)
class TeamGroupSync implements StartupStep {

  private final SocialMapService socialMap;

  TeamGroupSync(SocialMapService socialMap) {
    this.socialMap = socialMap;
  }

  @Override
  public void run() {
    socialMap.ensureTeamGroups();
  }
}
